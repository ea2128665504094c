"""A site is built into a staging folder and moved into place only once it is checked.

The MkDocs plugin does this inside MkDocs's own build. An engine that runs no plugin (Zensical)
is run by `mentor-gallery pages --build-with COMMAND`: the engine builds into a fresh folder
beside site_dir (through a small configuration that inherits mkdocs.yml and changes only
site_dir), the built site is checked as `pages --verify` checks it, and only then does it replace
site_dir. A failed build or check leaves site_dir as it was. No site engine is imported here.

`pages` also writes the engine's configuration (ENGINE_CONFIG): mkdocs.yml plus the home page's
live parts, which `zensical serve -f` and the staged build both read.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

import yaml


def move_into_place(staging: Path, final: Path) -> None:
    """Replace final with staging in two renames, so final is never half written."""
    old = final.with_name(f".{final.name}.old-{os.getpid()}")
    shutil.rmtree(old, ignore_errors=True)
    try:
        if final.exists():
            os.rename(final, old)
        os.rename(staging, final)
    except OSError:
        # A site folder that cannot be renamed (a mount point): replace its contents instead.
        final.mkdir(parents=True, exist_ok=True)
        for child in final.iterdir():
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
        for child in staging.iterdir():
            shutil.move(str(child), final / child.name)
        shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)


def staging_folder(final: Path) -> Path:
    """A fresh, empty folder beside final (same file system: the move is a rename)."""
    final.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{final.name}.building-", dir=final.parent))


# Beside mkdocs.yml: mkdocs.yml (INHERIT) plus the home page's live parts as extra.mentor_gallery,
# which the MkDocs plugin sets in memory and an engine without it reads from here.
ENGINE_CONFIG = ".mentor-gallery-engine.yml"
_ENGINE_CONFIG_HEAD = """\
# Written by `mentor-gallery pages` (generated; never edit): mkdocs.yml, plus the home page's live
# parts, for an engine that runs no plugin. `zensical serve -f {name}` and `pages --build-with` read it.
"""


def engine_config(config_path: Path) -> Path:
    return config_path.parent / ENGINE_CONFIG


def write_engine_config(config_path: Path, extra: dict, touch: bool = False) -> bool:
    """Write the engine's configuration where its bytes change (or, with touch, always: a server
    that reads it reloads mkdocs.yml through it). True when written."""
    path = engine_config(config_path)
    text = _ENGINE_CONFIG_HEAD.format(name=ENGINE_CONFIG) + yaml.safe_dump(
        {"INHERIT": config_path.name, "extra": extra}, default_style='"', allow_unicode=True, width=1_000_000, sort_keys=False)
    data = text.encode("utf-8")
    try:
        if not touch and path.read_bytes() == data:
            return False
    except OSError:
        pass
    if path.is_symlink():
        path.unlink()  # never written through a link
    # In place, not renamed over: a server watching the file keeps watching the same one.
    with open(path, "wb") as out:
        out.write(data)
    return True


def build_staged(config_path: Path, final: Path, command: list[str], check: Callable[[Path], int]) -> int:
    """Run the engine's build COMMAND with `-f` naming a configuration whose site_dir is a staging
    folder (and which inherits the engine's configuration that `pages` wrote, else mkdocs.yml);
    check(staging) must return 0 before the staging folder replaces final."""
    final = Path(os.path.abspath(final))
    staging = staging_folder(final)
    # Beside mkdocs.yml, so every relative path in it (docs_dir, custom_dir) means the same.
    handle, name = tempfile.mkstemp(prefix=".mentor-gallery-build-", suffix=".yml", dir=config_path.parent)
    staged_config = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            parent = engine_config(config_path)
            staged = {"INHERIT": (parent if parent.is_file() else config_path).name, "site_dir": str(staging)}
            yaml.safe_dump(staged, out, default_style='"', allow_unicode=True, width=1_000_000)
        try:
            code = subprocess.run([*command, "-f", str(staged_config)], cwd=config_path.parent).returncode
        except OSError as exc:
            print(f"{command[0]}: cannot be run ({exc.strerror}); is the engine installed?", file=sys.stderr)
            code = 127
        if code != 0:
            print(f"the engine's build failed (exit {code}); {final.name}/ is left as it was.", file=sys.stderr)
            return code
        if check(staging) != 0:
            print(f"{final.name}/ is left as it was.", file=sys.stderr)
            return 1
        move_into_place(staging, final)
        print(f"the checked build is now in {final.name}/", file=sys.stderr)
        return 0
    finally:
        staged_config.unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
