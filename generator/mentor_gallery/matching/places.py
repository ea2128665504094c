"""A round's places: when the assignment places more applicants than the round takes, the places
go to the placed applicants with the highest scores (the earlier applicant on a tie), and the
others are the pool for the next round. Dropping a pair only frees a mentor's place, so every
rule the assignment kept (capacity, availability, shared needs, region) still holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from mentor_gallery.content.model import Program, Roster, Round
from mentor_gallery.matching.assignment import ALTERNATIVES, Proposal
from mentor_gallery.matching.scoring import Applicant


def within_places(proposals: list[Proposal], places: int) -> list[Proposal]:
    """The proposals with at most `places` applicants placed; the rest put in the pool."""
    placed = [i for i, p in enumerate(proposals) if p.mentor is not None]
    def score(i: int) -> float:
        found = proposals[i].score
        return found.value if found else 0

    keep = set(sorted(placed, key=lambda i: (-score(i), i))[:places])
    reason = f"in the pool for the next round: the round's {places} place{'s' if places != 1 else ''} went to applicants with higher scores"
    return [p if i in keep or p.mentor is None else
            replace(p, mentor=None, score=None, why_none=reason, alternatives=((p.mentor,) + p.alternatives)[:ALTERNATIVES])
            for i, p in enumerate(proposals)]


def round_of(applicants: list[Applicant], roster: Roster, day: dt.date) -> tuple[Program, Round] | None:
    """The round the applicants apply for: the next to start in their one program (the one the
    applications name, else the site's only program with rounds)."""
    named = {a.program.slug for a in applicants if a.program}
    with_rounds = [p for p in roster.programs if p.rounds]
    if len(named) == 1:
        program = roster.program(named.pop())
    elif not named and len(with_rounds) == 1:
        program = with_rounds[0]
    else:
        return None
    if program is None:
        return None
    upcoming = [r for r in program.rounds if r.starts > day]
    return (program, upcoming[0]) if upcoming else None
