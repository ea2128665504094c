"""`mentor-gallery hours LOG.csv`: the log read as a form service exports it, the three formats,
and bad records reported together with nothing written."""

from __future__ import annotations

import csv
import io
import os

import pytest

from mentor_gallery.committee.hours_report import CSV_COLUMNS
from support import EXAMPLE_CONTENT, run_cli, write

# Columns by name, in another order, with a column the command does not use.
LOG = """
source,date,hours,kind,mentee_name,mentee_position,mentor_email,mentor_name,relationship_start,subjects,mentee_is_employee,formal_program
web,2025-03-01,12,mentoring,Bo Chen,Budget Analyst,ana@example.org,Ana Díaz,2025-01-10,Budgets,no,no
web,2025-08-01,10,mentoring,Bo Chen,Senior Budget Analyst,ana@example.org,Ana Díaz,2025-01-10,Council work,no,no
web,2025-05-05,1,coaching,Cy Dee,Intern,ana@example.org,Ana Díaz,2025-05-05,Interviews,yes,no
web,2025-06-01,=2+3,mentoring,"=HYPERLINK(""x"")",Clerk,zed@example.org,Zed,2025-06-01,Careers,no,no
"""


def rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")  # so that Excel reads it as UTF-8
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    assert tuple(reader.fieldnames) == CSV_COLUMNS
    return list(reader)


@pytest.fixture
def log(tmp_path):
    return write(tmp_path / "log.csv", LOG.replace("=2+3", "2"))


def test_csv_gives_one_record_per_mentor_year_and_relationship(log, capsys):
    code, out, err = run_cli(capsys, "hours", log, "--format", "csv", EXAMPLE_CONTENT)
    assert code == 0, err
    found = [(r["mentor_email"], r["year"], r["mentee_name"], r["mentee_position"], r["kind"], r["months"], r["sessions"],
              r["hours_logged"], r["hours_credited"], r["subjects"]) for r in rows(out)]
    assert found == [
        ("ana@example.org", "2025", "Bo Chen", "Senior Budget Analyst", "mentoring", "6", "2", "22", "19", "Budgets; Council work"),
        ("ana@example.org", "2025", "Cy Dee", "Intern", "coaching", "", "1", "1", "1", "Interviews"),  # months: mentoring's rule
        ("zed@example.org", "2025", "'=HYPERLINK(\"x\")", "Clerk", "mentoring", "0", "1", "2", "0", "Careers"),
    ]
    # The 1 coaching hour of May came first: August's 10 mentoring hours meet the cap of 20 together.
    assert rows(out)[0]["note"].endswith("3 h not credited (3 of 10 h on 2025-08-01)")
    assert "not used: 'source'" in err


def test_text_is_a_readable_report_with_the_same_numbers(log, capsys):
    code, out, _ = run_cli(capsys, "hours", log, "--year", "2025", EXAMPLE_CONTENT)
    assert code == 0
    assert "Ana Díaz <ana@example.org>, 2025: 20 of 23 hours credited (mentoring 19, coaching 1)" in out
    assert "  Bo Chen (Senior Budget Analyst): mentoring, 6 months, 2 sessions, 22 h logged, 19 h credited" in out
    assert "Not credited: the relationship spans 0 months" in out


def test_another_year_has_no_entries(log, capsys):
    code, out, err = run_cli(capsys, "hours", log, "--year", "2024", "--format", "csv", EXAMPLE_CONTENT)
    assert code == 0 and rows(out) == [] and "no entries in 2024" in err


def test_html_writes_one_page_per_mentor_and_year_without_script(log, tmp_path, capsys):
    out_dir = tmp_path / "report"
    code, out, err = run_cli(capsys, "hours", log, "--format", "html", "--out", out_dir, EXAMPLE_CONTENT)
    assert code == 0 and out == "", err
    pages = sorted(p.name for p in out_dir.iterdir())
    assert pages == ["2025-ana-diaz.html", "2025-zed.html"]
    zed = (out_dir / "2025-zed.html").read_text(encoding="utf-8")
    assert "<script" not in zed.lower() and "@media print" in zed
    assert "=HYPERLINK(&#34;x&#34;)" in zed or "=HYPERLINK(&quot;x&quot;)" in zed
    ana = (out_dir / "2025-ana-diaz.html").read_text(encoding="utf-8")
    assert "Bo Chen" in ana and "Cy Dee" in ana and "Zed" not in ana


def test_html_needs_a_folder_and_never_writes_through_a_link(log, tmp_path, capsys):
    code, _, err = run_cli(capsys, "hours", log, "--format", "html", EXAMPLE_CONTENT)
    assert code == 1 and "--out DIR" in err
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out_dir = tmp_path / "report"
    out_dir.mkdir()
    os.symlink(elsewhere / "2025-zed.html", out_dir / "2025-zed.html")
    code, _, err = run_cli(capsys, "hours", log, "--format", "html", "--out", out_dir, EXAMPLE_CONTENT)
    assert code == 1 and "is a symbolic link" in err
    assert not (elsewhere / "2025-zed.html").exists()


def test_csv_into_a_folder(log, tmp_path, capsys):
    code, out, _ = run_cli(capsys, "hours", log, "--format", "csv", "--out", tmp_path / "out", EXAMPLE_CONTENT)
    assert code == 0 and out == ""
    assert len(rows((tmp_path / "out" / "hours.csv").read_text(encoding="utf-8"))) == 3


def test_bad_records_are_all_reported_and_nothing_is_written(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = LOG + "web,2025-13-01,1,mentoring,Bo Chen,X,ana@example.org,Ana,2025-01-10,,no,no\n" \
                 "web,2025-09-01,two,advice,Bo Chen,X,ana@example.org,Ana,2025-01-10,,no,no\n"
    write(tmp_path / "log.csv", text)
    code, out, err = run_cli(capsys, "hours", "log.csv", "--format", "html", "--out", "report", EXAMPLE_CONTENT)
    assert code == 1 and out == "" and not (tmp_path / "report").exists()
    lines = [line for line in err.splitlines() if line.startswith("log.csv:") and ":header:" not in line]
    assert [line.split(":")[1] for line in lines] == ["4", "5", "6", "6"]
    assert "log.csv:4: hours must be a number of 0 or more such as 1.5, not '=2+3'" in lines
    assert any("date '2025-13-01' is not a date" in line for line in lines)


def test_columns_are_found_by_the_log_forms_labels(tmp_path, capsys):
    header = ("Timestamp,Your name,Your email,Name of the person you mentored or coached,Their position,Mentoring or coaching,"
              "Date the relationship began,The person is my employee,We take part in a formal program,"
              "\"Date of the session, or the last day of the period you are logging\",Hours,Subjects covered\n")
    log = write(tmp_path / "log.csv", header + "2025-03-02 09:00,Ana,ana@example.org,Bo,Intern,Coaching,2025-03-01,yes,,2025-03-01,0.75,Résumé\n")
    code, out, err = run_cli(capsys, "hours", log, "--format", "csv", EXAMPLE_CONTENT)
    assert code == 0, err
    [row] = rows(out)
    assert (row["mentee_name"], row["kind"], row["hours_credited"], row["subjects"]) == ("Bo", "coaching", "0.75", "Résumé")
    # Without the form, the labels mean nothing: the required columns are missing.
    code, out, err = run_cli(capsys, "hours", log, tmp_path / "no-content")
    assert code == 1 and out == "" and "the header has no 'mentor_email' column" in err


def test_a_year_is_four_digits(log, capsys):
    with pytest.raises(SystemExit):
        run_cli(capsys, "hours", log, "--year", "25", EXAMPLE_CONTENT)
    assert "a year is four digits" in capsys.readouterr().err


@pytest.mark.parametrize("option, words", [
    (["--total-cap", "lots"], "--total-cap must be a number of hours"),
    (["--mentoring-cap", "-3"], "--mentoring-cap must be a number of hours"),
    (["--min-months", "-1"], "--min-months must be 0 or more"),
])
def test_bad_settings_are_refused(log, capsys, option, words):
    code, out, err = run_cli(capsys, "hours", log, *option, EXAMPLE_CONTENT)
    assert code == 1 and out == "" and words in err


def test_settings_change_the_rules(log, capsys):
    out = run_cli(capsys, "hours", log, "--format", "csv", "--min-months", "7", "--total-cap", "30", EXAMPLE_CONTENT)[1]
    bo = rows(out)[0]
    assert (bo["hours_credited"], bo["note"].startswith("the relationship spans 6 months, and mentoring counts from 7")) == ("0", True)



def test_pages_never_go_where_the_site_is_built_from(log, tmp_path, capsys):
    content = tmp_path / "content"
    (content / "forms").mkdir(parents=True)
    write(tmp_path / "mkdocs.yml", "site_name: X\n")
    for inside, words in ((content / "hours", "is inside the content folder"), (tmp_path / "docs" / "hours", "is inside the site's docs folder")):
        code, out, err = run_cli(capsys, "hours", log, "--format", "html", "--out", inside, content)
        assert code == 1 and out == "" and words in err, err
        assert not inside.exists()


# A log kept in a US spreadsheet: dates as M/D/YYYY, one a serial number Excel left unformatted,
# saved with a BOM and CRLF. By hand, for Ana in 2026, in date order:
#   Bo Chen, mentoring from 1/15: 2/10 2 h, 5/20 3 h, 8/1 2.5 h; Jan 15 to Aug 1 spans 6 months: 7.5 credited
#   Cy Dee, coaching: 3/3 1 h, 4/13 1.5 h: 2.5 credited
#   Dee Park, mentoring from 9/1: 10/1 2 h, one month only: 0 credited
# So 12 h logged, 10 credited: mentoring 7.5, coaching 2.5.
US_LOG = (
    "mentor_email,mentor_name,mentee_name,mentee_position,kind,relationship_start,date,hours\r\n"
    "ana@example.org,Ana Díaz,Bo Chen,Analyst,mentoring,1/15/2026,2/10/2026,2\r\n"
    "ana@example.org,Ana Díaz,Cy Dee,Intern,coaching,3/3/2026,3/3/2026,1\r\n"
    "ana@example.org,Ana Díaz,Cy Dee,Intern,coaching,3/3/2026,4/13/2026,1.5\r\n"
    "ana@example.org,Ana Díaz,Bo Chen,Analyst,mentoring,1/15/2026,46162,3\r\n"  # 5/20/2026
    "ana@example.org,Ana Díaz,Bo Chen,Analyst,mentoring,1/15/2026,8/1/2026,2.5\r\n"
    "ana@example.org,Ana Díaz,Dee Park,Clerk,mentoring,9/1/2026,10/1/2026,2\r\n"
)


def test_a_log_with_us_dates_gives_the_totals_worked_out_by_hand(tmp_path, capsys):
    log = tmp_path / "log.csv"
    log.write_bytes(("\ufeff" + US_LOG).encode("utf-8"))
    code, out, err = run_cli(capsys, "hours", log, "--format", "csv", EXAMPLE_CONTENT)
    assert code == 0, err
    found = {r["mentee_name"]: (r["year"], r["kind"], r["months"], r["sessions"], r["hours_logged"], r["hours_credited"]) for r in rows(out)}
    assert found == {
        "Bo Chen": ("2026", "mentoring", "6", "3", "7.5", "7.5"),
        "Cy Dee": ("2026", "coaching", "", "2", "2.5", "2.5"),
        "Dee Park": ("2026", "mentoring", "1", "1", "2", "0"),
    }
    code, out, _ = run_cli(capsys, "hours", log, EXAMPLE_CONTENT)
    assert "Ana Díaz <ana@example.org>, 2026: 10 of 12 hours credited (mentoring 7.5, coaching 2.5)" in out


def test_a_log_whose_dates_never_pass_12_asks_for_the_order_once(tmp_path, capsys):
    text = US_LOG.replace("2/10/2026", "2/1/2026").replace("4/13/2026", "4/3/2026").replace("1/15/2026", "1/5/2026")
    log = write(tmp_path / "log.csv", text)
    code, out, err = run_cli(capsys, "hours", log, EXAMPLE_CONTENT)
    assert code == 1 and out == ""
    problems = [line for line in err.splitlines() if line.startswith(f"{log}:")]
    assert problems == [f"{log}:header: columns 'relationship_start' and 'date' have no date with a day above 12, so a date "
                        "such as 1/5/2026 could be month/day or day/month; say which with --dates mdy (month first, as in "
                        "the US) or --dates dmy (day first)"]  # one message, none per record
    code, out, err = run_cli(capsys, "hours", log, "--dates", "mdy", EXAMPLE_CONTENT)
    assert code == 0, err
    assert "10 of 12 hours credited" in out
