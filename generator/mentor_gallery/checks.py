"""Small value checks shared by every file kind. Each returns a message or None."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

_EMAIL = re.compile(r"[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"'.]+")
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
MAX_LINE_CHARS = 300


def type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return "text"


def text_problem(key: str, value: Any, *, max_chars: int = MAX_LINE_CHARS) -> str | None:
    """A single-line text value: a string, no control or direction-override characters."""
    if not isinstance(value, str):
        hint = f'; put it in quotes: {key}: "{value}"' if isinstance(value, (bool, int, float, dt.date)) else ""
        return f"{key} must be text, not {type_name(value)}{hint}"
    if not value.strip():
        return f"{key} is empty; fill it in or remove the key"
    bad = next((ch for ch in value if unicodedata.category(ch) == "Cc" or ch in _BIDI_CONTROLS), None)
    if bad is not None:
        return f"{key} contains the invisible control character U+{ord(bad):04X}; delete it and retype the text"
    if len(value) > max_chars:
        return f"{key} is {len(value)} characters long; keep it under {max_chars}"
    return None


def email_problem(key: str, value: Any) -> str | None:
    problem = text_problem(key, value)
    if problem:
        return problem
    if not _EMAIL.fullmatch(value.strip()):
        return f"{key} '{value}' is not an email address; write it as name@example.org"
    return None


def url_problem(key: str, value: Any, *, allow_mailto: bool = True) -> str | None:
    problem = text_problem(key, value, max_chars=2000)
    if problem:
        return problem
    lowered = value.strip().lower()
    schemes = ("https://", "http://", "mailto:") if allow_mailto else ("https://", "http://")
    if not lowered.startswith(schemes):
        allowed = "https://, http:// or mailto:" if allow_mailto else "https:// or http://"
        return f"{key} '{value}' must start with {allowed}"
    if lowered.startswith("mailto:") and not _EMAIL.fullmatch(value.strip()[7:].split("?")[0]):
        return f"{key} '{value}' is not a mailto: address; write it as mailto:name@example.org"
    return None


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
