"""Members-only mode is consistent: the public pages offer nothing the public roster cannot
honour, and an opened profile shows what the same profile shows on a public site."""

from __future__ import annotations

import re

import pytest

from mentor_gallery import routes
from mentor_gallery.content.loader import load_roster
from mentor_gallery.settings import SiteSettings
from mentor_gallery.site.pages import site_pages
from mentor_gallery.site.render import FragmentRenderer
from mentor_gallery.site.sealing import Sealer
from html_tree import parse
from support import EXAMPLE_CONTENT, PROJECT

TEMPLATES = PROJECT / "site-templates" / "mentor-gallery"
SEALER = Sealer.from_passphrase("a test passphrase", iterations=1000)


@pytest.fixture(scope="module")
def roster():
    return load_roster(EXAMPLE_CONTENT).roster


@pytest.fixture(scope="module")
def public(roster) -> dict[str, str]:
    renderer = FragmentRenderer(TEMPLATES, "Example")
    return {spec.url: renderer.render(spec, spec.body_html) for spec in site_pages(roster, SiteSettings())}


@pytest.fixture(scope="module")
def members(roster) -> dict[str, str]:
    renderer = FragmentRenderer(TEMPLATES, "Example", SEALER)
    return {spec.url: renderer.render(spec, spec.body_html) for spec in site_pages(roster, SiteSettings(access="members-only"))}


def opened(page: str) -> str:
    return SEALER.open(re.search(r'data-sealed="([^"]+)"', page).group(1))


def test_an_opened_profile_shows_everything_the_public_profile_shows(roster, public, members):
    photos = 0
    for mentor in roster.mentors:
        url = routes.profile(mentor.slug)
        inside = opened(members[url])
        # The one difference: the photo travels inside the sealed page instead of beside it.
        if mentor.photo:
            photos += 1
            assert re.search(r'<img class="mg-avatar[^"]*" src="data:image/', inside)
        without_photo = re.compile(r'(<img class="mg-avatar[^"]*" src=")[^"]*"')
        assert without_photo.sub(r'\1"', inside) == without_photo.sub(r'\1"', public[url]), mentor.slug
        for text in (mentor.title, mentor.availability_text, *(t.label for t in mentor.roles)):
            assert text.replace("'", "&#39;") in inside
    assert photos >= 3


def test_the_public_gallery_offers_only_what_the_public_roster_can_honour(roster, public, members):
    gallery = members[routes.GALLERY]
    assert re.findall(r'data-facet="([a-z]+)"', gallery) == ["region", "expertise", "role"]
    sort = re.search(r'<select id="mg-sort".*?</select>', gallery, re.S).group(0)
    assert re.findall(r'<option value="([a-z]*)">([^<]+)</option>', sort) == [("", "Name"), ("region", "Region")]
    tree = parse(gallery)
    assert tree.find("input", id="mg-search").attrs.get("placeholder") == "Name, region or area…"
    lead = tree.find("p", class_="mg-lead").text
    assert "program" not in lead and "meet" not in lead and "way of helping" in lead
    for page in members.values():
        public_part = re.sub(r'data-sealed="[^"]*"', "", page)
        assert routes.FIND not in public_part and routes.TEAM not in public_part
        assert not re.search(r"mentors/\?(program|frequency|meeting|accepting|sort)=", public_part)
    # A public site keeps them all.
    sorts = [option.text for option in parse(public[routes.GALLERY]).find("select", id="mg-sort").find_all("option")]
    assert "Accepting first" in sorts and "Recently reviewed" in sorts
    assert re.findall(r'data-facet="([a-z]+)"', public[routes.GALLERY]) == \
        ["accepting", "region", "expertise", "role", "program", "frequency", "meeting"]
