"""Turning untrusted Markdown and text into safe HTML and plain words."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
import unicodedata

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
    """The first sentence of the first prose paragraph of plain or lightly marked text (a program's
    summary), as plain text. A statement's card line comes from first_sentence_html instead."""
    for block in re.split(r"\n\s*\n", markdown):
        block = block.strip()
        if not block or block.startswith(("#", "<", "|", "```", "---", "- ", "* ", "> ")):
            continue
        sentence = _first_of(_MARKUP.sub("", _LINK.sub(r"\1", " ".join(block.split()))), limit)
        if sentence:
            return sentence
    return ""


def _first_of(text: str, limit: int) -> str:
    sentence = _SENTENCE_END.split(text, 1)[0].strip()
    if len(sentence) > limit:
        sentence = sentence[: limit - 1].rsplit(" ", 1)[0] + "…"
    return sentence


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
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def unquote(text: str) -> str:
    """urllib.parse.unquote(text), in one pass: each run of %XX decoded as UTF-8 (errors replaced).
    The library's splits text at every non-ASCII character, which made photos read as text (all
    such characters) cost most of the gate's time on them."""
    return _PERCENT_RUN.sub(lambda run: bytes.fromhex(run.group().replace("%", "")).decode("utf-8", "replace"), text)


# What can make text display in another order than it is stored: direction controls and marks
# (format characters too), and right-to-left letters (Hebrew, Arabic and their neighbours). Text
# holding none is shown as stored; text holding any is also read in the order it is displayed.
_RIGHT_TO_LEFT = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFE), (0x10800, 0x10FFF), (0x1E800, 0x1EFFF))
_REORDERING = frozenset({0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
                        | {code for start, end in _RIGHT_TO_LEFT for code in range(start, end + 1)})
# One class for both, so the common page (none of either) costs one pass, as dropping alone did.
_FORMAT_OR_REORDERING = _character_class(sorted(set(_DROP_FORMAT) | _REORDERING))


# The same characters as a set: looking each character up is over twice as fast as the class's
# search, and none is ASCII, so ASCII text needs no look at all.
_FORMAT_OR_REORDERING_SET = frozenset(chr(code) for code in set(_DROP_FORMAT) | _REORDERING)


def hides_or_reorders(text: str) -> bool:
    """Whether reader_form drops invisible characters from text or reads it in displayed order."""
    return not text.isascii() and not _FORMAT_OR_REORDERING_SET.isdisjoint(text)


def displayed_order(text: str) -> str:
    """Each line of text in the order a reader sees it, by the Unicode Bidirectional Algorithm
    (python-bidi): "\u202egro.elpmaxe@ana\u202c" is shown as "ana@example.org"."""
    from bidi import get_display  # type: ignore[import-untyped]  # only for the few texts that hold right-to-left material

    return "\n".join(get_display(line) for line in text.split("\n"))


def decode_escapes(text: str) -> str:
    """text with JSON escapes, entities and percent-encoding undone, as reader_form first decodes it."""
    if "\\u" in text:
        text = _JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    if "&" in text:
        text = html_lib.unescape(text)
    if "%" in text:
        text = unquote(text)
        if "&" in text:
            text = html_lib.unescape(text)
    return text


_REORDERING_CHARACTER = _character_class(sorted(_REORDERING))


def reorders(text: str) -> bool:
    """Whether reader_form(text) also reads text as displayed: decoded, it holds a direction
    control or a right-to-left letter. Cheaper than reader_form for text that holds none."""
    if text.isascii() and "&" not in text and "%" not in text and "\\u" not in text:
        return False  # nothing in it decodes to anything but ASCII
    text = decode_escapes(text)
    return not text.isascii() and _REORDERING_CHARACTER.search(unicodedata.normalize("NFKC", text)) is not None


# Text of Latin-1 characters only (U+0000-U+00FF: most accented prose, and every byte of a binary
# file read byte for byte), and U+FFFD where a decoding failed, is folded one character at a time:
# no character there decomposes to a mark that could join a neighbour, none reorders, and the soft
# hyphen is its only invisible one. So NFKC and the dropping of invisible characters come down to
# replacing these few characters (a photo read byte for byte: 0.7 ms against 2 ms for 34 KB).
_LATIN1_FOLDS = {char: "" if ord(char) in _DROP_FORMAT else unicodedata.normalize("NFKC", char)
                 for char in map(chr, range(0x80, 0x100))
                 if ord(char) in _DROP_FORMAT or unicodedata.normalize("NFKC", char) != char}
_LATIN1_FOLD = re.compile("[" + "".join(_LATIN1_FOLDS) + "]")


def _fold_latin1(found: re.Match) -> str:
    return _LATIN1_FOLDS[found.group()]


def _latin1(text: str) -> bool:
    """Whether every character of text is Latin-1 or U+FFFD."""
    try:
        (text.replace("\ufffd", "") if "\ufffd" in text else text).encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def reader_form(text: str) -> str:
    """Text as a reader or a copy-paste would take it: entities and JSON escapes decoded,
    percent-encoding undone, compatibility forms folded (full-width digits), text that direction
    controls or right-to-left letters reorder read both as stored and as displayed, invisible
    format characters (zero-width spaces and joiners, direction marks) removed, lowercase. Used
    to find a private contact in any disguise."""
    text = decode_escapes(text)
    if not text.isascii() and _latin1(text):
        text = _LATIN1_FOLD.sub(_fold_latin1, text)
    elif not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        reordered = False

        def drop(found: re.Match) -> str:
            nonlocal reordered
            code = ord(found.group())
            reordered = reordered or code in _REORDERING
            return "" if code in _DROP_FORMAT else found.group()

        stored = _FORMAT_OR_REORDERING.sub(drop, text)
        if reordered:
            stored += "\n" + _FORMAT_CHARACTERS.sub("", displayed_order(text))
        text = stored
    return text.lower()


# --- pages as read ---------------------------------------------------------------------------

# Attributes whose values a browser shows or acts on: an image's alt text (shown in its place),
# tooltips, link targets, a list's first number, an abbreviation's expansion (its title).
_SHOWN_ATTRIBUTE = re.compile(r"""(?<![\w-])(?:alt|title|href|start)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=`]+))""", re.IGNORECASE)
# Every attribute value, quoted or not: what a reader does not see but a copy or a tool does.
_ATTRIBUTE_VALUE = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=`]+))""")
# Elements whose shown attribute stands in the text's flow: an image's alt text, a list's number.
_IN_FLOW = re.compile(r"<(?:img|ol)\b[^<>]*>", re.IGNORECASE)
_TAG_WITHOUT_AT = re.compile(r"<[^<>@]*>")
_HIDDEN_OPEN = re.compile(r"<(script|style)\b", re.IGNORECASE)


def _without_hidden(html: str) -> str:
    """html without the content of <script> and <style> elements, which a browser never shows.
    Found by position, not by a lazy regex, so thousands of unclosed openers stay linear."""
    lowered = html.lower() if _HIDDEN_OPEN.search(html) else None
    if lowered is None:
        return html
    kept, at = [], 0
    for opened in _HIDDEN_OPEN.finditer(html):
        if opened.start() < at:
            continue
        kept.append(html[at:opened.start()])
        close = lowered.find("</" + opened.group(1).lower(), opened.end())
        at = len(html) if close == -1 else close
    kept.append(html[at:])
    return "".join(kept)


_FLOW_VALUE = re.compile(r"""(?<![\w-])(?:alt|start)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=`]+))""", re.IGNORECASE)


def _in_flow(tag: re.Match) -> str:
    values = [a or b or c for a, b, c in _FLOW_VALUE.findall(tag.group())]
    return " " + " ".join(values) + " " if any(values) else ""


def page_streams(html: str, *, everything: bool = False) -> tuple[str, list[str]]:
    """The two streams reader_text reads, before their reader form: the text html shows (tags and
    comments dropped, an image's alt text and a list's first number where they are shown) and the
    values of its attributes (see reader_text for which). reader_text reads them as
    reader_form(shown + " " + " ".join(values)); the gate reads a page in parts by them."""
    if not everything:
        html = _without_hidden(html)
    values = [a or b or c for a, b, c in (_ATTRIBUTE_VALUE if everything else _SHOWN_ATTRIBUTE).findall(html)]
    if "<img" in html or "<ol" in html or "<IMG" in html or "<OL" in html:
        html = _IN_FLOW.sub(_in_flow, html)
    # The gate keeps a tag holding an "@" as it is written ("<ana@example.org>" is in the file).
    shown = (_TAG_WITHOUT_AT if everything else _TAG).sub("", html.replace("<!--", "<").replace("-->", ">"))
    return shown, values


def gate_streams(html: str) -> tuple[str, list[str]]:
    """page_streams as the build's last gate reads a built file (everything=True)."""
    return page_streams(html, everything=True)


def reader_text(html: str, *, everything: bool = False) -> str:
    """What a page shows a reader, in reader_form: the one reading `check` and the build's last
    gate share. Tags and comments are dropped (so "ana<b>@</b>example.org" reads as the address
    it displays), an image's alt text and a list's first number stand where they are shown, and
    the values of the attributes a browser shows or follows (alt, title, href, start) follow the
    text. `check` reads a statement so, without the content of <script> and <style>.

    everything: the gate's reading of a built file, a superset of the reader's: script and style
    content kept and every attribute value added, since a copy or a tool reads them too."""
    shown, values = page_streams(html, everything=everything)
    return reader_form(shown + " " + " ".join(values))


_PARAGRAPH_EDGE = re.compile(r"<(/?)(p|blockquote|ul|ol|li|table|dl|figure|div|pre|h[2-6])\b[^<>]*>", re.IGNORECASE)


def first_sentence_html(html: str, limit: int = 200) -> str:
    """The first sentence of a sanitised statement's first paragraph (not one inside a list, a
    quote or a table), as plain text, for a card. Read from the sanitised HTML, never the raw
    Markdown: what the sanitiser drops (<style> content, link definitions) never reaches a card."""
    depth, start = 0, None
    for edge in _PARAGRAPH_EDGE.finditer(html):
        closing, name = edge.group(1) == "/", edge.group(2).lower()
        if name == "p" and depth == 0:
            if not closing:
                start = edge.end()
            elif start is not None:
                text = " ".join(html_lib.unescape(_TAG.sub("", html[start:edge.start()])).split())
                sentence = _first_of(text, limit)
                if sentence:
                    return sentence
                start = None
        elif name != "p":
            depth = max(0, depth + (-1 if closing else 1))
    return ""


def plain_text(html: str) -> str:
    """A sanitised statement's words as plain text (tags dropped, entities decoded), for search."""
    return html_lib.unescape(_TAG.sub(" ", html))
