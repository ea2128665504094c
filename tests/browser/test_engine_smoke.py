"""The example site as a member uses it, built by either engine: the gallery's filters and search,
the engine's own site search, a request control, a form, and axe-core in the light and the dark
palette on the Zensical build (the MkDocs build is audited page by page in test_smoke.py).

The gallery's own markup is the same on both engines (tests/site/test_engines.py); what differs
is the theme's chrome. Every selector that depends on it sits in ENGINE_CHROME, one entry per engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from conftest import LOOKS, axe_violations, close_page, open_page, screenshot
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.model import Roster
from support import EXAMPLE_CONTENT

pytestmark = pytest.mark.browser

HANDLER_HOST = "https://forms.example.org/"  # the example's request handler and form actions
SHOWN = """() => Array.from(document.querySelectorAll('[data-cards] > [data-mentor]'))
                   .filter(card => card.getClientRects().length > 0).map(card => card.dataset.mentor)"""


@dataclass(frozen=True)
class Chrome:
    """The theme's markup these tests touch: Material's site search is a text box in the header;
    Zensical's is a button that opens a dialog (in a shadow root, which Playwright's locators enter)."""

    search_button: str | None  # clicked to open the search, where there is one
    search_box_role: str
    search_ready: str | None  # a script that is true once the engine's search index has loaded
    search_result: str  # the link of one result


ENGINE_CHROME = {
    "mkdocs": Chrome(search_button=None, search_box_role="textbox",
                     search_ready="() => !/initializing/i.test(document.querySelector('.md-search-result__meta').textContent)",
                     search_result=".md-search-result__item a.md-search-result__link"),
    "zensical": Chrome(search_button=".md-search__button", search_box_role="combobox", search_ready=None,
                       search_result="[role=listbox][aria-label='Search results'] a[role=option]"),
}
ENGINES = list(ENGINE_CHROME)


@pytest.fixture(scope="module")
def roster() -> Roster:
    result = load_roster(EXAMPLE_CONTENT)
    assert result.roster is not None, result.problems
    return result.roster


@pytest.fixture(params=ENGINES)
def engine(request):
    """(name, served site) for each engine's build of the example."""
    fixture = {"mkdocs": "example_site", "zensical": "zensical_site"}[request.param]
    return request.param, request.getfixturevalue(fixture)


@pytest.fixture
def handler(page):
    """Requests to the example's handler host, answered here: nothing leaves the machine."""
    received = []

    def answer(route, request):
        received.append(request)
        route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>Received</title><p>Received</p>")

    page.route(f"{HANDLER_HOST}**", answer)
    return received


def open_gallery(page, site, query: str = "") -> None:
    page.goto(site.url + "mentors/" + query)
    page.wait_for_function("() => !document.querySelector('[data-gallery]').hasAttribute('aria-busy')")


def test_the_gallery_filters_by_a_facet(engine, page, roster):
    _, site = engine
    open_gallery(page, site)
    assert sorted(page.evaluate(SHOWN)) == sorted(m.slug for m in roster.mentors)
    term = max(roster.taxonomy.expertise.terms, key=lambda t: sum(t in m.expertise for m in roster.mentors))
    want = {m.slug for m in roster.mentors if term in m.expertise}
    assert 0 < len(want) < len(roster.mentors)
    areas = page.get_by_role("group", name="Area of expertise")
    areas.locator("[data-facet-more]").click()  # the long list of areas opens as a member opens it
    areas.get_by_role("checkbox", name=term.label, exact=False).first.check()
    expect(page.locator("[data-result-count]")).to_have_text(f"{len(want)} of {len(roster.mentors)} mentors")
    assert set(page.evaluate(SHOWN)) == want
    assert parse_qs(urlsplit(page.url).query) == {"expertise": [term.slug]}


def test_the_gallery_search_finds_a_mentor_by_name(engine, page, roster):
    _, site = engine
    mentor = next(m for m in roster.mentors if sum(m.name.split()[-1] in other.name for other in roster.mentors) == 1)
    open_gallery(page, site)
    page.get_by_role("searchbox", name="Search mentors").fill(mentor.name.split()[-1])
    expect(page.locator("[data-result-count]")).to_have_text(f"1 of {len(roster.mentors)} mentors")
    assert page.evaluate(SHOWN) == [mentor.slug]


def test_the_engines_site_search_finds_a_program(engine, page, roster):
    name, site = engine
    chrome = ENGINE_CHROME[name]
    program = roster.programs[0]
    page.goto(site.url)
    if chrome.search_button:
        page.locator(chrome.search_button).click()
    box = page.get_by_role(chrome.search_box_role, name="Search").first
    box.click()
    if chrome.search_ready:
        page.wait_for_function(chrome.search_ready)
    box.press_sequentially(program.name, delay=20)
    results = page.locator(chrome.search_result)
    results.first.wait_for()
    hrefs = results.evaluate_all("links => links.map(link => link.href)")
    assert any(f"programs/{program.slug}/" in href for href in hrefs), hrefs


def test_a_request_control_opens_the_handler_with_the_mentor_filled_in(engine, page, handler, roster):
    _, site = engine
    with_own_handler = {p.slug for p in roster.programs if p.request_form}
    mentor = next(m for m in roster.mentors if m.available and not set(m.programs) & with_own_handler)
    page.goto(site.url + f"mentors/{mentor.slug}/")
    control = page.locator("[data-request]").first
    expect(control).to_be_visible()
    control.click()
    page.wait_for_url(f"{HANDLER_HOST}**")
    [request] = handler
    query = parse_qs(urlsplit(request.url).query)
    assert query["entry.1000001"] == [mentor.slug] and query["entry.1000002"] == [mentor.name]


def test_a_form_refuses_to_send_empty_and_posts_once_filled(engine, page, handler, roster):
    _, site = engine
    form = roster.forms[0]
    page.goto(site.url + f"forms/{form.slug}/")
    submit = page.locator("form.mg-form button[type=submit]").first
    submit.click()
    page.wait_for_timeout(300)
    assert handler == [] and page.url.startswith(site.url)
    # Every required control, whatever its kind; a required group of boxes needs one ticked.
    for control in page.locator("form.mg-form [required]").all():
        kind = control.evaluate("el => el.tagName === 'SELECT' ? 'select' : el.type")
        if kind == "select":
            control.select_option(index=1)
        elif kind in ("checkbox", "radio"):
            control.check()
        elif kind == "email":
            control.fill("member@example.org")
        elif kind == "date":
            control.fill("2026-09-01")
        elif kind == "number":
            control.fill("1")
        else:
            control.fill("Filled in by the smoke test")
    for group in page.locator("form.mg-form fieldset[data-required-group]").all():
        group.locator("input[type=checkbox]").first.check()
    submit.click()
    page.wait_for_url(f"{HANDLER_HOST}**")
    [request] = handler
    assert request.method == form.method.upper() and request.url.startswith(form.action)
    sent = parse_qs(request.post_data or urlsplit(request.url).query)
    assert {f.name for f in form.fields if f.required} <= set(sent)


@pytest.mark.parametrize("look", ["desktop-light", "desktop-dark"])
def test_the_zensical_build_passes_axe_in_light_and_dark(zensical_site, browser, roster, look):
    program = roster.programs[0]
    member = open_page(browser, **LOOKS[look])
    try:
        # The guide index has the navigation sidebar with a current link (Zensical's "modern" look fails there).
        for path in ("mentors/", f"mentors/{roster.mentors[0].slug}/", f"programs/{program.slug}/", f"forms/{roster.forms[0].slug}/", "guide/"):
            member.goto(zensical_site.url + path)
            assert member.locator("h1").first.is_visible()
            scheme = member.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert scheme == ("slate" if look.endswith("dark") else "default"), path
            assert axe_violations(member) == [], f"{path} ({look})"
            screenshot(member, f"zensical-{look}-{path.strip('/').replace('/', '-')}")
        assert not member.errors, f"browser console errors: {member.errors}"
    finally:
        close_page(member)
