"""Roles on the site: a gallery facet, chips on cards and profiles, a plain page per role; public
on a members-only site too, like areas and regions."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from mentor_gallery import routes
from mentor_gallery.content.loader import load_roster
from mentor_gallery.settings import SiteSettings
from mentor_gallery.site.pages import facets, site_pages
from mentor_gallery.site.render import FragmentRenderer
from mentor_gallery.site.sealing import Sealer
from html_tree import parse
from support import EXAMPLE_CONTENT, PROJECT, make_roster, profile

TEMPLATES = PROJECT / "site-templates" / "mentor-gallery"


@pytest.fixture(scope="module")
def roster():
    result = load_roster(EXAMPLE_CONTENT)
    assert result.ok, result.problems
    return result.roster


def drawn(roster, members_only: bool = False) -> dict[str, str]:
    """Every generated page's fragment, by URL."""
    sealer = Sealer.from_passphrase("a test passphrase", iterations=1000) if members_only else None
    renderer = FragmentRenderer(TEMPLATES, "Example", sealer)
    settings = SiteSettings(access="members-only" if members_only else "public")
    return {spec.url: renderer.render(spec, spec.body_html) for spec in site_pages(roster, settings)}


def test_the_example_uses_six_roles_and_most_mentors_name_some(roster):
    assert len(roster.taxonomy.roles.terms) == 6
    assert sum(1 for m in roster.mentors if m.roles) >= 20


@pytest.mark.parametrize("members_only", [False, True])
def test_the_gallery_filters_by_role_with_counts_on_either_kind_of_site(roster, members_only):
    by_key = {f.key: f for f in facets(roster, members_only)}
    assert [(slug, count) for slug, _, count in by_key["role"].options] == \
        [(t.slug, sum(1 for m in roster.mentors if t in m.roles)) for t in roster.taxonomy.roles.terms]
    assert ("program" in by_key) is not members_only
    gallery = parse(drawn(roster, members_only)[routes.GALLERY])
    assert gallery.find_all(data_facet="role")
    cards = {li.attrs["data-mentor"]: li for li in gallery.find_all("li", class_="mg-card") if li.attrs.get("data-mentor")}
    assert set(cards) == {m.slug for m in roster.mentors}
    for mentor in roster.mentors:
        expected = " ".join(t.slug for t in mentor.roles) if mentor.roles else None
        assert cards[mentor.slug].attrs.get("data-role") == expected, mentor.slug


def test_cards_and_profiles_show_the_roles_as_chips_that_filter_the_gallery(roster):
    pages = drawn(roster)
    mentor = next(m for m in roster.mentors if len(m.roles) >= 2)
    chips = parse(pages[routes.profile(mentor.slug)]).find("ul", class_="mg-chips--roles")
    assert chips.attrs.get("aria-label") == "Ways of helping"
    assert [re.fullmatch(r"[./]*mentors/\?role=([a-z-]+)", href).group(1) for href in chips.hrefs()] == [t.slug for t in mentor.roles]
    assert [a.text for a in chips.find_all("a")] == [t.label for t in mentor.roles]
    assert any(href.endswith(f"mentors/?role={mentor.roles[0].slug}") for href in parse(pages[routes.GALLERY]).hrefs())
    without = parse(pages[routes.profile(next(m for m in roster.mentors if not m.roles).slug)])
    assert without.find_all("ul", class_="mg-chips") and not without.find_all("ul", class_="mg-chips--roles")


def test_each_role_has_a_plain_page_listing_its_mentors(roster):
    pages = drawn(roster)
    for term in roster.taxonomy.roles.terms:
        page = parse(pages[routes.facet("role", term.slug)])
        listed = [li.attrs["data-mentor"] for li in page.find_all("li", class_="mg-card")]
        assert sorted(listed) == sorted(m.slug for m in roster.mentors if term in m.roles), term.slug
        assert f"who can be your {term.label}." in page.text and "Ways of helping" in page.text
    browse = parse(pages[routes.GALLERY]).find(id="mg-browse").hrefs()
    roles = [found.group(1) for href in browse if (found := re.fullmatch(r"[./]*mentors/role/([a-z-]+)/", href))]
    assert roles == [t.slug for t in roster.taxonomy.roles.terms]


def test_a_role_without_mentors_says_so_and_a_roster_without_roles_has_no_role_pages(tmp_path):
    taxonomy = "expertise: [Finance]\nregions: [Western]\nroles: [Coach, Sponsor]\n"
    content = make_roster(tmp_path / "c", {"ana": profile(roles="[coach]")}, taxonomy=taxonomy)
    pages = drawn(load_roster(content).roster)
    assert "No mentor offers to be your Sponsor yet." in parse(pages[routes.facet("role", "sponsor")]).text
    assert "1 mentor who can be your Coach." in parse(pages[routes.facet("role", "coach")]).text
    plain = make_roster(tmp_path / "d", {"ana": profile()}, taxonomy="expertise: [Finance]\nregions: [Western]\n")
    pages = drawn(load_roster(plain).roster)
    assert not any(url.startswith("mentors/role/") for url in pages)
    gallery = parse(pages[routes.GALLERY])
    assert gallery.find_all(data_facet="expertise") and not gallery.find_all(data_facet="role")
    assert "Ways of helping" not in gallery.text


def test_a_members_only_profile_shows_its_roles_before_unlocking(roster):
    pages = drawn(roster, members_only=True)
    mentor = next(m for m in roster.mentors if m.roles)
    locked = pages[routes.profile(mentor.slug)].split("data-sealed-content", 1)[0]
    assert re.findall(r'href="[./]*mentors/role/([a-z-]+)/"', locked) == [t.slug for t in mentor.roles]


class _Chips(HTMLParser):
    """Every chip of a page: its title and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.chips: list[list[str]] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "a" and "mg-chip" in (found.get("class") or "").split():
            self._open = [found.get("title") or "", ""]

    def handle_data(self, data):
        if self._open is not None:
            self._open[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open is not None:
            self.chips.append(self._open)
            self._open = None


@pytest.mark.parametrize("members_only", [False, True])
def test_every_chip_on_every_page_carries_its_whole_label_as_its_title(roster, members_only):
    # One macro draws every chip: the locked profile's chips once lacked the title the others had.
    pages = drawn(roster, members_only)
    checked = 0
    for url, html in pages.items():
        parser = _Chips()
        parser.feed(html)
        for title, text in parser.chips:
            assert title == text and text, (url, title, text)
        checked += len(parser.chips)
    locked = pages[routes.profile(roster.mentors[0].slug)]
    assert ("data-sealed" in locked) is members_only
    assert checked > len(pages)
