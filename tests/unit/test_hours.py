"""Credentialing hours (committee/hours.py): the six-month and employee rules, the yearly caps
filled in date order, and a reason for every hour not credited."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mentor_gallery.committee.hours import Entry, Rules, credit_hours, entry_from, hours_text, months_between

D = dt.date.fromisoformat


def entry(n: int, mentee: str, date: str, hours: str, kind: str = "mentoring", start: str = "2025-01-01",
          mentor: str = "ana@example.org", employee: bool = False, formal: bool = False) -> Entry:
    return Entry(n, mentor, "Ana Díaz", mentee, "Analyst", kind, D(start), D(date), Decimal(hours), f"topic {n}", employee, formal)


def credited(report) -> dict[tuple[int, str], str]:
    return {(m.year, r.mentee_name): hours_text(r.hours_credited) for m in report for r in m.relationships}


@pytest.mark.parametrize("start, end, months", [
    ("2025-01-15", "2025-07-15", 6), ("2025-01-15", "2025-07-14", 5), ("2025-08-31", "2026-02-28", 6),
    ("2024-08-31", "2025-02-27", 5), ("2025-03-01", "2025-03-31", 0), ("2025-12-20", "2026-01-20", 1),
])
def test_whole_months_between_two_dates(start, end, months):
    assert months_between(D(start), D(end)) == months


def test_mentoring_counts_only_once_the_relationship_spans_six_months_including_later_entries():
    short = [entry(1, "Bo", "2025-03-01", "2", start="2025-01-01"), entry(2, "Bo", "2025-06-30", "2", start="2025-01-01")]
    [mentor] = credit_hours(short)
    [bo] = mentor.relationships
    assert (bo.months, hours_text(bo.hours_credited)) == (5, "0")
    assert bo.note == ("the relationship spans 5 months, and mentoring counts from 6: 4 h not credited "
                       "(2 h on 2025-03-01, 2 h on 2025-06-30)")
    # One more entry a day later makes it six months: every entry of the relationship now counts.
    [mentor] = credit_hours(short + [entry(3, "Bo", "2025-07-01", "1", start="2025-01-01")])
    assert (mentor.relationships[0].months, hours_text(mentor.credited()), mentor.relationships[0].note) == (6, "5", "")


def test_a_later_year_lengthens_the_relationship_for_the_earlier_one():
    log = [entry(1, "Bo", "2025-11-01", "3", start="2025-10-01"), entry(2, "Bo", "2026-05-01", "2", start="2025-10-01")]
    assert credited(credit_hours(log)) == {(2025, "Bo"): "3", (2026, "Bo"): "2"}
    assert credited(credit_hours(log, year=2025)) == {(2025, "Bo"): "3"}
    assert credited(credit_hours(log[:1])) == {(2025, "Bo"): "0"}


def test_an_employee_counts_only_in_a_formal_program_and_coaching_is_not_held_to_either_rule():
    log = [entry(1, "Own", "2025-09-01", "4", employee=True), entry(2, "Fellow", "2025-09-01", "5", employee=True, formal=True),
           entry(3, "Quick", "2025-09-02", "1", kind="coaching", start="2025-09-02", employee=True)]
    [mentor] = credit_hours(log)
    by_name = {r.mentee_name: r for r in mentor.relationships}
    assert {name: hours_text(r.hours_credited) for name, r in by_name.items()} == {"Own": "0", "Fellow": "5", "Quick": "1"}
    assert by_name["Own"].note == "the mentee is the mentor's employee, outside a formal program: 4 h not credited (4 h on 2025-09-01)"
    assert by_name["Fellow"].note == by_name["Quick"].note == ""


def test_caps_are_filled_in_date_order_across_relationships_and_the_overflow_is_explained():
    log = [entry(1, "Late", "2025-12-01", "6"), entry(2, "Early", "2025-07-01", "9"), entry(3, "Early", "2025-08-01", "9"),
           entry(4, "Coached", "2025-09-01", "1.5", kind="coaching", start="2025-09-01")]
    [mentor] = credit_hours(log)
    by_name = {r.mentee_name: r for r in mentor.relationships}
    # 9 + 9 mentoring, then 1.5 coaching leaves 0.5 of the 20 together for December's 6.
    assert {n: hours_text(r.hours_credited) for n, r in by_name.items()} == {"Early": "18", "Coached": "1.5", "Late": "0.5"}
    assert hours_text(mentor.credited()) == "20" and hours_text(mentor.logged()) == "25.5"
    assert by_name["Late"].note == ("the year's cap of 20 hours of mentoring and coaching together was reached: "
                                    "5.5 h not credited (5.5 of 6 h on 2025-12-01)")


def test_each_kind_has_its_own_cap_and_a_new_year_starts_afresh():
    rules = Rules(mentoring_cap=Decimal(10), coaching_cap=Decimal(3), total_cap=Decimal(12))
    log = [entry(1, "Bo", "2025-07-01", "8"), entry(2, "Bo", "2025-08-01", "4"),
           *(entry(10 + i, f"C{i}", f"2025-09-0{i}", "1", kind="coaching", start="2025-09-01") for i in range(1, 5)),
           entry(20, "Bo", "2026-01-10", "11")]
    report = credit_hours(log, rules)
    assert credited(report) == {(2025, "Bo"): "10", (2025, "C1"): "1", (2025, "C2"): "1", (2025, "C3"): "0", (2025, "C4"): "0",
                                (2026, "Bo"): "10"}
    notes = {(m.year, r.mentee_name): r.note for m in report for r in m.relationships}
    assert notes[(2025, "Bo")].startswith("the year's cap of 10 mentoring hours was reached: 2 h not credited (2 of 4 h on 2025-08-01)")
    assert notes[(2025, "C3")].startswith("the year's cap of 12 hours of mentoring and coaching together")
    assert notes[(2026, "Bo")].startswith("the year's cap of 10 mentoring hours was reached: 1 h not credited")


def test_mentors_are_told_apart_by_email_and_relationships_by_mentee_name_in_any_case():
    log = [entry(1, "Bo Chen", "2025-07-01", "15"), entry(2, "bo  chen", "2025-08-01", "15", mentor="ANA@example.org"),
           entry(3, "Bo Chen", "2025-07-01", "15", mentor="zed@example.org")]
    report = credit_hours(log)
    assert [(m.mentor_email, len(m.relationships), hours_text(m.credited())) for m in report] == [
        ("ANA@example.org", 1, "20"), ("zed@example.org", 1, "15")]
    assert report[0].relationships[0].sessions == 2


def cells(**values: str):
    row = {"mentor_email": "ana@example.org", "mentor_name": "Ana", "mentee_name": "Bo", "mentee_position": "Intern",
           "kind": "Mentoring", "relationship_start": "2025-01-01", "date": "2025-02-01", "hours": "1.5",
           "subjects": "x", "mentee_is_employee": "", "formal_program": "no", **values}
    return lambda name: row.get(name, "").strip()


def test_a_good_record_becomes_an_entry():
    made, messages = entry_from(4, cells(mentee_is_employee="yes"))
    assert messages == []
    assert (made.kind, made.hours, made.mentee_is_employee, made.formal_program, made.record) == ("mentoring", Decimal("1.5"), True, False, 4)


@pytest.mark.parametrize("values, words", [
    ({"mentor_email": ""}, "mentor_email is empty"),
    ({"mentor_email": "ana at example"}, "mentor_email 'ana at example' is not an email address"),
    ({"mentee_name": " "}, "mentee_name is empty"),
    ({"kind": "mentorship"}, "kind must be mentoring or coaching, not 'mentorship'; did you mean 'mentoring'?"),
    ({"date": "March 15, 2026"}, "date 'March 15, 2026' is not a date; write it as 2026-03-15"),
    ({"date": "3/4/2026"}, "date '3/4/2026' could be month/day or day/month; say which with --dates mdy"),
    ({"relationship_start": "2025-02-30"}, "relationship_start '2025-02-30' is not a date"),
    ({"date": "2024-12-31"}, "date 2024-12-31 is before relationship_start 2025-01-01"),
    ({"hours": "-2"}, "hours must be a number of 0 or more such as 1.5, not '-2'"),
    ({"hours": "1,5"}, "hours must be a number"),
    ({"hours": "NaN"}, "hours must be a number"),
    ({"hours": ""}, "hours is empty"),
    ({"formal_program": "maybe"}, "formal_program must be yes or no"),
])
def test_a_bad_record_says_what_is_wrong(values, words):
    made, messages = entry_from(1, cells(**values))
    assert made is None and any(words in m for m in messages), messages
