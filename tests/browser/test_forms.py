"""Filling in a form: the browser refuses an incomplete one (nothing reaches the handler), a
complete one posts every field, and the page prints as a clean blank form."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, screenshot
from recording import QUIET



@pytest.fixture
def form(handlers, page):
    page.goto(handlers.url + "forms/apply/")
    return page


def fill_required_except_needs(page) -> None:
    page.get_by_role("textbox", name="Your name").fill("Łucja O'Hara & Co")
    page.get_by_role("textbox", name="Email").fill("lucja@example.org")
    page.get_by_label("How often").select_option(label="Every other month")
    page.get_by_role("checkbox", name="I agree to be contacted").check()


def send(page) -> None:
    page.get_by_role("button", name="Send").click()


def test_an_empty_form_sends_nothing_and_shows_the_first_invalid_field(form, recorder):
    before = form.url
    send(form)
    form.wait_for_timeout(QUIET * 1000)
    assert recorder.received == []
    assert form.url == before
    focused = form.evaluate("document.activeElement.name")
    assert focused == "name"
    assert form.get_by_role("textbox", name="Your name").evaluate("el => el.matches(':invalid') && el.validationMessage !== ''")


def test_a_required_multichoice_needs_one_box_ticked(form, recorder):
    fill_required_except_needs(form)
    send(form)
    form.wait_for_timeout(QUIET * 1000)
    assert recorder.received == []
    first_box = form.get_by_role("checkbox", name="Finance")
    assert form.evaluate("document.activeElement.value") == "Finance"
    assert first_box.evaluate("el => el.validationMessage") == "Choose at least one option."
    # The rule is said in the legend, not only enforced.
    expect(form.locator("fieldset[data-required-group] legend").first).to_contain_text("choose at least one")
    form.get_by_role("checkbox", name="Strategic Planning").check()  # any box satisfies it, not just the first
    send(form)
    [request] = recorder.wait_for(1, page=form)
    assert ("needs", "Strategic Planning") in request.form


def test_a_filled_form_posts_every_field_with_every_ticked_option(form, recorder):
    fill_required_except_needs(form)
    form.get_by_role("textbox", name="Phone").fill("+1 555 0100")
    form.get_by_role("checkbox", name="Finance").check()
    form.get_by_role("checkbox", name="Fire/Emergency Medical Services").check()
    form.get_by_role("checkbox", name="Video").check()
    form.get_by_role("checkbox", name="Email").check()
    form.get_by_label("Start date").fill("2026-09-01")
    form.get_by_label("Anything else").fill("Two lines:\nbudgets & people + more")
    send(form)
    [request] = recorder.wait_for(1, page=form)
    assert (request.method, request.path) == ("POST", "/apply")
    assert request.form == [
        ("name", "Łucja O'Hara & Co"), ("email", "lucja@example.org"), ("phone", "+1 555 0100"),
        ("frequency", "Every other month"),  # a choice posts its label as shown
        ("needs", "Finance"), ("needs", "Fire/Emergency Medical Services"),
        ("meeting", "Video"), ("meeting", "Email"),
        ("start", "2026-09-01"), ("about", "Two lines:\r\nbudgets & people + more"),
        ("consent", "yes"), ("_gotcha", ""),
    ]


def test_the_required_rule_still_holds_after_instant_navigation(handlers, page, recorder):
    page.goto(handlers.url + "forms/")
    page.evaluate("window.mgSamePage = true")  # survives instant navigation, not a full load
    page.locator(".mg-form-list").get_by_role("link", name="Test application").click()
    page.wait_for_url("**/forms/apply/")
    assert page.evaluate("window.mgSamePage === true"), "the page was loaded in full, not by instant navigation"
    fill_required_except_needs(page)
    send(page)
    page.wait_for_timeout(QUIET * 1000)
    assert recorder.received == []
    assert page.get_by_role("checkbox", name="Finance").evaluate("el => el.validationMessage") == "Choose at least one option."


def test_the_honeypot_is_out_of_sight_and_out_of_the_tab_order(form):
    trap = form.locator('input[name="_gotcha"]')
    box = trap.bounding_box()
    assert box is None or box["x"] + box["width"] <= 0
    form.get_by_role("textbox", name="Your name").focus()
    reached = []
    for _ in range(40):
        form.keyboard.press("Tab")
        reached.append(form.evaluate("document.activeElement.name || document.activeElement.textContent.trim()"))
        if reached[-1] == "Send":
            break
    assert "Send" in reached and "_gotcha" not in reached, reached


def test_the_form_says_where_the_answers_go_and_passes_axe(form):
    expect(form.locator(".mg-form__where")).to_contain_text("127.0.0.1")
    groups = form.locator("fieldset.mg-form__group > legend").all_inner_texts()
    assert groups == ["About you", "Preferences"]
    assert axe_violations(form) == []
    screenshot(form, "form-desktop")


def test_the_form_fits_a_phone(handlers, phone):
    phone.goto(handlers.url + "forms/apply/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone, "form-phone")


def test_the_form_prints_as_a_blank_paper_form(form):
    chrome = (".md-header", ".md-tabs", ".md-footer")
    expect(form.locator(".md-sidebar--primary")).to_be_hidden()  # no sidebar holding only the page's own name
    for selector in chrome:  # on screen, the page has them
        expect(form.locator(selector).first).to_be_visible()
    form.emulate_media(media="print")
    for selector in chrome:
        assert not form.locator(selector).first.is_visible(), selector
    expect(form.get_by_role("button", name="Send")).to_be_hidden()
    # A drop-down cannot be filled in on paper: its options are listed instead.
    expect(form.get_by_label("How often")).to_be_hidden()
    options = form.locator(".mg-field--choice .mg-print-options li")
    expect(options).to_have_count(4)
    expect(options.first).to_be_visible()
    assert form.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    screenshot(form, "form-print")
    assert form.pdf(format="A4").startswith(b"%PDF")
