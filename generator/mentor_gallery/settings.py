"""The gallery's settings: declared once, with types, defaults and meaning, read one way.

Every option of the `mentor-gallery` plugin entry in mkdocs.yml is an `Option` below. The MkDocs
plugin builds its config schema from them and hands over the values MkDocs has read (so INHERIT
and `!ENV` are MkDocs' own); the CLI reads the same file with `read_settings`, which resolves
INHERIT and `!ENV` by the same rules without importing MkDocs. Both end in `settings_from`, so
a value means the same thing, with the same message when it is wrong, to both.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from mentor_gallery.content import deprecations
from mentor_gallery.content.model import RequestHandler
from mentor_gallery.content.rounds import zone_problem
from mentor_gallery.content.source import Document, SourceError, parse_yaml, read_text
from mentor_gallery.content.validate import Report, request_handler_from
from mentor_gallery.matching.scoring import Weights, weights_from
from mentor_gallery.problems import Problem, display_path

PLUGIN_NAME = "mentor-gallery"
ACCESS_MODES = ("public", "members-only")
MAX_INHERIT_DEPTH = 10


@dataclass(frozen=True)
class Option:
    """One option of the plugin entry: its name, default and what it does (the guide says the same)."""

    name: str
    default: Any
    doc: str


OPTIONS: tuple[Option, ...] = (
    Option("content_dir", "content", "the content folder, relative to mkdocs.yml"),
    Option("request_form", None, "the site's request handler: url, method (get or post) and the handler's field names"),
    Option("access", "public", "public, or members-only: details sealed with a member passphrase"),
    Option("passphrase_env", "MENTOR_GALLERY_PASSPHRASE", "the environment variable holding the member passphrase (members-only)"),
    Option("search_profiles", "auto", "profiles in the site search: true, false, or auto (rosters of up to 500 mentors)"),
    Option("search_guide", False, "the committee's guide (docs/guide/) in the site search; off, members' searches find mentors, programs and forms"),
    Option("edit_branch", "main", "the branch that 'Edit this profile' and 'Propose a mentor' open"),
    Option("matching", None, "weights of the score shared by match, Find my mentor and Build your advisory team"),
    Option("allowed_hosts", None, "the only hosts request handlers and forms may send to (any https host when absent)"),
    Option("committee_guide", True, "the committee's guide on the site, under For the committee: true, or false to leave it out"),
    Option("timezone", None, "the IANA time zone of programs' rounds and meetings that give none (UTC when absent)"),
    Option("association", None, "the association's name on committee papers such as the hours report "
                                "(default: the holder named in copyright, else site_name)"),
)


@dataclass
class SiteSettings:
    """What the gallery needs to know about the site, typed and checked."""

    content_dir: str = "content"
    request_form: RequestHandler | None = None
    access: str = "public"
    passphrase_env: str = "MENTOR_GALLERY_PASSPHRASE"
    search_profiles: bool | str = "auto"
    search_guide: bool = False
    edit_branch: str = "main"
    weights: Weights = field(default_factory=Weights)
    allowed_hosts: frozenset[str] | None = None
    committee_guide: bool = True
    timezone: str | None = None
    association_name: str | None = None  # as set; `association` says what papers print
    # From the top level of mkdocs.yml: where the site and its sources are published.
    site_name: str = ""
    site_url: str | None = None
    repo_url: str | None = None
    copyright: str = ""
    config_path: Path | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def members_only(self) -> bool:
        return self.access == "members-only"

    @property
    def association(self) -> str:
        """Who issues the committee's papers: the `association` option, else the holder the
        footer's copyright names (its first part, markup and years left out), else site_name."""
        return self.association_name or copyright_holder(self.copyright) or self.site_name


LineOf = Callable[..., int]  # the line of an option's value in mkdocs.yml, by its path under the plugin entry


class _OptionLines:
    """Lines of the plugin's options, in the shape validate.Report asks for."""

    def __init__(self, line_of: LineOf):
        self.line_of = line_of

    def line(self, *path: Any) -> int:
        return self.line_of(*path)

    key_line = line


def settings_from(options: dict[str, Any], site: dict[str, Any], config_path: Path | None, line_of: LineOf | None = None) -> SiteSettings:
    """Typed settings from the plugin's options and the site's top-level keys; problems collected."""
    settings = SiteSettings(config_path=config_path)
    report = Report(display_path(config_path) if config_path else "mkdocs.yml", _OptionLines(line_of or (lambda *path: 1)))  # type: ignore[arg-type]
    # MkDocs hands over every declared name, the old names of renamed options included, as None when absent.
    old_names = {rename.old for rename in deprecations.PLUGIN_OPTIONS}
    options = {key: value for key, value in options.items() if key not in old_names or value is not None}
    report.renamed(options, deprecations.PLUGIN_OPTIONS)
    report.unknown_keys(options, tuple(option.name for option in OPTIONS), what="mentor-gallery option")
    for option in OPTIONS:
        value = options.get(option.name)
        if value is not None:
            _READERS[option.name](settings, value, report, (option.name,))
    for key in ("site_name", "site_url", "repo_url", "copyright"):
        value = site.get(key)
        if isinstance(value, str) and value.strip():
            setattr(settings, key, value.strip())
    settings.problems = report.problems
    return settings


Reader = Callable[[SiteSettings, Any, Report, tuple], None]


def _text(name: str, option: str | None = None) -> Reader:
    def read(settings: SiteSettings, value: Any, report: Report, where: tuple) -> None:
        if isinstance(value, str) and value.strip():
            setattr(settings, name, value.strip())
        else:
            report.error(where, f"{option or name} must be a non-empty text")
    return read


def _flag(name: str) -> Reader:
    def read(settings: SiteSettings, value: Any, report: Report, where: tuple) -> None:
        if isinstance(value, bool):  # not 1 or "yes": YAML's true and false only
            setattr(settings, name, value)
        else:
            report.error(where, f"{name} must be true or false, not '{value}'")
    return read


def _access(settings: SiteSettings, value: Any, report: Report, where: tuple) -> None:
    if value in ACCESS_MODES:
        settings.access = value
    else:
        report.error(where, f"access must be one of {', '.join(ACCESS_MODES)}, not '{value}'")


def _search_profiles(settings: SiteSettings, value: Any, report: Report, where: tuple) -> None:
    if value in (True, False, "auto"):
        settings.search_profiles = value
    else:
        report.error(where, f"search_profiles must be true, false or auto, not '{value}'")


def _request_form(settings: SiteSettings, value: Any, report: Report, where: tuple) -> None:
    settings.request_form = request_handler_from(report, value, where, settings.allowed_hosts)


def _matching(settings: SiteSettings, value: Any, report: Report, where: tuple) -> None:
    settings.weights, problems = weights_from(value)
    for path, message in problems:
        report.error(where + tuple(path), message)


def _allowed_hosts(settings: SiteSettings, value: Any, report: Report, where: tuple) -> None:
    if isinstance(value, list) and value and all(isinstance(h, str) and h.strip() for h in value):
        settings.allowed_hosts = frozenset(h.strip().lower() for h in value)
    else:
        report.error(where, "allowed_hosts must be a list of host names, e.g. [docs.google.com, formspree.io]")


def _timezone(settings: SiteSettings, value: Any, report: Report, where: tuple) -> None:
    problem = zone_problem(value)
    if problem:
        report.error(where, problem)
    else:
        settings.timezone = value.strip()


# In this order: allowed_hosts first, since request_form's url is checked against it.
_READERS: dict[str, Reader] = {
    "allowed_hosts": _allowed_hosts,
    "content_dir": _text("content_dir"),
    "request_form": _request_form,
    "access": _access,
    "passphrase_env": _text("passphrase_env"),
    "search_profiles": _search_profiles,
    "search_guide": _flag("search_guide"),
    "edit_branch": _text("edit_branch"),
    "matching": _matching,
    "committee_guide": _flag("committee_guide"),
    "timezone": _timezone,
    "association": _text("association_name", "association"),
}
OPTIONS = tuple(sorted(OPTIONS, key=lambda option: list(_READERS).index(option.name)))


_MARKUP = re.compile(r"<[^>]*>")
_COPYRIGHT_WORDS = re.compile(r"(?i)^(?:copyright\b|©|\(c\)|[0-9]{4}(?:\s*[-–]\s*[0-9]{4})?|by\b|[\s,.])+")
_PARTS = re.compile(r"\s(?:·|\||—|–|-)\s|[\n·|]")


def copyright_holder(text: str) -> str:
    """The holder a footer's copyright names: its first part ("Riverlands Association · Committee:
    ..."), without markup, entities, the © sign or years."""
    plain = html.unescape(_MARKUP.sub(" ", text or ""))
    for part in _PARTS.split(plain):
        holder = " ".join(_COPYRIGHT_WORDS.sub("", part.strip()).split()).rstrip(",;:")
        if holder:
            return holder
    return ""


# --- reading mkdocs.yml without MkDocs -------------------------------------------------------


@dataclass
class ConfigFile:
    """mkdocs.yml as MkDocs would read it (INHERIT merged, !ENV resolved), with the lines of the
    file itself for messages."""

    data: dict[str, Any]
    document: Document | None
    plugin_index: int | None  # where the mentor-gallery entry sits in this file's plugins list

    def plugin_options(self) -> dict[str, Any] | None:
        plugins = self.data.get("plugins")
        if isinstance(plugins, dict):
            return (plugins[PLUGIN_NAME] or {}) if PLUGIN_NAME in plugins else None
        for entry in plugins or []:
            if entry == PLUGIN_NAME:
                return {}
            if isinstance(entry, dict) and PLUGIN_NAME in entry:
                return entry[PLUGIN_NAME] or {}
        return None

    def line_of(self, *path: Any) -> int:
        if self.document is None:
            return 1
        plugins = self.document.data.get("plugins") if isinstance(self.document.data, dict) else None
        if isinstance(plugins, dict):
            return self.document.line("plugins", PLUGIN_NAME, *path)
        if self.plugin_index is None:
            return 1
        return self.document.line("plugins", self.plugin_index, PLUGIN_NAME, *path)


def read_config_file(config_path: Path, depth: int = 0) -> ConfigFile:
    """Parse mkdocs.yml, following INHERIT as MkDocs does: the parent's mappings merged key by
    key, the child's value winning, lists replaced whole."""
    document = parse_yaml(read_text(config_path), lenient_tags=True)
    if document.problems:  # a key given twice: MkDocs would keep the last, the plugin the first
        raise SourceError(*document.problems[0])
    data = document.data if isinstance(document.data, dict) else {}
    parent_name = data.pop("INHERIT", None)
    if isinstance(parent_name, str):
        if depth >= MAX_INHERIT_DEPTH:
            raise SourceError(document.line("INHERIT"), "INHERIT goes more than ten files deep; is a file inheriting itself?")
        parent = read_config_file(Path(os.path.normpath(config_path.parent / parent_name)), depth + 1)
        data = _merge(parent.data, data)
    own_plugins = document.data.get("plugins") if isinstance(document.data, dict) else None
    index = next((i for i, entry in enumerate(own_plugins) if isinstance(entry, dict) and PLUGIN_NAME in entry), None) \
        if isinstance(own_plugins, list) else None
    return ConfigFile(data, document, index)


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    merged = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def read_settings(config_path: Path) -> SiteSettings:
    """The settings from mkdocs.yml as the CLI sees them; defaults when there is no such file."""
    if not config_path.is_file():
        return SiteSettings(config_path=config_path)
    try:
        config = read_config_file(config_path)
    except SourceError as exc:
        settings = SiteSettings(config_path=config_path)
        settings.problems.append(Problem(display_path(config_path), exc.line, exc.message))
        return settings
    except OSError as exc:
        settings = SiteSettings(config_path=config_path)
        settings.problems.append(Problem(display_path(config_path), 1, f"cannot read an inherited configuration file: {exc.strerror}"))
        return settings
    return settings_from(config.plugin_options() or {}, config.data, config_path, config.line_of)


def find_config(content_dir: Path, explicit: Path | None = None) -> Path:
    """mkdocs.yml: the one given, else beside the content folder, else in the current folder."""
    if explicit:
        return explicit
    beside = content_dir.resolve().parent / "mkdocs.yml"
    return beside if beside.is_file() else Path("mkdocs.yml")
