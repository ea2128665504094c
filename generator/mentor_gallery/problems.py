"""Problems are values: every check returns them, the CLI and the plugin report them together."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}: {prefix}{self.message}"

    def github(self) -> str:
        """A GitHub Actions workflow command, escaped as the runner expects."""
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = self.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::{self.severity} file={path},line={self.line}::{message}"


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def display_path(path: Path) -> str:
    """PATH relative to the current folder where possible, as the contract asks."""
    # abspath, not resolve: a symlinked file is named as written, not as the file it points at.
    absolute, here = os.path.abspath(path), os.path.abspath(os.getcwd())
    if os.name == "posix":  # the common case as string operations: `check` names every file it reads
        if absolute == here:
            return "."
        prefix = here if here.endswith("/") else here + "/"
        return absolute[len(prefix):] if absolute.startswith(prefix) else str(path)
    try:
        return str(Path(absolute).relative_to(here))
    except ValueError:
        return str(path)


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """A count as a person writes it: "1 program", "3 programs" (never "program(s)")."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """A '; did you mean X?' hint, or '' when nothing is close."""
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    if value.lower() in lowered:
        return f"; did you mean '{lowered[value.lower()]}'?"
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    if not close:
        close = [lowered[c] for c in difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)]
    return f"; did you mean '{close[0]}'?" if close else ""
