"""`make build ENGINE=zensical` is staged as the MkDocs build is: Zensical builds into a folder
beside site/, the result is checked, and only a checked build replaces site/."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from engines import MENTOR_GALLERY, ZENSICAL, build_zensical
from support import Build


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The example's project, built once by `make build ENGINE=zensical`'s steps."""
    build = build_zensical(tmp_path_factory.mktemp("zensical") / "project")
    assert build.returncode == 0, build.output
    return build.site.parent


def project_copy(built: Path, tmp_path: Path) -> tuple[Path, Build]:
    """A test's own copy of the built project, to change as it likes."""
    project = tmp_path / "project"
    shutil.copytree(built, project, symlinks=True)
    return project, Build(0, "", project / "site")


def test_a_build_that_fails_the_check_leaves_the_published_site_as_it_was(built, tmp_path):
    project, build = project_copy(built, tmp_path)
    before = {p.relative_to(build.site): p.read_bytes() for p in build.site.rglob("*") if p.is_file()}
    # A generated page the engine will not find (as when it skips one): the check must refuse the build.
    page = next((project / "docs" / "mentors").glob("*/index.md"))
    page.unlink()
    result = subprocess.run([str(MENTOR_GALLERY), "pages", "--build-with", str(ZENSICAL), "build", "--strict"],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert "missing; the engine did not publish this generated file" in result.stderr
    assert "site/ is left as it was" in result.stderr
    assert {p.relative_to(build.site): p.read_bytes() for p in build.site.rglob("*") if p.is_file()} == before
    assert not [p.name for p in project.iterdir() if p.name.startswith((".site.", ".mentor-gallery-build"))]


def test_verify_fails_on_an_internal_link_to_a_page_the_site_does_not_publish(built, tmp_path):
    project, build = project_copy(built, tmp_path)
    verify = [str(MENTOR_GALLERY), "pages", "--verify"]
    clean = subprocess.run(verify, cwd=project, capture_output=True, text=True)
    assert clean.returncode == 0, clean.stderr
    # A link broken in a built page, and a page planted with a link to a page that is not there.
    home = build.site / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace("</body>", '<a href="mentors/nobody/">x</a></body>', 1), encoding="utf-8")
    (build.site / "planted").mkdir()
    (build.site / "planted" / "index.html").write_text('<a href="../programs/">ok</a> <a href="../gone/page/">gone</a>', encoding="utf-8")
    result = subprocess.run(verify, cwd=project, capture_output=True, text=True)
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert "site/index.html: links to mentors/nobody/, which the site does not publish" in lines, result.stderr
    assert "site/planted/index.html: links to ../gone/page/, which the site does not publish" in lines, result.stderr
    assert not [line for line in lines if "../programs/" in line], result.stderr
    assert "2 broken link(s)" in result.stderr
