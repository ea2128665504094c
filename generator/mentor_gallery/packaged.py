"""Where the files a site needs come from: the templates, scripts and styles (the theme), the
committee's guide and the new-site scaffold, all shipped inside the installed package.

In this repository `site-templates/` and `docs/guide/` are their source; building the wheel copies
them into the package (setup.py). Running from a checkout (an editable install, or the tests), the
package holds no copies and the sources are used where they are.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parents[1]  # the repository root, when running from a checkout
ASSETS = "assets/mentor-gallery"  # under a theme folder: the gallery's stylesheets and scripts
TEMPLATES = "mentor-gallery"  # under a theme folder: the gallery's page fragments
THEME_NAME = "mentor-gallery"  # the installed theme (entry point mkdocs.themes) Zensical extends


def theme_dir() -> Path:
    """The packaged theme folder: templates, fragments, scripts and styles."""
    return _first(PACKAGE / "theme", CHECKOUT / "site-templates", marker="main.html")


def guide_dir() -> Path | None:
    """The committee's guide (Markdown pages), or None when neither copy exists."""
    try:
        return _first(PACKAGE / "guide", CHECKOUT / "docs" / "guide", marker="index.md")
    except FileNotFoundError:
        return None


GUIDE_SECTION = "For the committee"  # the guide's section in the navigation


def guide_nav() -> list:
    """The guide's navigation (MkDocs' nav entries, paths under guide/): from the copy the wheel
    carries (setup.py writes it), else from this repository's mkdocs.yml, its one source."""
    copied = PACKAGE / "guide" / "nav.json"
    if copied.is_file():
        return json.loads(copied.read_text(encoding="utf-8"))
    from mentor_gallery.settings import read_config_file  # reads mkdocs.yml as MkDocs does, without it

    return section(read_config_file(CHECKOUT / "mkdocs.yml").data.get("nav") or [], GUIDE_SECTION)


def section(nav: list, title: str) -> list:
    for entry in nav:
        if isinstance(entry, dict) and title in entry:
            return entry[title]
    raise LookupError(f"no '{title}' section in the navigation")


def scaffold_dir() -> Path:
    """The files `mentor-gallery init` writes into a new association's repository."""
    return PACKAGE / "scaffold"


def theme_dirs(custom_dir: Path | None) -> list[Path]:
    """Where templates and assets are looked up, first match wins: the site's own custom_dir,
    then the packaged theme (once, should custom_dir be that very folder, as in this repository)."""
    packaged = theme_dir()
    dirs = [custom_dir] if custom_dir is not None and custom_dir.is_dir() else []
    if not any(same_folder(d, packaged) for d in dirs):
        dirs.append(packaged)
    return dirs


def asset_names(custom_dir: Path | None) -> list[str]:
    """Every stylesheet and script under assets/mentor-gallery/ of the site's folder and the
    package, as site paths, in name order with print.css last (its paper rules must win)."""
    names = {p.name for d in theme_dirs(custom_dir) for p in (d / ASSETS).glob("*") if p.suffix in (".css", ".js") and p.is_file()}
    return [f"{ASSETS}/{name}" for name in sorted(names, key=lambda n: (n.endswith(".js"), n == "print.css", n))]


def unlisted_assets(custom_dir: Path | None, extra_css: list[str], extra_javascript: list[str]) -> list[str]:
    """Our stylesheets not in extra_css and scripts not in extra_javascript, in asset_names' order.
    The MkDocs plugin adds them; an engine without the plugin publishes only what is listed, so
    `pages` warns of each."""
    listed = {".css": set(extra_css), ".js": set(extra_javascript)}
    return [name for name in asset_names(custom_dir) if name not in listed[Path(name).suffix]]


def same_folder(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _first(*candidates: Path, marker: str) -> Path:
    for folder in candidates:
        if (folder / marker).is_file():
            return folder
    raise FileNotFoundError(f"mentor-gallery's packaged files are missing (looked for {marker} in "
                            f"{', '.join(str(c) for c in candidates)}); reinstall the package")
