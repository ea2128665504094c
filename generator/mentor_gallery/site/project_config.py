"""What `mentor-gallery pages` needs from mkdocs.yml besides the gallery's settings, read without
any site engine: where the docs, the site and the templates are, and which assets are listed.

The gallery's own options come from settings.read_settings, the reader `check` uses too, so the
writer draws the site from the same values the MkDocs plugin gets.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mentor_gallery import packaged
from mentor_gallery.content.source import SourceError
from mentor_gallery.problems import Problem, display_path
from mentor_gallery.settings import SiteSettings, read_config_file, read_settings


@dataclass
class ProjectConfig:
    config_path: Path
    settings: SiteSettings
    docs_dir: Path = Path("docs")
    site_dir: Path = Path("site")
    custom_dir: Path | None = None
    theme_line: int = 1  # the line of theme.custom_dir (else of theme) in mkdocs.yml, for messages
    extra_css: list[str] = field(default_factory=list)
    extra_javascript: list[str] = field(default_factory=list)
    lists_line: dict[str, int] = field(default_factory=dict)  # extra_css / extra_javascript -> its line, for messages
    problems: list[Problem] = field(default_factory=list)  # the settings' problems included

    @property
    def content_dir(self) -> Path:
        return self.config_path.resolve().parent / self.settings.content_dir

    @property
    def template_dirs(self) -> list[Path]:
        """The fragments' folders, the site's own first: it overrides the packaged ones by path."""
        return [d / packaged.TEMPLATES for d in packaged.theme_dirs(self.custom_dir)]

    def unlisted_assets(self) -> list[str]:
        """Our stylesheets and scripts that mkdocs.yml does not list (packaged.unlisted_assets)."""
        return packaged.unlisted_assets(self.custom_dir, self.extra_css, self.extra_javascript)


def read_project(config_path: Path) -> ProjectConfig:
    """The keys of mkdocs.yml the writer uses, paths resolved beside the file; problems as values."""
    settings = read_settings(config_path)
    project = ProjectConfig(config_path=config_path, settings=settings, problems=list(settings.problems))
    shown = display_path(config_path)
    if not config_path.is_file():
        project.problems.append(Problem(shown, 1, "mkdocs.yml not found; run from the project folder or pass --config"))
        return project
    try:
        config = read_config_file(config_path)
    except (SourceError, OSError):
        return project  # read_settings has reported it
    data: dict[str, Any] = config.data
    line = config.document.line if config.document else (lambda *path: 1)
    base = config_path.resolve().parent

    def path_of(key: str, default: str) -> Path:
        value = data.get(key)
        return Path(os.path.normpath(base / (value if isinstance(value, str) and value else default)))

    project.docs_dir = path_of("docs_dir", "docs")
    project.site_dir = path_of("site_dir", "site")
    theme = data["theme"] if isinstance(data.get("theme"), dict) else {}
    project.theme_line = line("theme", "custom_dir") if "custom_dir" in theme else line("theme")
    if isinstance(theme.get("custom_dir"), str):
        project.custom_dir = Path(os.path.normpath(base / theme["custom_dir"]))
    project.extra_css = _names(data.get("extra_css"))
    project.extra_javascript = _names(data.get("extra_javascript"))
    project.lists_line = {key: line(key) for key in ("extra_css", "extra_javascript") if key in data}
    if data.get("use_directory_urls", True) is False:
        project.problems.append(Problem(shown, line("use_directory_urls"),
                                        "mentor-gallery needs use_directory_urls: true (its URLs are folders such as mentors/<slug>/)"))
    if project.custom_dir is not None and not project.custom_dir.is_dir():
        project.problems.append(Problem(shown, project.theme_line, f"theme.custom_dir {display_path(project.custom_dir)} "
                                        "does not exist; create the folder (it may hold only a README) or remove the setting"))
    raw_docs = data.get("docs_dir")
    if isinstance(raw_docs, str) and (os.path.isabs(raw_docs) or base not in project.docs_dir.parents):
        project.problems.append(Problem(shown, line("docs_dir"), "docs_dir should be a folder inside the project, written as a "
                                        "relative path such as docs: Zensical stops on any other", "warning"))
    if not project.docs_dir.is_dir():
        project.problems.append(Problem(shown, line("docs_dir"), f"the docs folder {display_path(project.docs_dir)} does not exist"))
    return project


def _names(value: Any) -> list[str]:
    """extra_css / extra_javascript entries: a path, or a mapping with `path` (scripts)."""
    names = []
    for entry in value if isinstance(value, list) else []:
        if isinstance(entry, str):
            names.append(entry)
        elif isinstance(entry, dict) and isinstance(entry.get("path"), str):
            names.append(entry["path"])
    return names
