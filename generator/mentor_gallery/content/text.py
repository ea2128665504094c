"""Turning untrusted Markdown and text into safe HTML and plain words."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
import unicodedata
from urllib.parse import unquote

import nh3
from markdown_it import MarkdownIt

from mentor_gallery.content.slugs import fold

# What a mentor's statement may contain after Markdown: prose, lists, tables, code, links, images.
ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
    "abbr", "cite", "q", "code", "pre", "kbd", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
    "h2", "h3", "h4", "h5", "h6", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "caption",
    "figure", "figcaption", "span", "div",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "th": {"align", "colspan", "rowspan"},
    "td": {"align", "colspan", "rowspan"},
    "ol": {"start"},
}  # no id or class: a statement must not clobber the page's ids or borrow its styles
URL_SCHEMES = {"http", "https", "mailto"}


def long_date(date: dt.date) -> str:
    """A date as the site writes it: November 2, 2026."""
    return f"{date:%B} {date.day}, {date.year}"


def sanitize_html(html: str) -> str:
    """Allowlist sanitising by nh3: scripts, handlers, styles and active URLs are dropped."""
    # A statement's own <h1> would compete with the page title: demote it before cleaning.
    html = re.sub(r"<(/?)h1\b", r"<\1h2", html)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow ugc",
        strip_comments=True,
    )


# Statements are rendered here, not by the site engine: the same output on any engine, and the
# engine's link checks (meant for the docs' own pages) never fail a build over a mentor's link.
# markdown-it-py (CommonMark) runs in linear time on any input; Python-Markdown takes minutes on
# a statement of a few thousand '[' characters, which a pull request could use to stall the build.
_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def render_markdown(text: str) -> str:
    """A statement or guide body as safe HTML."""
    return sanitize_html(_MARKDOWN.render(text))


# Character classes that exclude their own opening character keep these regexes linear on
# pathological text (thousands of '[' or '<').
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_MARKUP = re.compile(r"[*_`~]+|<[^<>]*>")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def first_sentence(markdown: str, limit: int = 200) -> str:
    """The first sentence of the first prose paragraph, as plain text, for a card."""
    for block in re.split(r"\n\s*\n", markdown):
        block = block.strip()
        if not block or block.startswith(("#", "<", "|", "```", "---", "- ", "* ", "> ")):
            continue
        text = _MARKUP.sub("", _LINK.sub(r"\1", " ".join(block.split())))
        sentence = _SENTENCE_END.split(text, 1)[0].strip()
        if len(sentence) > limit:
            sentence = sentence[: limit - 1].rsplit(" ", 1)[0] + "…"
        if sentence:
            return sentence
    return ""


_WORD = re.compile(r"[a-z0-9]+")


def search_words(*texts: str) -> str:
    """Unique folded words, space-separated: what the gallery's search matches prefixes against."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in _WORD.findall(_MARKUP.sub(" ", fold(text))):
            seen.setdefault(word, None)
    return " ".join(seen)


# --- what a reader sees ---------------------------------------------------------------------

_TAG = re.compile(r"<[^<>]*>")
# Invisible format characters (zero-width spaces and joiners, soft hyphens, direction marks, tags):
# Unicode places them in the first two planes and the tag block; one table, read by str.translate.
_DROP_FORMAT = {code: None for block in (range(0x20000), range(0xE0000, 0xE0080))
                for code in block if unicodedata.category(chr(code)) == "Cf"}


def _character_class(codes: list[int]) -> re.Pattern:
    """One regex class of these code points, as ranges: removing them with it is several times
    faster than str.translate with a table, which looks up every character of a page."""
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return re.compile("[" + "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges) + "]")


_FORMAT_CHARACTERS = _character_class(list(_DROP_FORMAT))
_URL_ATTRIBUTE = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']*)["']""")
# Every attribute value, quoted or not: what a reader does not see but a copy or a tool does.
_ATTRIBUTE_VALUE = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=`]+))""")
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def reader_form(text: str) -> str:
    """Text as a reader or a copy-paste would take it: entities and JSON escapes decoded,
    percent-encoding undone, compatibility forms folded (full-width digits), invisible format
    characters (zero-width spaces and joiners) removed, lowercase. Used to find a private
    contact in any disguise."""
    if "\\u" in text:
        text = _JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    if "&" in text:
        text = html_lib.unescape(text)
    if "%" in text:
        text = unquote(text)
        if "&" in text:
            text = html_lib.unescape(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        text = _FORMAT_CHARACTERS.sub("", text)
    return text.lower()


def page_text(html: str) -> str:
    """Everything a page holds for a reader or a tool, in reader_form: the text with tags and
    comments removed (so 'jane<b>@</b>example.org' reads as shown), then every attribute value.
    One pass covers what the raw markup and the shown text would each reveal."""
    values = " ".join(a or b or c for a, b, c in _ATTRIBUTE_VALUE.findall(html))
    return reader_form(_TAG.sub("", html.replace("<!--", "<").replace("-->", ">")) + " " + values)


def visible_text(html: str) -> str:
    """The words a page shows for this HTML, plus its link targets, in reader_form: tags and
    comments removed, so 'jane<b>@</b>example.org' reads as the address it displays."""
    targets = " ".join(_URL_ATTRIBUTE.findall(html))
    return reader_form(_TAG.sub("", html) + " " + targets)
