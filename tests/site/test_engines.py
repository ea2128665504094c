"""One mkdocs.yml, two engines: the example site built by MkDocs with the plugin and by Zensical
after `mentor-gallery pages` publishes the same addresses with the same gallery, profiles,
programs and forms, and the same data files and photos byte for byte."""

from __future__ import annotations

import difflib
import json
import re
import subprocess
from pathlib import Path

import pytest

from engines import main_article, page_title
from mentor_gallery.site.docs_writer import MANIFEST, Manifest, read_manifest
from support import MKDOCS

GENERATED_FOLDERS = ("mentors", "programs", "forms")


@pytest.fixture(scope="module")
def manifest(zensical_site) -> Manifest:
    found, problem = read_manifest(zensical_site.project / "docs")
    assert problem is None and found is not None
    return found


def built_pages(site: Path) -> set[str]:
    """The URLs of every page a site has under the gallery's folders."""
    return {f"{p.parent.relative_to(site).as_posix()}/" for folder in GENERATED_FOLDERS for p in (site / folder).rglob("index.html")}


def test_both_engines_publish_every_generated_address_and_no_other(example_site, zensical_site, manifest):
    expected = set(manifest.urls)
    assert len(expected) > 40
    assert built_pages(example_site.site) == expected
    assert built_pages(zensical_site.site) == expected


def test_every_generated_page_shows_the_same_article_on_both_engines(example_site, zensical_site, manifest):
    different = []
    for url in manifest.urls:
        ours = main_article((example_site.site / url / "index.html").read_text(encoding="utf-8"))
        theirs = main_article((zensical_site.site / url / "index.html").read_text(encoding="utf-8"))
        assert "mg-" in ours, f"{url}: no gallery markup found in the article"
        if ours != theirs:
            different.append(url)
            if len(different) == 1:
                diff = "\n".join(difflib.unified_diff(re.split(r"(?=<)", ours), re.split(r"(?=<)", theirs), "mkdocs", "zensical", n=2, lineterm=""))
                first = f"{url}:\n{diff[:3000]}"
    assert not different, f"{len(different)} page(s) differ, e.g. {first}"


def test_titles_are_the_same_and_escaped_once(example_site, zensical_site, manifest):
    for url in manifest.urls:
        ours = page_title((example_site.site / url / "index.html").read_text(encoding="utf-8"))
        theirs = page_title((zensical_site.site / url / "index.html").read_text(encoding="utf-8"))
        assert ours == theirs, url
        assert "&amp;#" not in theirs and "&amp;amp;" not in theirs and "<" not in theirs, url


def test_data_files_and_photos_are_byte_for_byte_the_same(example_site, zensical_site, manifest):
    others = [name for name in manifest.files if not name.endswith(".md")]
    assert any(name.endswith("search-index.json") for name in others) and any("/photo." in name for name in others)
    for name in others:
        assert (zensical_site.site / name).read_bytes() == (example_site.site / name).read_bytes(), name


def test_the_site_search_indexes_the_same_generated_pages(example_site, zensical_site, manifest):
    """Pages marked `search: exclude` (the gallery, the area pages) are left out by both engines."""
    generated = set(manifest.urls)

    def pages(locations: list[str]) -> set[str]:
        return {location.split("#", 1)[0] for location in locations} & generated

    mkdocs = json.loads((example_site.site / "search/search_index.json").read_text(encoding="utf-8"))
    zensical = json.loads((zensical_site.site / "search.json").read_text(encoding="utf-8"))
    ours, theirs = pages([d["location"] for d in mkdocs["docs"]]), pages([d["location"] for d in zensical["items"]])
    assert "mentors/" not in ours and any(url.startswith("programs/") for url in ours)
    assert ours == theirs


def test_mkdocs_builds_beside_the_written_pages_without_a_clash(zensical_site, tmp_path):
    """The plugin leaves out what the manifest lists and makes the same pages itself; without
    the manifest the same docs folder is two sources for every address."""
    config = zensical_site.project / "mkdocs.yml"
    build = subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(config), "-d", str(tmp_path / "site")],
                           capture_output=True, text=True, cwd=zensical_site.project)
    assert build.returncode == 0, build.stdout + build.stderr
    url = next(u for u in json.loads((zensical_site.project / "docs" / MANIFEST).read_text())["urls"] if u.startswith("forms/") and u != "forms/")
    assert main_article((tmp_path / "site" / url / "index.html").read_text(encoding="utf-8")) == \
        main_article((zensical_site.site / url / "index.html").read_text(encoding="utf-8"))
    manifest_file = zensical_site.project / "docs" / MANIFEST
    saved = manifest_file.read_bytes()
    manifest_file.unlink()
    try:
        clash = subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(config), "-d", str(tmp_path / "clash")],
                               capture_output=True, text=True, cwd=zensical_site.project)
    finally:
        manifest_file.write_bytes(saved)
    assert clash.returncode != 0 and "address clash" in clash.stdout + clash.stderr
