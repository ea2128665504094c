"""The privacy promise holds for text as people write it: one reading of what a reader sees, used by
`check` and by the build's last gate alike, finds a private contact in every ordinary and
disguised form, in every content file, and before a members-only page is sealed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.model import Contact
from mentor_gallery.content.privacy import PrivateContacts
from mentor_gallery.site.privacy_gate import scan_bytes
from support import PROJECT, make_roster, profile

PRIVATE = "{email: ana@example.org, phone: '919-555-0142'}"


def contacts() -> PrivateContacts:
    found = PrivateContacts()
    found.add(Contact("ana@example.org", "919-555-0142", False), "content/mentors/ana.md")
    return found


def problems(root: Path) -> list[str]:
    return [f"{Path(p.path).name}:{p.line}: {p.message}" for p in load_roster(root).problems if p.severity == "error"]


def gate(page: str, name: str = "mentors/bo/index.html") -> tuple[str, str] | None:
    return scan_bytes(name, page.encode("utf-8"), contacts())


# The disguises of the outside attack, and the ordinary ways people write a contact.
EMAILS = [
    "«ana@example.org»", "“ana@example.org”", "ana@example.org!", "*ana@example.org*", "|ana@example.org|",
    "{ana@example.org}", "ana@example.org。", "(ana@example.org)", "<ana@example.org>", "'ana@example.org'",
    "ana@example.org.", "Ana@Example.ORG", "ana @ example.org",
    "\u0430na@ex\u0430mple.org",  # Cyrillic а, shown as the Latin one
    "\u202egro.elpmaxe@ana\u202c",  # reversed, shown the right way round
]
PHONES = [
    "919/555/0142", "919·555·0142", "919_555_0142", "919\u2212555\u22120142", "919     555      0142",
    "919 / 555 / 0142", "(919) 555-0142", "+1 919 555 0142", "919.555.0142", "9195550142",
    "\u202e2410-555-919\u202c",  # reversed, shown the right way round
    "٩١٩ ٥٥٥ ٠١٤٢", "９１９−５５５−０１４２",
]


@pytest.mark.parametrize("written", EMAILS + PHONES)
def test_the_last_gate_finds_a_contact_however_it_is_written(written):
    assert gate(f"<p>Write to {written} any time.</p>") is not None, written


@pytest.mark.parametrize("written", EMAILS + PHONES)
def test_check_finds_another_mentors_contact_however_it_is_written(tmp_path, written):
    root = make_roster(tmp_path / "c", {"ana": profile(contact=PRIVATE),
                                        "bo": profile("Bo Lee") + f"\nWrite to Ana at {written} any time.\n"})
    found = problems(root)
    if "\u202e" in written:  # check refuses the direction control itself, at its line
        assert any(p.startswith("bo.md:10: column 17: the invisible direction control U+202E") for p in found), found
    else:
        assert any(p.startswith("bo.md:10: the text contains the private contact") and "ana.md" in p for p in found), (written, found)


@pytest.mark.parametrize("where", ["program", "form", "taxonomy"])
def test_check_compares_every_content_file_with_every_private_contact(tmp_path, where):
    programs = {"circle": '---\nname: Circle\nsummary: "A circle."\n---\nAsk Ana: «ana@example.org».\n'} if where == "program" else None
    forms = {"apply": 'title: Apply\naction: https://forms.example.org/x\nfields:\n  - {name: a, label: "Call 919 / 555 / 0142", type: text}\n'} if where == "form" else None
    taxonomy = None
    if where == "taxonomy":
        from support import TAXONOMY
        taxonomy = TAXONOMY.replace("Finance", "Finance", 1) + "\n# extra\n"
        taxonomy = re.sub(r"(\n\s*-\s*)Western", r"\1Western\1'Western (919·555·0142)'", TAXONOMY, count=1)
    root = make_roster(tmp_path / "c", {"ana": profile(contact=PRIVATE)}, programs=programs, forms=forms,
                       **({"taxonomy": taxonomy} if taxonomy else {}))
    found = problems(root)
    assert any("contains the private contact" in p and "ana.md" in p for p in found), found


def test_a_contact_in_an_alt_text_a_link_title_an_abbr_or_a_list_number_is_refused_by_check(tmp_path):
    for statement in ('![ana@example.org](https://example.org/p.png)', '[me](https://example.org "ana@example.org")',
                      '<abbr title="ana@example.org">AD</abbr>', '<ol start="9195550142"><li>call</li></ol>'):
        root = make_roster(tmp_path / str(len(statement)), {"ana": profile(contact=PRIVATE) + f"\n{statement}\n"})
        assert any("the statement contains the private contact" in p for p in problems(root)), statement


def test_a_contact_in_a_file_name_is_refused_by_check(tmp_path):
    root = make_roster(tmp_path / "c", {"ana-919-555-0142": profile(contact=PRIVATE)})
    assert any("file name contains the private contact phone" in p for p in problems(root)), problems(root)


def test_ordinary_numbers_are_not_phones():
    ordinary = ("<p>Since 2009 I led a $12,500,000 budget for 14 towns (ZIP 27601-1234) and 3,200 staff; "
                "on 2024-03-15 at 10:30 we met 1/2/2025. Call 919-555-0143 or write to anna@example.org, "
                "ana@example.org.uk, bana@example.org, ana@example.organisation.</p>")
    assert gate(ordinary) is None


# --- the card summary comes from the sanitised statement -----------------------------------------


def test_the_card_summary_never_shows_what_the_sanitiser_drops(tmp_path):
    from mentor_gallery.site.pages import mentor_words
    from mentor_gallery.site.views import public_card

    root = make_roster(tmp_path / "c", {"ana": profile(contact=PRIVATE).replace(
        "I have led budgets for twenty years.", "Write to me <style>«bo.lee@example.org» 919 555 0199</style> any time.")})
    [mentor] = load_roster(root).roster.mentors
    card = public_card(mentor)
    assert card.summary == "Write to me any time."
    assert "bo.lee" not in mentor_words(mentor) and "0199" not in mentor_words(mentor)


# --- members-only pages are read before they are sealed -------------------------------------------


def test_a_members_only_page_is_read_before_it_is_sealed(tmp_path):
    from mentor_gallery.settings import SiteSettings
    from mentor_gallery.site.pages import site_pages
    from mentor_gallery.site.render import FragmentRenderer
    from mentor_gallery.site.sealing import Sealer

    root = make_roster(tmp_path / "c", {"ana": profile(contact=PRIVATE), "bo": profile("Bo Lee")})
    roster = load_roster(root).roster
    bo = next(m for m in roster.mentors if m.slug == "bo")
    # Whatever check might miss: the sealed page is what members read, and no gate reads ciphertext.
    bo.__dict__["statement_html"] = '<p><img src="x.png" alt="ana@example.org"></p>'
    renderer = FragmentRenderer(PROJECT / "site-templates" / "mentor-gallery", "Example",
                                Sealer.from_passphrase("a test passphrase", iterations=1000))
    renderer.contacts = PrivateContacts.of(roster.mentors)
    pages = {spec.url: renderer.render(spec, spec.body_html) for spec in site_pages(roster, SiteSettings(access="members-only"))}
    assert "ana@example.org" not in "".join(pages.values())  # sealed: the written files hide it
    [leak] = renderer.sealed_leaks
    assert leak.file.startswith("mentors/bo/") and leak.what == "email" and leak.source.endswith("ana.md")


# --- inputs that cannot hide -----------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\u0085", "\u202e", "\u202a", "\u2066", "\u2069"])
def test_hidden_line_breaks_and_direction_controls_are_refused_with_their_line(tmp_path, char):
    root = make_roster(tmp_path / "c", {"ana": profile(contact=PRIVATE), "bo": profile("Bo Lee")})
    hidden = f'---\nname: "Ana Díaz"\ntitle: Town Manager\norganization: Town of Alder\nregion: Western\nexpertise: [Finance]\ncontact: {{phone: "919-555-0142"}}   # kept private{char}  public: true\n---\nHello.\n'
    (root / "mentors" / "ana.md").write_text(hidden, encoding="utf-8")
    (root / "mentors" / "bo.md").write_text(profile("Bo Lee") + f"\nWrite to {char}gro.elpmaxe@enaj\n", encoding="utf-8")
    found = problems(root)
    assert any(p.startswith("ana.md:7: column ") and f"U+{ord(char):04X}" in p for p in found), found
    assert any(p.startswith("bo.md:10: column ") and f"U+{ord(char):04X}" in p for p in found), found


@pytest.mark.parametrize("action, message", [
    ("mailto:coordin\u0430tor@example.org", "has letters outside ASCII"),
    ("mailto:coordinator@exämple.org", "mailto:coordinator@xn--exmple-cua.org"),
    ("mailto:coordinator@elsewhere.example.net", "goes to elsewhere.example.net, which is not in allowed_hosts"),
    ("http://127.0.0.1:8000/collect", "goes to 127.0.0.1, which is not in allowed_hosts"),
    ("http://localhost/collect", "goes to localhost, which is not in allowed_hosts"),
])
def test_allowed_hosts_applies_to_every_destination_and_mailto_is_ascii(tmp_path, action, message):
    form = f"title: Apply\naction: {action}\nfields:\n  - {{name: a, label: A, type: text}}\n"
    root = make_roster(tmp_path / "c", {"ana": profile()}, forms={"apply": form})
    found = [f"{p.line}: {p.message}" for p in load_roster(root, frozenset({"forms.example.org"})).problems]
    assert any(message in p for p in found), found
    if "ASCII" in message or "xn--" in message:  # refused with or without allowed_hosts
        assert any(message in p.message for p in load_roster(root).problems)
    ok = make_roster(tmp_path / "ok", {"ana": profile()}, forms={"apply": form.replace(action, "mailto:coordinator@forms.example.org")})
    assert not [p for p in load_roster(ok, frozenset({"forms.example.org"})).problems if p.severity == "error"]


# --- the gate reads a text file with a NUL in it as text ----------------------------------------


def test_a_nul_early_in_a_file_does_not_stop_the_gate_folding_it():
    data = "\x00 call ９１９−５５５−０１４２ or ａｎａ＠ｅｘａｍｐｌｅ．ｏｒｇ".encode("utf-8")
    assert scan_bytes("search/extra.json", data, contacts()) is not None
    assert scan_bytes("photo.bin", b"\x89PNG\x00\xff" + data, contacts()) is not None  # binary: read both ways


def test_the_reader_text_lays_out_what_a_browser_shows_and_drops_what_it_hides():
    from mentor_gallery.content.text import reader_text

    html = ('<p>a<style>hidden1</style>b<script>hidden2</script><img alt="alt1"><ol start="42"><li>x</li></ol>'
            '<a href="https://h.example/" title="title1">t</a><abbr title="title2">y</abbr><span data-x="secret">z</span></p>')
    shown = reader_text(html)
    assert "hidden" not in shown and "secret" not in shown
    assert all(word in shown for word in ("alt1", "42", "https://h.example/", "title1", "title2"))
    everything = reader_text(html, everything=True)
    assert all(word in everything for word in ("hidden1", "hidden2", "secret", "alt1", "42", "title2"))
    assert reader_text("<p>x" + "<script>" * 50_000 + "</p>") is not None  # unclosed openers stay linear


@pytest.mark.parametrize("pad", range(30, 110, 7))
def test_the_gate_reads_a_calendar_as_a_calendar_application_shows_it(pad):
    """A calendar's lines are folded at 75 bytes, anywhere, even inside an address: read as
    written, an address split by the fold was missed; a calendar application shows it whole."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    event = Event()
    event.add("location", "Town Hall, room 4" + "." * pad + " ask ana@example.org; bring the agenda")
    calendar.add_component(event)
    data = calendar.to_ical()
    assert b"\r\n " in data
    assert scan_bytes("programs/coaching/calendar.ics", data, contacts()) == ("email", "content/mentors/ana.md")


def _png_with(**save) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), "#336699").save(out, "PNG", **save)
    return out.getvalue()


def _text_chunk(kind: str) -> dict:
    from PIL import ImageCms, PngImagePlugin

    if kind == "iCCP":
        return {"icc_profile": ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes() + b" write to ana@example.org"}
    info = PngImagePlugin.PngInfo()
    if kind == "zTXt":
        info.add_text("Comment", "write to ana@example.org", zip=True)
    else:
        info.add_itxt("Comment", "write to ana@example.org", zip=True)
    return {"pnginfo": info}


@pytest.mark.parametrize("kind", ["zTXt", "iTXt", "iCCP"])
def test_the_gate_reads_a_pngs_compressed_metadata(kind):
    """A PNG's compressed chunks hide their text from any reading of the file's bytes; the gate
    unpacks them, whoever wrote the PNG (the site's own photos carry none)."""
    data = _png_with(**_text_chunk(kind))
    assert b"ana@example.org" not in data  # compressed: not in the bytes as written
    assert scan_bytes("assets/images/team.png", data, contacts()) == ("email", "content/mentors/ana.md")


def test_a_compressed_png_chunk_is_unpacked_within_a_budget():
    import time
    import zlib

    from mentor_gallery.site.privacy_gate import MAX_PNG_PACKED_BYTES, png_packed_text

    bomb = _png_with(icc_profile=b"\0" * 1000)
    start = bomb.index(b"iCCP") + 4
    size = int.from_bytes(bomb[start - 8:start - 4], "big")
    body = b"ICC Profile\0\0" + zlib.compress(b"\0" * (20 * 1024 * 1024), 9)  # 20 MB from 20 KB
    chunk = len(body).to_bytes(4, "big") + b"iCCP" + body + zlib.crc32(b"iCCP" + body).to_bytes(4, "big")
    data = bomb[:start - 8] + chunk + bomb[start + size + 4:]
    started = time.process_time()  # CPU time: a guard against a stall, not a speed goal
    assert len(png_packed_text(data)) == MAX_PNG_PACKED_BYTES
    assert scan_bytes("assets/images/team.png", data, contacts()) is None
    assert time.process_time() - started < 5
