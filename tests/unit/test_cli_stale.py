"""`mentor-gallery stale`: exactly the profiles whose review is overdue, with a fixed clock."""

import datetime as dt

import pytest

from mentor_gallery.cli import main
from mentor_gallery.commands.stale import overdue
from mentor_gallery.content.loader import load_roster
from support import EXAMPLE_CONTENT, make_roster, profile, run_cli

TODAY = "2026-06-30"


def run(capsys, *args) -> tuple[int, str, str]:
    return run_cli(capsys, *args)


@pytest.fixture
def roster(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return make_roster(tmp_path / "content", {
        "ana-diaz": profile(updated="2026-06-01"),          # recent
        "bo-lind": profile("Bo Lind", updated="2025-06-30"),  # exactly 365 days: not yet overdue
        "cy-moss": profile("Cy Moss", updated="2025-06-29"),  # 366 days
        "di-park": profile("Di Park"),                        # never reviewed
        "ed-ng": profile("Ed Ng", updated="2019-01-15"),
    })


def test_lists_exactly_the_overdue_profiles_and_exits_1(roster, capsys):
    code, out, err = run(capsys, "stale", roster, "--today", TODAY)
    assert code == 1
    assert out.splitlines() == [
        "content/mentors/cy-moss.md: last reviewed 2025-06-29",
        "content/mentors/di-park.md: last reviewed never",
        "content/mentors/ed-ng.md: last reviewed 2019-01-15",
    ]
    assert "3 of 5 profiles not reviewed within 365 days" in err


def test_days_moves_the_limit(roster, capsys):
    code, out, _ = run(capsys, "stale", roster, "--days", "29", "--today", TODAY)
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()] == [
        f"content/mentors/{slug}.md" for slug in ("bo-lind", "cy-moss", "di-park", "ed-ng")]
    code, out, _ = run(capsys, "stale", roster, "--days", "3000", "--today", TODAY)
    assert code == 1 and out == "content/mentors/di-park.md: last reviewed never\n"


def test_all_reviewed_exits_0_with_a_note_on_stderr(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    content = make_roster(tmp_path / "content", {"ana-diaz": profile(updated="2026-01-01")})
    code, out, err = run(capsys, "stale", content, "--days", "200", "--today", TODAY)
    assert (code, out) == (0, "")
    assert "the one profile reviewed within 200 days" in err


def test_content_with_problems_exits_2_with_the_check_messages(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    content = make_roster(tmp_path / "content", {"ana-diaz": profile(updated="2026-13-01")})
    code, out, err = run(capsys, "stale", content, "--today", TODAY)
    assert code == 2 and out == ""
    assert err.startswith("content/mentors/ana-diaz.md:7: ")


def test_paths_are_relative_to_the_current_folder(roster, monkeypatch, capsys):
    monkeypatch.chdir(roster / "mentors")
    code, out, _ = run(capsys, "stale", "..", "--today", TODAY)
    assert code == 1 and out.splitlines()[0] == "cy-moss.md: last reviewed 2025-06-29"


@pytest.mark.parametrize("bad", [["--days", "-3"], ["--days", "a year"], ["--today", "30/06/2026"]])
def test_bad_options_are_usage_errors(roster, capsys, bad):
    with pytest.raises(SystemExit) as exit_:
        main(["stale", str(roster), *bad])
    assert exit_.value.code == 2


def test_the_example_roster_against_the_clock():
    """The function the command uses, on the example roster: a profile is overdue iff its date is older."""
    mentors = load_roster(EXAMPLE_CONTENT).roster.mentors
    today = dt.date(2026, 11, 25)
    listed = {m.slug for m in overdue(mentors, today, 365)}
    assert listed == {m.slug for m in mentors if m.updated is None or (today - m.updated).days > 365}
    assert 0 < len(listed) < len(mentors)
