"""Validation: parsed documents -> model objects, every problem collected with its line.

Pure functions over `source.Document`s; nothing here reads files except a photo's existence.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from mentor_gallery.content import deprecations, rules
from mentor_gallery.content.deprecations import Renamed
from mentor_gallery.content.formats import OPTION_SOURCE_NAMES
from mentor_gallery.content.model import (
    FIELD_TYPES,
    FREQUENCY,
    HONEYPOT_FIELD,
    MEETING,
    OPTION_TYPES,
    VOCABULARY_NAMES,
    Contact,
    Form,
    FormField,
    Mentor,
    Program,
    Requirement,
    RequestHandler,
    Taxonomy,
    Term,
    Vocabulary,
    spelling_key,
)
from mentor_gallery.content.photos import OTHER_KIND_FIX, SUFFIX_FORMATS, Photo, PhotoError, check_photo
from mentor_gallery.content.exposure import could_show
from mentor_gallery.content.privacy import ContactMatcher
from mentor_gallery.content.profile_fields import (
    CONTACT_KEYS,
    FORM_FIELD_KEYS,
    FORM_KEYS,
    HANDLER_FIELD_KEYS,
    HANDLER_KEYS,
    HOLDS_KEYS,
    MINIMUM_KEYS,
    PROFILE_FIELDS,
    PROFILE_KEYS,
    PROGRAM_KEYS,
    TAXONOMY_KEYS,
)
from mentor_gallery.content.rounds import rounds_from, timezone_from
from mentor_gallery.content.slugs import MAX_NAME_BYTES, is_slug, slugify
from mentor_gallery.content.source import Document
from mentor_gallery.content.text import reader_form, reader_text, render_markdown
from mentor_gallery.problems import Problem, did_you_mean
from mentor_gallery.routes import RESERVED_TERM_SLUGS

_FIELD_NAME = re.compile(r"[A-Za-z0-9_.\-\[\]]+")
# The hints `new` writes after a key ('title:   # required: current or last position'): a comment
# the committee left in place, not part of a value.
_TEMPLATE_HINTS = {hint for f in PROFILE_FIELDS for hint in (f.help, f"required: {f.help}")}


@dataclass
class Report:
    """Collects problems for one file, turning document paths into lines."""

    path: str
    document: Document
    problems: list[Problem] = field(default_factory=list)
    # A renamed key read under its new name, by the path the committee wrote it at (deprecations).
    written_as: dict[tuple, tuple] = field(default_factory=dict)

    def error(self, where: tuple, message: str, *, at_key: bool = False) -> None:
        where = self._as_written(where)
        line = self.document.key_line(*where) if at_key else self.document.line(*where)
        self.problems.append(Problem(self.path, line, message))

    def warning(self, where: tuple, message: str) -> None:
        self.problems.append(Problem(self.path, self.document.line(*self._as_written(where)), message, "warning"))

    def renamed(self, mapping: dict, renames: tuple[Renamed, ...], where: tuple = ()) -> None:
        """Read each old name of a renamed key as its new name, with a warning at its line that says
        what to write instead; giving both is an error. Changes mapping in place."""
        for rename in renames:
            if rename.old not in mapping:
                continue
            if rename.new in mapping:
                self.error(where + (rename.old,), rename.clash(), at_key=True)
                del mapping[rename.old]
                continue
            self.problems.append(Problem(self.path, self.document.key_line(*where, rename.old), rename.message(), "warning"))
            mapping[rename.new] = mapping.pop(rename.old)
            self.written_as[where + (rename.new,)] = where + (rename.old,)

    def _as_written(self, where: tuple) -> tuple:
        for new, old in self.written_as.items():
            if where[:len(new)] == new:
                return old + where[len(new):]
        return where

    def lost_text(self, where: tuple, what: str, value: Any) -> None:
        """Warn where YAML quietly changed a text value: cut at ` #` (the rest read as a comment),
        or an unquoted `~` or `null` read as nothing."""
        written = getattr(self.document, "written", {}).get(where)
        if value is None and written:
            self.warning(where, f"{what}: YAML reads {written} as nothing, so the value is left empty; "
                                f"put it in quotes to keep it as text: \"{written}\", or remove it")
            return
        whole = getattr(self.document, "commented", {}).get(where)
        if isinstance(value, str) and whole:
            comment = whole[len(value):].strip().lstrip("#").strip() if whole.startswith(value) else ""
            if comment in _TEMPLATE_HINTS:
                return
            self.warning(where, f"{what} stops before ' #': YAML reads the rest of the line as a comment, so it is "
                                f"'{value}'; to keep the whole text put it in quotes: \"{whole}\"")

    def unknown_keys(self, mapping: dict, allowed: tuple[str, ...], where: tuple = (), what: str = "key") -> None:
        for key in mapping:
            if key not in allowed:
                hint = did_you_mean(key, allowed) or f"; allowed keys: {', '.join(allowed)}"
                self.error(where + (key,), f"unknown {what} '{key}'{hint}", at_key=True)

    # Typed getters: each reports its own problem and returns None on a bad value.

    def text(self, mapping: dict, key: str, where: tuple = (), *, required: bool = False, max_chars: int = rules.MAX_LINE_CHARS) -> str | None:
        value = mapping.get(key)
        self.lost_text(where + (key,), key, value)
        if value is None:
            if required:
                self.error(where + (key,), f"{key} is required; add '{key}: ...'" if key not in mapping else f"{key} is required and empty; fill it in")
            return None
        problem = rules.text_problem(key, value, max_chars=max_chars, written=self.written(where + (key,)))
        if problem:
            self.error(where + (key,), problem)
            return None
        return value.strip()

    def texts(self, mapping: dict, key: str, where: tuple = ()) -> list[str]:
        value = mapping.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            self.error(where + (key,), f"{key} must be a list; write it as {key}: [{value}]")
            return []
        if not isinstance(value, list):
            self.error(where + (key,), f"{key} must be a list of text, not {rules.type_name(value)}")
            return []
        result = []
        for index, item in enumerate(value):
            self.lost_text(where + (key, index), f"{key} item", item)
            if item is None and self.written(where + (key, index)):
                continue  # warned about: an item that reads as nothing is left out
            problem = rules.text_problem(f"{key} item", item, written=self.written(where + (key, index)))
            if problem:
                self.error(where + (key, index), problem)
            else:
                result.append(item.strip())
        return result

    def written(self, where: tuple) -> str | None:
        return getattr(self.document, "written", {}).get(where)

    def flag(self, mapping: dict, key: str, where: tuple = ()) -> bool | None:
        value = mapping.get(key)
        if value is None:
            return None
        if not isinstance(value, bool):
            self.error(where + (key,), f"{key} must be true or false, not '{value}'")
            return None
        return value

    def count(self, mapping: dict, key: str, where: tuple = ()) -> int | None:
        value = mapping.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.error(where + (key,), f"{key} must be a whole number of 0 or more, not '{value}'")
            return None
        return value

    def term(self, vocabulary: Vocabulary, value: Any, where: tuple, what: str, *, spellings: list[str] | None = None) -> Term | None:
        if not isinstance(value, str):
            self.error(where, f"{what} must be text, not {rules.type_name(value)}")
            return None
        term = vocabulary.find(value)
        if term is None and vocabulary.refused:
            return None  # taxonomy.yml's problem is reported there; every label here would be "unknown"
        if term is None:
            choices = spellings if spellings is not None else vocabulary.spellings
            hint = did_you_mean(value, choices) or (f"; choose one of: {', '.join(choices)}" if len(choices) <= 12 else f"; see the {vocabulary.name} list in content/taxonomy.yml")
            self.error(where, f"unknown {what} '{value}'{hint}")
        return term


# --- taxonomy -------------------------------------------------------------------------------


def taxonomy_from(report: Report) -> Taxonomy:
    data = report.document.data
    report.unknown_keys(data, TAXONOMY_KEYS)
    vocabularies = {}
    for name in ("expertise", "regions"):
        if name not in data:
            report.error((), f"taxonomy needs a '{name}:' list")
            vocabularies[name] = Vocabulary(name, [], refused=True)
            continue
        vocabularies[name] = _vocabulary_from(report, name, data.get(name))
    max_expertise = 3
    if "max_expertise" in data:
        value = report.count(data, "max_expertise")
        if value == 0:
            report.error(("max_expertise",), "max_expertise must be 1 or more")
        elif value is not None and value > rules.MAX_RANKED_PLACES:
            # The Find page offers one drop-down of every area per place.
            report.error(("max_expertise",), f"max_expertise is {value}; keep it to {rules.MAX_RANKED_PLACES} or fewer "
                                             "(a profile lists its strongest areas; the Find page has a drop-down of every area for each)")
        elif value is not None:
            max_expertise = value
    # roles is optional: an association that does not describe ways of helping leaves it out.
    roles = _vocabulary_from(report, "roles", data.get("roles"))
    return Taxonomy(vocabularies["expertise"], vocabularies["regions"], max_expertise, roles)


def _vocabulary_from(report: Report, name: str, entries: Any) -> Vocabulary:
    if entries is None:
        return Vocabulary(name, [])
    if not isinstance(entries, list):
        report.error((name,), f"{name} must be a list of labels")
        return Vocabulary(name, [], refused=True)
    if len(entries) > rules.MAX_TERMS:
        # Each label is a page and a filter: the site grows with the labels, so they are bounded.
        report.error((name,), f"{name} lists {len(entries):,} labels; keep it to {rules.MAX_TERMS:,} or fewer (merge close ones, or use aliases)")
        return Vocabulary(name, [], refused=True)
    terms: list[tuple[int, Term]] = []
    for index, entry in enumerate(entries):
        where = (name, index)
        if isinstance(entry, dict):
            report.unknown_keys(entry, ("label", "slug", "aliases"), where)
            label = report.text(entry, "label", where, required=True)
            aliases = report.texts(entry, "aliases", where)
            if len(aliases) > rules.MAX_ALIASES:
                report.error(where + ("aliases",), f"{len(aliases)} aliases; keep them to {rules.MAX_ALIASES} or fewer")
                aliases = aliases[: rules.MAX_ALIASES]
            slug = entry.get("slug")
            if slug is not None and (not isinstance(slug, str) or not is_slug(slug)):
                report.error(where + ("slug",), f"slug '{slug}' must use only a-z, 0-9 and '-'")
                slug = None
        else:
            problem = rules.text_problem(f"{name} label", entry)
            if problem:
                report.error(where, problem)
            label, aliases, slug = (entry.strip() if not problem else None), [], None
        if label is None:
            continue
        slug = slug or slugify(label)
        if not slug:
            report.error(where, f"label '{label}' has no letters or digits to make a slug from; add an explicit 'slug:'")
            continue
        if slug in RESERVED_TERM_SLUGS:
            report.error(where, f"label '{label}' has the slug '{slug}', which is the address of the {name} folder itself, not a page "
                                f"of its own; give it another slug, e.g. {{label: \"{label}\", slug: {slug}-{index + 1}}}")
            continue
        terms.append((index, Term(label, slug, tuple(aliases))))
    _report_collisions(report, name, terms)
    return Vocabulary(name, [term for _, term in terms])


def _report_collisions(report: Report, name: str, terms: list[tuple[int, Term]]) -> None:
    by_slug: dict[str, list[tuple[int, Term]]] = {}
    for index, term in terms:
        by_slug.setdefault(term.slug, []).append((index, term))
    for slug, group in by_slug.items():
        if len(group) > 1:
            labels = " and ".join(f"'{t.label}'" for _, t in group)
            for index, term in group:
                report.error((name, index), f"{name} {labels} share the slug '{slug}'; give '{term.label}' an explicit slug, e.g. {{label: \"{term.label}\", slug: {slug}-{index + 1}}}")
    seen: dict[str, int] = {}
    for index, term in terms:
        for spelling in (term.label, *term.aliases):
            folded = spelling_key(spelling)  # profiles may write a label in any case, so 'HR' and 'hr' are one spelling
            if folded in seen and seen[folded] != index:
                for at in (seen[folded], index):
                    report.error((name, at), f"'{spelling}' is given twice in {name} (as a label or alias); keep it in one entry")
            else:
                seen[folded] = index


# --- request handlers ----------------------------------------------------------------------


def request_handler_from(report: Report, value: Any, where: tuple, allowed_hosts: frozenset[str] | None = None) -> RequestHandler | None:
    if not isinstance(value, dict):
        report.error(where, "request_form must be a mapping with url, method and fields")
        return None
    report.unknown_keys(value, HANDLER_KEYS, where)
    url = value.get("url")
    if url is None:
        report.error(where, "request_form needs a 'url:' (https://..., or mailto:...)")
        return None
    problem = rules.url_problem("url", url, allowed_hosts=allowed_hosts)
    if problem:
        report.error(where + ("url",), problem)
        return None
    method = value.get("method", "get")
    if method not in ("get", "post"):
        report.error(where + ("method",), f"method must be get or post, not '{method}'")
        return None
    fields: dict[str, str] = {}
    mapping = value.get("fields") or {}
    if not isinstance(mapping, dict):
        report.error(where + ("fields",), "fields must map mentor, mentor_name and program to the handler's field names")
    else:
        report.unknown_keys(mapping, HANDLER_FIELD_KEYS, where + ("fields",), what="field")
        for key in HANDLER_FIELD_KEYS:
            if key in mapping:
                name = report.text(mapping, key, where + ("fields",))
                # Two of our values under one name: the handler would keep only one of them.
                other = next((k for k, v in fields.items() if v == name), None)
                if name and other:
                    report.error(where + ("fields", key), f"fields: {other} and {key} both map to '{name}'; give each its own handler field name")
                elif name:
                    fields[key] = name
    return RequestHandler(url.strip(), method, fields)


# --- programs ----------------------------------------------------------------------------


def program_from(report: Report, slug: str, body: str, body_line: int, allowed_hosts: frozenset[str] | None = None,
                 taxonomy: Taxonomy | None = None, timezone: str | None = None) -> Program | None:
    """timezone: the site's default time zone for the program's rounds (the plugin's `timezone`)."""
    data = report.document.data
    report.renamed(data, deprecations.PROGRAM_KEYS)
    report.unknown_keys(data, PROGRAM_KEYS)
    name = report.text(data, "name", required=True)
    summary = report.text(data, "summary", required=True, max_chars=600)
    sponsor = report.text(data, "sponsor")
    duration = None
    if data.get("duration_months") is not None:
        value = data["duration_months"]
        if (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
                and 1 <= value[0] <= value[1]):
            duration = (value[0], value[1])
        else:
            report.error(("duration_months",), f"duration_months must be [min, max] whole months with 1 <= min <= max, e.g. [3, 6], not {value}")
    cadence = None
    if data.get("cadence") is not None:
        cadence = _slug_term(report, FREQUENCY, data["cadence"], ("cadence",), "cadence")
    criteria = report.texts(data, "mentor_criteria")
    agreement = report.texts(data, "agreement")
    handler = request_handler_from(report, data["request_form"], ("request_form",), allowed_hosts) if data.get("request_form") is not None else None
    requires = _requirements(report, data["requires"], taxonomy) if data.get("requires") is not None else ()
    zone = timezone_from(report, data, timezone)
    rounds = rounds_from(report, data["rounds"]) if data.get("rounds") is not None else ()
    body_html = ""
    if len(body) > rules.MAX_GUIDE_CHARS:
        report.problems.append(Problem(report.path, body_line, f"the guide is {len(body):,} characters long; keep it under {rules.MAX_GUIDE_CHARS:,} and link to longer documents"))
    elif body.strip():
        body_html = render_markdown(body)
    if name is None or summary is None:
        return None
    return Program(slug, Path(report.path), name, summary, sponsor, duration, cadence, criteria, handler, agreement, body, body_line, body_html,
                   requires, zone, rounds)


def _requirements(report: Report, value: Any, taxonomy: Taxonomy | None) -> tuple[Requirement, ...]:
    """`requires`: profile key -> a minimum (a whole number) or what the mentor's list must hold
    (one value or a list, every one of them). Each mistake is an error at its own line."""
    where = ("requires",)
    if not isinstance(value, dict):
        report.error(where, "requires must map profile keys to what a mentor needs, e.g. requires: {years_as_manager: 3, memberships: NCCCMA}")
        return ()
    found: list[Requirement] = []
    for key, wanted in value.items():
        if key in MINIMUM_KEYS:
            if isinstance(wanted, bool) or not isinstance(wanted, int) or wanted < 0:
                report.error(where + (key,), f"requires {key} must be a whole number, the least a mentor needs, e.g. {key}: 3; not {_shown(wanted)}")
            else:
                found.append(Requirement(key, minimum=wanted))
        elif key in HOLDS_KEYS:
            found += _held(report, key, wanted, where + (key,), taxonomy)
        elif key in PROFILE_KEYS:
            report.error(where + (key,), f"requires cannot ask for {key}; it takes a minimum of {' or '.join(MINIMUM_KEYS)}, "
                                         f"or values that {', '.join(HOLDS_KEYS)} must include", at_key=True)
        else:
            hint = did_you_mean(str(key), MINIMUM_KEYS + HOLDS_KEYS) or f"; use {', '.join(MINIMUM_KEYS + HOLDS_KEYS)}"
            report.error(where + (key,), f"unknown profile key '{key}' in requires{hint}", at_key=True)
    return tuple(found)


def _held(report: Report, key: str, wanted: Any, where: tuple, taxonomy: Taxonomy | None) -> list[Requirement]:
    """The values a mentor's list must hold: text, or a list of text; vocabulary labels resolved."""
    items = [wanted] if isinstance(wanted, str) else wanted
    if not isinstance(items, list) or not items:
        report.error(where, f"requires {key} must be text or a list of text that a mentor's {key} must include, e.g. {key}: [{_example(key)}]; not {_shown(wanted)}")
        return []
    vocabulary = taxonomy.vocabulary(key) if taxonomy and key in ("expertise", "roles") else None
    found = []
    for index, item in enumerate(items):
        at = where + (index,) if isinstance(wanted, list) else where
        problem = rules.text_problem(f"requires {key} item", item)
        if problem:
            report.error(at, problem)
            continue
        if vocabulary is not None:
            term = report.term(vocabulary, item, at, "role" if key == "roles" else key)
            if term:
                found.append(Requirement(key, value=term.label))
        else:
            found.append(Requirement(key, value=item.strip()))
    return found


def _shown(value: Any) -> str:
    return f"'{value}'" if isinstance(value, (str, int, float)) and not isinstance(value, bool) else rules.type_name(value)


def _example(key: str) -> str:
    return {"memberships": "NCCCMA", "credentials": "ICMA-CM", "education": "MPA", "languages": "Spanish",
            "expertise": "Finance", "roles": "Coach"}.get(key, "...")


def _slug_term(report: Report, vocabulary: Vocabulary, value: Any, where: tuple, what: str) -> Term | None:
    """Fixed vocabularies (frequency, meeting) are written as their slugs."""
    if isinstance(value, str) and vocabulary.by_slug(value):
        return vocabulary.by_slug(value)
    slugs = [t.slug for t in vocabulary.terms]
    shown = value if isinstance(value, str) else rules.type_name(value)
    hint = did_you_mean(shown, slugs) or f"; choose one of: {', '.join(slugs)}"
    report.error(where, f"unknown {what} '{shown}'{hint}")
    return None


# --- mentors -------------------------------------------------------------------------------


def mentor_from(report: Report, slug: str, body: str, body_line: int, taxonomy: Taxonomy, program_slugs: set[str], profile_path: Path,
                root: Path | None = None) -> Mentor | None:
    data = report.document.data
    report.renamed(data, deprecations.PROFILE_KEYS)
    report.unknown_keys(data, tuple(f.key for f in PROFILE_FIELDS))
    values: dict[str, Any] = {}
    for spec in PROFILE_FIELDS:
        if spec.key not in data or data[spec.key] is None:
            if spec.kind == "text" and spec.key in data:
                report.lost_text((spec.key,), spec.key, None)
            if spec.required:
                report.error((spec.key,), f"{spec.key} is required ({spec.help}); add '{spec.key}: ...'" if spec.key not in data
                             else f"{spec.key} is required and empty ({spec.help}); fill it in")
            continue
        checker = _PROFILE_CHECKS[spec.kind]
        values[spec.key] = checker(report, data, spec.key, taxonomy, program_slugs, profile_path, root)
    rendered = None
    if len(body) > rules.MAX_STATEMENT_CHARS:
        report.problems.append(Problem(report.path, body_line, f"the statement is {len(body):,} characters long; keep it under {rules.MAX_STATEMENT_CHARS:,} (about three pages) and link to a longer document"))
    else:
        rendered = _check_privacy(report, values.get("contact"), data, body, body_line, slug)
    if any(p.severity == "error" for p in report.problems):
        return None
    if any(spec.required and values.get(spec.key) is None for spec in PROFILE_FIELDS):
        return None  # a label of a refused vocabulary: reported once, in taxonomy.yml
    mentor = Mentor(slug=slug, path=profile_path, body=body, body_line=body_line, raw=dict(data),
                    **{k: v for k, v in values.items() if v is not None})
    if rendered is not None:
        mentor.__dict__["statement_html"] = rendered  # the rendering check did is the one the site shows
    return mentor


def _listed(report: Report, data: dict, key: str, message: str) -> list | None:
    """A list value; one item written without brackets is unambiguous and counts as a list of one."""
    value = data[key]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        report.error((key,), message)
        return None
    return value


def _expertise(report: Report, data: dict, key: str, taxonomy: Taxonomy, *_: Any) -> list[Term] | None:
    value = data[key]
    if isinstance(value, str):
        value = [value]  # one area written without brackets is unambiguous
    if not isinstance(value, list) or not value:
        report.error((key,), f"expertise must be a list of 1 to {taxonomy.max_expertise} areas, e.g. expertise: [Finance]")
        return None
    terms = [report.term(taxonomy.expertise, item, (key, i) if isinstance(data[key], list) else (key,), "expertise") for i, item in enumerate(value)]
    if len(value) > taxonomy.max_expertise:
        report.error((key,), f"expertise lists {len(value)} areas; choose your {taxonomy.max_expertise} strongest")
    found = [t for t in terms if t]
    if len({t.slug for t in found}) < len(found):
        report.error((key,), "expertise names the same area twice (a label and its alias count as one); remove the repeat")
    return found if len(found) == len(value) else None


def _roles(report: Report, data: dict, key: str, taxonomy: Taxonomy, *_: Any) -> list[Term] | None:
    value = _listed(report, data, key, "roles must be a list of the roles in taxonomy.yml, e.g. roles: [Coach, Connector]")
    if value is None:
        return None
    if value and not taxonomy.roles.terms:
        report.error((key,), "taxonomy.yml lists no roles yet; add a 'roles:' list there, or remove this key")
        return None
    terms = [report.term(taxonomy.roles, item, (key, i) if isinstance(data[key], list) else (key,), "role") for i, item in enumerate(value)]
    found = [t for t in terms if t]
    if len({t.slug for t in found}) < len(found):
        report.error((key,), "roles names the same role twice (a label and its alias count as one); remove the repeat")
    return found if len(found) == len(value) else None


def _region(report: Report, data: dict, key: str, taxonomy: Taxonomy, *_: Any) -> Term | None:
    return report.term(taxonomy.regions, data[key], (key,), "region")


def _frequency(report: Report, data: dict, key: str, *_: Any) -> Term | None:
    return _slug_term(report, FREQUENCY, data[key], (key,), "frequency")


def _meeting(report: Report, data: dict, key: str, *_: Any) -> list[Term] | None:
    value = _listed(report, data, key, "meeting must be a list, e.g. meeting: [in-person, video]")
    if value is None:
        return None
    where = (lambda i: (key, i)) if isinstance(data[key], list) else (lambda i: (key,))
    terms = [_slug_term(report, MEETING, item, where(i), "meeting mode") for i, item in enumerate(value)]
    return [t for t in terms if t] if all(terms) else None


def _programs(report: Report, data: dict, key: str, taxonomy: Taxonomy, program_slugs: set[str], *_: Any) -> list[str] | None:
    value = _listed(report, data, key, "programs must be a list of program slugs, e.g. programs: [coaching]")
    if value is None:
        return None
    ok = True
    for index, item in enumerate(value):
        where = (key, index) if isinstance(data[key], list) else (key,)
        if not isinstance(item, str) or item not in program_slugs:
            hint = did_you_mean(str(item), sorted(program_slugs)) or (f"; known programs: {', '.join(sorted(program_slugs))}" if program_slugs else "; there is no program in content/programs yet")
            report.error(where, f"unknown program '{item}'{hint}")
            ok = False
    return list(dict.fromkeys(value)) if ok else None


def _photo(report: Report, data: dict, key: str, taxonomy: Taxonomy, program_slugs: set[str], profile_path: Path, root: Path | None = None) -> Photo | None:
    value = data[key]
    problem = rules.text_problem(key, value)
    if problem:
        report.error((key,), problem)
        return None
    relative = Path(value.strip())
    photo = (profile_path.parent / relative)
    if relative.is_absolute() or ".." in relative.parts:
        report.error((key,), f"photo '{value}' must be a file beside the profile (no '..' or absolute paths)")
        return None
    if photo.suffix.lower() not in SUFFIX_FORMATS:
        report.error((key,), f"photo '{value}' must be an image: a PNG, JPEG, WebP or SVG file; {OTHER_KIND_FIX}")
        return None
    too_long = next((part for part in relative.parts if len(os.fsencode(part)) > MAX_NAME_BYTES), None)
    if too_long is not None:
        report.error((key,), f"photo '{value[:40]}...' has a name of {len(os.fsencode(too_long))} bytes; file systems allow "
                             f"{MAX_NAME_BYTES}: rename the file to something short, e.g. {slugify(profile_path.stem)[:40] or 'photo'}{photo.suffix.lower()}")
        return None
    try:
        present = photo.is_file() or photo.is_symlink()
    except OSError as exc:  # a path the file system cannot even look up
        report.error((key,), f"photo '{value}' cannot be looked up ({exc.strerror}); rename it to a short plain name")
        return None
    if not present:
        nearby = [p.name for p in profile_path.parent.iterdir() if p.suffix.lower() in SUFFIX_FORMATS] if profile_path.parent.is_dir() else []
        hint = did_you_mean(relative.name, nearby) or "; add the file beside the profile or fix the name"
        report.error((key,), f"photo '{value}' does not exist{hint}")
        return None
    try:
        return check_photo(photo, root if root is not None else profile_path.parent)
    except PhotoError as exc:
        report.error((key,), f"photo '{value}' {exc}")
        return None


def _contact(report: Report, data: dict, key: str, *_: Any) -> Contact | None:
    value = data[key]
    if not isinstance(value, dict):
        report.error((key,), "contact must be a mapping, e.g. contact: {email: name@example.org, public: false}")
        return None
    report.unknown_keys(value, CONTACT_KEYS, (key,))
    email = value.get("email")
    if email is not None:
        problem = rules.email_problem("contact email", email)
        if problem:
            report.error((key, "email"), problem)
            return None
        email = email.strip()
    phone = value.get("phone")
    if phone is not None:
        if isinstance(phone, int) and not isinstance(phone, bool):
            phone = str(phone)
        problem = rules.text_problem("contact phone", phone, max_chars=40)
        if problem:
            report.error((key, "phone"), problem)
            return None
        if len(rules.digits(phone)) < 3:
            report.error((key, "phone"), f"contact phone '{phone}' has too few digits; write it as 555-0100")
            return None
        phone = phone.strip()
    public = report.flag(value, "public", (key,))
    return Contact(email, phone, bool(public))


def _date(report: Report, data: dict, key: str, *_: Any) -> dt.date | None:
    value = data[key]
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    report.error((key,), f"{key} must be a date written YYYY-MM-DD, not '{value}'")
    return None


def _text(report: Report, data: dict, key: str, *_: Any) -> str | None:
    return report.text(data, key)


def _texts(report: Report, data: dict, key: str, *_: Any) -> list[str] | None:
    before = len(report.problems)
    value = report.texts(data, key)
    return value if len(report.problems) == before else None


def _bool(report: Report, data: dict, key: str, *_: Any) -> bool | None:
    return report.flag(data, key)


def _count(report: Report, data: dict, key: str, *_: Any) -> int | None:
    return report.count(data, key)


_PROFILE_CHECKS: dict[str, Callable[..., Any]] = {
    "text": _text, "texts": _texts, "bool": _bool, "count": _count, "date": _date, "region": _region,
    "expertise": _expertise, "roles": _roles, "frequency": _frequency, "meeting": _meeting, "programs": _programs,
    "photo": _photo, "contact": _contact,
}


def _check_privacy(report: Report, contact: Contact | None, data: dict, body: str, body_line: int, slug: str = "") -> str | None:
    """A private contact must not reach the site through another field or the statement, in any
    disguise: fields and the rendered statement are compared as a reader would read them.
    Returns the statement's HTML when it had to be rendered, for the site to reuse."""
    matcher = ContactMatcher(contact)
    if not matcher:
        return None
    fix = "remove it, or set contact.public: true to publish it"
    texts = {key: [t for t in (value if isinstance(value, list) else [value]) if isinstance(t, str)]
             for key, value in data.items() if key != "contact"}
    texts["file name"] = [slug]  # it becomes the profile's address
    # One look over all fields together; only a hit is traced back to its key.
    if matcher.find(reader_form("\n".join(t for values in texts.values() for t in values))):
        for key, values in texts.items():
            for what in sorted({w for t in values for w in matcher.find(reader_form(t))}):
                report.error((key,), f"{key} contains the private contact {what}; {fix}")
    if not body.strip() or not could_show(body, matcher.contacts):
        return None
    statement_html = render_markdown(body)
    for what in matcher.find(reader_text(statement_html)):
        # Name the line where it shows; a disguise spread over several lines is named at the start.
        line = next((body_line + offset for offset, text in enumerate(body.split("\n"))
                     if what in matcher.find(reader_text(render_markdown(text)))), body_line)
        report.problems.append(Problem(report.path, line, f"the statement contains the private contact {what} (as a reader would see it); {fix}"))
    return statement_html


# --- forms ---------------------------------------------------------------------------------


def program_vocabulary(programs: list[Program]) -> Vocabulary:
    """The site's programs as a vocabulary a form may draw options from: shown by name,
    addressed by slug."""
    return Vocabulary("programs", [Term(p.name, p.slug) for p in programs])


def form_from(report: Report, slug: str, taxonomy: Taxonomy, allowed_hosts: frozenset[str] | None = None,
              programs: Vocabulary | None = None) -> Form | None:
    data = report.document.data
    report.renamed(data, deprecations.FORM_KEYS)
    sources = {name: vocabulary for name in VOCABULARY_NAMES if (vocabulary := taxonomy.vocabulary(name)) is not None}
    sources["programs"] = programs if programs is not None else Vocabulary("programs", [])
    report.unknown_keys(data, FORM_KEYS)
    title = report.text(data, "title", required=True)
    description = report.text(data, "description", max_chars=2000)
    action = data.get("action")
    if action is None:
        report.error(("action",), "action is required: the URL the form posts to (https://... or mailto:...)")
    elif problem := rules.url_problem("action", action, allowed_hosts=allowed_hosts):
        report.error(("action",), problem)
        action = None
    method = data.get("method", "post")
    if method not in ("get", "post"):
        report.error(("method",), f"method must be get or post, not '{method}'")
    honeypot = bool(report.flag(data, "honeypot"))
    fields: list[FormField] = []
    raw_fields = data.get("fields")
    if not isinstance(raw_fields, list) or not raw_fields:
        report.error(("fields",), "fields must be a list of at least one field, e.g. - {name: email, label: Email, type: email}")
        raw_fields = []
    seen: dict[str, int] = {}
    # The names the service receives: two fields under one name would reach it as one answer.
    posted: dict[str, str] = {HONEYPOT_FIELD: "the honeypot"} if honeypot else {}
    if isinstance(action, str) and method == "get":  # a get form sends its action's query as fields too
        posted.update({name: "the action's query" for name, _ in Form("", Path(), "", action.strip(), method, []).kept_query})
    for index, entry in enumerate(raw_fields):
        field_ = _form_field(report, entry, ("fields", index), taxonomy, sources)
        if field_ is None:
            continue
        if honeypot and field_.name == HONEYPOT_FIELD:
            report.error(("fields", index, "name"), f"field name '{HONEYPOT_FIELD}' is the hidden trap field that honeypot: true adds; "
                                                    "two inputs would share one name: rename this field")
            continue
        if field_.name in seen:
            report.error(("fields", index, "name"), f"field name '{field_.name}' is used twice; each field needs its own name")
        else:
            for name in dict.fromkeys(field_.post_names):
                if name in posted:
                    key = "post_as" if field_.post_as else "name"
                    report.error(("fields", index, key), f"field '{field_.name}' is posted as '{name}', as {posted[name]} is; "
                                                         f"give each field its own {'post_as' if field_.post_as else 'name'}")
                posted.setdefault(name, f"field '{field_.name}'")
        seen[field_.name] = index
        fields.append(field_)
    if any(p.severity == "error" for p in report.problems) or title is None or action is None:
        return None
    return Form(slug, Path(report.path), title, action.strip(), method, fields, description, honeypot)


def _form_field(report: Report, entry: Any, where: tuple, taxonomy: Taxonomy, sources: dict[str, Vocabulary]) -> FormField | None:
    if not isinstance(entry, dict):
        report.error(where, "a field must be a mapping with name, label and type")
        return None
    report.unknown_keys(entry, FORM_FIELD_KEYS, where)
    name = report.text(entry, "name", where, required=True)
    if name and not _FIELD_NAME.fullmatch(name):
        report.error(where + ("name",), f"field name '{name}' may use only letters, digits, '_', '.', '-' (the handler's field name)")
        name = None
    label = report.text(entry, "label", where, required=True)
    type_ = entry.get("type", "text")
    if type_ not in FIELD_TYPES:
        report.error(where + ("type",), f"unknown field type '{type_}'{did_you_mean(str(type_), FIELD_TYPES) or '; use one of: ' + ', '.join(FIELD_TYPES)}")
        return None
    required = bool(report.flag(entry, "required", where))
    help_ = report.text(entry, "help", where, max_chars=600)
    group = report.text(entry, "group", where)
    options: list[str] = []
    raw = entry.get("options")
    if type_ in OPTION_TYPES:
        if isinstance(raw, str):
            vocabulary = sources.get(raw)
            if vocabulary is None:
                report.error(where + ("options",), f"unknown vocabulary '{raw}'{did_you_mean(raw, OPTION_SOURCE_NAMES) or '; use one of: ' + ', '.join(OPTION_SOURCE_NAMES)}, or a list of options")
                return None
            if not vocabulary.terms:
                # A site without roles or programs can still use a form that offers them: the
                # field waits, out of the form, until the list has entries.
                where_ = "content/programs" if raw == "programs" else "content/taxonomy.yml"
                report.warning(where + ("options",), f"options: {raw} offers nothing yet ({where_} has no {raw}), so the form leaves "
                                                     f"this field out; add {raw} there, or remove the field")
                return None
            options = vocabulary.labels
        elif isinstance(raw, list) and raw:
            if len(raw) > rules.MAX_OPTIONS:
                report.error(where + ("options",), f"{len(raw):,} options; keep them to {rules.MAX_OPTIONS:,} or fewer "
                                                   "(or use a text field)")
                return None
            options = report.texts(entry, "options", where)
            if len(options) == len(raw):
                _check_named_options(report, where, name, options, sources)
        else:
            report.error(where + ("options",) if raw is not None else where, f"a {type_} field needs options: a list, or one of {', '.join(OPTION_SOURCE_NAMES)}")
            return None
    elif raw is not None:
        report.error(where + ("options",), f"options apply only to {', '.join(OPTION_TYPES[:-1])} and {OPTION_TYPES[-1]} fields, not {type_}; remove them or change the type")
    if type_ == "scale":
        scale = _scale(report, entry, where)
        if name is None or label is None or scale is None:
            return None
        return FormField(name, label, type_, required, [], help_, group, max=scale[1], min=scale[0], labels=scale[2])
    for key in ("min", "labels"):
        if entry.get(key) is not None:
            report.error(where + (key,), f"{key} applies only to scale fields, not {type_}; remove it or change the type to scale")
    most = _ranked_max(report, entry, where, type_, options, taxonomy.max_expertise if raw == "expertise" else None)
    post_as = _post_as(report, entry, where, type_, most)
    if name is None or label is None or post_as is None:
        return None
    return FormField(name, label, type_, required, options, help_, group, most, post_as)


# A hand-written option list names one of the site's vocabularies when the field's name says so
# (`program`, `region`, ...) or when most of its options are entries of that vocabulary; then
# every option must be an entry, spelled as the site spells it, so an example's leftovers and
# typos cannot reach the form. What each vocabulary's entry is called in messages:
_NAMED = {"programs": "program", "expertise": "expertise", "regions": "region", "roles": "role"}
_FIELD_NAMES_FOR = {"program": "programs", "programs": "programs", "expertise": "expertise", "area": "expertise",
                    "areas": "expertise", "needs": "expertise", "region": "regions", "regions": "regions",
                    "roles": "roles"}  # not "role": a survey's "You are the (mentor, mentee)" is a role too


def _check_named_options(report: Report, where: tuple, name: str | None, options: list[str], sources: dict[str, Vocabulary]) -> None:
    source = _FIELD_NAMES_FOR.get((name or "").lower())
    if source is None:
        for candidate in _NAMED:
            found = sum(1 for option in options if sources[candidate].find_loose(option))
            if found * 2 > len(options):
                source = candidate
                break
    if source is None:
        return
    vocabulary, what = sources[source], _NAMED[source]
    labels = vocabulary.labels
    where_ = "content/programs" if source == "programs" else "content/taxonomy.yml"
    for index, option in enumerate(options):
        term = vocabulary.find_loose(option)
        if term is not None and term.label == option:
            continue
        if term is not None:
            message = f"unknown {what} '{option}'; did you mean '{term.label}'? (spell it as {where_} does)"
        elif not labels:
            message = f"unknown {what} '{option}'; there is no {what} in {where_} yet"
        else:
            known = f"the site's {source}: {', '.join(labels)}" if len(labels) <= 12 else f"see {where_}"
            every = f"; or write 'options: {source}' to offer them all" if source != "expertise" else ""
            message = f"unknown {what} '{option}'{did_you_mean(option, labels)} ({known}{every})"
        report.error(where + ("options", index), message)


def _post_as(report: Report, entry: dict, where: tuple, type_: str, places: int | None) -> tuple[str, ...] | None:
    """The names the form service expects (`post_as`): one, or for a ranked field one per place.
    None when the value is wrong (reported)."""
    if entry.get("post_as") is None:
        return ()
    value = entry["post_as"]
    at = where + ("post_as",)
    items = value if isinstance(value, list) else [value]
    if isinstance(value, list) and type_ != "ranked":
        report.error(at, f"post_as must be one name for a {type_} field, e.g. post_as: entry.1234567; a list is for ranked fields (one name per place)")
        return None
    if isinstance(value, list) and places is not None and len(value) not in (1, places):
        report.error(at, f"post_as lists {len(value)} names but the field has {places} places (max: {places}); give one name per place, or one name for all")
        return None
    names = []
    for index, item in enumerate(items):
        spot = at + (index,) if isinstance(value, list) else at
        if isinstance(item, int) and not isinstance(item, bool):
            item = str(item)  # a bare number is a name too
        problem = rules.text_problem("post_as", item)
        if problem:
            report.error(spot, problem)
            return None
        if not _FIELD_NAME.fullmatch(item.strip()):
            report.error(spot, f"post_as '{item}' may use only letters, digits, '_', '.', '-', '[' and ']' (the name the form service expects, e.g. entry.1234567)")
            return None
        if item.strip() in names:
            report.error(spot, f"post_as gives '{item.strip()}' to two places; give each place its own name")
            return None
        names.append(item.strip())
    return tuple(names)


MAX_SCALE_STEPS = 11  # 0 to 10: a longer scale is a number field


def _scale(report: Report, entry: dict, where: tuple) -> tuple[int, int, tuple[str, str] | None] | None:
    """A scale's bottom, top (default 1 to 5) and the optional words for its two ends."""
    bottom, top = entry.get("min", 1), entry.get("max", 5)
    for key, value in (("min", bottom), ("max", top)):
        if isinstance(value, bool) or not isinstance(value, int):
            report.error(where + (key,), f"{key} must be a whole number, e.g. min: 1, max: 5; not '{value}'")
            return None
    if not 1 <= top - bottom < MAX_SCALE_STEPS:
        report.error(where + ("max",), f"a scale runs from min to max with 2 to {MAX_SCALE_STEPS} steps, e.g. min: 1, max: 5; not {bottom} to {top}")
        return None
    labels = entry.get("labels")
    if labels is None:
        return bottom, top, None
    ends = report.texts(entry, "labels", where)
    if len(ends) != 2 or not isinstance(labels, list) or len(labels) != 2:
        report.error(where + ("labels",), "labels must name the two ends of the scale, e.g. labels: [Not at all, Very much]")
        return None
    return bottom, top, (ends[0], ends[1])


def _ranked_max(report: Report, entry: dict, where: tuple, type_: str, options: list[str], default: int | None) -> int | None:
    """How many options a ranked field lets a person choose: `max`, else the taxonomy's
    max_expertise for expertise, else every option."""
    value = entry.get("max")
    if type_ != "ranked":
        if value is not None:
            report.error(where + ("max",), f"max applies only to ranked fields, not {type_}; remove it or change the type to ranked")
        return None
    # Each place is a drop-down of every option: the page grows with places x options.
    most = min(len(options), rules.MAX_RANKED_PLACES)
    if value is None:
        return min(default or most, most)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= most:
        limit = (f"at most {rules.MAX_RANKED_PLACES}: each place is a drop-down of every option"
                 if len(options) > rules.MAX_RANKED_PLACES else "the number of options")
        report.error(where + ("max",), f"max must be a whole number from 1 to {most} ({limit}), not '{value}'")
        return None
    return value
