"""The example site opens in Chromium under a subpath, and its main pages pass axe-core."""

import pytest

from conftest import axe_violations, screenshot

PAGES = ["", "mentors/", "mentors/bjorn-agren/", "programs/", "programs/coaching/", "forms/mentee-application/"]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_accessibility_violation(example_site, page, path):
    page.goto(example_site.url + path)
    assert page.locator("h1").first.is_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", PAGES)
def test_page_does_not_scroll_sideways_on_a_phone(example_site, phone, path):
    phone.goto(example_site.url + path)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{path} is {width}px wide on a 390px screen"
    screenshot(phone, "phone-" + (path.strip("/").replace("/", "-") or "home"))
