"""Every kind of page of the shipped site, as a member opens it on a desktop and on a phone, in the
light palette and in the dark one their operating system asks for: it shows its heading, passes
axe-core (no serious or critical violation), does not scroll sideways, and leaves a screenshot in
test-artifacts/.

Each kind is opened twice, on a desktop in one palette and on a phone in the other, the pairs
alternating from kind to kind: every page is audited and measured at desktop and at 390 px width,
in light and in dark, and each of the four looks still opens half of the kinds."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import LOOKS, axe_violations, close_page, looks_missed, open_page, paired_visits, screenshot
from mentor_gallery.content.loader import load_roster
from support import EXAMPLE_CONTENT


def page_kinds() -> dict[str, str]:
    """One page of each kind the example site publishes: name -> path under the site."""
    roster = load_roster(EXAMPLE_CONTENT).roster
    # The profiles that fill in the fewest and the most keys: a short card and every section; one
    # with a photo beside the name, and one of a mentor who is full.
    by_detail = sorted(roster.mentors, key=lambda m: (len(m.raw), m.slug))
    with_photo = next(m for m in roster.mentors if m.photo)
    full = next(m for m in roster.mentors if m.is_full)
    program = next(p for p in roster.programs if p.agreement)
    kinds = {
        "home": "",
        "gallery": "mentors/",
        "profile": f"mentors/{by_detail[0].slug}/",
        "full-profile": f"mentors/{by_detail[-1].slug}/",
        "photo-profile": f"mentors/{with_photo.slug}/",
        "full-mentor": f"mentors/{full.slug}/",
        "facet": f"mentors/expertise/{roster.taxonomy.expertise.terms[0].slug}/",
        "find": "mentors/find/",
        "team": "mentors/team/",
        "programs": "programs/",
        "program": f"programs/{program.slug}/",
        "agreement": f"programs/{program.slug}/agreement/",
        "forms": "forms/",
        "guide": "guide/",  # a table of commands, each a link set in code
        "guide-fields": "guide/profile-fields/",  # a code block wider than a phone
    }
    kinds.update({f"form-{form.slug}": f"forms/{form.slug}/" for form in roster.forms})
    return kinds


KINDS = page_kinds()
VISITS = paired_visits(KINDS)


@pytest.fixture(scope="module")
def member(request, browser):
    """One page per look (device and palette), reused by every page kind of this module."""
    page = open_page(browser, **LOOKS[request.param])
    page.look = request.param
    yield page
    close_page(page)


def test_every_kind_is_seen_at_both_widths_in_both_palettes():
    assert set(KINDS) == {kind for _, kind in VISITS}
    assert looks_missed(VISITS) == []


@pytest.mark.parametrize(("member", "kind"), VISITS, indirect=["member"])
def test_each_kind_of_page_passes_axe_and_fits_the_screen(example_site, member, kind):
    member.errors.clear()
    member.goto(example_site.url + KINDS[kind])
    assert member.locator("h1").first.is_visible()
    dark = member.look.endswith("dark")
    assert member.evaluate("document.body.dataset.mdColorScheme") == ("slate" if dark else "default")
    assert axe_violations(member) == []
    width = member.viewport_size["width"]
    assert member.evaluate("document.documentElement.scrollWidth") <= width, f"{kind} scrolls sideways at {width}px"
    screenshot(member, f"{member.look}-{kind}")
    assert not member.errors, f"browser console errors: {member.errors}"


def test_a_member_reaches_each_section_from_the_tab_bar(example_site, page):
    page.goto(example_site.url)
    tabs = page.locator(".md-tabs")
    expect(tabs).to_be_visible()
    for name, path in (("Mentors Gallery", "mentors/"), ("Programs", "programs/"), ("Forms", "forms/"), ("For the committee", "guide/"),
                       ("Home", "")):
        tabs.get_by_role("link", name=name, exact=True).click()
        expect(page).to_have_url(example_site.url + path)
        expect(tabs.locator(".md-tabs__item--active")).to_have_text(name)
