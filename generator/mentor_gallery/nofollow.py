"""Looking at a path without following it: the checks every writer of this project shares.

Profiles (committee/safe_files.py), committee papers and the generated pages for Zensical
(site/nofollow_writes.py) are all written so that a symbolic link planted in a pull request can
never carry a write elsewhere. Each writer words its own advice; the looking is done here once.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


def exists(path: Path) -> bool:
    """Whether anything, a dangling link included, has this name."""
    try:
        os.lstat(path)
    except OSError:
        return False
    return True


def regular_file_stat(path: Path) -> os.stat_result | None:
    """The stat of a regular file, not followed; None for a link, a folder, a special file or
    nothing: callers that compare files by their stat read those again, or refuse them."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def kind_problem(path: Path, link: str, not_regular: str) -> str | None:
    """link when path is a symbolic link, not_regular when it is a folder, device or pipe, an
    OS message when it cannot be looked at; None when it is absent or a regular file."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return os_problem(exc, link)
    if stat.S_ISLNK(info.st_mode):
        return link
    if not stat.S_ISREG(info.st_mode):
        return not_regular
    return None


def os_problem(exc: OSError, link: str, too_long: str | None = None) -> str:
    """An OS error as a reason that follows the path ('PATH cannot be written: ...')."""
    if exc.errno == errno.ENAMETOOLONG and too_long:
        return too_long
    if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a link that appeared after the check
        return link
    return f"cannot be written: {exc.strerror or exc}"
