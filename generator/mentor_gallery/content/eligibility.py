"""Whether a mentor meets what a program `requires`: one warning per unmet requirement, at the
profile's `programs` line, so `check` names it without refusing the roster (a
committee may know what the profile does not say yet)."""

from __future__ import annotations

from typing import Any

from mentor_gallery.content.model import Mentor, Program, Requirement, Term, spelling_key
from mentor_gallery.content.source import Document
from mentor_gallery.problems import Problem


def unmet(requirement: Requirement, mentor: Mentor) -> str | None:
    """Why the mentor falls short of the requirement, or None when it is met."""
    have: Any = getattr(mentor, requirement.key)
    if requirement.minimum is not None:
        if have is not None and have >= requirement.minimum:
            return None
        said = "the profile does not say" if have is None else f"the profile says {have}"
        return f"{requirement.key} of at least {requirement.minimum} ({said})"
    # Lists compare as the vocabularies do: case and surrounding spaces ignored.
    listed = [item.label if isinstance(item, Term) else item for item in have]
    if spelling_key(requirement.value or "") in {spelling_key(item) for item in listed}:
        return None
    said = f"the profile lists {', '.join(listed)}" if listed else "the profile lists none"
    return f"{requirement.key} including {requirement.value} ({said})"


def program_warnings(mentor: Mentor, programs: dict[str, Program], document: Document, path: str) -> list[Problem]:
    """A warning for each requirement of each of the mentor's programs that the mentor does not meet."""
    line = document.key_line("programs")  # the message names the program, so one line serves a block list too
    warnings = []
    for slug in mentor.programs:
        program = programs.get(slug)
        if program is None:
            continue
        for requirement in program.requires:
            reason = unmet(requirement, mentor)
            if reason:
                warnings.append(Problem(path, line, f"{slug}: {program.name} requires {reason}; update the profile, "
                                                    "or remove the program if the mentor does not qualify", "warning"))
    return warnings
