"""Slugs: the URL-safe form of labels and the rule for file stems."""

from __future__ import annotations

import re
import unicodedata

SLUG_PATTERN = re.compile(r"[a-z0-9-]+")
# A slug is a file name and a URL segment: file systems take 255 bytes per name, and a
# readable address needs far fewer. Long enough for any person's name.
MAX_SLUG_CHARS = 100
# The longest file name (one path component) common file systems store: ext4, APFS, NTFS.
MAX_NAME_BYTES = 255
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


# Letters without a decomposition that people still expect to fold to ASCII.
# The gallery's JavaScript folds with the same table (site-templates/assets/mentor-gallery/).
EXTRA_FOLDS = {"ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"}
_EXTRA_FOLDS = str.maketrans(EXTRA_FOLDS)


def fold(text: str) -> str:
    """Lowercase and strip accents: é -> e, Ø -> o, so 'bjorn' finds 'Björn'."""
    if text.isascii():  # most text: skip the Unicode decomposition
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().translate(_EXTRA_FOLDS)


def slugify(label: str) -> str:
    """The contract's slug form: accents removed, lowercase, other runs become '-', trimmed."""
    return _NOT_SLUG.sub("-", fold(label)).strip("-")


def is_slug(text: str) -> bool:
    return bool(SLUG_PATTERN.fullmatch(text))
