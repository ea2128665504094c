"""The quick paths that keep `check` and the build linear at 10,000 mentors give exactly what the
plain computations give: YAML values and tags, digit counts, control characters, display paths,
and the similar mentors a profile suggests."""

from __future__ import annotations

import os
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from mentor_gallery.content import rules
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.source import parse_yaml
from mentor_gallery.problems import display_path
from mentor_gallery.settings import SiteSettings
from mentor_gallery.site.pages import SimilarMentors

PROJECT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT))

from benchmarks.synthetic import write_roster  # noqa: E402

VARIED_YAML = """\
name: Ana
quoted: "yes"
single: 'No'
flag: yes
switch: Off
count: 012
hex: 0x1F
float: 1.5e3
when: 2024-02-03
stamp: 2024-02-03 10:00:00
nothing: ~
empty:
tilde: "~"
list: [true, "true", 3, "3", null, .inf, -.5, on]
nested: {a: NO, b: 'n', c: Y}
again: yes
"""


def test_yaml_values_are_what_the_safe_loader_makes_of_them():
    # Twice: the second reading takes every tag from the cache the first one filled.
    for _ in range(2):
        assert parse_yaml(VARIED_YAML).data == yaml.safe_load(VARIED_YAML)


def test_every_control_and_direction_character_is_refused_and_nothing_else():
    refused = {chr(code) for code in range(0x3000) if rules.text_problem("title", f"a{chr(code)}b")}
    expected = {chr(code) for code in range(0x3000) if unicodedata.category(chr(code)) == "Cc"} | set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert refused == expected
    assert rules.text_problem("title", "a\u2067b") == "title contains the invisible control character U+2067; delete it and retype the text"


def test_display_paths_are_relative_to_the_current_folder_where_possible(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "content" / "mentors" / "a.md") == os.path.join("content", "mentors", "a.md")
    assert display_path(Path("content/x.md")) == os.path.join("content", "x.md")
    assert display_path(tmp_path) == "."
    outside = tmp_path.parent / (tmp_path.name + "-sibling") / "a.md"  # shares the folder's name as a prefix
    assert display_path(outside) == str(outside)


def _pool_by_scoring_everyone(similar: SimilarMentors, mentor) -> list:
    """The pool as defined: every available mentor sharing an area, most shared first, then by slug."""
    mine = {t.slug for t in mentor.expertise}
    shared = [(len(similar.areas[slug] & mine), slug) for slug in similar.areas if similar.areas[slug] & mine]
    by_slug = {c.slug: c for candidates in similar.by_area.values() for c in candidates}
    return [by_slug[slug] for _, slug in sorted(shared, key=lambda pair: (-pair[0], pair[1]))[: similar.POOL]]


@pytest.mark.parametrize("size", [60, 400])
def test_similar_mentors_come_from_the_pool_that_scoring_everyone_would_choose(tmp_path, size):
    write_roster(tmp_path / "content", size, seed=size)
    roster = load_roster(tmp_path / "content").roster
    similar = SimilarMentors(roster, SiteSettings())
    unavailable = [m for m in roster.mentors if not m.available]
    assert unavailable
    for mentor in unavailable:
        assert [c.slug for c in similar.pool(mentor)] == [c.slug for c in _pool_by_scoring_everyone(similar, mentor)]
    if size >= 400:  # the cut was reached
        assert any(len(similar.pool(m)) == similar.POOL for m in unavailable)
