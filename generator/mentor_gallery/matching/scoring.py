"""How well a mentor fits an applicant: the one scoring definition.

`mentor-gallery match` scores with this module; the gallery's "Find my mentor" and "Build your
advisory team" score with its twin in site-templates/assets/mentor-gallery/match.js. Both read
the same JSON shapes (`Candidate.to_json`, `Applicant.to_json`, `match_data`) and compute with
integers only, so they agree to the point; tests/fixtures/scoring_cases.json holds the cases
both must reproduce.

The score, from 0 to 100, is a weighted mean of the parts the applicant asked about:

- needs (always): each of the applicant's needs that the mentor lists earns its position's
  weight, 3 for the first need, 2 for the second, 1 for the third and any later one. The sum is
  divided by the best any mentor could reach: the weights of the first `max_areas` needs
  (a mentor lists at most that many areas).
- region (when the applicant gives one): full for the same region; `remote_region` percent of
  it for another region when the applicant accepts remote mentoring (and, if they asked to
  meet in person, the mentor also offers another of the ways they ticked); none otherwise.
- frequency (when given): full for the same frequency, half for the next one up or down
  (monthly, every other month, quarterly, semi-annually).
- meeting (when given): full when the mentor meets in at least one of the applicant's modes.
  In person counts only within the applicant's region: a mentor elsewhere cannot meet so.
- program (when given): full when the mentor serves in that program.

Parts the applicant leaves empty are left out of the mean. The mean is rounded half up.
Each score comes with reasons that state only facts true of both sides, so they never
contradict each other ("other region, remote" never stands beside "meets in person").
Mentors are ranked by score; at equal scores a mentor of the applicant's own region first.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from mentor_gallery.content.model import FREQUENCY, MEETING, Mentor, Program, Roster, Term
from mentor_gallery.problems import did_you_mean

# The weight of a need by its position (first, second, third); later needs weigh the last one.
NEED_POSITION_WEIGHTS = (3, 2, 1)
MAX_TEAM_AREAS = 8  # areas one advisory team covers in Build your advisory team (match.js reads it from match-data.json)
MAX_WEIGHT = 1000  # keeps every sum an exact integer in JavaScript too
# How a shared meeting mode reads in a reason: "meets in person or by video".
MEETING_PHRASES = {"in-person": "in person"}
IN_PERSON = "in-person"  # the one meeting mode that needs both people in one region


def need_weight(position: int) -> int:
    return NEED_POSITION_WEIGHTS[min(position, len(NEED_POSITION_WEIGHTS) - 1)]


def meeting_phrase(term: Term) -> str:
    return MEETING_PHRASES.get(term.slug, f"by {term.label.lower()}")


@dataclass(frozen=True)
class Weights:
    """The weights of the parts of a score (mkdocs.yml: plugins > mentor-gallery > matching)."""

    needs: int = 50
    region: int = 20
    frequency: int = 10
    meeting: int = 10
    program: int = 10
    remote_region: int = 50  # percent of the region weight for another region, remote accepted

    def to_json(self) -> dict[str, int]:
        return asdict(self)


WEIGHT_KEYS = tuple(Weights.__dataclass_fields__)


@dataclass(frozen=True)
class Candidate:
    """What matching knows of a mentor: public facts only, never contacts."""

    slug: str
    name: str
    expertise: tuple[Term, ...]
    region: Term
    frequency: Term | None = None
    meeting: tuple[Term, ...] = ()
    programs: tuple[Term, ...] = ()  # label = the program's name
    available: bool = True
    places: int = 1  # open places for `match`; not published
    title: str = ""
    # Build your advisory team balances these: members who help in different ways, from
    # different organizations. Neither changes a score.
    organization: str = ""
    roles: tuple[Term, ...] = ()

    @classmethod
    def from_mentor(cls, mentor: Mentor, programs: dict[str, Program]) -> Candidate:
        return cls(
            slug=mentor.slug, name=mentor.name, title=mentor.title, organization=mentor.organization,
            expertise=tuple(mentor.expertise), region=mentor.region, frequency=mentor.frequency,
            meeting=tuple(mentor.meeting),
            programs=tuple(Term(programs[p].name, p) for p in mentor.programs if p in programs),
            available=mentor.available, places=mentor.places if mentor.available else 0,
            roles=tuple(mentor.roles),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "slug": self.slug, "name": self.name, "title": self.title, "organization": self.organization,
            "expertise": [_term_json(t) for t in self.expertise], "region": _term_json(self.region),
            "frequency": self.frequency.slug if self.frequency else None,
            "meeting": [t.slug for t in self.meeting], "programs": [_term_json(t) for t in self.programs],
            "roles": [_term_json(t) for t in self.roles], "available": self.available,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Candidate:
        return cls(
            slug=data["slug"], name=data["name"], title=data.get("title", ""), organization=data.get("organization", ""),
            expertise=tuple(_term(t) for t in data["expertise"]), region=_term(data["region"]),
            frequency=FREQUENCY.by_slug(data["frequency"]) if data.get("frequency") else None,
            meeting=tuple(_fixed_term(MEETING, s) for s in data.get("meeting", [])),
            programs=tuple(_term(t) for t in data.get("programs", [])),
            available=data.get("available", True), places=data.get("places", 1),
            roles=tuple(_term(t) for t in data.get("roles", [])),
        )


@dataclass(frozen=True)
class Applicant:
    """A member looking for a mentor: a record of REQUESTS.csv, or the "Find my mentor" form."""

    name: str
    needs: tuple[Term, ...]  # most important first
    region: Term | None = None
    remote: bool | None = None  # None: not said, which admits every region
    frequency: Term | None = None
    meeting: tuple[Term, ...] = ()
    program: Term | None = None  # label = the program's name
    email: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "needs": [_term_json(t) for t in self.needs],
            "region": _term_json(self.region) if self.region else None, "remote": self.remote,
            "frequency": self.frequency.slug if self.frequency else None,
            "meeting": [t.slug for t in self.meeting],
            "program": _term_json(self.program) if self.program else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Applicant:
        return cls(
            name=data.get("name", ""), needs=tuple(_term(t) for t in data["needs"]),
            region=_term(data["region"]) if data.get("region") else None, remote=data.get("remote"),
            frequency=FREQUENCY.by_slug(data["frequency"]) if data.get("frequency") else None,
            meeting=tuple(_fixed_term(MEETING, s) for s in data.get("meeting", [])),
            program=_term(data["program"]) if data.get("program") else None,
        )


@dataclass(frozen=True)
class Score:
    value: int  # 0..100
    reasons: tuple[str, ...]
    shared: tuple[Term, ...]  # the applicant's needs the mentor lists, in the applicant's order

    @property
    def text(self) -> str:
        return "; ".join(self.reasons)


def shared_needs(candidate: Candidate, applicant: Applicant) -> tuple[Term, ...]:
    areas = {t.slug for t in candidate.expertise}
    return tuple(t for t in applicant.needs if t.slug in areas)


def admissible(candidate: Candidate, applicant: Applicant) -> bool:
    """May this mentor be proposed to this applicant at all (capacity aside)?"""
    if not candidate.available or not shared_needs(candidate, applicant):
        return False
    if applicant.program and applicant.program.slug not in {p.slug for p in candidate.programs}:
        return False
    if applicant.remote is False and applicant.region and candidate.region.slug != applicant.region.slug:
        return False
    return True


def same_region(candidate: Candidate, applicant: Applicant) -> bool:
    return applicant.region is not None and candidate.region.slug == applicant.region.slug


def wants_in_person(applicant: Applicant) -> bool:
    return any(t.slug == IN_PERSON for t in applicant.meeting)


def common_modes(candidate: Candidate, applicant: Applicant) -> list[Term]:
    """The ways to meet both want, in the vocabulary's order. In person means in the applicant's
    region: it is left out for a mentor of another region (when the applicant gave theirs)."""
    both = {t.slug for t in candidate.meeting} & {t.slug for t in applicant.meeting}
    if applicant.region and not same_region(candidate, applicant):
        both.discard(IN_PERSON)
    return [t for t in MEETING.terms if t.slug in both]


def score(candidate: Candidate, applicant: Applicant, weights: Weights = Weights(), max_areas: int = 3) -> Score:
    """The fit of one mentor for one applicant, with the reasons for it."""
    # Every part is a fraction over the common denominator best * 200 (best: the needs' best sum;
    # 200: halves and percents), so the total is an exact integer ratio, rounded half up.
    needs = applicant.needs
    best = sum(need_weight(i) for i in range(min(len(needs), max(max_areas, 1))))
    positions = {t.slug: i for i, t in enumerate(needs)}
    shared = shared_needs(candidate, applicant)
    matched = min(sum(need_weight(positions[t.slug]) for t in shared), best)
    unit = 200
    total_weight = weights.needs
    points = weights.needs * matched * unit
    reasons: list[str] = []
    if shared and weights.needs:
        reasons.append("shares " + ", ".join(t.label for t in shared))

    def part(weight: int, fraction_of_unit: int, reason: str | None) -> None:
        nonlocal total_weight, points
        total_weight += weight
        points += weight * fraction_of_unit * best
        if reason and weight and fraction_of_unit:
            reasons.append(reason)

    common = common_modes(candidate, applicant)
    if applicant.region:
        if same_region(candidate, applicant):
            part(weights.region, unit, f"same region ({candidate.region.label})")
        elif applicant.remote is not False and (common or not wants_in_person(applicant)):
            # A member who asked to meet in person takes a mentor from elsewhere only by a way
            # of meeting at a distance that both want (common holds no in-person here).
            part(weights.region, 2 * weights.remote_region, f"other region ({candidate.region.label}), remote")
        else:
            part(weights.region, 0, None)
    if applicant.frequency:
        mine, theirs = applicant.frequency, candidate.frequency
        gap = abs(_frequency_rank(mine) - _frequency_rank(theirs)) if theirs else None
        if gap == 0:
            part(weights.frequency, unit, f"both {mine.label.lower()}")
        elif gap == 1 and theirs:
            part(weights.frequency, unit // 2, f"{theirs.label.lower()} (close to {mine.label.lower()})")
        else:
            part(weights.frequency, 0, None)
    if applicant.meeting:
        part(weights.meeting, unit if common else 0, "meets " + " or ".join(meeting_phrase(t) for t in common))
    if applicant.program:
        member = applicant.program.slug in {p.slug for p in candidate.programs}
        part(weights.program, unit if member else 0, f"program: {applicant.program.label}")

    denominator = best * unit * total_weight
    if denominator == 0:
        return Score(0, tuple(reasons), shared)
    value = (200 * points + denominator) // (2 * denominator)  # round half up of 100 * points / denominator
    return Score(value, tuple(reasons), shared)


def ranked(candidates: list[Candidate], applicant: Applicant, weights: Weights = Weights(), max_areas: int = 3) -> list[tuple[Candidate, Score]]:
    """The admissible mentors for an applicant, best first; at equal scores the applicant's own
    region first, then by slug (as match.js does)."""
    scored = [(c, score(c, applicant, weights, max_areas)) for c in candidates if admissible(c, applicant)]
    return sorted(scored, key=lambda pair: (-pair[1].value, not same_region(pair[0], applicant), pair[0].slug))


def weights_from(value: Any) -> tuple[Weights, list[tuple[tuple[str, ...], str]]]:
    """`matching:` options as Weights, plus (where, message) for each bad entry."""
    if not isinstance(value, dict):
        return Weights(), [((), f"matching must be a mapping of weights: {', '.join(WEIGHT_KEYS)}")]
    problems: list[tuple[tuple[str, ...], str]] = []
    chosen: dict[str, int] = {}
    for key, weight in value.items():
        if key not in WEIGHT_KEYS:
            hint = did_you_mean(str(key), WEIGHT_KEYS) or f"; use {', '.join(WEIGHT_KEYS)}"
            problems.append(((str(key),), f"unknown matching weight '{key}'{hint}"))
            continue
        top = 100 if key == "remote_region" else MAX_WEIGHT
        if isinstance(weight, bool) or not isinstance(weight, int) or not 0 <= weight <= top:
            problems.append(((key,), f"matching weight {key} must be a whole number from 0 to {top}, not '{weight}'"))
            continue
        chosen[key] = weight
    weights = Weights(**chosen)
    if weights.needs == 0 and "needs" in chosen:
        problems.append((("needs",), "matching weight needs must be at least 1: shared needs are what a match is made of"))
        weights = Weights(**{**chosen, "needs": Weights().needs})
    return weights, problems


def match_data(roster: Roster, cards: dict[str, dict[str, Any]] | None = None) -> bytes:
    """mentors/match-data.json: what the browser's scorer needs, and no contact of anyone.
    `cards` (by slug, from the site layer) adds what a result shows beside the score: the card's
    header and the request controls, under each mentor's "card" key."""
    programs = {p.slug: p for p in roster.programs}
    data = {
        "max_areas": roster.taxonomy.max_expertise,
        # The browser's scorer takes its constants from here, not from literals of its own.
        "need_weights": list(NEED_POSITION_WEIGHTS),
        "max_team_areas": MAX_TEAM_AREAS,
        "expertise": [_term_json(t) for t in roster.taxonomy.expertise.terms],
        "regions": [_term_json(t) for t in roster.taxonomy.regions.terms],
        "roles": [_term_json(t) for t in roster.taxonomy.roles.terms],
        "programs": [{"slug": p.slug, "label": p.name} for p in roster.programs],
        "frequency": [_term_json(t) for t in FREQUENCY.terms],
        "meeting": [{**_term_json(t), "phrase": meeting_phrase(t)} for t in MEETING.terms],
        "mentors": [{**Candidate.from_mentor(m, programs).to_json(), **({"card": cards[m.slug]} if cards else {})}
                    for m in sorted(roster.mentors, key=lambda m: m.slug)],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _frequency_rank(term: Term) -> int:
    return [t.slug for t in FREQUENCY.terms].index(term.slug)


def _term_json(term: Term) -> dict[str, str]:
    return {"slug": term.slug, "label": term.label}


def _term(data: dict[str, str]) -> Term:
    return Term(data["label"], data["slug"])


def _fixed_term(vocabulary: Any, slug: str) -> Term:
    term = vocabulary.by_slug(slug)
    if term is None:
        raise ValueError(f"unknown {vocabulary.name} '{slug}'")
    return term
