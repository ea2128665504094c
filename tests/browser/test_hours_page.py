"""The hours report's printable page, as a mentor files it for credentialing: it names the
association that issues it, writes dates as the site does, and a typical year prints on one sheet."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from support import EXAMPLE_CONTENT, PROJECT

TOOL = Path(sys.executable).with_name("mentor-gallery")
HEADER = "mentor_email,mentor_name,mentee_name,mentee_position,kind,relationship_start,date,hours,subjects\n"


def typical_year() -> str:
    """Two mentees met monthly for a year and a coaching relationship of four sessions: 28
    sessions, each with its subjects, as a spreadsheet in the US writes the dates."""
    rows = []
    for mentee, position, start in (("Bo Chen", "Senior Budget Analyst", "1/15/2025"), ("Dee Park", "Assistant to the City Manager", "1/5/2026")):
        for month in range(1, 13):
            rows.append(f'ana@example.org,Ana Díaz,{mentee},{position},mentoring,{start},{month}/20/2026,1,'
                        f'Budget season and council relations')
    for month in (2, 5, 8, 11):
        rows.append(f"ana@example.org,Ana Díaz,Gus Hill,Planner,coaching,{month}/3/2026,{month}/3/2026,1.5,Preparing for an interview")
    return HEADER + "\n".join(rows) + "\n"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hours")
    log = tmp / "log.csv"
    log.write_text(typical_year(), encoding="utf-8")
    result = subprocess.run([str(TOOL), "hours", str(log), "--year", "2026", "--format", "html", "--out", str(tmp / "pages"),
                             "--config", str(PROJECT / "mkdocs.yml"), str(EXAMPLE_CONTENT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return tmp / "pages" / "2026-ana-diaz.html"


def test_the_page_names_the_association_and_writes_dates_as_the_site_does(report, page):
    page.goto(report.as_uri())
    # The shipped mkdocs.yml names the association in its footer's copyright.
    expect(page.locator(".issuer")).to_have_text("Riverlands City & County Management Association")
    assert page.title().startswith("Riverlands City & County Management Association: mentoring and coaching hours 2026")
    sessions = page.get_by_role("table").filter(has=page.locator("caption", has_text="Sessions in 2026"))
    expect(sessions.locator("tbody tr").first.locator("td").first).to_have_text("January 20, 2026")
    expect(sessions.locator("tbody tr")).to_have_count(28)
    # 30 hours logged, 20 credited: the note names the sessions past the cap by date, as the site writes dates.
    expect(page.locator(".lead")).to_contain_text("20 of 30 hours logged are credited")
    expect(page.locator(".notes")).to_contain_text(re.compile(r"the year's cap of 20 .* h on (October|November|December) \d{1,2}, 2026"))
    # Coaching has no months: the column is for mentoring, and Gus Hill's cell is empty.
    relationships = page.get_by_role("table").filter(has=page.locator("caption", has_text="Relationships"))
    expect(relationships.locator("thead")).to_contain_text("Months mentored")
    expect(relationships.get_by_role("row", name=re.compile("Gus Hill")).locator("td").nth(2)).to_have_text("")
    assert page.evaluate("document.scripts.length") == 0
    assert axe_violations(page) == []


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_typical_year_prints_on_one_sheet(report, browser, paper):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(report.as_uri())
        pdf = page.pdf(format=paper)
        pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
        assert pages == 1, f"{pages} pages on {paper}"
    finally:
        context.close()


def test_the_page_fits_a_phone(report, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(report.as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
