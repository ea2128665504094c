"""`match --places N`, or the places of the round applicants apply for: at most that many placed,
the best scores first, and the others named as the pool for the next round."""

from __future__ import annotations

import csv
import io

from support import make_roster, profile, run_cli, write

PROGRAM = """\
---
name: Partnership
summary: A class a year.
rounds:
  - name: 2099 class
    applications: {opens: 2099-05-01, closes: 2099-07-31}
    starts: 2099-08-15
    ends: 2100-04-15
    places: 1
---
Guide.
"""
REQUESTS = """\
name,email,needs,program
Ana,ana@example.org,Finance,
Bo,bo@example.org,Finance;Strategic Planning,
Cy,cy@example.org,Finance,
"""


def project(tmp_path):
    mentors = {slug: profile(name, expertise="[Finance, Strategic Planning]", programs="[partnership]")
               for slug, name in (("m1", "Mia One"), ("m2", "Max Two"), ("m3", "Meg Three"))}
    content = make_roster(tmp_path / "content", mentors, {"partnership": PROGRAM})
    write(tmp_path / "requests.csv", REQUESTS)
    return content


def placed(out: str) -> dict[str, str]:
    return {r["applicant"]: r["mentor"] for r in csv.DictReader(io.StringIO(out.lstrip("\ufeff")))}


def test_places_keep_the_best_scores_and_name_the_pool(tmp_path, capsys):
    content = project(tmp_path)
    code, out, err = run_cli(capsys, "match", tmp_path / "requests.csv", "--places", "2", content)
    assert code == 0, err
    rows = {r["applicant"]: r for r in csv.DictReader(io.StringIO(out.lstrip("\ufeff")))}
    assert sum(1 for r in rows.values() if r["mentor"]) == 2
    assert rows["Bo"]["mentor"], "Bo shares both areas: the highest score keeps its place"
    [left] = [name for name, r in rows.items() if not r["mentor"]]
    assert rows[left]["reasons"].startswith("in the pool for the next round")
    assert rows[left]["alternative_1"], "the mentor it would have had stays a suggestion"
    assert f"pool for the next round (1): {left}" in err


def test_without_places_the_rounds_places_apply(tmp_path, capsys):
    content = project(tmp_path)
    code, out, err = run_cli(capsys, "match", tmp_path / "requests.csv", content)
    assert code == 0, err
    assert sum(1 for mentor in placed(out).values() if mentor) == 1
    assert "Partnership, 2099 class: 1 place(s)" in err
    assert "pool for the next round (2)" in err


def test_places_above_the_applicants_change_nothing(tmp_path, capsys):
    content = project(tmp_path)
    code, out, _ = run_cli(capsys, "match", tmp_path / "requests.csv", "--places", "30", content)
    assert code == 0 and all(placed(out).values())
