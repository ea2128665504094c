"""CSV the tools write stays text in a spreadsheet of any locale; CSV they read never raises."""

import csv
import io
import itertools

import pytest

from mentor_gallery.committee.spreadsheet import defuse, read_rows, restore
from mentor_gallery.content.loader import load_roster
from support import EXAMPLE_CONTENT, make_roster, profile, run_cli, write

FORMULA_CHARS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = [
    '=HYPERLINK("http://x","y")',
    'Finance; =HYPERLINK("http://x","y")',
    "a\t=1+1",
    "Budgets, @SUM(A1)",
    "one;two;  -2+3+cmd|' /C calc'!A0",
    'quoted; "=1+1"',
    "+1 555 0100",
    "\t=1",
    "\r=1",
    "a;;=b,,+c\t\t-d",
]


def unsafe_pieces(line: str) -> list[str]:
    """Pieces of a written CSV line that a spreadsheet splitting on ',', ';' or tab would run."""
    pieces = []
    for separator in (",", ";", "\t"):
        for piece in line.split(separator):
            if piece.lstrip(' "').startswith(FORMULA_CHARS):
                pieces.append(piece)
    return pieces


def written(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    return out.getvalue()


@pytest.mark.parametrize("text", HOSTILE)
def test_no_segment_of_a_defused_cell_runs_when_split_on_comma_semicolon_or_tab(text):
    assert unsafe_pieces(written(["ana-diaz", text])), "the raw cell should be a hazard"
    assert unsafe_pieces(written(["ana-diaz", defuse(text)])) == []
    assert restore(defuse(text)) == text


def test_a_formula_in_a_middle_segment_gets_its_own_apostrophe():
    assert defuse("MPA; =1+1; BA") == "MPA; '=1+1; BA"
    assert defuse("a\t@b") == "a\t'@b"
    assert defuse("well-known, safe") == "well-known, safe"


def test_apostrophes_already_there_get_one_more_so_import_takes_exactly_one_off():
    text = "'=already quoted; ''+twice; 'plain"
    assert defuse(text) == "''=already quoted; '''+twice; 'plain"
    assert restore(defuse(text)) == text


def test_restore_undoes_defuse_for_every_short_text():
    # Every text of up to 4 characters over the characters that matter: the scheme is one to one.
    alphabet = ["a", " ", '"', "'", "=", "-", ",", ";", "\t", "\r", "\n"]
    for size in range(5):
        for chars in itertools.product(alphabet, repeat=size):
            text = "".join(chars)
            defused = defuse(text)
            assert restore(defused) == text, repr(text)
            assert unsafe_pieces(written([defused])) == [], repr(text)


def test_export_defuses_every_segment_and_import_restores_it(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    hostile = {
        "summary": "'Budgets, =HYPERLINK(\"http://x\",\"y\")'",
        "title": "'Manager;@SUM(A1)'",
        "education": "[MPA, '=1+1', '-2+3']",
        "contact": "{phone: '+1 555 0100', public: false}",
    }
    text = profile(**hostile).replace("I have led", "Budgets\t=1+1; I have led")
    source = make_roster(tmp_path / "content", {"ana-diaz": text})
    code, out, err = run_cli(capsys, "export", source)
    assert code == 0, err
    data_line = out.split("\n", 1)[1]
    assert unsafe_pieces(data_line) == []
    [record] = list(csv.DictReader(io.StringIO(out)))
    assert record["education"] == "MPA; '=1+1; '-2+3"  # the formulas in the middle segments too
    assert record["contact_phone"] == "'+1 555 0100"

    (tmp_path / "roster.csv").write_text(out, encoding="utf-8")
    copy = make_roster(tmp_path / "copy", {})
    code, _, err = run_cli(capsys, "import", "roster.csv", "--content", copy)
    assert code == 0, err
    [original] = load_roster(source).roster.mentors
    [imported] = load_roster(copy).roster.mentors
    assert imported.raw == original.raw and imported.body == original.body
    assert imported.raw["contact"]["phone"] == "+1 555 0100"
    assert run_cli(capsys, "export", copy)[1] == out


def test_match_output_is_defused_in_every_segment(tmp_path, capsys):
    names = ['Finance; =HYPERLINK("http://x","y")', "a\t=1+1", "Lee, -2+3"]
    lines = "".join(f"{written([name, 'Finance'])}" for name in names)
    requests = write(tmp_path / "requests.csv", "name,needs\n" + lines)
    code, out, err = run_cli(capsys, "match", requests, EXAMPLE_CONTENT)
    assert code == 0, err
    assert unsafe_pieces(out) == []
    applicants = [row["applicant"] for row in csv.DictReader(io.StringIO(out.removeprefix("\ufeff")))]
    assert [restore(name) for name in applicants] == names


# --- reading -----------------------------------------------------------------------------------


def too_long_cell() -> str:
    return "x" * (csv.field_size_limit() + 1)


def test_read_rows_stops_at_the_row_it_cannot_read():
    rows, stop = read_rows(f"a,b\n1,2\n3,\"{too_long_cell()}\"\n5,6\n")
    assert rows == [["a", "b"], ["1", "2"]]
    assert stop is not None and stop.row == 2
    assert f"longer than {csv.field_size_limit()} characters" in stop.message


def test_import_reports_a_cell_over_the_field_limit_at_its_record(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    content = make_roster(tmp_path / "content", {})
    # An unclosed quote runs to the end of the file: the usual way to get such a cell.
    (tmp_path / "new.csv").write_text(f"slug,name\nbo-lind,Bo\ncy-moss,\"Cy{too_long_cell()}\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "import", "new.csv")
    assert code == 1 and out == ""
    first = err.splitlines()[0]
    assert first.startswith(f"new.csv:2: a cell is longer than {csv.field_size_limit()} characters"), first
    assert "Traceback" not in err and "nothing was imported" in err
    assert not (content / "mentors").exists()

    (tmp_path / "new.csv").write_text(f"slug,{too_long_cell()}\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "import", "new.csv")
    assert code == 1 and err.startswith("new.csv:header: a cell is longer than")


def test_match_reports_a_cell_over_the_field_limit_at_its_record(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    requests = write(tmp_path / "requests.csv", f"name,needs\nAna,Finance\n\nBo,\"{too_long_cell()}\"\n")
    code, out, err = run_cli(capsys, "match", requests, EXAMPLE_CONTENT)
    assert code == 1 and out == ""
    assert err.splitlines()[0].startswith("requests.csv:2: a cell is longer than"), err.splitlines()[0]
    assert "Traceback" not in err



def every_csv_a_command_writes(tmp_path, capsys) -> dict[str, bytes]:
    """Each command's CSV, to stdout and to a file, with an accented name in it."""
    requests = write(tmp_path / "requests.csv", "name,needs\nAlicia Gómez,Finance\n")
    log = write(tmp_path / "log.csv", "mentor_email,mentor_name,mentee_name,kind,relationship_start,date,hours\n"
                                      "ana@example.org,Ana Díaz,Alicia Gómez,coaching,2026-01-05,2026-01-05,1\n")
    runs = {
        "export": ("export", EXAMPLE_CONTENT),
        "match": ("match", requests, EXAMPLE_CONTENT),
        "match --out": ("match", requests, "--out", tmp_path / "proposals.csv", EXAMPLE_CONTENT),
        "hours --format csv": ("hours", log, "--format", "csv", EXAMPLE_CONTENT),
        "hours --format csv --out": ("hours", log, "--format", "csv", "--out", tmp_path / "hours", EXAMPLE_CONTENT),
        "due": ("due", "--date", "2027-03-01", EXAMPLE_CONTENT),
        "due --out": ("due", "--date", "2027-03-01", "--out", tmp_path / "due.csv", EXAMPLE_CONTENT),
    }
    files = {"match --out": tmp_path / "proposals.csv", "hours --format csv --out": tmp_path / "hours" / "hours.csv",
             "due --out": tmp_path / "due.csv"}
    written = {}
    for name, args in runs.items():
        code, out, err = run_cli(capsys, *args)
        assert code == 0, (name, err)
        written[name] = files[name].read_bytes() if name in files else out.encode("utf-8")
    return written


def test_every_csv_a_command_writes_starts_with_a_bom(tmp_path, capsys):
    written = every_csv_a_command_writes(tmp_path, capsys)
    for name, data in written.items():
        assert data.startswith(b"\xef\xbb\xbf"), f"{name}: no BOM, so Excel opens accented names garbled"
        assert data.count(b"\xef\xbb\xbf") == 1, name
    assert "Gómez".encode("utf-8") in written["match"] and "Gómez".encode("utf-8") in written["hours --format csv"]
