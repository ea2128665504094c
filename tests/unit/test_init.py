"""`mentor-gallery init`: a new association's repository, complete, pinned, valid, and nothing of
this one. (Building it from an installed wheel with both engines: tests/site/test_new_association.py.)"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from mentor_gallery import __version__
from mentor_gallery.cli import build_parser, main
from mentor_gallery.committee.new_site import NewSite, requirement, site_files
from mentor_gallery.content.loader import load_roster
from mentor_gallery.settings import read_settings
from test_workflows import CHECK_JSONSCHEMA, actionlint, commands, load, scripts, steps


def init(tmp_path: Path, *args: str, name: str = "Lakeshore Nurses Association") -> tuple[int, Path]:
    folder = tmp_path / "site"
    return main(["init", str(folder), "--name", name, *args]), folder


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    status, folder = init(tmp_path_factory.mktemp("init"))
    assert status == 0
    return folder


def test_version_prints_the_packages(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["--version"])
    assert exit.value.code == 0 and capsys.readouterr().out.strip() == f"mentor-gallery {__version__}"


def test_the_repository_holds_what_an_association_needs_and_nothing_of_the_tool(written):
    files = sorted(p.relative_to(written).as_posix() for p in written.rglob("*") if p.is_file())
    assert files == [".github/dependabot.yml", ".github/workflows/check.yml", ".github/workflows/deploy.yml",
                     ".github/workflows/stale.yml", ".gitignore", "README.md", "content/forms/mentee-application.yml",
                     "content/forms/mentor-application.yml", "content/forms/mentoring-log.yml", "content/mentors/sample-mentor.md",
                     "content/programs/mentoring.md", "content/taxonomy.yml", "docs/index.md", "mkdocs.yml",
                     "requirements.txt", "site-templates/README.md"]


def test_every_placeholder_is_filled_in(written):
    for path in written.rglob("*"):
        if path.is_file():
            assert not re.search(r"__[A-Z_]+__", path.read_text(encoding="utf-8")), path


def test_the_content_passes_check_with_one_marked_sample(written):
    result = load_roster(written / "content")
    assert not result.problems, result.problems
    [mentor] = result.roster.mentors
    assert "sample" in mentor.title.lower() and "sample" in (written / "content/mentors/sample-mentor.md").read_text().lower()
    assert len(result.roster.programs) == 1 and {f.slug for f in result.roster.forms} == {
        "mentee-application", "mentor-application", "mentoring-log"}


def test_mkdocs_yml_is_named_for_the_association_and_its_settings_are_valid(written):
    settings = read_settings(written / "mkdocs.yml")
    assert not settings.problems
    assert settings.site_name == "Lakeshore Nurses Association: Mentoring"
    text = (written / "mkdocs.yml").read_text(encoding="utf-8")
    # The request handler and the footer are there to fill in, as comments.
    assert "# request_form:" in text and "# copyright:" in text
    assert "Riverlands" not in text


@pytest.mark.parametrize("name", ['Nurses: "Care" & Co #1', "Ассоциация медсестёр", "O'Brien & Sons' Guild"])
def test_any_name_makes_valid_files(tmp_path, name):
    status, folder = init(tmp_path, name=name)
    assert status == 0
    assert read_settings(folder / "mkdocs.yml").site_name == f"{name}: Mentoring"
    assert not load_roster(folder / "content").problems


def test_the_pin_is_this_version_in_requirements_and_every_workflow_installs_from_it(written):
    lines = [line for line in (written / "requirements.txt").read_text().splitlines() if line and not line.startswith("#")]
    assert lines == [f"mentor-gallery[site,zensical]=={__version__}"]
    for workflow in sorted((written / ".github/workflows").glob("*.yml")):
        installs = [" ".join(args) for script in scripts(load(workflow)) for args in commands(script, "pip")]
        assert installs == ["install -r requirements.txt"], workflow.name


def test_a_version_not_on_the_index_is_pinned_to_its_git_tag(tmp_path):
    status, folder = init(tmp_path, "--from-git", "https://github.com/example/mentor-gallery")
    assert status == 0
    assert f"mentor-gallery[site,zensical] @ git+https://github.com/example/mentor-gallery@v{__version__}" in (
        folder / "requirements.txt").read_text()
    assert requirement("1.2.0", "https://git.example.org/mg/") == "mentor-gallery[site,zensical] @ git+https://git.example.org/mg@v1.2.0"


@pytest.mark.parametrize("args, message", [
    (["--name", "  "], "--name is empty"),
    (["--name", "Two\nlines"], "one line"),
    (["--name", "X", "--from-git", "git@github.com:o/r"], "https address"),
])
def test_a_bad_option_writes_nothing(tmp_path, capsys, args, message):
    assert main(["init", str(tmp_path / "new"), *args]) == 1
    assert message in capsys.readouterr().err and not (tmp_path / "new").exists()


def test_a_folder_that_is_not_empty_is_refused_and_left_alone(tmp_path, capsys):
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    assert main(["init", str(folder), "--name", "X"]) == 1
    assert "not empty" in capsys.readouterr().err and [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_an_empty_folder_is_fine(tmp_path):
    (tmp_path / "site").mkdir()
    assert init(tmp_path)[0] == 0


def test_workflows_and_dependabot_are_valid_for_github(written):
    workflows = sorted((written / ".github/workflows").glob("*.yml"))
    result = subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-workflows", *map(str, workflows)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    result = subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.dependabot", str(written / ".github/dependabot.yml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    ecosystems = {u["package-ecosystem"] for u in yaml.safe_load((written / ".github/dependabot.yml").read_text())["updates"]}
    assert "pip" in ecosystems
    result = actionlint(*workflows)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_every_command_a_workflow_runs_exists(written):
    from mkdocs.__main__ import cli as mkdocs_cli

    parser = build_parser()
    for workflow in sorted((written / ".github/workflows").glob("*.yml")):
        data = load(workflow)
        for script in scripts(data):
            assert subprocess.run(["bash", "-n"], input=script, capture_output=True, text=True).returncode == 0
            for args in commands(script, "mentor-gallery"):
                assert parser.parse_args(args).command == args[0]
            for args in commands(script, "mkdocs"):
                assert args[0] in mkdocs_cli.commands
        for step in steps(data):
            assert "uses" not in step or re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]


def test_the_scaffold_lists_every_packaged_stylesheet_and_script_for_zensical(written):
    from mentor_gallery import packaged

    config = yaml.load((written / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert config["extra_css"] + config["extra_javascript"] == packaged.asset_names(None)
    assert config["extra_css"][-1].endswith("print.css")


def test_the_sample_is_dated_the_day_it_was_written():
    files = site_files(NewSite("A", requirement(), dt.date(2031, 2, 3)))
    assert "updated: 2031-02-03" in files["content/mentors/sample-mentor.md"]
