"""How Zensical finds the packaged templates, scripts and styles.

Zensical runs no MkDocs plugin, so nothing can add the packaged theme to its search path at build
time. It reads templates from theme.custom_dir and, when that folder holds a `mkdocs_theme.yml`
with `extends: NAME`, from the installed theme NAME next (an entry point in `mkdocs.themes`), then
from Material. The package registers its theme folder as `mentor-gallery`, so a one-line
`mkdocs_theme.yml` in the site's custom_dir chains site -> package -> Material, the same order the
plugin gives MkDocs (which ignores that file), with no copies to fall out of date on an upgrade.
`mentor-gallery pages` writes the file when it is missing.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from mentor_gallery import packaged
from mentor_gallery.problems import Problem, display_path

THEME_FILE = "mkdocs_theme.yml"
THEME_FILE_TEXT = f"""\
# For Zensical: the gallery's templates, scripts and styles come from the installed package
# (the theme `{packaged.THEME_NAME}`), after this folder's own files. MkDocs ignores this file.
extends: {packaged.THEME_NAME}
"""


def theme_hook(custom_dir: Path | None, config_path: Path, line: int) -> tuple[list[Problem], Path | None]:
    """Problems that keep Zensical from the packaged theme, and the file to write (if missing)."""
    shown = display_path(config_path)
    packaged_dir = packaged.theme_dir()
    if custom_dir is not None and custom_dir.is_dir() and packaged.same_folder(custom_dir, packaged_dir):
        return [], None  # the site's folder is the theme's source itself (this repository)
    if custom_dir is None:
        return [Problem(shown, line, "Zensical reads the gallery's templates through theme.custom_dir: add "
                                     "'custom_dir: site-templates' under theme and create that folder (it may hold only a README)")], None
    if not custom_dir.is_dir():
        return [], None  # read_project reports the missing folder
    if packaged_dir != packaged.PACKAGE / "theme":
        return [Problem(shown, line, "this mentor-gallery runs from a source checkout, whose installed theme holds no templates, "
                                     "so Zensical would miss them: install the package itself (pip install .), or point "
                                     f"theme.custom_dir at {display_path(packaged_dir)}")], None
    hook = custom_dir / THEME_FILE
    if hook.is_symlink():
        return [Problem(display_path(hook), 1, "is a symbolic link; it is never read or written through a link: replace it "
                                               f"with a file that says 'extends: {packaged.THEME_NAME}'")], None
    if not hook.exists():
        return [], hook
    try:
        data = yaml.safe_load(hook.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        data = None
    if not isinstance(data, dict) or data.get("extends") != packaged.THEME_NAME:
        return [Problem(display_path(hook), 1, f"Zensical would not find the gallery's templates: this file must say "
                                               f"'extends: {packaged.THEME_NAME}' (it names the theme this folder builds on)")], None
    return [], None


def write_theme_hook(hook: Path) -> None:
    # Exclusive create, never through a link: the folder is the committee's.
    fd = os.open(hook, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(THEME_FILE_TEXT)

