"""Writing generated files into the docs folder without following links.

As with profiles (committee/safe_files.py), a link committed into the docs folder, named like a
generated page or standing in for one of its folders, must not carry a write outside it. Every
folder below the docs folder is checked to be a real folder before anything is written into it;
a file is written beside its target under a fresh name (created exclusively, never through a
link) and renamed over it, which replaces a link rather than writing through it.

Functions return None, or (path, why) with why worded to follow the path ('is a symbolic link; ...').
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path, PurePosixPath

from mentor_gallery.nofollow import kind_problem, os_problem

_LINK = "is a symbolic link; generated files are never written through a link: delete the link"


Failure = tuple[Path, str]


def folder_problem(root: Path, relative: str) -> Failure | None:
    """(folder, why) for the first folder between root and the file `relative` that is a link or
    not a folder; None when every one is a real folder or does not exist yet."""
    current = root
    for part in PurePosixPath(relative).parent.parts:
        current = current / part
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            return None  # the rest will be created
        except OSError as exc:
            return current, _os_problem(exc)
        if stat.S_ISLNK(info.st_mode):
            return current, _LINK
        if not stat.S_ISDIR(info.st_mode):
            return current, "is not a folder; move the file aside so that the generated pages can be written here"
    return None


def file_problem(path: Path) -> str | None:
    """Why path may not be replaced: a link or anything but a regular file. None: absent or regular."""
    return kind_problem(path, _LINK, "is not a regular file (a folder, device or pipe); move it aside")


def write_bytes(root: Path, relative: str, data: bytes, mode: int) -> Failure | None:
    """Create or replace root/relative with data, making its folders, following no link."""
    found = folder_problem(root, relative)
    if found:
        return found
    path = root / relative
    problem = _make_folders(root, relative)
    if problem:
        return path.parent, problem
    problem = file_problem(path)
    if problem:
        return path, problem
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        return path, _os_problem(exc)
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)  # readable by the web server, not mkstemp's 0600
            handle.write(data)
        os.replace(temporary, path)  # renames over a link swapped in meanwhile; never follows it
        return None
    except OSError as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return path, _os_problem(exc)


def remove_file(root: Path, relative: str) -> Failure | None:
    """Remove root/relative (a link itself, never its target), then every folder it leaves
    empty up to root. Absent already: fine."""
    found = folder_problem(root, relative)
    if found:
        return found
    path = root / relative
    try:
        if stat.S_ISDIR(os.lstat(path).st_mode):
            return path, "is a folder where a generated file was; move it aside"
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        return path, _os_problem(exc)
    folder = path.parent
    while folder != root and root in folder.parents:
        try:
            os.rmdir(folder)  # only an empty folder goes
        except OSError:
            break
        folder = folder.parent
    return None


def default_mode() -> int:
    """0666 less the process's umask, as a plain open() would create a file."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _make_folders(root: Path, relative: str) -> str | None:
    current = root
    for part in PurePosixPath(relative).parent.parts:
        current = current / part
        try:
            os.mkdir(current)
        except FileExistsError:
            if not stat.S_ISDIR(os.lstat(current).st_mode):  # a link created meanwhile
                return _LINK
        except OSError as exc:
            return _os_problem(exc)
    return None


def _os_problem(exc: OSError) -> str:
    return os_problem(exc, _LINK)


