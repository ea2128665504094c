"""`mentor-gallery due`: the surveys that fall due for each person of the pairs, worked by hand."""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlsplit

from support import make_roster, profile, run_cli, write

FORM = "title: {title}\naction: https://forms.example.org/{slug}\nfields:\n  - {{name: name, label: Name, type: text}}\n  - {{name: q, label: Q, type: scale}}\n"
# The 2027 class starts on 2027-08-16: the midpoint survey (4 months, both) falls due on
# 2027-12-16, the closing survey (8 months, mentees only) on 2028-04-16, for a pair that starts
# with the class; a pair that started on 2027-09-01 has its midpoint survey due on 2028-01-01.
PROGRAM = """\
---
name: Partnership Program
summary: A class a year.
rounds:
  - name: 2026 class
    applications: {opens: 2026-05-01, closes: 2026-07-31}
    starts: 2026-08-17
    ends: 2027-04-16
    surveys:
      - {form: midpoint-survey, after_months: 4, to: both}
  - name: 2027 class
    applications: {opens: 2027-05-03, closes: 2027-07-30}
    starts: 2027-08-16
    ends: 2028-04-14
    surveys:
      - {form: midpoint-survey, after_months: 4, to: both}
      - {form: closing-survey, after_months: 8, to: mentees}
---
Guide.
"""
PAIRS = """\
applicant,mentor,score,reasons,alternative_1,alternative_2,mentor_name,email,start
Ana Díaz,bo-lee,80,shares Finance,,,Bo Lee,ana@example.org,
=HYPERLINK(x),cy-ng,70,shares Finance,,,Cy Ng,evil@example.org,2027-09-01
Eve Park,,,no mentor shares a need,,,,eve@example.org,
"""


def project(tmp_path):
    content = make_roster(tmp_path / "content",
                          {"bo-lee": profile("Bo Lee", programs="[partnership]", contact="{email: bo@example.org}"),
                           "cy-ng": profile("Cy Ng", programs="[partnership]", contact="{email: cy@example.org}")},
                          {"partnership": PROGRAM},
                          forms={"midpoint-survey": FORM.format(title="Midpoint survey", slug="m"),
                                 "closing-survey": FORM.format(title="Closing survey", slug="c")})
    write(tmp_path / "mkdocs.yml", "site_name: Test\nsite_url: https://mentors.example.org/\n")
    write(tmp_path / "pairs.csv", PAIRS)
    return content


def records(out: str) -> list[dict[str, str]]:
    assert out.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(out[1:])))


def test_due_lists_exactly_the_surveys_of_the_week_for_each_person(tmp_path, capsys):
    content = project(tmp_path)
    code, out, err = run_cli(capsys, "due", "--date", "2027-12-20", tmp_path / "pairs.csv", content)
    assert code == 0, err
    rows = records(out)
    assert list(rows[0]) == ["program", "round", "survey", "due", "person", "role", "email", "link"]
    assert [(r["person"], r["role"], r["email"], r["survey"], r["due"], r["round"]) for r in rows] == [
        ("Ana Díaz", "mentee", "ana@example.org", "Midpoint survey", "2027-12-16", "2027 class"),
        ("Bo Lee", "mentor", "bo@example.org", "Midpoint survey", "2027-12-16", "2027 class"),
    ]
    link = urlsplit(rows[0]["link"])
    assert (link.scheme, link.netloc, link.path) == ("https", "mentors.example.org", "/forms/midpoint-survey/")
    assert parse_qs(link.query) == {"name": ["Ana Díaz"], "email": ["ana@example.org"], "role": ["mentee"],
                                    "program": ["Partnership Program"], "round": ["2027 class"], "partner": ["Bo Lee"]}
    assert "2 survey(s) due from 2027-12-14 to 2027-12-20" in err


def test_a_pairs_own_start_moves_its_surveys_and_names_stay_formula_safe(tmp_path, capsys):
    content = project(tmp_path)
    code, out, _ = run_cli(capsys, "due", "--date", "2028-01-03", tmp_path / "pairs.csv", content)
    assert code == 0
    rows = records(out)
    assert [(r["person"], r["role"], r["due"]) for r in rows] == [("'=HYPERLINK(x)", "mentee", "2028-01-01"), ("Cy Ng", "mentor", "2028-01-01")]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())


def test_the_closing_survey_goes_to_mentees_only_and_a_window_of_days_widens_the_list(tmp_path, capsys):
    content = project(tmp_path)
    code, out, _ = run_cli(capsys, "due", "--date", "2028-04-20", "--days", "31", tmp_path / "pairs.csv", content)
    assert code == 0
    assert [(r["person"], r["survey"], r["due"]) for r in records(out)] == [("Ana Díaz", "Closing survey", "2028-04-16")]
    code, out, _ = run_cli(capsys, "due", "--date", "2027-11-01", tmp_path / "pairs.csv", content)
    assert code == 0 and records(out) == []


def test_without_pairs_each_survey_and_role_due_is_listed_for_the_round(tmp_path, capsys):
    content = project(tmp_path)
    code, out, _ = run_cli(capsys, "due", "--date", "2026-12-17", content)
    assert code == 0
    assert [(r["round"], r["role"], r["due"], r["person"]) for r in records(out)] == [
        ("2026 class", "mentee", "2026-12-17", ""), ("2026 class", "mentor", "2026-12-17", "")]


def test_a_bad_pair_is_reported_at_its_record_and_nothing_is_listed(tmp_path, capsys):
    content = project(tmp_path)
    write(tmp_path / "bad.csv", "applicant,mentor,start\nAna,bo-le,\nCy,cy-ng,1/9/2027\n")
    code, out, err = run_cli(capsys, "due", "--date", "2027-12-20", tmp_path / "bad.csv", content)
    assert code == 1 and out == ""
    assert "bad.csv:1: unknown mentor 'bo-le'" in err
    # 1/9/2027 is January 9 or September 1: the column is settled once, by the option it names.
    assert "bad.csv:header: column 'start'" in err and "--dates" in err
    code, out, err = run_cli(capsys, "due", "--date", "2027-12-20", "--dates", "dmy", tmp_path / "bad.csv", content)
    assert code == 1 and "start" not in err


def test_a_start_as_a_us_spreadsheet_writes_it_reads_as_the_iso_date(tmp_path, capsys):
    """A pairs file kept in a spreadsheet: 9/1/2027 beside 12/20/2027 is month first."""
    content = project(tmp_path)
    iso = (tmp_path / "pairs.csv").read_text(encoding="utf-8")
    assert "2027-09-01" in iso
    # Di Ro's pair starts later (nothing due yet); its date settles the column as month first.
    write(tmp_path / "us.csv", iso.replace("2027-09-01", "9/1/2027") + "Di Ro,cy-ng,60,shares Finance,,,Cy Ng,di@example.org,12/20/2027\n")
    code_iso, out_iso, _ = run_cli(capsys, "due", "--date", "2028-01-03", tmp_path / "pairs.csv", content)
    code_us, out_us, err = run_cli(capsys, "due", "--date", "2028-01-03", tmp_path / "us.csv", content)
    assert (code_iso, code_us) == (0, 0), err
    assert records(out_us) == records(out_iso)
