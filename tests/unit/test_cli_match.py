"""`mentor-gallery match REQUESTS.csv [--out FILE] [CONTENT_DIR]` end to end."""

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from mentor_gallery.content.loader import load_roster
from mentor_gallery.matching.scoring import Applicant, Candidate, Weights, admissible, score
from support import EXAMPLE_CONTENT, copy_example, make_roster, profile, run_cli, write

HEADER = "name,email,region,needs,frequency,meeting,program,remote\n"
COLUMNS = ["applicant", "mentor", "score", "reasons", "alternative_1", "alternative_2",
           "mentor_name", "email", "alternative_1_name", "alternative_2_name", "mentor_email"]


def run(capsys, *args) -> tuple[int, str, str]:
    return run_cli(capsys, "match", *args)


def records(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")  # so that Excel reads it as UTF-8
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    assert reader.fieldnames == COLUMNS
    return list(reader)


@pytest.fixture
def example():
    roster = load_roster(EXAMPLE_CONTENT).roster
    programs = {p.slug: p for p in roster.programs}
    return roster, {m.slug: Candidate.from_mentor(m, programs) for m in roster.mentors}


def test_one_record_per_applicant_with_scores_the_scorer_gives(tmp_path, capsys, example):
    roster, candidates = example
    requests = write(tmp_path / "requests.csv", HEADER + """
        Jo Park,jo@example.org,Central,Finance; strategic-planning,monthly,video,,yes
        Lee Chan,,coastal,HR,,in-person;phone,,
        "Roe, Max",,,Engineering,Quarterly,,Coaching Program,
        """.replace("        ", ""))
    code, out, err = run(capsys, requests, EXAMPLE_CONTENT)
    assert code == 0, err
    rows = records(out)
    assert [r["applicant"] for r in rows] == ["Jo Park", "Lee Chan", "Roe, Max"]
    finance, planning = roster.taxonomy.expertise.find("Finance"), roster.taxonomy.expertise.find("Strategic Planning")
    jo = Applicant("Jo Park", (finance, planning), roster.taxonomy.regions.find("Central"), True,
                   roster.taxonomy.vocabulary("frequency").by_slug("monthly"), (roster.taxonomy.vocabulary("meeting").by_slug("video"),))
    expected = score(candidates[rows[0]["mentor"]], jo, Weights(), roster.taxonomy.max_expertise)
    assert int(rows[0]["score"]) == expected.value and rows[0]["reasons"] == expected.text
    assert admissible(candidates[rows[0]["mentor"]], jo)
    for row in rows:
        assert row["mentor"] in candidates and 0 <= int(row["score"]) <= 100
        assert {row["alternative_1"], row["alternative_2"]} <= set(candidates) | {""}
        assert row["mentor"] not in (row["alternative_1"], row["alternative_2"])
    assert "placed 3 of 3" in err


def test_capacity_holds_across_many_applicants(tmp_path, capsys, example):
    roster, candidates = example
    listing = [c for c in candidates.values() if any(t.label == "Police" for t in c.expertise)]
    open_places = sum(c.places for c in listing if c.available)
    assert open_places >= 1
    requests = write(tmp_path / "requests.csv", HEADER + "".join(f"P{i},,,Police,,,,\n" for i in range(open_places + 3)))
    code, out, _ = run(capsys, requests, EXAMPLE_CONTENT)
    rows = records(out)
    assert code == 0 and len(rows) == open_places + 3
    placed = [r["mentor"] for r in rows if r["mentor"]]
    assert len(placed) == open_places
    for slug in set(placed):
        assert placed.count(slug) <= candidates[slug].places and candidates[slug].available
    unplaced = [r for r in rows if not r["mentor"]]
    assert all(r["score"] == "" and "no place left" in r["reasons"] for r in unplaced)


def test_out_writes_the_file_and_nothing_on_stdout(tmp_path, capsys):
    requests = write(tmp_path / "requests.csv", HEADER + "Ana,,,Finance,,,,\n")
    target = tmp_path / "proposals.csv"
    code, out, _ = run(capsys, requests, "--out", target, EXAMPLE_CONTENT)
    assert code == 0 and out == ""
    assert [r["applicant"] for r in records(target.read_text(encoding="utf-8"))] == ["Ana"]


def test_bad_records_are_all_reported_by_record_number_and_nothing_is_written(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "requests.csv", HEADER + """
        Good One,,,Finance,,,,
        ,,,Finance,,,,
        No Needs,,,,,,,
        Typo,,,Finanse,,,,
        Half,,,"Finance, Polize",,,,
        Far,,Atlantis,Finance,,,,
        Often,,,Finance,weekly,,,
        Pigeon,,,Finance,,pigeon,,
        Club,,,Finance,,,chess,
        Maybe,,,Finance,,,,maybe
        Stay,,,Finance,,,,no
        """.replace("        ", ""))
    code, out, err = run(capsys, "requests.csv", "--out", "proposals.csv", EXAMPLE_CONTENT)
    assert code == 1 and out == "" and not (tmp_path / "proposals.csv").exists()
    lines = [line for line in err.splitlines() if line.startswith("requests.csv:")]
    assert [line.split(":")[1] for line in lines] == [str(n) for n in range(2, 12)]
    text = "\n".join(lines)
    for words in ("name is empty", "needs is empty", "unknown need 'Finanse'; did you mean 'Finance'?",
                  "unknown need 'Polize'; did you mean 'Police'?", "unknown region 'Atlantis'", "unknown frequency 'weekly'",
                  "unknown meeting mode 'pigeon'", "unknown program 'chess'", "remote must be yes, no or empty",
                  "remote is 'no' but region is empty"):
        assert words in text


@pytest.mark.parametrize("header, words", [
    ("name,email,region\n", "no 'needs' column (nor 'Developmental needs')"),
    ("name,needs,needs\n", "column 'needs' appears 2 times"),
    ("Ana,ana@example.org,Central,Finance\n", "the header has no 'name' column"),
])
def test_a_wrong_header_is_reported(tmp_path, capsys, monkeypatch, header, words):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "requests.csv", header + "Ana,,,Finance\n")
    code, out, err = run(capsys, "requests.csv", EXAMPLE_CONTENT)
    assert code == 1 and out == ""
    assert "requests.csv:header: " in err and words in err


def test_an_empty_or_missing_file_fails_cleanly(tmp_path, capsys):
    empty = write(tmp_path / "empty.csv", "")
    assert run(capsys, empty, EXAMPLE_CONTENT)[0] == 1
    code, out, err = run(capsys, tmp_path / "missing.csv", EXAMPLE_CONTENT)
    assert code == 1 and out == "" and "cannot read the file" in err


def test_header_case_bom_crlf_and_optional_columns_are_accepted(tmp_path, capsys):
    requests = tmp_path / "requests.csv"
    requests.write_bytes("\ufeffName,Needs\r\nAna,FINANCE\r\n".encode("utf-8"))
    code, out, err = run(capsys, requests, EXAMPLE_CONTENT)
    assert code == 0, err
    assert records(out)[0]["mentor"]


def test_remote_no_keeps_to_the_region_and_program_to_the_program(tmp_path, capsys, example):
    _, candidates = example
    requests = write(tmp_path / "requests.csv", HEADER + "A,,Coastal,Finance;Police;Management,,,,no\nB,,,Finance;Police;Management,,,coaching,\n")
    code, out, _ = run(capsys, requests, EXAMPLE_CONTENT)
    a, b = records(out)
    assert code == 0
    for slug in filter(None, (a["mentor"], a["alternative_1"], a["alternative_2"])):
        assert candidates[slug].region.label == "Coastal"
    for slug in filter(None, (b["mentor"], b["alternative_1"], b["alternative_2"])):
        assert "coaching" in {p.slug for p in candidates[slug].programs}


def test_nobody_fits_says_why(tmp_path, capsys):
    root = make_roster(tmp_path / "content", {"ana": profile("Ana", expertise="[Finance]"),
                                              "bo": profile("Bo", expertise="[Strategic Planning]", accepting="false")})
    requests = write(tmp_path / "requests.csv", HEADER + "A,,,EMS,,,,\nB,,,Strategic Planning,,,,\n")
    code, out, _ = run(capsys, requests, root)
    a, b = records(out)
    assert code == 0
    assert (a["mentor"], a["score"], a["reasons"]) == ("", "", "no mentor lists Fire/Emergency Medical Services")
    assert b["mentor"] == "" and "full or not accepting" in b["reasons"]


def test_weights_come_from_the_mkdocs_yml_beside_the_content(tmp_path, capsys):
    content = copy_example(tmp_path / "content")
    requests = write(tmp_path / "requests.csv", HEADER + "A,,Central,Finance,monthly,,,\n")
    first = records(run(capsys, requests, content)[1])[0]
    assert "same region" in first["reasons"] or "other region" in first["reasons"]
    write(tmp_path / "mkdocs.yml", """
        site_name: X
        plugins:
          - mentor-gallery:
              matching: {region: 0, frequency: 0}
        """)
    second = records(run(capsys, requests, content)[1])[0]
    assert "region" not in second["reasons"] and "monthly" not in second["reasons"]
    write(tmp_path / "mkdocs.yml", "site_name: X\nplugins:\n  - mentor-gallery:\n      matching: {region: lots}\n")
    code, out, err = run(capsys, requests, content)
    assert code == 1 and out == "" and "mkdocs.yml:4:" in err and "region" in err


def test_content_problems_stop_the_match(tmp_path, capsys):
    root = make_roster(tmp_path / "content", {"ana": profile("Ana", region="Atlantis")})
    requests = write(tmp_path / "requests.csv", HEADER + "A,,,Finance,,,,\n")
    code, out, err = run(capsys, requests, root)
    assert code == 1 and out == "" and "Atlantis" in err


def test_names_that_a_spreadsheet_would_run_are_defused(tmp_path, capsys):
    requests = write(tmp_path / "requests.csv", HEADER + '"=HYPERLINK(""http://x"")",,,Finance,,,,\n')
    rows = records(run(capsys, requests, EXAMPLE_CONTENT)[1])
    assert rows[0]["applicant"] == "'=HYPERLINK(\"http://x\")"


def test_the_installed_command_runs(tmp_path):
    requests = write(tmp_path / "requests.csv", HEADER + "Ana,,,Finance,,,,\n")
    tool = Path(sys.executable).with_name("mentor-gallery")
    result = subprocess.run([str(tool), "match", str(requests), str(EXAMPLE_CONTENT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "\ufeff" + ",".join(COLUMNS)
    bad = write(tmp_path / "bad.csv", HEADER + "Ana,,,Nothing,,,,\n")
    result = subprocess.run([str(tool), "match", str(bad), str(EXAMPLE_CONTENT)], capture_output=True, text=True)
    assert result.returncode == 1 and result.stdout == ""
