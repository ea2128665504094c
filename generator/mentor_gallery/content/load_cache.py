"""What one load of a content folder can lend the next: each profile as read and validated.

A site rebuilt on every save (`mkdocs serve`, `mentor-gallery pages --watch`) loads the same
folder again and again while one file changes. A profile's result (its problems, its Mentor, the
file as read for the contact scan) depends only on its own bytes and on what validation reads
besides: the taxonomy, the programs, the photos and other files beside the profiles, the site's
allowed hosts and time zone, and the folder the messages are shown from. The cache keeps each
result under its file's (mtime_ns, size, inode) and drops them all when any of the rest changes;
the roster-wide rules (slugs, other files' contacts, survey forms, program warnings) are computed
again from the results on every load, so the messages are those of a cold load.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mentor_gallery.nofollow import regular_file_stat

FileKey = tuple[int, int, int]  # (mtime_ns, size, inode)


def file_key(path: Path) -> FileKey | None:
    """A regular file's identity as its stat shows it; None for anything else (a link, a special
    file, a file gone), which is read again each time and refused as a cold load refuses it."""
    info = regular_file_stat(path)
    if info is None:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino


def _folder_keys(folder: Path, skip_top_suffix: str | None = None) -> tuple:
    """Every entry under a folder with its stat, except its own top-level files of one suffix."""
    found: list[tuple[str, int, int, int, int]] = []

    def walk(current: str, top: bool) -> None:
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            try:
                # Skipped before its stat: the folder's listing already says a file is regular, and
                # the profiles it skips are thousands on a large roster.
                if top and skip_top_suffix and entry.name.endswith(skip_top_suffix) and entry.is_file(follow_symlinks=False):
                    continue
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            found.append((entry.path, info.st_mode, info.st_mtime_ns, info.st_size, info.st_ino))
            if stat.S_ISDIR(info.st_mode):
                walk(entry.path, False)

    walk(str(folder), True)
    return tuple(found)


def depends_key(content_dir: Path, settings: tuple[Any, ...]) -> tuple:
    """What every profile's validation reads besides its own file. `settings`: the load's own
    arguments that reach validation (allowed hosts, time zone)."""
    content = Path(content_dir)
    return (str(content.resolve()), os.getcwd(), settings,
            file_key(content / "taxonomy.yml"), _folder_keys(content / "programs"),
            # Photos (and any file a profile could name or be told is near it) beside the profiles.
            _folder_keys(content / "mentors", skip_top_suffix=".md"))


@dataclass
class LoadCache:
    """Kept by whoever loads one folder repeatedly (the build core); pass it to load_roster."""

    depends: tuple | None = None
    profiles: dict[str, tuple[FileKey, Any]] = field(default_factory=dict)  # path -> (its key, first-pass result)
    contacts: Any = None  # the private contacts the kept scans below were made against
    scans: dict[str, tuple[FileKey, Any]] = field(default_factory=dict)  # path -> (its key, second-pass result)
    hits: int = 0  # profiles reused by the last load (for tests and measurements)

    def start(self, depends: tuple) -> None:
        """A new load: everything goes when what validation depends on has changed."""
        if depends != self.depends:
            self.depends = depends
            self.profiles.clear()
            self.scans.clear()
            self.contacts = None
        self.hits = 0
