"""Requesting a mentor: the click reaches the external handler with the right method, field
names and values; a mail link names the mentor; an unavailable mentor's control does nothing."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from recording import HARD_NAME, QUIET
from support import ARTIFACTS



def shoot(locator, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    locator.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_a_get_handler_receives_the_mentor_slug_and_name_intact(handlers, recorder, page):
    page.goto(handlers.url + "mentors/zoe/")
    control = page.locator("[data-request]")
    expect(control).to_have_count(1)
    control.click()
    [request] = recorder.wait_for(1, page=page)
    assert (request.method, request.path) == ("GET", "/request")
    # No program: the site's handler, without the program field.
    assert request.query == [("entry.1", "zoe"), ("entry.2", HARD_NAME)]
    page.wait_for_url(f"{recorder.url}/request?*")


def test_a_mentor_has_one_control_per_program_each_labelled_with_it(handlers, page):
    page.goto(handlers.url + "mentors/ana-diaz/")
    controls = page.locator("[data-request]")
    expect(controls).to_have_count(3)
    labels = controls.all_inner_texts()
    for program, label in zip(["Alpha Program", "Beta Program", "Gamma Program"], labels):
        assert program in label and "Ana Díaz" in label
    shoot(page.locator(".mg-request"), "request-section-desktop")


def test_a_programs_post_handler_receives_the_mapped_fields_by_post(handlers, recorder, page):
    page.goto(handlers.url + "mentors/ana-diaz/")
    page.locator("[data-request]", has_text="Alpha Program").click()
    [request] = recorder.wait_for(1, page=page)
    assert (request.method, request.path) == ("POST", "/alpha")
    assert request.form == [("mentor_slug", "ana-diaz"), ("who", "Ana Díaz"), ("prog", "alpha")]
    assert request.query == []


def test_a_program_without_its_own_handler_uses_the_sites_with_the_program_filled_in(handlers, recorder, page):
    page.goto(handlers.url + "mentors/ana-diaz/")
    page.locator("[data-request]", has_text="Gamma Program").click()
    [request] = recorder.wait_for(1, page=page)
    assert (request.method, request.path) == ("GET", "/request")
    assert request.query == [("entry.1", "ana-diaz"), ("entry.2", "Ana Díaz"), ("entry.3", "gamma")]


def test_a_mailto_handler_opens_a_message_naming_mentor_and_program(handlers, page):
    page.goto(handlers.url + "mentors/ana-diaz/")
    href = page.locator("[data-request]", has_text="Beta Program").get_attribute("href")
    parts = urlsplit(href)
    message = dict(parse_qsl(parts.query))
    assert (parts.scheme, parts.path) == ("mailto", "beta@example.org")
    assert "Ana Díaz" in message["subject"] and "Beta Program" in message["subject"]
    assert message["body"].splitlines()[-3:] == ["mentor: ana-diaz", "name: Ana Díaz", "program: beta"]
    assert message["body"].startswith("Hello,")
    expect(page.locator(".mg-request__item", has_text="Beta Program")).to_contain_text("beta@example.org")


@pytest.mark.parametrize("slug, tag, reason", [("closed", "button", "Not accepting"), ("full", "a", "Full")])
def test_an_unavailable_mentors_control_is_disabled_says_why_and_sends_nothing(handlers, recorder, page, slug, tag, reason):
    page.goto(handlers.url + f"mentors/{slug}/")
    control = page.locator("[data-request]")
    expect(control).to_have_count(1)
    assert control.evaluate("el => el.tagName.toLowerCase()") == tag
    expect(control).to_have_attribute("aria-disabled", "true")
    assert control.get_attribute("href") is None
    reason_text = page.locator("#" + control.get_attribute("aria-describedby"))
    expect(reason_text).to_be_visible()
    expect(reason_text).to_contain_text(reason)
    before = page.url
    control.click(force=True)
    control.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(QUIET * 1000)
    assert recorder.received == []
    assert page.url == before
    if slug == "closed":
        shoot(page.locator(".mg-request"), "request-section-disabled")


def test_a_disabled_control_stays_inert_after_instant_navigation(handlers, recorder, page):
    page.goto(handlers.url + "mentors/region/western/")  # a plain list of the region's mentors
    page.evaluate("window.mgSamePage = true")  # survives instant navigation, not a full load
    page.locator('a[href$="mentors/full/"]').first.click()
    page.wait_for_url("**/mentors/full/")
    assert page.evaluate("window.mgSamePage === true"), "the page was loaded in full, not by instant navigation"
    control = page.locator("[data-request]")
    control.click(force=True)
    page.wait_for_timeout(QUIET * 1000)
    assert recorder.received == []
    assert page.url.endswith("/mentors/full/")


def test_request_controls_pass_axe_and_fit_a_phone(handlers, page, phone):
    for slug in ("ana-diaz", "closed", "full"):
        page.goto(handlers.url + f"mentors/{slug}/")
        assert axe_violations(page) == [], slug
    phone.goto(handlers.url + "mentors/ana-diaz/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    shoot(phone.locator(".mg-request"), "request-section-phone")


def test_a_program_page_asks_the_programs_handler_and_lists_its_mentors(handlers, recorder, page):
    page.goto(handlers.url + "programs/alpha/")
    cards = page.locator(".mg-program-mentors [data-mentor]")
    assert sorted(cards.evaluate_all("els => els.map(e => e.dataset.mentor)")) == ["ana-diaz", "closed"]
    gallery = page.locator(".mg-program-mentors a", has_text="Mentors Gallery")
    assert gallery.evaluate("a => a.href") == handlers.url + "mentors/?program=alpha"
    page.locator("[data-program-request]").click()
    [request] = recorder.wait_for(1, page=page)
    assert (request.method, request.path, request.form) == ("POST", "/alpha", [("prog", "alpha")])


def test_a_full_mentors_control_looks_disabled_and_suggests_available_mentors(handlers, page):
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.goto(handlers.url + "mentors/full/")
        control = page.locator("[data-request]")
        link = page.locator(".mg-profile__place a").first
        style = control.evaluate("el => { const s = getComputedStyle(el); return [s.color, s.cursor]; }")
        assert style[1] == "not-allowed"
        assert style[0] != link.evaluate("el => getComputedStyle(el).color"), f"the disabled control has the link colour ({scheme})"
    suggested = page.locator("[data-similar-mentor]")
    assert 1 <= suggested.count() <= 3
    for slug in [href.rstrip("/").rsplit("/", 1)[1] for href in suggested.evaluate_all("els => els.map(e => e.getAttribute('href'))")]:
        page.goto(handlers.url + f"mentors/{slug}/")
        expect(page.locator("[data-request]").first).not_to_have_attribute("aria-disabled", "true")
