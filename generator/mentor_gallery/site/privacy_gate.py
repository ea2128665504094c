"""The build's last gate: no written file may hold a private contact.

`check` already refuses a profile that repeats its private contact as a reader would see it. This
scan does not depend on how any page was made: it reads every file the build wrote (pages, data
files, search indexes, the sitemap, compressed copies, photos) in reader form and fails the
build when one holds a private email or phone, whatever put it there.
"""

from __future__ import annotations

import gzip
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from mentor_gallery.content.privacy import PrivateContacts
from mentor_gallery.content.text import page_text, reader_form

MAX_UNPACKED_BYTES = 64 * 1024 * 1024  # a .gz larger than this unpacked is itself suspicious
_MARKUP_SUFFIXES = {".html", ".htm", ".xml", ".svg"}


@dataclass(frozen=True)
class Leak:
    file: str  # relative to the site folder
    what: str  # "email" or "phone"
    source: str  # the profile whose private contact it is


def scan_site(site: Path, contacts: PrivateContacts) -> list[Leak]:
    """Every file under site holding a private contact; [] when there is none or nothing to find."""
    if not contacts:
        return []
    leaks = []
    for folder, _, names in os.walk(site):
        for name in sorted(names):
            path = Path(folder, name)
            found = _scan_file(path, contacts)
            if found:
                leaks.append(Leak(path.relative_to(site).as_posix(), *found))
    return leaks


def scan_files(files: Mapping[str, bytes], contacts: PrivateContacts) -> list[Leak]:
    """As scan_site, for files not written yet (relative path -> bytes): `mentor-gallery pages`
    scans what it is about to put in the docs folder, so a leak never reaches the disk."""
    if not contacts:
        return []
    return [Leak(name, *found) for name in sorted(files) if (found := scan_bytes(name, files[name], contacts))]


def _scan_file(path: Path, contacts: PrivateContacts) -> tuple[str, str] | None:
    return scan_bytes(path.name, path.read_bytes(), contacts)


def scan_bytes(name: str, data: bytes, contacts: PrivateContacts) -> tuple[str, str] | None:
    """(what, source) of the private contact a file named `name` holding `data` shows, or None."""
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix == ".gz":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as packed:
                data = packed.read(MAX_UNPACKED_BYTES)
        except (OSError, EOFError):
            pass  # not really gzip: scan the bytes as they are
        suffix = Path(path.stem).suffix.lower()
    # Binary files (photos, fonts) are read byte for byte: metadata text shows through.
    text = data.decode("utf-8", errors="replace") if _is_text(data) else data.decode("latin-1")
    if suffix in _MARKUP_SUFFIXES:
        return contacts.find(page_text(text))  # shown text and every attribute, in one pass
    return contacts.find(reader_form(text))


def _is_text(data: bytes) -> bool:
    return b"\x00" not in data[:4096]
