"""The build's last gate: no written file may hold a private contact.

`check` already refuses a profile that repeats its private contact as a reader would see it. This
scan does not depend on how any page was made: it reads every file the build wrote (pages, data
files, search indexes, the sitemap, compressed copies, photos) in reader form and fails the
build when one holds a private email or phone, whatever put it there. A calendar is read also as a
calendar application shows it (its folded lines joined, its escapes undone).
"""

from __future__ import annotations

import copy
import gzip
import hashlib
import io
import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from mentor_gallery.content.privacy import PrivateContacts
from mentor_gallery.content.text import reader_form, reader_text
from mentor_gallery.site.page_parts import Found, PartReader

MAX_UNPACKED_BYTES = 64 * 1024 * 1024  # a .gz larger than this unpacked is itself suspicious
_MARKUP_SUFFIXES = {".html", ".htm", ".xml", ".svg"}
_PAGE_SUFFIXES = {".html", ".htm"}  # markup that repeats a theme from file to file


@dataclass(frozen=True)
class Leak:
    file: str  # relative to the site folder
    what: str  # "email" or "phone"
    source: str  # the profile whose private contact it is


def scan_site(site: Path, contacts: PrivateContacts) -> list[Leak]:
    """Every file under site holding a private contact; [] when there is none or nothing to find."""
    if not contacts:
        return []
    reader = PartReader(contacts)  # pages share their theme: each distinct part is read once
    return _scan_folder(site, lambda name, data: _scan_bytes(name, data, reader))


def _scan_folder(site: Path, scan: Callable[[str, bytes], Found | None]) -> list[Leak]:
    leaks = []
    for folder, _, names in os.walk(site):
        for name in sorted(names):
            path = Path(folder, name)
            found = scan(path.name, path.read_bytes())
            if found:
                leaks.append(Leak(path.relative_to(site).as_posix(), *found))
    return leaks


class ServeGate:
    """The gate of a serving process (`mkdocs serve`), from one rebuild to the next. Each rebuild
    writes the whole site again, most of it the same bytes as before: a file whose exact bytes,
    under the same kind of name, were read for the same private contacts by an earlier build is
    not read again. Its BLAKE2b digest stands for the bytes (two files with one digest cannot
    be found), and what a file holds for the gate depends on nothing else. New private contacts,
    or changed sources, and every file is read again."""

    def __init__(self) -> None:
        self._contacts: PrivateContacts | None = None
        self._read: dict[bytes, Found | None] = {}  # digest of (name's kind, bytes) -> what reading found
        self.files_read = 0  # by the last scan (for tests and measurements)

    def scan_site(self, site: Path, contacts: PrivateContacts) -> list[Leak]:
        if not contacts:
            return []
        if contacts != self._contacts:
            self._contacts, self._read = copy.deepcopy(contacts), {}
        reader = PartReader(contacts)
        self.files_read = 0
        read, kept = self._read, {}

        def scan(name: str, data: bytes) -> Found | None:
            key = hashlib.blake2b(_kind(name).encode() + b"\0" + data, digest_size=32).digest()
            if key in read:
                found = kept[key] = read[key]
                return found
            self.files_read += 1
            found = kept[key] = _scan_bytes(name, data, reader)
            return found

        leaks = _scan_folder(site, scan)
        self._read = kept  # what the site no longer holds is forgotten
        return leaks


def _kind(name: str) -> str:
    """What decides how a file is read: its last two suffixes (a .gz is read as what it packs)."""
    return "".join(Path(name).suffixes[-2:]).lower()


def scan_files(files: Mapping[str, bytes], contacts: PrivateContacts) -> list[Leak]:
    """As scan_site, for files not written yet (relative path -> bytes): `mentor-gallery pages`
    scans what it is about to put in the docs folder, so a leak never reaches the disk."""
    if not contacts:
        return []
    reader = PartReader(contacts)
    return [Leak(name, *found) for name in sorted(files) if (found := _scan_bytes(name, files[name], reader))]


def scan_bytes(name: str, data: bytes, contacts: PrivateContacts) -> tuple[str, str] | None:
    """(what, source) of the private contact a file named `name` holding `data` shows, or None."""
    return _scan_bytes(name, data, PartReader(contacts))


def _scan_bytes(name: str, data: bytes, reader: PartReader) -> tuple[str, str] | None:
    contacts = reader.contacts
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix == ".gz":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as packed:
                data = packed.read(MAX_UNPACKED_BYTES)
        except (OSError, EOFError):
            pass  # not really gzip: scan the bytes as they are
        suffix = Path(path.stem).suffix.lower()
    text = _as_text(data)
    if text is not None and suffix in _PAGE_SUFFIXES:
        return reader.find(text)  # the same reading as scan_text's, each part shared with other pages once
    if text is not None and suffix == ".ics":
        return scan_text(suffix, text, contacts) or scan_text(suffix, calendar_text(text), contacts)
    if text is not None:
        return scan_text(suffix, text, contacts)
    return _scan_binary(suffix, data, contacts) or _scan_binary(suffix, png_packed_text(data), contacts)


def _scan_binary(suffix: str, data: bytes, contacts: PrivateContacts) -> tuple[str, str] | None:
    """Binary files (photos, fonts) are read byte for byte, so metadata text shows through, and
    also as UTF-8, so text in them is folded as the text it is (full-width digits)."""
    if not data:
        return None
    return scan_text(suffix, data.decode("latin-1"), contacts) or scan_text(suffix, data.decode("utf-8", errors="replace"), contacts)


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_PNG_PACKED_BYTES = 4 * 1024 * 1024  # unpacked metadata read from one PNG (a colour profile is a few KB)


def png_packed_text(data: bytes) -> bytes:
    """A PNG's zlib-compressed metadata unpacked (zTXt and compressed iTXt text, the iCCP colour
    profile), end to end: what an image viewer's details show and the file's bytes hide. The
    site's own photos carry none; this reads any PNG the site publishes. Empty for other files."""
    if not data.startswith(_PNG_SIGNATURE):
        return b""
    unpacked: list[bytes] = []
    budget, at = MAX_PNG_PACKED_BYTES, len(_PNG_SIGNATURE)
    while at + 8 <= len(data) and budget > 0:
        size = int.from_bytes(data[at:at + 4], "big")
        kind, body = data[at + 4:at + 8], data[at + 8:at + 8 + size]
        at += 12 + size
        packed = _packed_part(kind, body)
        if packed is None:
            continue
        try:
            text = zlib.decompressobj().decompress(packed, budget)
        except zlib.error:
            text = packed  # not really compressed: its bytes are read as they are
        unpacked.append(text)
        budget -= len(text)
    return b"\n".join(unpacked)


def _packed_part(kind: bytes, body: bytes) -> bytes | None:
    """The zlib stream of a PNG chunk that holds one: `keyword NUL method stream` (zTXt, iCCP),
    `keyword NUL flag method language NUL translated-keyword NUL text` (iTXt, compressed when flag is 1)."""
    keyword_end = body.find(b"\0")
    if keyword_end < 0:
        return None
    if kind in (b"zTXt", b"iCCP"):
        return body[keyword_end + 2:]
    if kind == b"iTXt" and body[keyword_end + 1:keyword_end + 2] == b"\1":
        language_end = body.find(b"\0", keyword_end + 3)
        translated_end = body.find(b"\0", language_end + 1) if language_end >= 0 else -1
        return body[translated_end + 1:] if translated_end >= 0 else None
    return None


def scan_text(suffix: str, text: str, contacts: PrivateContacts) -> tuple[str, str] | None:
    """(what, source) of the private contact text shows, read as the gate reads a file of this
    suffix: markup as laid out plus every attribute and script, anything else as text."""
    if suffix in _MARKUP_SUFFIXES:
        return contacts.find(reader_text(text, everything=True))
    return contacts.find(reader_form(text))


# A calendar file's lines are folded at 75 bytes (a line break and one space or tab go between
# any two characters, even inside an address) and its text escapes commas, semicolons, backslashes
# and line breaks (RFC 5545, 3.1 and 3.3.11).
_FOLD = re.compile(r"\r?\n[ \t]")
_CALENDAR_ESCAPE = re.compile(r"\\([\\;,nN])")


def calendar_text(text: str) -> str:
    """A calendar file's text as a calendar application shows it: folded lines joined, escapes undone."""
    return _CALENDAR_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), _FOLD.sub("", text))


def scan_sealed(page: str, html: str, contacts: PrivateContacts) -> Leak | None:
    """A members-only page's part that is sealed, read in the clear before it is: once sealed,
    no gate can read it, and members would."""
    found = scan_text(".html", html, contacts) if contacts else None
    return Leak(f"{page} (the members-only part, before sealing)", *found) if found else None


def _as_text(data: bytes) -> str | None:
    """The file as text, or None for a binary file. A NUL early on does not make a file binary
    when the whole of it is valid UTF-8: it is read, and folded, as the text it is."""
    if b"\x00" not in data[:4096]:
        return data.decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
