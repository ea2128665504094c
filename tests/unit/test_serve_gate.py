"""Under `mkdocs serve` the privacy gate reads again only what a rebuild changed: a file whose
exact bytes were read for the same private contacts is not read twice; anything else is, and a
contact planted in it is found as by a gate that remembers nothing."""

from __future__ import annotations

import gzip
from pathlib import Path

from mentor_gallery.content.model import Contact
from mentor_gallery.content.privacy import PrivateContacts
from mentor_gallery.site.privacy_gate import ServeGate, scan_site

PAGE = "<!doctype html><html><body><header><nav>Mentors Programs</nav></header><main><h1>{}</h1></main></body></html>"


def contacts(*pairs: tuple[str, str]) -> PrivateContacts:
    found = PrivateContacts()
    for email, source in pairs:
        found.add(Contact(email=email), source)
    return found


ANA = ("ana.diaz@example.org", "content/mentors/ana-diaz.md")
BEN = ("ben.okafor@example.org", "content/mentors/ben-okafor.md")


def site(tmp_path: Path, count: int = 12) -> Path:
    root = tmp_path / "site"
    for number in range(count):
        write(root / f"mentors/m{number}/index.html", PAGE.format(f"Mentor {number}"))
    write(root / "search/search_index.json", '{"docs": []}')
    (root / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset></urlset>"))
    return root


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def leaks(gate: ServeGate, root: Path, found: PrivateContacts) -> list[tuple[str, str, str]]:
    return [(leak.file, leak.what, leak.source) for leak in gate.scan_site(root, found)]


def test_a_rebuild_reads_only_the_files_whose_bytes_changed(tmp_path):
    root, gate = site(tmp_path), ServeGate()
    assert leaks(gate, root, contacts(ANA)) == [] and gate.files_read == 14
    assert leaks(gate, root, contacts(ANA)) == [] and gate.files_read == 0  # the same bytes, rewritten or not
    write(root / "mentors/m3/index.html", PAGE.format("Mentor 3, ana.diaz@example.org"))
    assert leaks(gate, root, contacts(ANA)) == [("mentors/m3/index.html", "email", ANA[1])]
    assert gate.files_read == 1
    # A leak found is found again while it stays: the result is remembered with the bytes.
    assert leaks(gate, root, contacts(ANA)) == [("mentors/m3/index.html", "email", ANA[1])]
    assert gate.files_read == 0


def test_new_private_contacts_are_looked_for_in_every_file(tmp_path):
    """Ben's address was on a page while it was public; he made it private: the unchanged page
    is read again, for the new contact, and the build publishes nothing."""
    root, gate = site(tmp_path), ServeGate()
    write(root / "mentors/m5/index.html", PAGE.format("Write to ben.okafor@example.org"))
    assert leaks(gate, root, contacts(ANA)) == []
    assert leaks(gate, root, contacts(ANA, BEN)) == [("mentors/m5/index.html", "email", BEN[1])]
    assert gate.files_read == 14
    # The same contacts from another file: the leak names where the contact comes from now.
    moved = ("ben.okafor@example.org", "content/mentors/ben-okafor-2.md")
    assert leaks(gate, root, contacts(ANA, moved)) == [("mentors/m5/index.html", "email", moved[1])]


def test_the_same_bytes_under_another_kind_of_name_are_read_as_that_kind(tmp_path):
    """What the gate finds depends on how a file is read (a .gz is read as what it packs):
    bytes first read as one kind are read again as another."""
    root, gate = tmp_path / "site", ServeGate()
    root.mkdir()
    packed = gzip.compress(b"Write to ana.diaz@example.org")
    (root / "a.bin").write_bytes(packed)  # read as bytes, it shows nothing
    assert leaks(gate, root, contacts(ANA)) == []
    (root / "b.txt.gz").write_bytes(packed)
    assert leaks(gate, root, contacts(ANA)) == [("b.txt.gz", "email", ANA[1])]
    assert gate.files_read == 1


def test_a_gate_that_remembers_finds_what_a_fresh_gate_finds(tmp_path):
    root, gate = site(tmp_path), ServeGate()
    who = contacts(ANA, BEN)
    for step, (name, text) in enumerate([("mentors/m1/index.html", "ana.diaz@example.org"),
                                         ("mentors/m1/index.html", "nobody"),
                                         ("mentors/m2/index.html", "ben.okafor@example.org"),
                                         ("search/search_index.json", '{"docs": [{"text": "ANA.DIAZ@EXAMPLE.ORG"}]}')]):
        write(root / name, PAGE.format(text) if name.endswith(".html") else text)
        assert gate.scan_site(root, who) == scan_site(root, who), step
