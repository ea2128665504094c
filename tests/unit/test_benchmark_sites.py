"""The benchmark builds the site that ships: the project's mkdocs.yml with only the roster swapped,
against plain Material with the same theme, nav and hand-written pages."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from support import PROJECT, shipped_config

sys.path.insert(0, str(PROJECT))

from benchmarks.sites import write_baseline, write_ours  # noqa: E402
from benchmarks.synthetic import write_roster  # noqa: E402

PLUGIN = "mentor-gallery"


def plugin_options(config: dict) -> dict | None:
    return next((entry[PLUGIN] for entry in config["plugins"] if isinstance(entry, dict) and PLUGIN in entry), None)


def hand_written(docs: Path) -> dict[str, str]:
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")
            if not p.relative_to(docs).as_posix().startswith(("mentors/", "programs/", "forms/"))}


def test_ours_is_the_shipped_configuration_with_the_roster_swapped(tmp_path):
    content = tmp_path / "content"
    write_roster(content, 3, seed=1)
    config = yaml.safe_load(write_ours(tmp_path / "ours", content, "http://127.0.0.1:1/x/").read_text(encoding="utf-8"))
    shipped = shipped_config()
    for key in ("features", "palette", "font", "name", "language"):
        assert config["theme"][key] == shipped["theme"][key], key
    assert Path(config["theme"]["custom_dir"]) == PROJECT / "site-templates"
    for key in ("nav", "extra_css", "extra_javascript", "markdown_extensions", "not_in_nav", "site_name"):
        assert config[key] == shipped[key], key
    assert plugin_options(config) == {**plugin_options(shipped), "content_dir": str(content)}
    assert "search" in config["plugins"]
    assert config["site_url"] == "http://127.0.0.1:1/x/" and "repo_url" not in config
    assert hand_written(tmp_path / "ours" / "docs") == hand_written(PROJECT / "docs")


def test_the_baseline_is_plain_material_with_the_same_theme_nav_and_pages(tmp_path):
    roster = write_roster(tmp_path / "content", 3, seed=1)
    config = yaml.safe_load(write_baseline(tmp_path / "plain", roster.profiles).read_text(encoding="utf-8"))
    shipped = shipped_config()
    assert config["theme"]["features"] == shipped["theme"]["features"]
    assert config["theme"]["palette"] == shipped["theme"]["palette"]
    assert "custom_dir" not in config["theme"] and "extra_javascript" not in config
    assert config["plugins"] == ["search"] and config["nav"] == shipped["nav"]
    docs = tmp_path / "plain" / "docs"
    ours, theirs = hand_written(docs), hand_written(PROJECT / "docs")
    assert set(ours) == set(theirs)
    assert all(ours[name] == theirs[name] for name in ours if name != "index.md")
    assert "template:" not in ours["index.md"]  # our theme's home layout; the text is the same
    for profile in roster.profiles:
        assert (docs / "mentors" / f"{profile.slug}.md").is_file()
    # The pages the nav links to exist, so a strict build resolves every link.
    assert all((docs / page).is_file() for page in ("mentors/index.md", "programs/index.md", "forms/index.md"))
