"""The Zensical path is as safe as MkDocs': front matter that every YAML reader reads alike, and
a build that replaces site/ only once it is checked."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from engines import zensical_project
from mentor_gallery.site.staged_build import ENGINE_CONFIG
from support import make_roster, profile, run_cli

# Plain scalars that YAML 1.1 and YAML 1.2 readers read differently (or as no text at all).
AMBIGUOUS = ["0o25130052", "0x1F", "1e3", "Yes", "no", "null", "~", "12:30", "2024-01-02", ".inf", "0b101"]


@pytest.mark.parametrize("name", AMBIGUOUS)
def test_every_reader_reads_the_written_title_as_the_name(tmp_path, capsys, name):
    ruamel = pytest.importorskip("ruamel.yaml")
    content = make_roster(tmp_path / "content", {"ana": profile(name)})
    config = zensical_project(tmp_path / "project", content)
    assert run_cli(capsys, "pages", "--config", config)[0] == 0
    text = (tmp_path / "project/docs/mentors/ana/index.md").read_text(encoding="utf-8")
    head = text.split("---\n", 2)[1]
    assert yaml.safe_load(head)["title"] == name  # YAML 1.1, as MkDocs reads it
    assert ruamel.YAML(typ="safe", pure=True).load(head)["title"] == name  # YAML 1.2
    assert f'"title": "{name}"' in head


def fake_engine(tmp_path: Path, code: int, files: dict[str, str]) -> list[str]:
    """An engine's build command: writes `files` into the site_dir of the -f configuration."""
    script = tmp_path / "engine.py"
    script.write_text(
        "import sys, yaml, pathlib\n"
        "config = yaml.safe_load(open(sys.argv[sys.argv.index('-f') + 1]))\n"
        "site = pathlib.Path(config['site_dir'])\n"
        f"for name, text in {files!r}.items():\n"
        "    (site / name).parent.mkdir(parents=True, exist_ok=True); (site / name).write_text(text)\n"
        f"sys.exit({code})\n", encoding="utf-8")
    return [sys.executable, str(script), "build"]


@pytest.mark.parametrize("code, files", [(3, {"index.html": "half"}), (0, {"index.html": "no generated pages"})])
def test_a_failed_build_or_check_leaves_site_as_it_was(tmp_path, capsys, code, files):
    content = make_roster(tmp_path / "content", {"ana": profile()})
    config = zensical_project(tmp_path / "project", content)
    assert run_cli(capsys, "pages", "--config", config)[0] == 0
    site = tmp_path / "project/site"
    (site / "mentors").mkdir(parents=True)
    (site / "index.html").write_text("the last good site")
    result, _, err = run_cli(capsys, "pages", "--config", config, "--build-with", *fake_engine(tmp_path, code, files))
    assert result == (code or 1)
    assert "site/ is left as it was" in err
    assert (site / "index.html").read_text() == "the last good site"
    # No staging left behind; beside mkdocs.yml only what `pages` writes for the engine.
    assert sorted(p.name for p in (tmp_path / "project").iterdir()) == [ENGINE_CONFIG, "docs", "mkdocs.yml", "site"]
