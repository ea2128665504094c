"""The assignment: capacity, admissibility and optimality on random instances, checked by brute force."""

import itertools
import re
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from mentor_gallery.content.model import FREQUENCY, MEETING, Mentor, Program, Term
from mentor_gallery.matching.assignment import assign
from mentor_gallery.matching.scoring import Applicant, Candidate, Weights, admissible, score

AREAS = [Term(label, label.lower().replace(" ", "-")) for label in ("Finance", "Police", "Public Works", "Human Resources", "Engineering")]
REGIONS = [Term(label, label.lower()) for label in ("North", "Central", "Coast")]
PROGRAMS = {slug: Program(slug, Path(f"{slug}.md"), name, "A program.") for slug, name in (("coaching", "Coaching"), ("partners", "Partners"))}
PROGRAM_TERMS = [Term(p.name, p.slug) for p in PROGRAMS.values()]
SETTINGS = settings(max_examples=100, deadline=None)


def ordered_subset(items, min_size=0, max_size=None):
    return st.lists(st.sampled_from(items), min_size=min_size, max_size=max_size, unique=True)


@st.composite
def mentors(draw, index: int) -> Mentor:
    return Mentor(
        slug=f"m{index}", path=Path(f"m{index}.md"), name=f"Mentor {index}", title="Manager", organization="Town",
        region=draw(st.sampled_from(REGIONS)), expertise=draw(ordered_subset(AREAS, 1, 3)),
        frequency=draw(st.none() | st.sampled_from(FREQUENCY.terms)), meeting=draw(ordered_subset(MEETING.terms)),
        accepting=draw(st.booleans().filter(lambda b: b) | st.booleans()), capacity=draw(st.sampled_from([None, 0, 1, 2])),
        programs=draw(ordered_subset(list(PROGRAMS))))


@st.composite
def applicants(draw, index: int) -> Applicant:
    return Applicant(
        name=f"Applicant {index}", needs=tuple(draw(ordered_subset(AREAS, 1, 4))),
        region=draw(st.none() | st.sampled_from(REGIONS)), remote=draw(st.sampled_from([None, True, False])),
        frequency=draw(st.none() | st.sampled_from(FREQUENCY.terms)), meeting=tuple(draw(ordered_subset(MEETING.terms))),
        program=draw(st.none() | st.sampled_from(PROGRAM_TERMS)))


weights_strategy = st.builds(Weights, needs=st.integers(1, 60), region=st.integers(0, 40), frequency=st.integers(0, 20),
                             meeting=st.integers(0, 20), program=st.integers(0, 20), remote_region=st.integers(0, 100))


@st.composite
def instances(draw, max_mentors=5, max_applicants=6):
    roster = [draw(mentors(i)) for i in range(draw(st.integers(1, max_mentors)))]
    people = [draw(applicants(i)) for i in range(draw(st.integers(1, max_applicants)))]
    return roster, people, draw(weights_strategy)


def candidates_of(roster: list[Mentor]) -> list[Candidate]:
    return [Candidate.from_mentor(m, PROGRAMS) for m in roster]


@SETTINGS
@given(instances())
def test_no_mentor_over_capacity_and_none_unavailable(instance):
    roster, people, weights = instance
    proposals = assign(people, candidates_of(roster), weights)
    taken = {m.slug: 0 for m in roster}
    for p in proposals:
        if p.mentor:
            taken[p.mentor.slug] += 1
    for mentor in roster:
        if not mentor.accepting or mentor.capacity == 0:
            assert taken[mentor.slug] == 0
        assert taken[mentor.slug] <= (1 if mentor.capacity is None else mentor.capacity)


@SETTINGS
@given(instances())
def test_every_proposal_is_admissible(instance):
    roster, people, weights = instance
    by_slug = {m.slug: m for m in roster}
    for p in assign(people, candidates_of(roster), weights):
        assert len(p.alternatives) <= 2
        for chosen in filter(None, [p.mentor, *p.alternatives]):
            mentor, wanted = by_slug[chosen.slug], {t.slug for t in p.applicant.needs}
            assert wanted & {t.slug for t in mentor.expertise}, "a mentor sharing no need was proposed"
            assert mentor.accepting and mentor.capacity != 0
            if p.applicant.remote is False and p.applicant.region:
                assert mentor.region == p.applicant.region
            if p.applicant.program:
                assert p.applicant.program.slug in mentor.programs
        if p.mentor:
            assert p.score is not None and 0 <= p.score.value <= 100 and p.why_none == ""
        else:
            assert p.score is None and p.why_none


@SETTINGS
@given(instances())
def test_alternatives_are_the_next_best_by_score(instance):
    roster, people, weights = instance
    candidates = candidates_of(roster)
    for p in assign(people, candidates, weights):
        others = sorted((score(c, p.applicant, weights).value for c in candidates
                         if admissible(c, p.applicant) and c.slug != (p.mentor.slug if p.mentor else None)), reverse=True)
        assert [score(c, p.applicant, weights).value for c in p.alternatives] == others[:2]
        assert p.mentor is None or p.mentor.slug not in {c.slug for c in p.alternatives}


def brute_force(people, candidates, weights) -> tuple[int, int]:
    """(placed, total score) of the best assignment, by trying every one."""
    choices = [[None] + [c for c in candidates if admissible(c, a)] for a in people]
    best = (0, 0)
    for picks in itertools.product(*choices):
        used: dict[str, int] = {}
        for c in filter(None, picks):
            used[c.slug] = used.get(c.slug, 0) + 1
        if any(used[c.slug] > c.places for c in candidates if c.slug in used):
            continue
        value = (sum(1 for c in picks if c), sum(score(c, a, weights).value for c, a in zip(picks, people) if c))
        best = max(best, value)
    return best


@settings(max_examples=100, deadline=None)
@given(instances(max_mentors=3, max_applicants=4))
def test_the_assignment_is_as_good_as_the_best_of_all(instance):
    roster, people, weights = instance
    candidates = candidates_of(roster)
    proposals = assign(people, candidates, weights)
    found = (sum(1 for p in proposals if p.mentor), sum(p.score.value for p in proposals if p.score))
    assert found == brute_force(people, candidates, weights)


REASON_PATTERNS = [
    re.compile(r"shares (?P<shared>.+)"),
    re.compile(r"same region \((?P<same>.+)\)"),
    re.compile(r"other region \((?P<other>.+)\), remote"),
    re.compile(r"both (?P<both>.+)"),
    re.compile(r"(?P<theirs>.+) \(close to (?P<mine>.+)\)"),
    re.compile(r"meets (?P<modes>.+)"),
    re.compile(r"program: (?P<program>.+)"),
]


@SETTINGS
@given(instances(max_mentors=1, max_applicants=1))
def test_reasons_state_only_true_facts(instance):
    (mentor,), (applicant,), weights = instance
    candidate = candidates_of([mentor])[0]
    frequencies = [t.slug for t in FREQUENCY.terms]
    phrases = {"in person": "in-person", "by phone": "phone", "by video": "video", "by email": "email"}
    for reason in score(candidate, applicant, weights).reasons:
        match = next(m for p in REASON_PATTERNS if (m := p.fullmatch(reason)))
        facts = match.groupdict()
        if "shared" in facts:
            labels = facts["shared"].split(", ")
            assert labels and all(label in [t.label for t in mentor.expertise] for label in labels)
            assert all(label in [t.label for t in applicant.needs] for label in labels)
        elif "same" in facts:
            assert facts["same"] == mentor.region.label == applicant.region.label
        elif "other" in facts:
            assert facts["other"] == mentor.region.label != applicant.region.label and applicant.remote is not False
        elif "both" in facts:
            assert facts["both"] == mentor.frequency.label.lower() == applicant.frequency.label.lower()
        elif "theirs" in facts:
            assert facts["theirs"] == mentor.frequency.label.lower() and facts["mine"] == applicant.frequency.label.lower()
            assert abs(frequencies.index(mentor.frequency.slug) - frequencies.index(applicant.frequency.slug)) == 1
        elif "modes" in facts:
            modes = [phrases[part] for part in facts["modes"].split(" or ")]
            assert all(m in [t.slug for t in mentor.meeting] and m in [t.slug for t in applicant.meeting] for m in modes)
        else:
            assert facts["program"] == applicant.program.label and applicant.program.slug in mentor.programs


def candidate(slug, areas, places=1, region=REGIONS[0]):
    return Candidate(slug=slug, name=slug, expertise=tuple(areas), region=region, places=places)


def test_placing_more_applicants_beats_a_higher_score():
    finance, police = AREAS[0], AREAS[1]
    # Ana fits X best, but only X can take Ben: the best assignment sends Ana to her second choice.
    x = candidate("x", [finance, police])
    y = candidate("y", [police])
    ana = Applicant("Ana", (finance, police))
    ben = Applicant("Ben", (finance,))
    assert score(x, ana).value > score(y, ana).value
    proposals = assign([ana, ben], [x, y])
    assert [(p.applicant.name, p.mentor.slug) for p in proposals] == [("Ana", "y"), ("Ben", "x")]


def test_unplaced_applicants_are_told_why():
    finance, police, works = AREAS[0], AREAS[1], AREAS[2]
    north, coast = REGIONS[0], REGIONS[2]
    roster = [candidate("x", [finance]), Candidate("z", "z", (works,), north, available=False, places=0)]
    people = [Applicant("A", (finance,)), Applicant("B", (finance,)), Applicant("C", (police,)), Applicant("D", (works,)),
              Applicant("E", (finance,), region=coast, remote=False), Applicant("F", (finance,), program=PROGRAM_TERMS[0])]
    why = {p.applicant.name: p.why_none for p in assign(people, roster)}
    assert why["A"] == ""
    assert "no place left" in why["B"]
    assert why["C"] == "no mentor lists Police"
    assert "full or not accepting" in why["D"]
    assert "region Coast" in why["E"] and "remote" in why["E"]
    assert "program Coaching" in why["F"]


def test_a_large_capacity_does_not_blow_up_the_problem():
    roster = [candidate(f"m{i}", [AREAS[i % 5]], places=10_000) for i in range(30)]
    people = [Applicant(f"A{i}", (AREAS[i % 5], AREAS[(i + 1) % 5])) for i in range(400)]
    # CPU time, not wall time: a guard against a stall that a busy machine cannot trip
    started = time.process_time()
    proposals = assign(people, roster)
    assert all(p.mentor for p in proposals)
    assert time.process_time() - started < 10
