"""The parsed-HTML helper the site and browser tests assert with (tests/html_tree.py)."""

from __future__ import annotations

import pytest

from html_tree import parse

PAGE = """<!doctype html><html><head><script>var x = "<a href='mentors/'>";</script></head><body>
<nav class="md-nav md-nav--primary"><ul><li><a class="md-nav__link" href="mentors/">Mentors
  Gallery</a><li><a href="programs/">Programs</a></ul></nav>
<article><h1>Ana &amp; <em>Díaz</em></h1><img src="a.png" alt=""><p data-mentor-count="2">Two <br>mentors</p></span></article>
</body></html>"""


def test_links_and_text_are_read_from_the_elements_only():
    page = parse(PAGE)
    nav = page.find("nav", class_="md-nav--primary")
    assert nav.hrefs() == ["mentors/", "programs/"]  # not the one in the script's text
    assert page.find("a", class_="md-nav__link").text == "Mentors Gallery"
    assert page.find("h1").text == "Ana & Díaz"
    assert page.find("p", data_mentor_count="2").text == "Two mentors"


def test_void_and_stray_tags_keep_the_tree_in_shape():
    article = parse(PAGE).find("article")
    assert [child.tag for child in article.children] == ["h1", "img", "p"]
    assert len(parse(PAGE).find_all("li")) == 2  # an unclosed <li> is closed by its list's end tag


def test_find_wants_exactly_one():
    with pytest.raises(AssertionError, match="found 2"):
        parse(PAGE).find("li")
    with pytest.raises(AssertionError, match="found 0"):
        parse(PAGE).find("table")
