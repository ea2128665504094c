"""The build's own defences: never a partial site, a last privacy gate, no take-over, no stall."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from html_tree import parse
from support import MKDOCS, PROJECT, build_site, make_roster, profile, write, write_config

PRIVATE = "{email: ana.private@example.org, phone: '555-010-2000'}"


def previous_site(tmp_path):
    """A site folder as the last good build left it."""
    site = tmp_path / "site"
    write(site / "index.html", "<p>the last good site</p>")
    return site


def no_staging_left(tmp_path) -> bool:
    return not [p for p in tmp_path.iterdir() if ".building-" in p.name or ".old-" in p.name]


def test_a_private_contact_in_any_written_file_fails_the_build_and_publishes_nothing(tmp_path):
    # A hand-written docs page is trusted, but the last gate still stops a contact it repeats.
    docs = tmp_path / "docs"
    shutil.copytree(PROJECT / "docs", docs)
    write(docs / "guide" / "coordinators.md", "# Coordinators\n\nAna is at ana.private&#64;example.org.\n")
    content = make_roster(tmp_path / "content", {"ana": profile(contact=PRIVATE)})
    site = previous_site(tmp_path)
    build = build_site(tmp_path, content, docs_dir=docs)
    assert build.returncode != 0
    assert "guide/coordinators/index.html holds the private contact email of" in build.output
    assert "nothing was published" in build.output
    assert "ana.private" not in build.output, "the log must not repeat the contact"
    assert "Traceback" not in build.output
    assert (site / "index.html").read_text() == "<p>the last good site</p>"
    assert no_staging_left(tmp_path)


def test_a_crash_in_the_middle_of_a_build_leaves_the_site_as_it_was(tmp_path):
    content = make_roster(tmp_path / "content", {"ana": profile(), "bo": profile("Bo Lee")})
    site = previous_site(tmp_path)
    (tmp_path / "inner").mkdir()
    inner = write_config(tmp_path / "inner", content)
    write(tmp_path / "crash.py", """
        def on_post_page(output, page, config):
            if page.file.src_uri == "mentors/bo.md":
                raise RuntimeError("the disk is full")
            return output
    """)
    outer = write(tmp_path / "mkdocs.yml", f"INHERIT: {inner}\nsite_dir: {site}\nhooks: [{tmp_path / 'crash.py'}]\n")
    result = subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(outer)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode != 0
    assert "the disk is full" in result.stderr
    assert (site / "index.html").read_text() == "<p>the last good site</p>"
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert no_staging_left(tmp_path)


def test_a_good_build_replaces_the_whole_site(tmp_path):
    content = make_roster(tmp_path / "content", {"ana": profile()})
    site = previous_site(tmp_path)
    write(site / "stale" / "index.html", "old")
    build = build_site(tmp_path, content)
    assert build.returncode == 0, build.output
    assert (site / "mentors" / "ana" / "index.html").is_file()
    assert not (site / "stale").exists()
    assert no_staging_left(tmp_path)


def test_a_docs_page_at_a_generated_address_is_an_error_naming_both_files(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(PROJECT / "docs", docs)
    write(docs / "mentors" / "ana" / "index.md", "# My page\n")
    content = make_roster(tmp_path / "content", {"ana": profile()})
    build = build_site(tmp_path, content, docs_dir=docs)
    assert build.returncode != 0
    assert re.search(r"docs/mentors/ana/index\.md and \S*content/mentors/ana\.md both make mentors/ana/", build.output), build.output


@pytest.mark.timeout(120)
def test_a_pathological_statement_builds(tmp_path):
    content = make_roster(tmp_path / "content", {"ana": profile() + "[" * 9_900 + "\n\n" + "*a " * 3_000 + "\n"})
    build = build_site(tmp_path, content)
    assert build.returncode == 0, build.output
    assert "[[[[" in (build.site / "mentors" / "ana" / "index.html").read_text()


def test_an_area_page_does_not_list_every_other_area(tmp_path):
    taxonomy = "expertise:\n" + "".join(f"  - Area {i}\n" for i in range(150)) + "regions: [Western]\n"
    content = make_roster(tmp_path / "content", {"ana": profile(expertise="[Area 1]")}, taxonomy=taxonomy)
    build = build_site(tmp_path, content)
    assert build.returncode == 0, build.output
    links = parse((build.site / "mentors" / "expertise" / "area-7" / "index.html").read_text()).hrefs()
    assert not [href for href in links if re.search(r"expertise/area-\d+/$", href)]
    assert any(href.endswith("mentors/#mg-browse") for href in links), links  # the way to every area instead


def test_the_plugin_reads_request_form_through_inherit_and_env(tmp_path):
    # The handler lives in an inherited file and its address in the environment: both are MkDocs'
    # own ways of writing mkdocs.yml, and the request control must honour them.
    content = make_roster(tmp_path / "content", {"ana": profile()})
    (tmp_path / "base").mkdir()
    base = write_config(tmp_path / "base", content, plugin={"request_form": {"url": "https://forms.example.org/x", "fields": {"mentor": "m"}}})
    text = base.read_text(encoding="utf-8")
    assert "url: https://forms.example.org/x" in text
    base.write_text(text.replace("url: https://forms.example.org/x", 'url: !ENV [FORM_URL, "https://forms.example.org/x"]'), encoding="utf-8")
    child = write(tmp_path / "mkdocs.yml", f"INHERIT: {base}\nsite_dir: {tmp_path / 'site'}\n")
    result = subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(child)], capture_output=True, text=True, cwd=tmp_path,
                            env={**os.environ, "FORM_URL": "https://env.example.org/request"})
    assert result.returncode == 0, result.stderr
    profile_page = (tmp_path / "site" / "mentors" / "ana" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://env.example.org/request?m=ana"' in profile_page
