"""A renamed setting or key keeps working, with a warning at its line saying what to write instead;
giving the old and the new name together is an error. The tables are empty until something is
renamed, so these tests rename for the occasion."""

from __future__ import annotations

import pytest

from mentor_gallery.content import deprecations
from mentor_gallery.content.deprecations import Renamed
from mentor_gallery.content.loader import load_roster
from mentor_gallery.settings import read_settings
from support import make_roster, profile, run_cli, write

RENAMED_OPTION = Renamed("profiles_in_search", "search_profiles", since="0.2.0", until="0.4.0")
RENAMED_KEY = Renamed("region_name", "region", since="0.2.0", until="0.4.0")
RENAMED_PROGRAM_KEY = Renamed("sponsored_by", "sponsor", since="0.2.0", until="0.4.0")


@pytest.fixture
def renamed(monkeypatch):
    monkeypatch.setattr(deprecations, "PLUGIN_OPTIONS", (RENAMED_OPTION,))
    monkeypatch.setattr(deprecations, "PROFILE_KEYS", (RENAMED_KEY,))
    monkeypatch.setattr(deprecations, "PROGRAM_KEYS", (RENAMED_PROGRAM_KEY,))


def config(tmp_path, options: str):
    return write(tmp_path / "mkdocs.yml", f"site_name: Test\nplugins:\n  - search\n  - mentor-gallery:\n{options}")


def test_an_old_option_name_works_with_a_warning_at_its_line(tmp_path, renamed):
    settings = read_settings(config(tmp_path, "      content_dir: content\n      profiles_in_search: false\n"))
    assert settings.search_profiles is False
    [problem] = settings.problems
    assert (problem.line, problem.severity) == (6, "warning")
    assert "'profiles_in_search' was renamed 'search_profiles' in mentor-gallery 0.2.0; write 'search_profiles:' instead" in problem.message


def test_a_bad_value_under_the_old_name_is_reported_at_the_old_line(tmp_path, renamed):
    settings = read_settings(config(tmp_path, "      profiles_in_search: sometimes\n      content_dir: content\n"))
    lines = sorted((p.line, p.severity) for p in settings.problems)
    assert lines == [(5, "error"), (5, "warning")]


def test_old_and_new_name_together_is_an_error(tmp_path, renamed):
    settings = read_settings(config(tmp_path, "      search_profiles: true\n      profiles_in_search: false\n"))
    [problem] = settings.problems
    assert (problem.line, problem.severity) == (6, "error") and "remove 'profiles_in_search'" in problem.message
    assert settings.search_profiles is True


def test_without_the_rename_the_old_name_is_unknown(tmp_path):
    [problem] = read_settings(config(tmp_path, "      profiles_in_search: false\n")).problems
    assert problem.severity == "error" and "unknown mentor-gallery option" in problem.message


def test_an_old_profile_key_is_read_under_its_new_name_and_check_passes_with_the_warning(tmp_path, renamed, capsys):
    content = make_roster(tmp_path / "content", {"ana-diaz": profile(region=None, region_name="Western")})
    result = load_roster(content)
    assert result.roster.mentors[0].region.label == "Western"
    [problem] = result.problems
    assert problem.severity == "warning" and problem.line == 6 and "write 'region:' instead" in problem.message
    code, _, err = run_cli(capsys, "check", content)
    assert code == 0 and "mentors/ana-diaz.md:6: warning: 'region_name' was renamed 'region'" in err


def test_an_old_program_key_works_too(tmp_path, renamed):
    program = "---\nname: Coaching\nsponsored_by: The committee\nsummary: Short talks.\n---\nAbout it.\n"
    content = make_roster(tmp_path / "content", {"ana-diaz": profile(programs="[coaching]")}, programs={"coaching": program})
    result = load_roster(content)
    assert result.roster.programs[0].sponsor == "The committee"
    assert [(p.line, p.severity) for p in result.problems] == [(3, "warning")]
