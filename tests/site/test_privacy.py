"""A contact not marked public appears nowhere in the built site: every file is scanned."""

import gzip
import re
import shutil

from mentor_gallery.content.rules import digits
from mentor_gallery.content.loader import load_roster
from support import EXAMPLE_CONTENT


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


def test_private_contacts_appear_in_no_file_and_public_ones_do(example_build):
    build = example_build
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


def test_a_contact_planted_in_one_page_s_theme_part_after_the_build_is_found(example_build, tmp_path):
    # The gate reads the theme's header once for all pages: a page whose header bytes differ
    # is read again, and only that page is named.
    from mentor_gallery.content.privacy import PrivateContacts
    from mentor_gallery.site.privacy_gate import scan_site

    assert example_build.returncode == 0, example_build.output
    site = shutil.copytree(example_build.site, tmp_path / "site")  # the shared build stays untouched
    contacts = PrivateContacts.of(load_roster(EXAMPLE_CONTENT).roster.mentors)
    assert scan_site(site, contacts) == []
    private = next(m.contact for m in load_roster(EXAMPLE_CONTENT).roster.mentors if m.contact and not m.contact.public and m.contact.email)
    pages = sorted(site.glob("mentors/*/index.html"))
    assert len(pages) > 5
    target = pages[len(pages) // 2]
    html = target.read_text(encoding="utf-8")
    header = html.index('<header class="md-header"')
    assert html.count('<header class="md-header"') == 1 and html.index("<article") > header
    planted = html.replace('aria-label="Header"', f'aria-label="Header {private.email.upper()}"', 1)
    assert planted != html
    target.write_text(planted, encoding="utf-8")
    leaks = scan_site(site, contacts)
    assert [(leak.file, leak.what) for leak in leaks] == [(target.relative_to(site).as_posix(), "email")]
