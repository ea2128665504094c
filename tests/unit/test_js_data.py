"""The Python half of the browser scripts' Node tests (tests/js/): the fixtures they read hold what
the Python writes and computes, so the two sides are held to one set of cases.

gallery-cards.json is published only above a thousand mentors; here the window is opened at zero so
the golden roster's file is written the published way, and kept beside the other golden outputs.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from mentor_gallery import routes
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.slugs import EXTRA_FOLDS, fold, slugify
from mentor_gallery.settings import SiteSettings
from mentor_gallery.site import gallery_data
from mentor_gallery.site.pages import data_files, site_pages
from mentor_gallery.site.render import FragmentRenderer
from support import PROJECT

TESTS = Path(__file__).resolve().parents[1]
GOLDEN = TESTS / "golden"
FOLDING = json.loads((TESTS / "fixtures" / "folding_cases.json").read_text(encoding="utf-8"))


def test_the_folding_fixture_is_what_python_folds():
    assert FOLDING["extra_folds"] == EXTRA_FOLDS
    for case in FOLDING["cases"]:
        assert (fold(case["text"]), slugify(case["text"])) == (case["fold"], case["slug"]), case["text"]


def test_gallery_cards_golden_is_what_a_windowed_gallery_publishes(monkeypatch):
    monkeypatch.setattr(gallery_data, "WINDOW_ABOVE", 0)
    result = load_roster(GOLDEN / "content")
    assert result.ok, result.problems
    files = data_files(result.roster, SiteSettings(site_name="Golden Association"))
    # Keys in the published order: a column may name an earlier one ("same"), and the data-
    # attributes are drawn in the order they come.
    made = json.dumps(json.loads(files[routes.GALLERY_CARDS]), ensure_ascii=False, indent=1) + "\n"
    expected = GOLDEN / "expected" / "gallery-cards.json"
    if os.environ.get("REFRESH_GOLDEN") == "1":
        expected.write_text(made, encoding="utf-8")
    assert expected.is_file(), f"{expected} is missing; run `make golden` and review the new file"
    assert made == expected.read_text(encoding="utf-8"), "gallery-cards.json changed; if intended, run `make golden` and review the diff"


def test_card_template_golden_is_what_a_windowed_gallery_page_carries(monkeypatch):
    # tests/js/cards.test.js clones this model as the page's script does, and compares each card
    # it draws with the server's card in the golden gallery page (root "../", heading h3 there).
    monkeypatch.setattr(gallery_data, "WINDOW_ABOVE", 0)
    result = load_roster(GOLDEN / "content")
    assert result.ok, result.problems
    renderer = FragmentRenderer(PROJECT / "site-templates" / "mentor-gallery", "Golden Association")
    gallery = next(spec for spec in site_pages(result.roster, SiteSettings(site_name="Golden Association")) if spec.url == routes.GALLERY)
    page = renderer.render(gallery, gallery.body_html)
    found = re.search(r"<template data-card-template>.*?</template>", page)
    assert found, "a windowed gallery page carries no card template"
    made = found.group(0) + "\n"
    assert made == str(renderer.card_template("../", "h3")) + "\n"
    expected = GOLDEN / "expected" / "card-template.html"
    if os.environ.get("REFRESH_GOLDEN") == "1":
        expected.write_text(made, encoding="utf-8")
    assert expected.is_file(), f"{expected} is missing; run `make golden` and review the new file"
    assert made == expected.read_text(encoding="utf-8"), "card-template.html changed; if intended, run `make golden` and review the diff"
