"""Noticing changes to the content, templates and mkdocs.yml by polling modification times.

Polling needs no dependency and behaves the same on every system and file system (network
mounts and containers included); a scan of a 10,000-profile folder takes a few milliseconds.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable

Snapshot = dict[str, tuple[int, int, int]]  # path -> (mtime_ns, size, inode)


def snapshot(paths: list[Path]) -> Snapshot:
    """Every file under the given folders (and the given files themselves), with its stat."""
    found: Snapshot = {}
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            continue
        if os.path.isdir(path):
            _add_folder(found, str(path))
        else:
            found[str(path)] = (info.st_mtime_ns, info.st_size, info.st_ino)
    return found


def _add_folder(found: Snapshot, folder: str) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        # Editors' swap and backup files come and go while typing: not content.
        if entry.name.startswith(".") or entry.name.endswith("~"):
            continue
        try:
            # Links are not followed (a link to a parent folder would never end); the loader
            # refuses them anyway, and a link's own change still shows.
            if entry.is_dir(follow_symlinks=False):
                _add_folder(found, entry.path)
            else:
                info = entry.stat(follow_symlinks=False)
                found[entry.path] = (info.st_mtime_ns, info.st_size, info.st_ino)
        except OSError:
            continue


def changed(before: Snapshot, after: Snapshot) -> list[str]:
    """Paths added, removed or modified between two snapshots, sorted."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


def watch(paths: Callable[[], list[Path]], on_change: Callable[[list[str]], None], interval: float = 0.2,
          keep_going: Callable[[], bool] = lambda: True) -> None:
    """Call on_change with the changed paths after each change, until keep_going() is false.
    `paths` is asked again after each change: mkdocs.yml may move the content folder."""
    watched = paths()
    last = snapshot(watched)
    while keep_going():
        time.sleep(interval)
        current = snapshot(watched)
        differences = changed(last, current)
        if differences:
            on_change(differences)
            now_watched = paths()
            # The snapshot from before the run: a save made while it ran shows as a change next time.
            last = current if now_watched == watched else snapshot(now_watched)
            watched = now_watched
        else:
            last = current
