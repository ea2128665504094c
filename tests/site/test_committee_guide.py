"""The committee's guide ships with the package and appears on a new association's site under
"For the committee", in the order of this repository's navigation; `committee_guide: false`
leaves it out."""

from __future__ import annotations

import os
import re
import subprocess

import pytest

from mentor_gallery import packaged
from mentor_gallery.cli import main
from support import MKDOCS, PROJECT


def _new_site(tmp_path, guide: bool | None = None):
    folder = tmp_path / "site-repo"
    assert main(["init", str(folder), "--name", "Lakeshore Nurses Association"]) == 0
    if guide is not None:
        config = folder / "mkdocs.yml"
        config.write_text(config.read_text().replace("      content_dir: content\n",
                                                     f"      content_dir: content\n      committee_guide: {str(guide).lower()}\n"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=folder, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site"


def test_the_guide_is_on_a_new_site_under_for_the_committee(tmp_path):
    site = _new_site(tmp_path)
    pages = {p.parent.name for p in (site / "guide").rglob("index.html")}
    assert pages == {p.stem if p.stem != "index" else "guide" for p in (PROJECT / "docs" / "guide").glob("*.md")}
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="md-tabs__link"[^>]*>\s*For the committee', home)
    assert "Start your own association" in (site / "guide" / "start-your-own" / "index.html").read_text(encoding="utf-8")


def test_committee_guide_false_leaves_it_out(tmp_path):
    site = _new_site(tmp_path, guide=False)
    assert not (site / "guide").exists()
    assert "For the committee" not in (site / "index.html").read_text(encoding="utf-8")


def test_the_guides_navigation_is_this_repositorys():
    nav = packaged.guide_nav()
    listed = set(re.findall(r"guide/[a-z-]+\.md", str(nav)))
    assert listed == {f"guide/{p.name}" for p in (PROJECT / "docs" / "guide").glob("*.md")}
    with pytest.raises(LookupError):
        packaged.section([{"Home": "index.md"}], packaged.GUIDE_SECTION)
