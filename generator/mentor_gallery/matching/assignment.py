"""Assigning applicants to mentors: the most applicants placed, then the highest total score.

Solved exactly as an assignment problem (scipy's linear_sum_assignment): one row per applicant,
one column per open place of a mentor (no more than the applicants it may take), plus
one "unplaced" column per applicant. An admissible pair is worth BIG + score, with BIG larger
than any sum of scores, so placing one more applicant always outweighs any gain in score; an
inadmissible pair costs more than any assignment can earn, so it is never chosen.
"""

from __future__ import annotations

from dataclasses import dataclass

from mentor_gallery.matching.scoring import Applicant, Candidate, Score, Weights, admissible, ranked, score

ALTERNATIVES = 2


@dataclass(frozen=True)
class Proposal:
    applicant: Applicant
    mentor: Candidate | None
    score: Score | None
    why_none: str = ""  # when no mentor can be proposed
    alternatives: tuple[Candidate, ...] = ()

    @property
    def reasons(self) -> str:
        return self.score.text if self.score else self.why_none


def assign(applicants: list[Applicant], candidates: list[Candidate], weights: Weights = Weights(),
           max_areas: int = 3) -> list[Proposal]:
    """One proposal per applicant, in the applicants' order."""
    options = [ranked(candidates, a, weights, max_areas) for a in applicants]
    chosen = _solve(options, candidates)
    proposals = []
    for applicant, fits, pick in zip(applicants, options, chosen):
        others = tuple(c for c, _ in fits if c is not pick)[:ALTERNATIVES]
        if pick is None:
            proposals.append(Proposal(applicant, None, None, why_none(applicant, candidates, bool(fits)), others))
        else:
            proposals.append(Proposal(applicant, pick, score(pick, applicant, weights, max_areas), alternatives=others))
    return proposals


def _solve(options: list[list[tuple[Candidate, Score]]], candidates: list[Candidate]) -> list[Candidate | None]:
    # Imported here: SciPy takes about a second to load, which every other command would pay.
    import numpy as np
    from scipy.optimize import linear_sum_assignment  # type: ignore[import-untyped]  # SciPy ships no type stubs

    rows = [i for i, fits in enumerate(options) if fits]  # the others cannot be placed anyway
    chosen: list[Candidate | None] = [None] * len(options)
    if not rows:
        return chosen
    count = len(rows)
    column = {c.slug: j for j, c in enumerate(candidates)}
    big = 100 * count + 1
    forbidden = -(big + 100) * (count + 1)
    value = np.full((count, len(candidates)), forbidden, dtype=np.int64)
    for row, i in enumerate(rows):
        for candidate, fit in options[i]:
            value[row, column[candidate.slug]] = big + fit.value
    # A mentor needs no more places than the applicants it may take: this bounds the matrix.
    takers = (value > 0).sum(axis=0)
    places = [min(c.places, int(takers[j])) if c.available else 0 for j, c in enumerate(candidates)]
    slots = [c for c, k in zip(candidates, places) for _ in range(k)]
    worth = np.concatenate([np.repeat(value, places, axis=1), np.zeros((count, count), dtype=np.int64)], axis=1)
    assigned_rows, columns = linear_sum_assignment(worth, maximize=True)
    for row, col in zip(assigned_rows, columns):
        if col < len(slots) and worth[row, col] > 0:
            chosen[rows[row]] = slots[col]
    return chosen


def why_none(applicant: Applicant, candidates: list[Candidate], any_fit: bool) -> str:
    """Why an applicant gets no mentor: the first condition that leaves nobody."""
    needs = _either(t.label for t in applicant.needs)
    listing = [c for c in candidates if set(t.slug for t in c.expertise) & set(t.slug for t in applicant.needs)]
    if not listing:
        return f"no mentor lists {needs}"
    open_ = [c for c in listing if c.available]
    if not open_:
        return f"every mentor who lists {needs} is full or not accepting new mentees"
    if applicant.program:
        open_ = [c for c in open_ if applicant.program.slug in {p.slug for p in c.programs}]
        if not open_:
            return f"no available mentor in the program {applicant.program.label} lists {needs}"
    if not any_fit and applicant.region:
        return f"no available mentor in the region {applicant.region.label} lists {needs}, and remote mentoring was declined"
    return "no place left: the mentors who fit were given to other applicants; see the alternatives"


def _either(labels) -> str:
    items = list(labels)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


__all__ = ["ALTERNATIVES", "Proposal", "assign", "admissible", "why_none"]
