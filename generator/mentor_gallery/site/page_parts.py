"""A built page read in parts, so that bytes repeated on every page (the theme's header, tabs,
navigation and footer) are read once per build rather than once per page.

The gate's reading of a page (`text.reader_text(html, everything=True)`) is the reader form of one
text: the page's shown text (tags dropped) followed by " " and every attribute value, joined by
" ". This module cuts a page into parts and shows that reading the parts gives the same result:

1. Cuts fall just before an element's "<" that a space, tab, newline or form feed precedes, and
   never after an attribute quote left open. At such a cut, dropping tags and comments and
   collecting attribute values work on each side alone: a tag match holds no "<" but its first,
   and a quoted value can only run past the cut from a quote the part leaves open. So the page's
   shown text is the parts' shown texts end to end, and its values are the parts' values in order.
2. Each part's shown text ends with that whitespace (no tag can hold it: a tag would need a ">"
   before the cut's "<"), and its values are joined to the next part's by " ". No escape (entity,
   percent-encoding, JSON) holds such whitespace, and NFKC, lowercasing and dropping invisible
   characters do not reach across it, so the reader form of the page is the parts' reader forms,
   joined as they were.
3. An address cannot hold a newline, nor a space except up to three beside its "@"; a phone is
   digits with whitespace and a few separators between them. So no contact crosses a join whose
   nearest visible characters are not "@" on either side and are not both digits or separators.
   Parts whose join is not such are read together, as one text.
4. Text that direction controls or right-to-left letters reorder is also read as displayed, line
   by line, and the attribute values are one line: a page holding any is read whole, as before.

A part is remembered by a BLAKE2b digest of its exact text; a part of another page with the same
digest is the same bytes (finding two texts with one digest is not feasible), so what it held
was read when it was first seen and is not read again.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from mentor_gallery.content.privacy import PHONE_SEPARATORS, PrivateContacts
from mentor_gallery.content.text import gate_streams, reader_form, reader_text, reorders

# Where a cut may fall: before the elements that open and close the theme's blocks (header, tabs,
# navigation, footer) and each card or list item, so the part a page alone holds stays small.
# Any element would do for soundness; these keep a page to a few hundred parts.
_CUT = re.compile(r"(<(?:/?(?:div|nav|header|footer|main|article|section|aside)|script|li)\b)")
_CUT_AFTER = "\t\n\f "  # whitespace that no entity name holds, nor NFKC joins to anything
_SEPARATOR = re.compile(f"[{PHONE_SEPARATORS}]")  # what a phone's digits may have between them
Found = tuple[str, str]


def _open_quote(html: str, start: int, end: int) -> bool:
    """Whether an attribute value opened in html[start:end] runs past end: the last quote of a
    kind there follows "=" and whitespace, so the attribute regex would read on past the cut."""
    for quote in ('"', "'"):
        at = html.rfind(quote, start, end) - 1
        while at >= start and html[at].isspace():
            at -= 1
        if at >= start and html[at] == "=":
            return True
    return False


# How a piece's first or last visible character (in reader form) meets whitespace and the next
# piece: a contact may run across from an "@", and a phone from a digit or separator to another.
_BLANK, _STOPS, _DIGITISH, _AT = 0, 1, 2, 3


def _edge(char: str) -> int:
    if not char:
        return _BLANK
    if char == "@":
        return _AT
    if char.isdigit() or char.isdecimal() or _SEPARATOR.fullmatch(char):
        return _DIGITISH
    return _STOPS


def _apart(last: int, first: int) -> bool:
    """Whether no contact runs across whitespace between a piece ending so and one starting so."""
    return _STOPS <= last <= _DIGITISH and _STOPS <= first <= _DIGITISH and not (last == first == _DIGITISH)


@dataclass(frozen=True)
class _Piece:
    """A part's shown text or its values, raw, with what reading it alone found."""

    key: bytes  # the digest of the part it comes from, and which of its two texts it is
    raw: str
    found: Found | None
    first: int  # _edge of its first and last visible characters in reader form
    last: int


@dataclass(frozen=True)
class _Part:
    shown: _Piece
    values: _Piece | None  # None when the part has no attribute values
    reorders: bool  # its reader form holds text read again as displayed (or a decoded newline)
    open_quote: bool  # an attribute value opened in it runs on past its end


def _piece(key: bytes, raw: str, contacts: PrivateContacts) -> tuple[_Piece, bool]:
    """The piece, and whether its reader form also reads it as displayed (text.reorders)."""
    read = reader_form(raw)
    visible = read.strip()
    return _Piece(key, raw, contacts.find(read), _edge(visible[:1]), _edge(visible[-1:])), reorders(raw)


# html's shown text and attribute values, as the gate reads a page before their reader form.
streams = gate_streams


@dataclass
class PartReader:
    """Reads pages for one set of private contacts, remembering each distinct part it has read."""

    contacts: PrivateContacts
    known: dict[bytes, _Part] = field(default_factory=dict)
    groups: dict[tuple[bytes, ...], Found | None] = field(default_factory=dict)
    parts_read: int = 0  # distinct parts read, and parts found already read (for measuring)
    parts_skipped: int = 0

    def _part(self, text: str) -> _Part:
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=32).digest()
        part = self.known.get(digest)
        if part is not None:
            self.parts_skipped += 1
            return part
        self.parts_read += 1
        shown_raw, values = streams(text)
        shown, reorders = _piece(digest + b"s", shown_raw, self.contacts)
        joined = None
        if values:
            joined, values_reorder = _piece(digest + b"v", " ".join(values), self.contacts)
            reorders = reorders or values_reorder
        part = _Part(shown, joined, reorders, _open_quote(text, 0, len(text)))
        self.known[digest] = part
        return part

    def cut(self, html: str) -> list[_Part]:
        """html in parts, end to end: cut before an element's "<" that whitespace precedes, where
        no attribute quote is left open."""
        split = _CUT.split(html)  # text, element, text, element, ..., text
        parts, pending = [], split[0]
        for element, text in zip(split[1::2], split[2::2]):
            if pending and pending[-1] in _CUT_AFTER:
                part = self._part(pending)
                if not part.open_quote:
                    parts.append(part)
                    pending = ""
            pending += element + text
        parts.append(self._part(pending))
        return parts

    def find(self, html: str) -> Found | None:
        """(what, source) of a private contact in html read as the gate reads a page, or None:
        the same answer as reading it whole (see the module's notes), each distinct part read once."""
        parts = self.cut(html)
        if any(part.reorders for part in parts):
            return self.contacts.find(reader_text(html, everything=True))
        # The page's text as the gate reads it: shown texts end to end, " ", values joined by " ".
        pieces: list[tuple[str, _Piece]] = [("", part.shown) for part in parts]
        pieces += [(" ", part.values) for part in parts if part.values is not None]
        group: list[tuple[str, _Piece]] = []
        last = _BLANK  # the edge of the last visible character before the piece at hand
        for joiner, piece in pieces:
            if group and _apart(last, piece.first):
                found = self._group(group)
                if found:
                    return found
                group = []
            group.append((joiner, piece))
            last = piece.last or last
        return self._group(group)

    def _group(self, group: list[tuple[str, _Piece]]) -> Found | None:
        """The contact in pieces that a contact may run across, read as one text."""
        if len(group) == 1:
            return group[0][1].found
        key = tuple(piece.key for _, piece in group)  # the joiners follow from the keys' kinds
        if key not in self.groups:
            raw = group[0][1].raw + "".join(joiner + piece.raw for joiner, piece in group[1:])
            self.groups[key] = self.contacts.find(reader_form(raw))
        return self.groups[key]
