"""Writing profile files without following links.

A pull request can add a symlink named like the next profile (or make the profiles folder a link)
as easily as a file: a write through it would land wherever it points, outside the content folder.
New files are created exclusively without following a link; a replaced file must be a regular
file and is swapped in by rename, which replaces a link rather than writing through it.

The functions return a problem, worded to follow the path that callers put in front
('PATH is a symbolic link; ...'), or None when all went well.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from mentor_gallery.content.slugs import MAX_SLUG_CHARS
from mentor_gallery.nofollow import exists, kind_problem, os_problem

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # absent on Windows, where links need privileges anyway
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: write the newlines as given
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY
_LINK = "is a symbolic link; profiles are never written through a link: delete the link, or choose another slug"


def folder_problem(folder: Path, root: Path) -> str | None:
    """Why files may not be written into folder: a link (wherever it points), or not a folder.

    A folder that does not exist yet is fine: it will be created inside root.
    """
    if not os.path.lexists(folder):
        return None
    if folder.is_symlink():
        try:
            Path(os.path.realpath(folder)).relative_to(os.path.realpath(root))
            where = ""
        except ValueError:
            where = f" to a folder outside the content folder ({root.name}/)"
        return f"is a symbolic link{where}; profiles are never written through a link: make it a real folder inside the content folder"
    if not folder.is_dir():
        return "is not a folder; move the file aside so that profiles can be written here"
    return None


def target_problem(path: Path) -> str | None:
    """Why path may not be created or replaced: a link, a folder, a device. None: absent or regular."""
    return kind_problem(path, _LINK, "is not a regular file (a folder, device or pipe); remove it, or choose another slug")


def create_new(path: Path, text: str) -> str | None:
    """Write a new file; refuse if anything, even a dangling link, already has its name."""
    try:
        fd = os.open(path, _NEW_FILE, 0o666)
    except FileExistsError:
        return "already exists; edit that file, or choose another slug"
    except OSError as exc:
        return _os_problem(exc)
    return _write_and_close(fd, path, text)


def replace_existing(path: Path, text: str) -> str | None:
    """Replace a regular file whole: a temporary file beside it, then a rename over it."""
    problem = target_problem(path)
    if problem:
        return problem
    try:
        info = os.lstat(path)
    except OSError as exc:
        return _os_problem(exc)
    try:
        # Created exclusively, without following links; a dot name, which the loader skips should
        # a crash leave it behind.
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        return _os_problem(exc)
    temporary = Path(name)
    if hasattr(os, "fchmod"):
        os.fchmod(fd, stat.S_IMODE(info.st_mode))  # keep the profile's permissions, not the temporary file's 0600
    problem = _write_and_close(fd, temporary, text)
    if problem is None:
        try:
            os.replace(temporary, path)  # renames over a link swapped in meanwhile; never follows it
            return None
        except OSError as exc:
            problem = _os_problem(exc)
    try:
        os.unlink(temporary)
    except OSError:
        pass
    return problem


def _write_and_close(fd: int, path: Path, text: str) -> str | None:
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
    except OSError as exc:
        try:
            os.unlink(path)  # a half-written profile would read as a broken one
        except OSError:
            pass
        return _os_problem(exc)
    return None


def _os_problem(exc: OSError) -> str:
    """The reason, worded to follow the path: 'PATH has a name ...', 'PATH:1: cannot be written ...'."""
    return os_problem(exc, _LINK, f"has a name or path too long for this file system; use a slug of at most {MAX_SLUG_CHARS} "
                                  "characters, or a content folder with a shorter path")


# --- files the committee reads (reports, introductions) ----------------------------------------

_OUTPUT_LINK = "is a symbolic link; nothing is written through a link: delete the link, or choose another folder"


def output_folder(folder: Path) -> str | None:
    """Make sure folder is a real folder to write into, creating it (and its parents) if absent."""
    if folder.is_symlink():
        return _OUTPUT_LINK
    if os.path.lexists(folder) and not folder.is_dir():
        return "is not a folder; choose another name"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _os_problem(exc)
    return None


def write_output(path: Path, text: str) -> str | None:
    """Create the file, or replace a regular file of that name whole; never write through a link."""
    problem = target_problem(path)
    if problem == _LINK:
        return _OUTPUT_LINK
    if problem:
        return problem
    if exists(path):
        return replace_existing(path, text)
    problem = create_new(path, text)
    return _OUTPUT_LINK if problem == _LINK else problem
