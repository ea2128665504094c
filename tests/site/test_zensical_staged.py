"""`make build ENGINE=zensical` is staged as the MkDocs build is: Zensical builds into a folder
beside site/, the result is checked, and only a checked build replaces site/."""

from __future__ import annotations

import subprocess

from engines import MENTOR_GALLERY, ZENSICAL, build_zensical


def test_a_build_that_fails_the_check_leaves_the_published_site_as_it_was(tmp_path):
    build = build_zensical(tmp_path / "project")
    assert build.returncode == 0, build.output
    project = tmp_path / "project"
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
