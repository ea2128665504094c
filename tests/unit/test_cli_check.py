"""`mentor-gallery check`: exit codes, and the warning when no request handler is configured."""

from support import make_roster, profile, run_cli, write

PROGRAM_WITH_HANDLER = "---\nname: Coaching\nsummary: Short.\nrequest_form: {url: 'mailto:c@example.org'}\n---\nGuide.\n"


def test_no_handler_anywhere_is_a_warning_with_exit_0(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_roster(tmp_path / "content", {"ana": profile()})
    code, out, err = run_cli(capsys, "check", "content")
    assert code == 0
    assert "warning: no request handler is configured" in err


def test_a_site_handler_in_mkdocs_yml_silences_the_warning(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_roster(tmp_path / "content", {"ana": profile()})
    write(tmp_path / "mkdocs.yml", "site_name: X\nplugins:\n  - search\n  - mentor-gallery:\n      request_form: {url: 'https://forms.example.org/r'}\n")
    code, out, err = run_cli(capsys, "check", "content")
    assert code == 0 and "warning" not in err


def test_profiles_outside_any_handlers_reach_are_counted(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_roster(tmp_path / "content", {"ana": profile(programs="[coaching]"), "bob": profile("Bob")}, {"coaching": PROGRAM_WITH_HANDLER})
    code, out, err = run_cli(capsys, "check", "content")
    assert code == 0
    assert "1 profile belongs to no program with a request_form" in err and "bob" in err
    # Counts read as a person writes them: "1 program", never "1 programs" or "profile(s)".
    assert "ok: 2 mentors, 1 program, 0 forms" in err and "(s)" not in err


def test_a_bad_site_handler_is_an_error_in_mkdocs_yml_at_its_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_roster(tmp_path / "content", {"ana": profile()})
    write(tmp_path / "mkdocs.yml", "site_name: X\nplugins:\n  - mentor-gallery:\n      request_form:\n        url: ftp://x.example.org\n")
    code, out, err = run_cli(capsys, "check", "content")
    assert code == 1
    assert "mkdocs.yml:5: url 'ftp://x.example.org' must start with https:// or mailto:" in err
