"""The JSON Schema (draft 2020-12) of profile frontmatter, for editors that validate as you type.

Generated from PROFILE_FIELDS (keys, required, help) and the roster's vocabularies, so it says
what `check` says. It cannot see files: whether a photo exists is left to `check`.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Iterable

from mentor_gallery.content.model import FREQUENCY, MEETING, Taxonomy
from mentor_gallery.content.photos import SUFFIX_FORMATS
from mentor_gallery.content.profile_fields import CONTACT_KEYS, PROFILE_FIELDS
from mentor_gallery.content.rules import EMAIL_PATTERN, MAX_LINE_CHARS

DRAFT = "https://json-schema.org/draft/2020-12/schema"

Fragment = dict[str, Any]


def profile_schema(taxonomy: Taxonomy, program_slugs: Iterable[str]) -> Fragment:
    programs = sorted(program_slugs)
    properties = {}
    for spec in PROFILE_FIELDS:
        fragment = _KINDS[spec.kind](taxonomy, programs)
        properties[spec.key] = {"description": spec.help, **fragment}
    return {
        "$schema": DRAFT,
        "title": "Mentor profile",
        "description": "The YAML frontmatter of a mentor profile (content/mentors/<slug>.md).",
        "type": "object",
        "properties": properties,
        "required": [spec.key for spec in PROFILE_FIELDS if spec.required],
        "additionalProperties": False,
    }


def schema_json(taxonomy: Taxonomy, program_slugs: Iterable[str]) -> str:
    return json.dumps(profile_schema(taxonomy, program_slugs), indent=2, ensure_ascii=False) + "\n"


# One fragment per validation kind of profile_fields; each says what validate.py accepts.

_TEXT: Fragment = {"type": "string", "minLength": 1, "maxLength": MAX_LINE_CHARS, "pattern": r"\S"}


def _one_or_list(item: Fragment, **limits: Any) -> Fragment:
    """`check` accepts a single value written without brackets where a list is expected."""
    return {"anyOf": [item, {"type": "array", "items": item, **limits}]}


def _choice(values: list[str]) -> Fragment:
    # An empty enum is not allowed; with nothing to choose, no value is valid.
    return {"enum": values} if values else {"not": {}}


def _any_case(suffix: str) -> str:
    return "".join(f"[{ch.lower()}{ch.upper()}]" if ch.isalpha() and ch.lower() != ch.upper() else _escaped(ch) for ch in suffix)


def _escaped(ch: str) -> str:
    """One character as a literal in an ECMA-262 pattern (what editors run)."""
    return "\\" + ch if ch in "\\^$.*+?()[]{}|/" else ch


def _labels(spellings: list[str]) -> Fragment:
    """A label or alias of a vocabulary: listed as written (editors offer these), and in any
    case, since `check` reads 'finance' as Finance."""
    if not spellings:
        return {"not": {}}
    return {"anyOf": [{"enum": spellings}, {"type": "string", "pattern": "^(?:" + "|".join(_any_case(s) for s in spellings) + ")$"}]}


def _photo(*_: Any) -> Fragment:
    suffixes = "|".join(_any_case(s.lstrip(".")) for s in SUFFIX_FORMATS)
    return {"type": "string", "pattern": rf"^[^/\\].*\.({suffixes})$", "not": {"pattern": r"(^|[/\\])\.\.([/\\]|$)"}}


def _contact(*_: Any) -> Fragment:
    return {
        "type": "object",
        "properties": {
            "email": {"type": "string", "format": "email", "pattern": f"^{EMAIL_PATTERN}$"},
            "phone": {"type": ["string", "integer"]},
            "public": {"type": "boolean", "description": "true publishes email and phone on the site; default false"},
        },
        "additionalProperties": False,
        "propertyNames": {"enum": list(CONTACT_KEYS)},
    }


_KINDS: dict[str, Callable[[Taxonomy, list[str]], Fragment]] = {
    "text": lambda *_: dict(_TEXT),
    "texts": lambda *_: {"type": "array", "items": dict(_TEXT)},
    "count": lambda *_: {"type": "integer", "minimum": 0},
    "bool": lambda *_: {"type": "boolean"},
    "date": lambda *_: {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    "region": lambda t, _: _labels(t.regions.spellings),
    "expertise": lambda t, _: _one_or_list(_labels(t.expertise.spellings), minItems=1, maxItems=t.max_expertise, uniqueItems=True),
    "roles": lambda t, _: _one_or_list(_labels(t.roles.spellings), uniqueItems=True),
    "frequency": lambda *_: _choice([term.slug for term in FREQUENCY.terms]),
    "meeting": lambda *_: _one_or_list(_choice([term.slug for term in MEETING.terms])),
    "programs": lambda _, programs: _one_or_list(_choice(programs)),
    "photo": _photo,
    "contact": _contact,
}
