"""Who can mentor in a program, each rule said once.

A program states its rules twice over: `requires` (checked against every profile) and
`mentor_criteria` (in the committee's words). Where a criterion already says what a requirement
asks ("At least three years as a city or county manager" for `years_as_manager: 3`, "Member of
RCCMA in good standing" for `memberships: RCCMA`), the page shows the criterion alone, marked as
the checked requirement; a requirement no criterion states is shown in the generated wording,
first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mentor_gallery.content.model import Program, Requirement

NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
# What a criterion must name, beside the number, to state a minimum of this key.
MINIMUM_SUBJECTS = {"years_as_manager": "manager", "years_in_local_government": "local government"}


@dataclass(frozen=True)
class Criterion:
    text: str
    requirement: str | None = None  # the `requires` key it states, checked against profiles


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


def states(criterion: str, requirement: Requirement) -> bool:
    """Does this criterion, in words, ask what the requirement asks?"""
    if requirement.minimum is not None:
        subject = MINIMUM_SUBJECTS.get(requirement.key)
        n = requirement.minimum
        number = _has_word(criterion, str(n)) or (n < len(NUMBER_WORDS) and _has_word(criterion, NUMBER_WORDS[n]))
        return bool(subject) and number and _has_word(criterion, subject or "")
    return bool(requirement.value) and _has_word(criterion, requirement.value or "")


def eligibility(program: Program) -> list[Criterion]:
    requirements = list(program.requires)
    worded: list[Criterion] = []
    for text in program.mentor_criteria:
        stated = next((r for r in requirements if states(text, r)), None)
        if stated:
            requirements.remove(stated)
        worded.append(Criterion(text, stated.key if stated else None))
    return [Criterion(r.text, r.key) for r in requirements] + worded
