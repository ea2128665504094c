"""The site's own settings as the CLI sees them: the plugin's entry in mkdocs.yml.

Read without MkDocs, so `mentor-gallery check` can warn about request handlers anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mentor_gallery.content.model import RequestHandler
from mentor_gallery.content.source import SourceError, parse_yaml, read_text
from mentor_gallery.content.validate import Report, request_handler_from
from mentor_gallery.matching.scoring import Weights, weights_from
from mentor_gallery.problems import Problem, display_path

PLUGIN_NAME = "mentor-gallery"


@dataclass
class SiteSettings:
    request_form: RequestHandler | None = None
    repo_url: str | None = None
    edit_branch: str = "main"  # the branch "Edit this profile" links open
    search_profiles: bool | str = "auto"  # in the site search: true, false, or auto (small rosters)
    access: str = "public"  # or "members-only": profile details sealed (members_only.py)
    weights: Weights = field(default_factory=Weights)  # matching: how `match` and the gallery's tools score
    allowed_hosts: frozenset[str] | None = None  # when set, the only hosts requests and forms may go to
    config_path: Path | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def members_only(self) -> bool:
        return self.access == "members-only"


def read_site_settings(config_path: Path) -> SiteSettings:
    settings = SiteSettings(config_path=config_path)
    if not config_path.is_file():
        return settings
    shown = display_path(config_path)
    try:
        document = parse_yaml(read_text(config_path), lenient_tags=True)
    except SourceError as exc:
        settings.problems.append(Problem(shown, exc.line, exc.message))
        return settings
    data = document.data if isinstance(document.data, dict) else {}
    repo_url = data.get("repo_url")
    settings.repo_url = repo_url if isinstance(repo_url, str) else None
    for index, entry in enumerate(data.get("plugins") or []):
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            options: Any = entry[PLUGIN_NAME] or {}
            if isinstance(options, dict) and options.get("allowed_hosts") is not None:
                hosts = options["allowed_hosts"]
                if isinstance(hosts, list) and all(isinstance(h, str) and h.strip() for h in hosts):
                    settings.allowed_hosts = frozenset(h.strip().lower() for h in hosts)
                else:
                    where = ("plugins", index, PLUGIN_NAME, "allowed_hosts")
                    settings.problems.append(Problem(shown, document.line(*where), "allowed_hosts must be a list of host names, e.g. [docs.google.com, formspree.io]"))
            if isinstance(options, dict) and options.get("request_form") is not None:
                report = Report(shown, document)
                settings.request_form = request_handler_from(report, options["request_form"], ("plugins", index, PLUGIN_NAME, "request_form"), settings.allowed_hosts)
                settings.problems += report.problems
            if isinstance(options, dict) and options.get("matching") is not None:
                where = ("plugins", index, PLUGIN_NAME, "matching")
                settings.weights, weight_problems = weights_from(options["matching"])
                settings.problems += [Problem(shown, document.line(*where, *key), message) for key, message in weight_problems]
    return settings


def find_config(content_dir: Path, explicit: Path | None = None) -> Path:
    """mkdocs.yml: the one given, else beside the content folder, else in the current folder."""
    if explicit:
        return explicit
    beside = content_dir.resolve().parent / "mkdocs.yml"
    return beside if beside.is_file() else Path("mkdocs.yml")
