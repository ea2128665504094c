"""A program's `rounds` and `timezone`: loaded into the model, every mistake an error at its line."""

from __future__ import annotations

import datetime as dt

import pytest

from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.rounds import months_after
from mentor_gallery.settings import settings_from
from round_program import ROUND, round_roster
from support import EXAMPLE_CONTENT

def load(tmp_path, text: str = ROUND, forms: dict | None = None, timezone: str | None = None):
    return load_roster(round_roster(tmp_path / "content", text, forms), timezone=timezone)


def errors_of(result) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in result.problems if p.severity == "error"]


def test_a_round_loads_with_its_meetings_and_surveys(tmp_path):
    result = load(tmp_path)
    assert result.ok, result.problems
    [program] = result.roster.programs
    assert program.timezone == "America/Chicago"
    [round_] = program.rounds
    assert (round_.key, round_.opens, round_.closes, round_.starts, round_.places) == \
        ("2027-class", dt.date(2027, 5, 1), dt.date(2027, 7, 31), dt.date(2027, 8, 15), 30)
    first, second = round_.meetings
    assert (first.key, first.start, first.end, first.online) == ("setting-goals", dt.time(9), dt.time(12), False)
    assert second.online and second.place == "https://video.example.org/r"
    [survey] = round_.surveys
    assert (survey.form, survey.after_months, survey.roles, survey.line) == ("midpoint", 3, ("mentor", "mentee"), 15)
    assert round_.taking_applications(dt.date(2027, 7, 31)) and not round_.taking_applications(dt.date(2027, 8, 1))


def test_the_time_zone_is_the_programs_else_the_sites_else_utc(tmp_path):
    without = ROUND.replace("timezone: America/Chicago\n", "")
    assert load(tmp_path / "a", without).roster.programs[0].timezone == "UTC"
    assert load(tmp_path / "b", without, timezone="Europe/Paris").roster.programs[0].timezone == "Europe/Paris"
    assert load(tmp_path / "c", timezone="Europe/Paris").roster.programs[0].timezone == "America/Chicago"


MISTAKES = [
    ("timezone: America/Chicago", "timezone: America/Chicgo", 4, "unknown time zone 'America/Chicgo'; did you mean 'America/Chicago'?"),
    ("closes: 2027-07-31", "closes: 2027-08-20", 7, "applications close on 2027-08-20, after the round starts on 2027-08-15"),
    ("closes: 2027-07-31", "closes: 2027-04-01", 7, "applications close on 2027-04-01, before they open on 2027-05-01"),
    ("date: 2027-12-03", "date: 2028-05-03", 13, "the meeting on 2028-05-03 falls outside the round (2027-08-15 to 2028-04-15)"),
    ('time: "09:00-12:00"', 'time: "9am"', 12, "time must be the start and end in the program's time zone"),
    ('time: "09:00-12:00"', 'time: "12:00-09:00"', 12, "time '12:00-09:00' ends before it starts"),
    ('place: "https://video.example.org/r"', 'place: "javascript:alert(1)"', 13, "place 'javascript:alert(1)' must be a place in words or a video link"),
    ("topic: Budget season", "topic: Setting goals", 13, "two meetings of this round are known as 'setting-goals'; give one an 'id:'"),
    ("to: both", "to: al", 15, "to must be one of mentors, mentees, both, not 'al'"),
    ("after_months: 3", "after_months: three", 15, "after_months must be a whole number of months"),
    ("form: midpoint", "form: midpont", 15, "survey form 'midpont' does not exist; did you mean 'midpoint'?"),
    ("starts: 2027-08-15", "starts: 2027-8-15", 8, "starts must be a date written YYYY-MM-DD, not '2027-8-15'"),
    ("places: 30", "places: 0", 10, "places must be 1 or more"),
    ("    places: 30", "    place: 30", 10, "unknown key 'place'; did you mean 'places'?"),
    ('- {date: 2027-09-10, time: "09:00-12:00", place: "Springfield, Room 2", topic: Setting goals}', "- Setting goals", 12, "a meeting must be a mapping with date, time, place and topic"),
    ("topic: Setting goals}", "topic: Setting goals, room: 2}", 12, "unknown key 'room'"),
    ("- {form: midpoint, after_months: 3, to: both}", "- midpoint", 15, "a survey must be a mapping with form, after_months and to"),
    ("to: both}", "to: both, when: 3}", 15, "unknown key 'when'"),
]


@pytest.mark.parametrize("old, new, line, message", MISTAKES, ids=[m[3][:40] for m in MISTAKES])
def test_a_mistake_in_a_round_is_an_error_at_its_line(tmp_path, old, new, line, message):
    assert old in ROUND
    found = errors_of(load(tmp_path, ROUND.replace(old, new, 1)))
    assert len(found) == 1 and found[0][0] == line and found[0][1].startswith(message), found


def test_rounds_that_overlap_are_an_error_at_the_later_ones_start(tmp_path):
    second = ("  - name: 2028 class\n    applications: {opens: 2027-12-01, closes: 2028-03-01}\n"
              "    starts: 2028-04-01\n    ends: 2028-12-01\n")
    text = ROUND.replace("---\nGuide", second + "---\nGuide")
    found = errors_of(load(tmp_path, text))
    assert found == [(18, "round '2028 class' starts on 2028-04-01 while round '2027 class' runs until 2028-04-15; "
                          "rounds may not overlap: move one of the dates")]
    fixed = errors_of(load(tmp_path / "fixed", text.replace("starts: 2028-04-01", "starts: 2028-05-01")))
    assert fixed == []


def test_the_sites_timezone_option_is_checked_at_its_line():
    settings = settings_from({"timezone": "Mars/Olympus"}, {}, None, lambda *path: 7)
    [problem] = settings.problems
    assert problem.line == 7 and problem.message.startswith("unknown time zone 'Mars/Olympus'")
    assert settings_from({"timezone": "America/Denver"}, {}, None).timezone == "America/Denver"


def test_months_after_keeps_the_day_or_takes_the_months_last():
    assert months_after(dt.date(2027, 8, 15), 3) == dt.date(2027, 11, 15)
    assert months_after(dt.date(2027, 11, 30), 3) == dt.date(2028, 2, 29)
    assert months_after(dt.date(2027, 1, 31), 13) == dt.date(2028, 2, 29)


def test_the_example_programs_have_rounds_that_check():
    result = load_roster(EXAMPLE_CONTENT)
    assert result.ok, result.problems
    assert any(p.rounds and p.rounds[0].meetings and p.rounds[0].surveys for p in result.roster.programs)
