"""The programs index compares the programs side by side; a program page shows its facts, its
mentors and the way to its printable agreement."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import screenshot
from mentor_gallery.content.loader import load_roster
from support import EXAMPLE_CONTENT


@pytest.fixture(scope="module")
def roster():
    return load_roster(EXAMPLE_CONTENT).roster


def members(roster, slug: str) -> set[str]:
    return {m.slug for m in roster.mentors if slug in m.programs}


def test_the_index_compares_every_program_with_its_number_of_mentors(example_site, page, roster):
    page.goto(example_site.url + "programs/")
    rows = page.locator("table.mg-compare tbody tr")
    expect(rows).to_have_count(len(roster.programs))
    for row, program in zip(rows.all(), roster.programs):
        expect(row.locator("th")).to_contain_text(program.name)
        count = row.locator('td[data-label="Mentors"] a')
        expect(count).to_have_text(str(len(members(roster, program.slug))))
        assert count.evaluate("a => a.href") == example_site.url + f"mentors/?program={program.slug}"
    screenshot(page, "programs-desktop")


def test_the_comparison_reflows_on_a_phone_without_sideways_scroll(example_site, phone, roster):
    phone.goto(example_site.url + "programs/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    region = phone.get_by_role("region", name="The programs side by side")
    assert region.evaluate("el => el.scrollWidth <= el.clientWidth"), "the comparison scrolls sideways on a phone"
    # Each value is still named by its column once the table has become cards.
    label = phone.locator('table.mg-compare td[data-label="Duration"]').first
    assert phone.evaluate("el => getComputedStyle(el, '::before').content", label.element_handle()).startswith('"Duration')
    screenshot(phone, "programs-phone")


def test_a_program_page_shows_its_facts_mentors_and_agreement(example_site, page, roster):
    program = roster.program("mentorship")
    page.goto(example_site.url + "programs/mentorship/")
    facts = page.locator(".mg-facts-box")
    expect(facts).to_contain_text(program.sponsor)
    expect(facts).to_contain_text(f"{program.duration_months[0]} to {program.duration_months[1]} months")
    expect(facts).to_contain_text(program.cadence.label)
    for criterion in program.mentor_criteria:
        expect(facts).to_contain_text(criterion)
    cards = page.locator(".mg-program-mentors [data-mentor]")
    assert set(cards.evaluate_all("els => els.map(e => e.dataset.mentor)")) == members(roster, "mentorship")
    facts.get_by_role("link", name="Statement of Mutual Understanding").click()
    page.wait_for_url("**/programs/mentorship/agreement/")
    expect(page.locator(".mg-agreement__points > li")).to_have_count(len(program.agreement))


def test_a_program_page_prints_without_navigation_or_buttons(example_site, page):
    page.goto(example_site.url + "programs/coaching/")
    chrome = (".md-header", ".md-tabs", ".md-footer", "[data-program-request]")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()  # no sidebar holding only the page's own name
    for selector in chrome:  # on screen, the page has them
        expect(page.locator(selector).first).to_be_visible()
    page.emulate_media(media="print")
    for selector in chrome:
        assert not page.locator(selector).first.is_visible(), selector
    expect(page.locator(".mg-facts-box")).to_be_visible()
