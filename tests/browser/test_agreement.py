"""The printable Statement of Mutual Understanding: its points with a line for notes, blanks for
names, signatures and dates, and a print that drops the site's navigation and fits A4 and Letter."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, screenshot
from mentor_gallery.content.loader import load_roster
from support import EXAMPLE_CONTENT

PROGRAM = "coaching"
CHROME = (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search")
# The paper widths less the side margins of the print stylesheet's @page rule (15 mm each side).
PRINTABLE_MM = {"A4": 210 - 30, "Letter": 215.9 - 30}
PX_PER_MM = 96 / 25.4


@pytest.fixture(scope="module")
def points() -> list[str]:
    return load_roster(EXAMPLE_CONTENT).roster.program(PROGRAM).agreement


@pytest.fixture
def agreement(example_site, page):
    page.goto(example_site.url + f"programs/{PROGRAM}/agreement/")
    return page


def test_every_point_has_a_line_for_notes(agreement, points):
    items = agreement.locator(".mg-agreement__points > li")
    expect(items).to_have_count(len(points))
    for item, point in zip(items.all(), points):
        expect(item).to_contain_text(point)
        line = item.locator(".mg-blank")
        assert line.evaluate("el => parseFloat(getComputedStyle(el).borderBottomWidth) > 0 && el.getBoundingClientRect().width > 200")


def test_there_are_blanks_for_both_names_signatures_and_dates(agreement):
    table = agreement.locator("table.mg-signatures")
    assert table.locator("thead th").all_inner_texts() == ["Name (printed)", "Signature", "Date"]
    assert table.locator("tbody th").all_inner_texts() == ["Mentor", "Mentee"]
    blanks = table.locator("tbody td")
    expect(blanks).to_have_count(6)
    for blank in blanks.all():
        box = blank.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 60, box
        assert blank.evaluate("el => parseFloat(getComputedStyle(el).borderBottomWidth) > 0")
    parties = agreement.locator("table.mg-agreement__parties tbody th").all_inner_texts()
    assert parties[:2] == ["Mentor", "Mentee"]


def test_the_agreement_prints_without_the_sites_navigation(agreement):
    for selector in (".md-header", ".md-tabs", ".md-footer"):  # on screen, the page has them
        expect(agreement.locator(selector).first).to_be_visible()
    agreement.emulate_media(media="print")
    for selector in CHROME:
        assert not agreement.locator(selector).first.is_visible(), f"{selector} shows in print"
    expect(agreement.get_by_role("button", name="Print this agreement")).to_be_hidden()
    expect(agreement.locator("h1")).to_have_text("Statement of Mutual Understanding")
    expect(agreement.locator("table.mg-signatures")).to_be_visible()
    screenshot(agreement, "agreement-print")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_agreement_fits_the_paper(example_site, browser, paper):
    width = int(PRINTABLE_MM[paper] * PX_PER_MM)
    context = browser.new_context(viewport={"width": width, "height": 1000})
    page = context.new_page()
    try:
        page.goto(example_site.url + f"programs/{PROGRAM}/agreement/")
        page.emulate_media(media="print")
        table = page.locator("table.mg-signatures").bounding_box()
        assert table["x"] >= 0 and table["x"] + table["width"] <= width, (table, width)
        too_wide = page.evaluate("""w => [...document.querySelectorAll('.md-content *')]
            .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > w + 0.5)
            .map(el => el.tagName + '.' + el.className)""", width)
        assert too_wide == []
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        pdf = page.pdf(format=paper)
        assert pdf.startswith(b"%PDF")
        pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
        assert 1 <= pages <= 2, f"{pages} pages"
    finally:
        context.close()


def test_the_print_button_prints_after_instant_navigation(example_site, page):
    page.goto(example_site.url + f"programs/{PROGRAM}/")
    page.evaluate("window.mgSamePage = true")
    page.locator(".mg-facts-box").get_by_role("link", name="Statement of Mutual Understanding").click()
    page.wait_for_url(f"**/programs/{PROGRAM}/agreement/")
    assert page.evaluate("window.mgSamePage === true"), "the page was loaded in full, not by instant navigation"
    page.evaluate("() => { window.mgPrinted = 0; window.print = () => { window.mgPrinted += 1; }; }")
    page.get_by_role("button", name="Print this agreement").click()
    assert page.evaluate("window.mgPrinted") == 1


def test_the_agreement_passes_axe_and_fits_a_phone(example_site, agreement, phone):
    assert axe_violations(agreement) == []
    phone.goto(example_site.url + f"programs/{PROGRAM}/agreement/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone, "agreement-phone")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_every_example_agreement_prints_on_one_sheet(example_site, browser, paper):
    # The mentee's signature must not land alone on a second page: each example agreement is short
    # enough for one sheet, so it must print as one.
    programs = [p for p in load_roster(EXAMPLE_CONTENT).roster.programs if p.agreement]
    assert len(programs) >= 2
    context = browser.new_context()
    page = context.new_page()
    try:
        for program in programs:
            page.goto(example_site.url + f"programs/{program.slug}/agreement/")
            pdf = page.pdf(format=paper)
            pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
            assert pages == 1, f"{program.slug}: {pages} pages on {paper}"
    finally:
        context.close()
