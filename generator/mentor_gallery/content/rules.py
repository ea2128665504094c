"""Value rules shared by every file kind, and the limits `check` enforces. Each returns a message or None."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import unquote, urlsplit

# One pattern for an email address, used by `check` and published in the JSON Schema.
EMAIL_PATTERN = r"[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"'.]+"
_EMAIL = re.compile(EMAIL_PATTERN)
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Unicode's control characters (category Cc: U+0000-001F and U+007F-009F) and the direction
# overrides above, found in one regular-expression search rather than a category look-up a character.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(sorted(_BIDI_CONTROLS)) + "]")
MAX_LINE_CHARS = 300
# Limits that keep any roster `check` accepts buildable in time and space linear in its size.
MAX_STATEMENT_CHARS = 20_000  # a mentor's statement: about three printed pages
MAX_GUIDE_CHARS = 100_000  # a program guide
MAX_TERMS = 1_000  # labels in one vocabulary (areas, regions): each is a page and a filter
MAX_ALIASES = 20  # other spellings of one label
# Places to rank: each is a drop-down of every option (max_expertise on the Find page, `max` of
# a ranked form field), so a page holds places x options; ten keeps it linear in the options.
MAX_RANKED_PLACES = 10
MAX_OPTIONS = 1_000  # options of one form field


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


def text_problem(key: str, value: Any, *, max_chars: int = MAX_LINE_CHARS, written: str | None = None) -> str | None:
    """A single-line text value: a string, no control or direction-override characters.

    written: the value as typed, where YAML read it as something else (`No` as false), so the
    hint quotes what the author wrote rather than what YAML made of it."""
    if not isinstance(value, str):
        shown = written if written else value
        hint = f'; put it in quotes: {key}: "{shown}"' if isinstance(value, (bool, int, float, dt.date)) else ""
        return f"{key} must be text, not {type_name(value)}{hint}"
    if not value.strip():
        return f"{key} is empty; fill it in or remove the key"
    found = _INVISIBLE.search(value)
    if found is not None:
        bad = found.group()
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


_HOST = re.compile(r"[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*")
_LOCAL_HOSTS = {"localhost", "127.0.0.1"}
_MAILTO_QUERY_KEYS = {"subject", "body"}


def url_problem(key: str, value: Any, *, allow_mailto: bool = True, allowed_hosts: frozenset[str] | None = None) -> str | None:
    """A request destination members can trust: the host the page names is the host the browser
    contacts. So: https (http only for this machine, for testing), a plain host name, no user-info
    (https://forms.example.org@evil.example goes to evil.example), no backslash or whitespace
    (browsers read them differently from the text), a mailto: with one address and only a
    subject and body (no cc/bcc/to smuggling)."""
    problem = text_problem(key, value, max_chars=2000)
    if problem:
        return problem
    url = value.strip()
    if "\\" in url or any(ch.isspace() for ch in url):
        return f"{key} '{value}' contains a backslash or a space; write the address without them (spaces as %20)"
    lowered = url.lower()
    if lowered.startswith("mailto:"):
        if not allow_mailto:
            return f"{key} '{value}' must start with https://"
        return _mailto_problem(key, value, url[7:], allowed_hosts)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("https", "http") or not lowered.startswith(parts.scheme.lower() + "://"):
        allowed = "https:// or mailto:" if allow_mailto else "https://"
        return f"{key} '{value}' must start with {allowed}"
    if "@" in parts.netloc:
        return f"{key} '{value}' has user information before '@', which hides the real host; remove everything up to the '@'"
    try:
        host, port = parts.hostname or "", parts.port
    except ValueError:
        return f"{key} '{value}' has an invalid port; write it as https://host:443/path"
    if not _HOST.fullmatch(host) or port == 0:
        return f"{key} '{value}' has an invalid host name '{parts.netloc}'; use a plain name such as forms.example.org"
    if parts.scheme.lower() == "http" and host not in _LOCAL_HOSTS:
        return f"{key} '{value}' must use https:// (http:// is allowed only for localhost, for testing)"
    # No exception, not even this machine: a listed host is the only place data may go.
    return _unlisted(key, value, host, allowed_hosts)


def _unlisted(key: str, value: str, host: str, allowed_hosts: frozenset[str] | None) -> str | None:
    if allowed_hosts is not None and host not in allowed_hosts:
        return f"{key} '{value}' goes to {host}, which is not in allowed_hosts ({', '.join(sorted(allowed_hosts)) or 'none'}); use an allowed handler or add the host in mkdocs.yml"
    return None


def _mailto_problem(key: str, value: str, rest: str, allowed_hosts: frozenset[str] | None = None) -> str | None:
    address, _, query = rest.partition("?")
    if "%" in address or "," in address or not _EMAIL.fullmatch(address):
        return f"{key} '{value}' must name one address, e.g. mailto:coordinator@example.org"
    if not address.isascii():
        # Letters of another script can look like Latin ones ("а" in Cyrillic): the address shown
        # would not be the one written to. An international domain has an ASCII (punycode) form.
        local, _, domain = address.rpartition("@")
        try:
            ascii_domain = domain.encode("idna").decode("ascii")
        except UnicodeError:
            ascii_domain = None
        hint = (f"; write the domain in its ASCII form: mailto:{local}@{ascii_domain}" if local.isascii() and ascii_domain
                else "; write the address in ASCII letters (a-z, 0-9, '.', '-', '_')")
        return f"{key} '{value}' has letters outside ASCII, which can look like others{hint}"
    if problem := _unlisted(key, value, address.rpartition("@")[2].lower(), allowed_hosts):
        return problem
    for pair in filter(None, query.split("&")):
        name = unquote(pair.split("=", 1)[0]).lower()
        if name not in _MAILTO_QUERY_KEYS:
            return f"{key} '{value}' sets '{name}' in its query; a mailto: handler may set only subject and body (no cc, bcc or to)"
    return None


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
