"""What a watching server prints after each rebuild.

A roster carries standing advice (a mentor listed in a program whose requirements the profile does
not show, a handler that cannot receive a name): printed again on every save, it buries what the
save itself caused. So after the first build a warning is printed again only when it is new or its
file has changed since the build that printed it; the others are counted in one line. Errors are
always printed: they stop the build. `mentor-gallery check` still lists everything.
"""

from __future__ import annotations

import os

from mentor_gallery.problems import Problem, counted

FileState = tuple[int, int, int]  # mtime_ns, size, inode


def _state(path: str) -> FileState | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino


class RepeatedWarnings:
    """Kept from one build to the next by the serving process (the MkDocs plugin, `pages --watch`)."""

    def __init__(self) -> None:
        self._printed: dict[Problem, FileState | None] | None = None  # the last build's warnings, with their file then

    def sift(self, problems: list[Problem]) -> tuple[list[Problem], int]:
        """The problems to print, in their order, and how many warnings were left out as printed before."""
        states: dict[str, FileState | None] = {}
        now: dict[Problem, FileState | None] = {}
        shown: list[Problem] = []
        left_out = 0
        for problem in problems:
            if problem.severity == "error":
                shown.append(problem)
                continue
            if problem.path not in states:
                states[problem.path] = _state(problem.path)
            state = now[problem] = states[problem.path]
            before = self._printed.get(problem) if self._printed is not None else None
            if state is not None and before == state:
                left_out += 1
            else:
                shown.append(problem)
        self._printed = now
        return shown, left_out


def left_out_line(count: int) -> str:
    return (f"{counted(count, 'warning')} printed before, about files unchanged since, not repeated "
            "('mentor-gallery check' lists every one)")
