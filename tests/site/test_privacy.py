"""A contact not marked public appears nowhere in the built site: every file is scanned."""

import gzip
import re

from mentor_gallery.content.rules import digits
from mentor_gallery.content.loader import load_roster
from support import EXAMPLE_CONTENT, build_site


def site_texts(site):
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            yield path, data.decode("utf-8", errors="replace")


def phone_pattern(phone: str) -> re.Pattern:
    """The phone's digits with any separators between them, as a page might format it."""
    return re.compile(r"\D{0,3}".join(digits(phone)))


def test_private_contacts_appear_in_no_file_and_public_ones_do(tmp_path):
    build = build_site(tmp_path)
    assert build.returncode == 0, build.output
    mentors = load_roster(EXAMPLE_CONTENT).roster.mentors
    private = [m.contact for m in mentors if m.contact and not m.contact.public]
    public = [m.contact for m in mentors if m.contact and m.contact.public]
    assert private and public, "the example roster must have both kinds to make this test meaningful"
    texts = dict(site_texts(build.site))
    assert len(texts) > 50
    everything = "\n".join(texts.values())
    lowered = everything.lower()
    for contact in private:
        if contact.email:
            leaks = [str(p) for p, t in texts.items() if contact.email.lower() in t.lower()]
            assert not leaks, f"{contact.email} leaked into {leaks}"
        if contact.phone:
            assert not phone_pattern(contact.phone).search(everything), f"{contact.phone} leaked"
    for contact in public:
        if contact.email:
            assert contact.email.lower() in lowered
