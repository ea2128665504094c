"""The two sites a benchmark builds from one synthetic roster: ours, and plain Material.

Both share the theme settings (Material, instant navigation, no web fonts, two palettes) and a
one-line home page, so the difference is what the plugin adds. The baseline is what an
association gets without us: one Markdown page per profile, kept out of the navigation (a nav of
thousands of profiles is quadratic), found through Material's site search.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .synthetic import SyntheticProfile

PROJECT = Path(__file__).resolve().parents[1]
HOME = "# Riverlands Mentoring\n\nVolunteer mentors for city and county managers.\n"
REQUEST_FORM = {"url": "https://forms.example.org/request", "method": "get",
                "fields": {"mentor": "entry.1", "mentor_name": "entry.2", "program": "entry.3"}}


def theme(custom_dir: Path | None = None) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "name": "material", "font": False, "features": ["navigation.instant"],
        "palette": [{"scheme": "default", "toggle": {"icon": "material/weather-night", "name": "Dark mode"}},
                    {"scheme": "slate", "toggle": {"icon": "material/weather-sunny", "name": "Light mode"}}],
    }
    if custom_dir:
        settings["custom_dir"] = str(custom_dir)
    return settings


def _write(root: Path, config: dict[str, Any]) -> Path:
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def write_ours(root: Path, content: Path, site_url: str | None = None) -> Path:
    """root/mkdocs.yml for the gallery site built from `content` with the project's templates."""
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text(HOME, encoding="utf-8")
    config: dict[str, Any] = {
        "site_name": "Riverlands Mentoring", "docs_dir": "docs", "site_dir": "site", "use_directory_urls": True,
        "theme": theme(PROJECT / "site-templates"),
        "nav": [{"Home": "index.md"}, {"Mentors Gallery": "mentors/index.md"}, {"Programs": "programs/index.md"},
                {"Forms": "forms/index.md"}],
        "plugins": ["search", {"mentor-gallery": {"content_dir": str(content), "request_form": REQUEST_FORM}}],
        "markdown_extensions": ["attr_list", "admonition", "tables"],
    }
    if site_url:
        config["site_url"] = site_url
    return _write(root, config)


def write_baseline(root: Path, profiles: list[SyntheticProfile], site_url: str | None = None) -> Path:
    """root/mkdocs.yml for plain Material with one page per profile under mentors/, not in the nav."""
    docs = root / "docs"
    (docs / "mentors").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text(HOME, encoding="utf-8")
    for profile in profiles:
        (docs / "mentors" / f"{profile.slug}.md").write_text(baseline_page(profile), encoding="utf-8")
    config: dict[str, Any] = {
        "site_name": "Riverlands Mentoring", "docs_dir": "docs", "site_dir": "site", "use_directory_urls": True,
        "theme": theme(), "nav": [{"Home": "index.md"}], "not_in_nav": "/mentors/",
        "plugins": ["search"], "markdown_extensions": ["attr_list", "admonition", "tables"],
    }
    if site_url:
        config["site_url"] = site_url
    return _write(root, config)


def baseline_page(profile: SyntheticProfile) -> str:
    """A profile as a committee would write it without the plugin: a heading, a few facts, the statement."""
    front = profile.frontmatter
    facts = [("Position", f"{front['title']}, {front['organization']}"), ("Region", front["region"]),
             ("Areas of expertise", ", ".join(front["expertise"]))]
    if front.get("frequency"):
        facts.append(("Frequency", front["frequency"]))
    if front.get("meeting"):
        facts.append(("Meets by", ", ".join(front["meeting"])))
    if front.get("languages"):
        facts.append(("Languages", ", ".join(front["languages"])))
    listing = "\n".join(f"- **{label}:** {value}" for label, value in facts)
    return f"# {front['name']}\n\n{listing}\n\n{profile.statement}\n"
