"""The two sites a benchmark builds from one synthetic roster: the one that ships, and plain Material.

Ours is the project's own mkdocs.yml as an association builds it (theme, features, palettes, nav,
assets, plugin options and the hand-written pages of docs/), with only the roster swapped in, as
tests/support.py does for the tests. The baseline is what an association gets without us, from the
same mkdocs.yml: the same theme features and the same hand-written pages, plus one Markdown page
per profile, kept out of the navigation (a nav of thousands of profiles is quadratic) and found
through Material's site search. The difference between the two is what the plugin adds.

Both are written as plain mkdocs.yml files (the shipped `!ENV` values resolved to their defaults,
the repository address left out: the benchmark builds offline), each with its own copy of the
hand-written pages, so nothing is ever written into the project's docs folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from mentor_gallery.site.docs_writer import read_manifest

from .synthetic import SyntheticProfile

PROJECT = Path(__file__).resolve().parents[1]
SHIPPED_CONFIG = PROJECT / "mkdocs.yml"
PLUGIN = "mentor-gallery"
# The plugin's index pages, which the shipped nav and home page link to: the baseline has them as
# one-line pages (no list of mentors: members find them with the site search), so its links resolve.
BASELINE_INDEXES = {"mentors/index.md": "# Mentors\n\nFind a mentor with the site search above.\n",
                    "programs/index.md": "# Programs\n\nOur mentoring programs.\n",
                    "forms/index.md": "# Forms\n\nApplications and requests.\n"}


class _DefaultsLoader(yaml.SafeLoader):
    """Reads `!ENV NAME` as unset (None) and `!ENV [NAME, default]` as its default."""


def _env_default(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if len(values) > 1 else None
    return None


_DefaultsLoader.add_constructor("!ENV", _env_default)


def shipped_config() -> dict[str, Any]:
    return yaml.load(SHIPPED_CONFIG.read_text(encoding="utf-8"), Loader=_DefaultsLoader)


def _write(root: Path, config: dict[str, Any]) -> Path:
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _copy_hand_written_pages(docs: Path) -> None:
    """The project's docs folder as the committee wrote it: what `mentor-gallery pages` may have
    written there (listed in its manifest) stays behind."""
    source = PROJECT / "docs"
    manifest, _ = read_manifest(source)
    written = set(manifest.files) if manifest else set()
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source).as_posix()
        if path.is_file() and relative not in written and not relative.startswith("."):
            (docs / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, docs / relative)


def _site_settings(config: dict[str, Any], site_url: str | None) -> dict[str, Any]:
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    config.pop("repo_url", None)  # no repository header, whose widget would call the network
    config.pop("watch", None)  # the project's folders; serve watches the content in live_reload
    config["site_url"] = site_url or ""
    return config


def write_ours(root: Path, content: Path, site_url: str | None = None) -> Path:
    """root/mkdocs.yml: the shipped site built from `content`, with a copy of the hand-written pages."""
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    _copy_hand_written_pages(docs)
    config = _site_settings(shipped_config(), site_url)
    config["theme"]["custom_dir"] = str(PROJECT / "site-templates")
    plugins = []
    for entry in config["plugins"]:
        if isinstance(entry, dict) and PLUGIN in entry:
            entry = {PLUGIN: {**(entry[PLUGIN] or {}), "content_dir": str(content)}}
        plugins.append(entry)
    config["plugins"] = plugins
    return _write(root, config)


def write_baseline(root: Path, profiles: list[SyntheticProfile], site_url: str | None = None,
                   photos: Path | None = None) -> Path:
    """root/mkdocs.yml for plain Material: the shipped theme, nav and hand-written pages, and one page
    per profile under mentors/, not in the nav. photos: the folder holding the profiles' photos,
    published as they are beside their pages (plain Material copies a photo; it does not scale it)."""
    docs = root / "docs"
    (docs / "mentors").mkdir(parents=True, exist_ok=True)
    _copy_hand_written_pages(docs)
    home = docs / "index.md"
    if home.is_file():  # the home page's layout (template: home.html) is our theme's, not Material's
        home.write_text("".join(line for line in home.read_text(encoding="utf-8").splitlines(keepends=True)
                                if not line.startswith("template:")), encoding="utf-8")
    for uri, text in BASELINE_INDEXES.items():
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / uri).write_text(text, encoding="utf-8")
    for profile in profiles:
        (docs / "mentors" / f"{profile.slug}.md").write_text(baseline_page(profile, bool(photos)), encoding="utf-8")
        if photos and profile.photo:
            shutil.copyfile(photos / profile.photo, docs / "mentors" / profile.photo)
    config = _site_settings(shipped_config(), site_url)
    config["theme"].pop("custom_dir", None)
    for ours in ("extra_css", "extra_javascript"):  # our stylesheets and scripts, from site-templates/
        config.pop(ours, None)
    config["plugins"] = ["search"]
    config["not_in_nav"] = "/mentors/"
    return _write(root, config)


def baseline_page(profile: SyntheticProfile, with_photo: bool = False) -> str:
    """A profile as a committee would write it without the plugin: a heading, its photo (when
    with_photo and it has one), a few facts, the statement."""
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
    photo = f"![{front.get('photo_alt', front['name'])}]({profile.photo}){{ width=200 }}\n\n" if with_photo and profile.photo else ""
    return f"# {front['name']}\n\n{photo}{listing}\n\n{profile.statement}\n"
