"""Rebuilds under serve and --watch: the build core reuses what a save did not change (each
profile's load, each page's HTML, each card), and the result is exactly a cold build's."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from mentor_gallery import routes
from mentor_gallery.settings import SiteSettings
from mentor_gallery.site.build import BuildCore, SiteBuild
from mentor_gallery.site.render import FragmentRenderer
from support import EXAMPLE_CONTENT, PROJECT

TEMPLATES = PROJECT / "site-templates" / "mentor-gallery"


def save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 2_000_000_000))


def output(site: SiteBuild) -> tuple:
    return ([str(p) for p in site.problems], {p.spec.src_uri: p.html for p in site.pages}, site.data, site.photos, site.home)


def cold(content: Path, templates: Path = TEMPLATES) -> SiteBuild:
    return BuildCore().build(content, SiteSettings(), FragmentRenderer(templates))


def test_a_saved_profile_redraws_its_pages_only_and_the_site_is_a_cold_builds(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    core, renderer = BuildCore(), FragmentRenderer(TEMPLATES)
    first = core.build(content, SiteSettings(), renderer)
    assert first.ok and core.drawn.hits == 0
    pages = len(first.pages)

    amara = content / "mentors" / "amara-diallo.md"
    text = amara.read_text(encoding="utf-8")
    save(amara, text.replace("\n---\n", "\n---\nA sentence added by the test.\n\n", 1))
    again = core.build(content, SiteSettings(), renderer)
    assert output(again) == output(cold(content))
    profile_page = next(p for p in again.pages if p.spec.url == routes.profile("amara-diallo"))
    assert "A sentence added by the test." in profile_page.html
    # The profile itself, and the lists whose card shows the statement's first sentence.
    assert pages - 12 <= core.drawn.hits < pages

    # A saved title changes the card: every list it is on is drawn again, and nothing else.
    save(amara, amara.read_text(encoding="utf-8").replace("Deputy City Manager", "Assistant City Manager"))
    again = core.build(content, SiteSettings(), renderer)
    assert output(again) == output(cold(content))
    changed = {p.spec.src_uri for p in again.pages} - {p.spec.src_uri for p in first.pages}
    assert not changed
    assert core.drawn.hits < pages - 1

    # A new profile and a removed one.
    save(content / "mentors" / "zed-new.md", text.replace("Amara Diallo", "Zed New").replace("amara.diallo@", "zed.new@").replace("555-0121", "555-0999"))
    (content / "mentors" / "grace-liang.md").unlink()
    again = core.build(content, SiteSettings(), renderer)
    assert again.ok and output(again) == output(cold(content))
    assert routes.profile("zed-new") in {p.spec.url for p in again.pages}


def test_a_template_edit_redraws_every_page(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    core, renderer = BuildCore(), FragmentRenderer(templates)
    core.build(content, SiteSettings(), renderer)
    card = templates / "_card.html"
    save(card, card.read_text(encoding="utf-8").replace("<li class=\"mg-card", "<li data-test-edit class=\"mg-card", 1))
    again = core.build(content, SiteSettings(), renderer)
    assert core.drawn.hits == 0
    assert output(again) == output(cold(content, templates))
    assert any("data-test-edit" in p.html for p in again.pages)


def test_a_view_kept_per_mentor_follows_the_object_not_its_equal(tmp_path):
    import dataclasses
    import gc

    from mentor_gallery.content.loader import load_roster
    from mentor_gallery.site.per_mentor import PerMentor

    calls = []
    titles = PerMentor(lambda mentor: calls.append(mentor.slug) or mentor.title)
    mentor = load_roster(EXAMPLE_CONTENT).roster.mentors[0]
    assert titles(mentor) == titles(mentor) == mentor.title and len(calls) == 1
    edited = dataclasses.replace(mentor, title="Edited")  # a saved profile: a new object
    assert titles(edited) == "Edited" and len(calls) == 2
    del mentor, edited
    gc.collect()
    assert not titles._kept  # nothing outlives its mentor
