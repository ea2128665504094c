"""The last gate reads each distinct part of the built pages once: what it finds is what reading
every page whole finds, whether a contact sits in the theme's repeated part of one page, or runs
across the cut between two parts, in any disguise."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentor_gallery.content.model import Contact
from mentor_gallery.content.privacy import PrivateContacts
from mentor_gallery.content.text import reader_form, reader_text
from mentor_gallery.site.page_parts import PartReader, streams
from mentor_gallery.site.privacy_gate import scan_site

CONTACTS = PrivateContacts()
CONTACTS.add(Contact(email="ana.diaz@example.org", phone="+1 919 555 0142"), "content/mentors/ana-diaz.md")

# A page as the theme writes it: the same header, navigation and footer on every page, the article
# between them its own.
HEADER = """<!doctype html>
<html lang="en">
  <head>
    <title>Riverlands Mentoring</title>
  </head>
  <body>
    <header class="md-header" data-md-component="header">
      <nav class="md-header__inner" aria-label="Header">
        <a href="../.." title="Riverlands Mentoring" class="md-logo">Riverlands</a>
      </nav>
    </header>
    <div class="md-container">
      <nav class="md-tabs" aria-label="Tabs">
        <ul class="md-tabs__list">
          <li class="md-tabs__item"><a href="../" class="md-tabs__link">Mentors</a></li>
          <li class="md-tabs__item"><a href="../../programs/" class="md-tabs__link">Programs</a></li>
        </ul>
      </nav>
      <main class="md-main">
"""
FOOTER = """      </main>
      <footer class="md-footer">
        <div class="md-copyright">Copyright 2026 Riverlands</div>
      </footer>
    </div>
    <script id="__config" type="application/json">{"base": "../..", "version": 3}</script>
  </body>
</html>
"""


def page(article: str, header: str = HEADER) -> str:
    return header + f"        <article class=\"md-content__inner\">\n{article}\n        </article>\n" + FOOTER


def whole(html: str) -> bool:
    """The gate's reading of a page read whole, as it was before parts were shared."""
    return CONTACTS.find(reader_text(html, everything=True)) is not None


def test_a_page_is_cut_into_parts_and_the_repeated_ones_are_read_once():
    reader = PartReader(CONTACTS)
    for number in range(20):
        assert reader.find(page(f"<h1>Mentor {number}</h1><p>Budget work since 1998.</p>")) is None
    assert reader.parts_skipped > 15 * reader.parts_read / 20  # the theme's parts, read on the first page only


def test_a_contact_in_the_repeated_header_of_one_page_is_found(tmp_path):
    # The theme's part of one page changed after the build: it is no longer the bytes already
    # read, so it is read, and the build publishes nothing.
    site = tmp_path / "site"
    for number in range(30):
        write(site / f"mentors/m{number}/index.html", page(f"<h1>Mentor {number}</h1>"))
    planted = HEADER.replace('title="Riverlands Mentoring"', 'title="Riverlands Mentoring, ana.diaz@example.org"')
    write(site / "mentors/m17/index.html", page("<h1>Mentor 17</h1>", header=planted))
    leaks = scan_site(site, CONTACTS)
    assert [(leak.file, leak.what) for leak in leaks] == [("mentors/m17/index.html", "email")]
    # the same in the shown text of the navigation, as a phone in entities
    write(site / "mentors/m17/index.html", page("<h1>Mentor 17</h1>", header=HEADER.replace(
        ">Programs<", ">Programs: 919&#32;555&#x20;0142<")))
    assert [(leak.file, leak.what) for leak in scan_site(site, CONTACTS)] == [("mentors/m17/index.html", "phone")]


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


SPANNING = [
    # shown text: an address and a phone cut before an element, joined by the spaces a page shows
    'ana.diaz <div class="x">@example.org</div>',
    'ana.diaz@ <div class="x">example.org</div>',
    "919 555 <div>0142</div>",
    "919-555-\n   <div>\n    </div>\n   <li>0142</li>",  # a phone across blank parts and newlines
    # attribute values: the last of one part and the first of the next are joined by a space
    '<a title="ana.diaz"></a>\n<div title="@example.org"></div>',
    '<a title="919 555"></a>\n<div class="">\n<li title="0142"></li>',
]


def test_a_contact_across_a_cut_is_found():
    reader = PartReader(CONTACTS)
    reader.find(page("<p>Warm the parts.</p>"))
    for article in SPANNING:
        html = page(article)
        assert whole(html), article
        assert reader.find(html) is not None, article
    # the page's last shown words and its first attribute value
    html = '<p lang="@example.org">x</p>\n<div>\n ana.diaz'
    assert whole(html)
    assert reader.find(html) is not None


def test_text_read_as_displayed_is_read_with_the_whole_page():
    # A right-to-left override in the header reverses what follows on its line: the values of the
    # page are one line, so the page is read whole.
    header = HEADER.replace('aria-label="Header"', 'aria-label="Header \u202e"')
    html = page('<a title="gro.elpmaxe@zaid.ana">x</a>', header=header)
    assert whole(html)
    reader = PartReader(CONTACTS)
    reader.find(page("<p>Warm.</p>"))
    assert reader.find(html) is not None


def test_an_attribute_quote_left_open_is_not_cut():
    # A value opened before a cut would run on past it: the page is not cut there, so the value
    # is read in one piece, as reading the page whole reads it.
    reader = PartReader(CONTACTS)
    assert len(reader.cut('<p title="one\n  <div>two">three</p>\n<div>four</div>')) == 2
    assert len(reader.cut('<p title="one"> x\n  <div>two</div>\n<div>four</div>')) == 3


def test_the_parts_are_read_as_the_gate_reads_a_page():
    # page_parts splits a page's reading into its shown text and its values: joined again, they
    # are the gate's reading of the page (this breaks if text.reader_text reads pages otherwise).
    for html in [page("<p>x</p>"), page('<ol start="5"><li><img alt="a@b">t</li></ol><!-- c -->'), *SPANNING]:
        shown, values = streams(html)
        assert reader_form(shown + " " + " ".join(values)) == reader_text(html, everything=True)


FRAGMENTS = ["ana.diaz", "@", "example.org", "919", "555", "0142", "+1", " ", "  ", "\n", "\n    ", "-", ".", "/",
             "<div>", '<div class="md-x">', "</div>", "<li>", "</li>", "<nav>", "<section>", '<a title="', '">', '"',
             "=", "<!--", "-->", "&#64;", "&#", "64;", "%40", "&amp;", "&nbsp;", "\u200b", "\u202e", "\u05d0", "ｅ",
             "<script>", "</script>", "<img alt=\"", "mentor", "budget", "1998", "x", "'", "<ol start=\"", "\\u0040"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40), st.lists(st.sampled_from(FRAGMENTS), max_size=12))
def test_reading_in_parts_finds_what_reading_whole_finds(article, header_extra):
    """Any page, however its text falls about the cuts, gets the same answer read in parts (with
    parts already read on other pages) as read whole."""
    header = HEADER.replace("      </nav>\n    </header>", "".join(header_extra) + "\n      </nav>\n    </header>")
    html = page("".join(article), header=header)
    reader = PartReader(CONTACTS)
    reader.find(page("<p>another page</p>", header=header))
    assert (reader.find(html) is not None) == whole(html)
    assert (PartReader(CONTACTS).find(html) is not None) == whole(html)


# Percent-encoding undone as the standard library undoes it, whatever surrounds it: runs split by
# literal characters, invalid and truncated UTF-8, non-ASCII text between runs, stray "%".
_PERCENT_TEXT = st.lists(st.one_of(
    st.sampled_from(["%", "%4", "%zz", "%C3", "%A9", "%c3%a9", "%F0%9F%98", "%F0%9F%98%80", "%40", "%25", "%2540", "x", "é", "\u202e", "\x00"]),
    st.text(max_size=3),
    st.binary(min_size=1, max_size=4).map(lambda b: "".join(f"%{byte:02X}" for byte in b)),
), max_size=12).map("".join)


@settings(max_examples=600, deadline=None)
@given(_PERCENT_TEXT)
def test_percent_decoding_is_the_standard_librarys(text):
    from urllib.parse import unquote as library_unquote

    from mentor_gallery.content.text import unquote
    assert unquote(text) == library_unquote(text)
