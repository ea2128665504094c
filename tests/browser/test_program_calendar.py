"""A program's calendar on the site: the Apply control follows the reader's date (and the build's
without JavaScript), meetings have their calendar files, the home page names open rounds, the
journal prints on one or two sheets, and survey scales are radio groups.

The site is built as of 2026-12-03 (SOURCE_DATE_EPOCH). In the example content the Partnership's
2027 class takes applications from 2027-05-03 to 2027-07-30 and the Mentorship's spring cohort
from 2026-11-16 to 2027-01-15, both in America/New_York (the site's timezone option).
"""

from __future__ import annotations

import datetime as dt
import re

import icalendar
import pytest
from playwright.sync_api import expect

from conftest import LOOKS, axe_violations, close_page, open_page, screenshot
from support import SiteServer, build_site

BUILT_ON = dt.datetime(2026, 12, 3, 15, 0, tzinfo=dt.timezone.utc)
NEW_YORK = dt.timezone(dt.timedelta(hours=-4))  # EDT, the offset in May to July
PRINTABLE_MM = {"A4": 210 - 30, "Letter": 215.9 - 30}
PX_PER_MM = 96 / 25.4


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("calendar")
    (tmp / "site").mkdir()
    server = SiteServer(tmp / "site")
    build = build_site(tmp, site_url=server.url, env={"SOURCE_DATE_EPOCH": str(int(BUILT_ON.timestamp()))})
    assert build.returncode == 0, build.output
    server.site = build.site
    yield server
    server.close()


def apply_control(page, round_name: str = "2027 class"):
    return page.locator(".mg-round", has=page.get_by_role("heading", name=round_name)).locator("[data-apply]")


def status(page, round_name: str = "2027 class"):
    return page.locator(".mg-round", has=page.get_by_role("heading", name=round_name)).locator("[data-apply-status]")


WINDOW = [
    ("before", dt.datetime(2027, 5, 2, 23, 30, tzinfo=NEW_YORK), False, "Applications open on May 3, 2027."),
    ("first day", dt.datetime(2027, 5, 3, 0, 30, tzinfo=NEW_YORK), True, "Applications are open until July 30, 2027."),
    ("inside", dt.datetime(2027, 6, 15, 12, 0, tzinfo=NEW_YORK), True, "Applications are open until July 30, 2027."),
    # Already July 31 in UTC, still July 30 where the program is: open.
    ("last evening", dt.datetime(2027, 7, 30, 23, 0, tzinfo=NEW_YORK), True, "Applications are open until July 30, 2027."),
    ("after", dt.datetime(2027, 7, 31, 9, 0, tzinfo=NEW_YORK), False, "Applications closed on July 30, 2027."),
]


@pytest.mark.parametrize("when, now, open_, says", WINDOW, ids=[w[0] for w in WINDOW])
def test_the_apply_control_follows_the_readers_date(site, page, when, now, open_, says):
    page.clock.set_fixed_time(now)
    page.goto(site.url + "programs/partnership/")
    control = apply_control(page)
    expect(status(page)).to_have_text(says)
    if open_:
        expect(control).to_have_attribute("href", re.compile(r"forms/mentee-application/$"))
        expect(control).not_to_have_attribute("aria-disabled", "true")
        control.click()
        page.wait_for_url("**/forms/mentee-application/")
    else:
        expect(control).to_have_attribute("aria-disabled", "true")
        assert control.get_attribute("href") is None
        control.click(force=True)
        page.wait_for_timeout(300)
        assert page.url.endswith("programs/partnership/"), "a closed window's control must not navigate"


def test_without_javascript_the_state_is_the_builds(site, browser):
    page = open_page(browser, java_script_enabled=False)
    try:
        page.goto(site.url + "programs/partnership/")
        # On 2026-12-03 the 2027 class has not opened yet; the running 2026 class shows its dates.
        expect(apply_control(page)).to_have_attribute("aria-disabled", "true")
        assert apply_control(page).get_attribute("href") is None
        expect(status(page)).to_have_text("Applications open on May 3, 2027.")
        expect(status(page, "2026 class")).to_have_text("Applications closed on July 31, 2026.")
        expect(apply_control(page, "2026 class")).to_have_count(0)
        page.goto(site.url + "programs/mentorship/")
        control = apply_control(page, "Spring 2027 cohort")
        expect(control).to_have_attribute("href", re.compile(r"forms/mentee-application/$"))
        expect(status(page, "Spring 2027 cohort")).to_have_text("Applications are open until January 15, 2027.")
    finally:
        close_page(page)


def test_the_home_page_names_the_rounds_taking_applications(site, page):
    page.clock.set_fixed_time(dt.datetime(2026, 12, 10, 12, tzinfo=dt.timezone.utc))
    page.goto(site.url)
    rounds = page.locator(".mg-home__rounds li")
    expect(rounds).to_have_count(1)
    expect(rounds.first).to_be_visible()
    expect(rounds.first).to_contain_text("Mentorship Program, Spring 2027 cohort")
    expect(rounds.first).to_contain_text("apply by January 15, 2027")
    # A reader after the deadline, before the next daily build, no longer sees it.
    later = open_page(page.context.browser)
    try:
        later.clock.set_fixed_time(dt.datetime(2027, 1, 16, 17, tzinfo=dt.timezone.utc))
        later.goto(site.url)
        expect(later.locator(".mg-home__rounds li").first).to_be_hidden()
    finally:
        close_page(later)


def test_each_meeting_adds_to_a_calendar_and_the_program_has_a_feed(site, page):
    page.goto(site.url + "programs/partnership/")
    meeting = page.locator(".mg-round", has=page.get_by_role("heading", name="2027 class")).locator(".mg-meeting").filter(has_text="Budget season")
    expect(meeting).to_contain_text("Friday, December 3, 2027, 13:00 to 16:30 EST")
    link = meeting.get_by_role("link", name=re.compile(r"^Add to calendar"))
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok
    [event] = icalendar.Calendar.from_ical(response.body()).walk("VEVENT")
    assert event.decoded("DTSTART").astimezone(dt.timezone.utc) == dt.datetime(2027, 12, 3, 18, 0, tzinfo=dt.timezone.utc)
    feed_link = page.get_by_role("link", name="Subscribe to the program’s calendar")
    feed = page.request.get(feed_link.evaluate("a => a.href"))
    assert feed.ok and "text/calendar" in feed.headers.get("content-type", "")
    uids = {str(e["UID"]) for e in icalendar.Calendar.from_ical(feed.body()).walk("VEVENT")}
    assert str(event["UID"]) in uids


def test_every_calendar_file_the_build_writes_parses_with_its_zones(site):
    files = sorted(site.site.rglob("*.ics"))
    assert len(files) >= 8, files
    for path in files:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        zones = {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")}
        events = calendar.walk("VEVENT")
        assert events, path
        for event in events:
            start = event["DTSTART"]
            if isinstance(start.dt, dt.datetime):
                assert start.params["TZID"] in zones, path
                assert start.dt.tzinfo is not None and start.dt.utcoffset() is not None, path


@pytest.mark.parametrize("look", ["desktop-light", "desktop-dark", "phone-light", "phone-dark"])
def test_the_program_page_with_its_rounds_passes_axe_and_fits_a_phone(site, browser, look):
    page = open_page(browser, console=False, **LOOKS[look])
    try:
        page.clock.set_fixed_time(dt.datetime(2027, 6, 1, 12, tzinfo=dt.timezone.utc))
        page.goto(site.url + "programs/partnership/")
        expect(apply_control(page)).to_have_attribute("href", re.compile("mentee-application"))
        assert axe_violations(page) == []
        if look.startswith("phone"):
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.locator(".mg-rounds").scroll_into_view_if_needed()
        screenshot(page, f"program-rounds-{look}")
    finally:
        close_page(page)


def test_the_journal_is_reached_from_the_program_and_collects_nothing(site, page):
    page.goto(site.url + "programs/partnership/")
    page.locator(".mg-facts-box").get_by_role("link", name="Private journal").click()
    page.wait_for_url("**/programs/partnership/journal/")
    expect(page.locator(".mg-journal__private")).to_contain_text("nothing written in it is collected")
    assert page.locator(".md-content form, .md-content input, .md-content textarea, .md-content [contenteditable]").count() == 0
    expect(page.locator(".mg-journal__points > li")).to_have_count(8)  # one per point of its agreement
    expect(page.locator(".mg-journal__needs li").first).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_journal_prints_on_one_or_two_sheets(site, browser, paper):
    width = int(PRINTABLE_MM[paper] * PX_PER_MM)
    page = open_page(browser, viewport={"width": width, "height": 1000})
    try:
        for program in ("partnership", "mentorship", "coaching", "senior-partners"):
            page.goto(site.url + f"programs/{program}/journal/")
            page.emulate_media(media="print")
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            pdf = page.pdf(format=paper)
            pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
            assert 1 <= pages <= 2, f"{program}: {pages} pages on {paper}"
    finally:
        close_page(page)


def test_a_survey_scale_is_a_radio_group_that_posts_its_value_and_takes_prefilled_details(site, page):
    page.goto(site.url + "forms/midpoint-survey/?name=Ana%20D%C3%ADaz&email=ana%40example.org&role=mentee&round=2026%20class")
    expect(page.get_by_label("Your name")).to_have_value("Ana Díaz")
    expect(page.get_by_label("Your email")).to_have_value("ana@example.org")
    expect(page.get_by_label("You are the")).to_have_value("mentee")
    group = page.get_by_role("group", name=re.compile("^Our conversations are useful to me"))
    radios = group.get_by_role("radio")
    expect(radios).to_have_count(5)
    radios.nth(3).check()
    assert page.evaluate("new FormData(document.querySelector('form[data-form]')).get('useful')") == "4"
    closing = page.context.new_page()
    closing.goto(site.url + "forms/closing-survey/")
    expect(closing.get_by_role("group", name=re.compile("^How likely")).get_by_role("radio")).to_have_count(11)
    closing.close()
