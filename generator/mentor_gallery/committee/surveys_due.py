"""Which surveys fall due for which people: the rounds' schedules over the pairs `match` proposed.

A pair belongs to its program's current round on the date: the latest round that had started by
then. Its surveys fall due `after_months` after the pair's start (the round's start, unless the
pairs file gives the pair its own). A survey is listed when its due date lies in the `days` days
ending on the date, once per person it goes to. No I/O; messages follow `FILE:RECORD: `.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from mentor_gallery import routes
from mentor_gallery.committee.form_responses import Column, Record, read_responses
from mentor_gallery.committee.csv_dates import DateColumns
from mentor_gallery.committee.spreadsheet import csv_text
from mentor_gallery.content.model import Program, Roster, Round
from mentor_gallery.content.rounds import months_after
from mentor_gallery.content.slugs import fold

PAIR_COLUMNS = (Column("applicant"), Column("email"), Column("mentor"), Column("program"), Column("start"),
                Column("mentor_email"), Column("mentor_name"))
REQUIRED = ("applicant", "mentor")
DUE_COLUMNS = ("program", "round", "survey", "due", "person", "role", "email", "link")


@dataclass(frozen=True)
class Pair:
    number: int  # the record of the pairs file
    mentee: str
    mentee_email: str
    mentor_slug: str
    mentor: str
    mentor_email: str
    program: Program
    start: dt.date | None  # the pair's own start, when the file gives one


@dataclass(frozen=True)
class DueSurvey:
    program: Program
    round: Round
    survey: str  # the form's slug
    title: str
    due: dt.date
    person: str
    role: str  # mentor or mentee
    email: str
    partner: str
    order: int = 0  # the pair's place in the pairs file


@dataclass
class Pairs:
    pairs: list[Pair] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "RECORD: message" or "header: message"


def read_pairs(text: str, roster: Roster, date_order: str | None = None) -> Pairs:
    """The placed pairs of a pairs file; records without a mentor (not placed) are left out.
    date_order: `--dates` (mdy, dmy or None), for a start column a spreadsheet rewrote."""
    responses = read_responses(text, list(PAIR_COLUMNS), REQUIRED)
    dates = DateColumns.settle({"start": [r.text("start") for r in responses.records]}, date_order)
    result = Pairs(problems=list(responses.problems) + dates.problems)
    mentors = {m.slug: m for m in roster.mentors}
    with_rounds = [p for p in roster.programs if p.rounds]
    for record in responses.records:
        slug = record.text("mentor")
        if not slug:
            continue  # an applicant `match` could not place: no pair, no survey
        messages: list[str] = []
        mentor = mentors.get(slug)
        if mentor is None:
            messages.append(f"unknown mentor '{slug}'; give the mentor's slug, as match writes it")
        program = _program(record, roster, with_rounds, mentor.programs if mentor else [], messages)
        start, problem = dates.read("start", record.text("start"))
        if problem:
            messages.append(problem)
        if not record.text("applicant"):
            messages.append("applicant is empty; give the mentee's name")
        if messages or mentor is None or program is None:
            result.problems += [f"{record.number}: {m}" for m in messages]
            continue
        email = record.text("mentor_email") or (mentor.contact.email if mentor.contact and mentor.contact.email else "")
        result.pairs.append(Pair(record.number, record.text("applicant"), record.text("email"), slug, mentor.name,
                                 email, program, start))
    return result


def _program(record: Record, roster: Roster, with_rounds: list[Program], of_mentor: list[str], messages: list[str]) -> Program | None:
    """The pair's program: the `program` cell (slug or name), else the only one with rounds that
    the mentor belongs to, else the site's only program with rounds."""
    text = record.text("program")
    if text:
        found = next((p for p in roster.programs if fold(text) in (p.slug, fold(p.name))), None)
        if found is None:
            messages.append(f"unknown program '{text}'; choose one of: {', '.join(p.slug for p in roster.programs)}")
        elif not found.rounds:
            messages.append(f"program '{found.slug}' has no rounds, so no surveys; add rounds to its file or correct the program")
            return None
        return found
    mine = [p for p in with_rounds if p.slug in of_mentor]
    if len(mine) == 1:
        return mine[0]
    if len(with_rounds) == 1:
        return with_rounds[0]
    messages.append("the program is not known; add a 'program' column naming each pair's program "
                    f"({', '.join(p.slug for p in with_rounds) or 'no program has rounds yet'})")
    return None


def current_round(program: Program, day: dt.date) -> Round | None:
    """The latest round of the program that had started by `day`."""
    started = [r for r in program.rounds if r.starts <= day]
    return started[-1] if started else None


def due_surveys(pairs: list[Pair], day: dt.date, days: int, titles: dict[str, str]) -> list[DueSurvey]:
    """Every survey falling due in the `days` days ending on `day`, one per person it goes to."""
    first = day - dt.timedelta(days=days - 1)
    found: list[DueSurvey] = []
    for order, pair in enumerate(pairs):
        round_ = current_round(pair.program, day)
        if round_ is None:
            continue
        start = pair.start or round_.starts
        for survey in round_.surveys:
            due = months_after(start, survey.after_months)
            if not first <= due <= day:
                continue
            people = {"mentee": (pair.mentee, pair.mentee_email, pair.mentor), "mentor": (pair.mentor, pair.mentor_email, pair.mentee)}
            for role in survey.roles:
                person, email, partner = people[role]
                found.append(DueSurvey(pair.program, round_, survey.form, titles.get(survey.form, survey.form), due,
                                       person, role, email, partner, order))
    # By due date, then survey; each pair in the file's order, its mentee before its mentor.
    return sorted(found, key=lambda d: (d.due, d.program.slug, d.survey, d.order, d.role != "mentee"))


def survey_link(due: DueSurvey, site_url: str | None) -> str:
    """The survey form's page with the person's details in its query string (forms.js fills them in)."""
    query = urlencode({"name": due.person, "email": due.email, "role": due.role, "program": due.program.name,
                       "round": due.round.name, "partner": due.partner})
    path = f"{routes.form(due.survey)}?{query}"
    return f"{site_url.rstrip('/')}/{path}" if site_url else path


def due_csv(found: list[DueSurvey], site_url: str | None) -> str:
    """The list as CSV with a BOM for Excel; every cell defused (names are typed by applicants)."""
    return csv_text(DUE_COLUMNS, [(d.program.name, d.round.name, d.title, d.due.isoformat(), d.person, d.role, d.email,
                                   survey_link(d, site_url)) for d in found])
