"""Every page with results, as a member uses it on a 390 x 844 phone and a 1280 px desktop, in the
light and the dark palette: cards measured (not only screenshotted), whole-card taps, requests
from a result, the ranking a member expects, the first result in sight, and the site search.
(mentors/all/, which needs a roster above 1,000, is measured in test_gallery_long_roster.)"""

from __future__ import annotations

import json
from urllib.parse import urljoin, urlparse

import pytest
from playwright.sync_api import expect

from conftest import LOOKS, close_page, looks_missed, open_page, paired_visits, screenshot
from support import PROJECT, SiteServer, build_site

pytestmark = pytest.mark.browser

FIND = "mentors/find/?needs=finance&needs=strategic-planning&region=central&meeting=in-person&meeting=video"
TEAM = "mentors/team/?areas=finance&areas=police&areas=engineering&areas=it&areas=work-life-balance"
RESULTS_PAGES = {"gallery": "mentors/", "find": FIND, "team": TEAM, "facet": "mentors/expertise/finance/",
                 "region": "mentors/region/central/", "program": "programs/mentorship/"}
CARDS = "li.mg-card:not(.mg-card--out), li.mg-match__result"
NAME_LINKS = ".mg-card__name a, .mg-match__name a"


@pytest.fixture
def look(request, browser):
    """A page in the look (device and palette) the test is parametrized with."""
    page = open_page(browser, **LOOKS[request.param])
    page.look = request.param
    yield page
    close_page(page)
    assert not page.errors, f"browser errors: {page.errors}"


def settle(page) -> None:
    expect(page.locator(".mg-match__results[aria-busy]")).to_have_count(0)
    page.wait_for_load_state("load")


MEASURE = """(sel) => [...document.querySelectorAll(sel)].filter(e => e.offsetParent !== null).map(card => {
  const link = card.querySelector('.mg-card__name a, .mg-match__name a');
  // An inline link has one box per line it is laid out on.
  const lines = new Set([...link.getClientRects()].map(r => Math.round(r.top))).size;
  return {slug: card.dataset.mentor || card.dataset.matchResult, width: card.getBoundingClientRect().width, lines};
})"""


def measure(page) -> list[dict]:
    return page.evaluate(MEASURE, CARDS)


def check_cards(page, where: str) -> None:
    cards = measure(page)
    assert cards, f"{where}: no results shown"
    narrow = [c for c in cards if c["width"] < 250]
    assert not narrow, f"{where} ({page.look}): cards narrower than 250 px: {narrow[:3]}"
    tall = [c for c in cards if c["lines"] > 2]
    assert not tall, f"{where} ({page.look}): names on more than two lines: {tall[:3]}"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{where} ({page.look}) scrolls sideways: {width}px"


# Each results page in two looks (conftest.paired_visits): both widths, both palettes.
VISITS = paired_visits(sorted(RESULTS_PAGES))


def test_every_results_page_is_seen_at_both_widths_in_both_palettes():
    assert set(RESULTS_PAGES) == {name for _, name in VISITS}
    assert looks_missed(VISITS) == []


@pytest.mark.parametrize(("look", "name"), VISITS, indirect=["look"])
def test_every_results_page_has_readable_cards(example_site, look, name):
    look.goto(example_site.url + RESULTS_PAGES[name])
    settle(look)
    expect(look.locator(CARDS).first).to_be_visible()
    check_cards(look, name)
    look.locator(CARDS).first.evaluate("e => e.scrollIntoView({block: 'start'})")  # the results, not the form above them
    screenshot(look, f"results-{name}-{look.look}")


def blank_corner(box: dict) -> tuple[float, float]:
    return box["x"] + box["width"] - 6, box["y"] + box["height"] - 6


@pytest.mark.parametrize("device", ["desktop-light", "phone-light", "phone-dark"])
def test_a_tap_anywhere_on_a_card_opens_the_profile_and_chips_keep_their_links(example_site, browser, device):
    page = open_page(browser, **LOOKS[device])
    try:
        page.goto(example_site.url + "mentors/")
        card = page.locator("li.mg-card").first
        slug = card.get_attribute("data-mentor")
        card.scroll_into_view_if_needed()
        x, y = blank_corner(card.bounding_box())
        # The corner is blank (no chip, no text), and what takes the tap there is the name's link.
        assert page.evaluate("""([x, y, slug]) => {
          const hit = document.elementFromPoint(x, y);
          return hit.closest('a') === document.querySelector(`[data-mentor="${slug}"] .mg-card__name a`);
        }""", [x, y, slug])
        if device.startswith("phone"):
            # Every target of the card is at least 44 px tall on a phone.
            heights = card.locator("a.mg-chip").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
            assert heights and min(heights) >= 44, heights
            page.touchscreen.tap(x, y)
        else:
            page.mouse.click(x, y)
        expect(page).to_have_url(example_site.url + f"mentors/{slug}/")
        page.go_back()
        chip = page.locator("li.mg-card").first.locator("a.mg-chip").first
        target = urljoin(page.url, chip.get_attribute("href"))
        chip.click()
        expect(page).to_have_url(target)
        # The focus order is the markup's: the name first, then the chips.
        page.goto(example_site.url + "mentors/expertise/finance/")
        order = page.locator("li.mg-card").first.evaluate(
            "card => [...card.querySelectorAll('a, button')].map(e => e.className || 'name')")
        assert order[0] == "name" and all("mg-chip" in c for c in order[1:])
    finally:
        close_page(page)


def control_shape(locator) -> list[dict]:
    return locator.evaluate_all("""els => els.map(e => {
      const form = e.closest('form');
      return {tag: e.tagName, text: e.textContent.trim(), href: e.getAttribute('href'), cls: e.className,
              disabled: e.getAttribute('aria-disabled'), action: form && form.getAttribute('action'),
              fields: form ? [...form.querySelectorAll('input[type=hidden]')].map(i => [i.name, i.value]) : null,
              note: (document.getElementById((e.getAttribute('aria-describedby') || '').split(' ')[0]) || {}).textContent};
    })""")


@pytest.mark.parametrize("tool", ["find", "team"])
def test_a_results_request_control_is_the_profiles(example_site, page, tool):
    page.goto(example_site.url + (FIND if tool == "find" else TEAM))
    settle(page)
    results = page.locator("[data-match-result]")
    expect(results.first).to_be_visible()
    slugs = results.evaluate_all("els => els.map(e => e.dataset.matchResult)")
    for index, slug in enumerate(slugs[:4]):
        in_result = control_shape(results.nth(index).locator("[data-request]"))
        # Each result shows the card's header: photo or initials, name, title, availability.
        head = results.nth(index).locator(".mg-match__head")
        expect(head.locator(".mg-avatar")).to_have_count(1)
        expect(head.locator(".mg-status")).to_have_count(1)
        profile = open_page(page.context.browser, **LOOKS["desktop-light"])
        try:
            profile.goto(example_site.url + f"mentors/{slug}/")
            on_profile = control_shape(profile.locator("[data-request]"))
            shown_status = profile.locator(".mg-profile__who > .mg-status").inner_text()
        finally:
            close_page(profile)
        assert in_result and in_result == on_profile, slug
        expect(head.locator(".mg-status")).to_have_text(shown_status)
    # Following a result's control goes where the profile's goes.
    link = results.first.locator("a[data-request][href^='https:']").first
    if link.count():
        target = link.get_attribute("href")
        seen = []
        page.route(f"{urlparse(target).scheme}://{urlparse(target).netloc}/**",
                   lambda route: (seen.append(route.request.url), route.fulfill(body="ok")))
        link.click()
        expect(page).to_have_url(target)
        assert seen == [target]


@pytest.mark.parametrize("look", sorted(LOOKS), indirect=True)
def test_a_same_region_mentor_with_the_same_needs_ranks_first(example_site, look):
    data = json.loads((example_site.site / "mentors" / "match-data.json").read_text(encoding="utf-8"))
    base = next(m for m in data["mentors"] if m["available"])
    finance = next(t for t in data["expertise"] if t["slug"] == "finance")
    central, coastal = (next(r for r in data["regions"] if r["slug"] == s) for s in ("central", "coastal"))
    # Amy, elsewhere, meets monthly in person; Zed, in the member's region, quarterly in person.
    # Before, in person counted across regions and Amy, first by name, tied Zed at 89.
    amy = {**base, "slug": "amy", "name": "Amy Abbott", "expertise": [finance], "region": coastal, "frequency": "monthly",
           "meeting": ["in-person"], "programs": []}
    zed = {**base, "slug": "zed", "name": "Zed Zeller", "expertise": [finance], "region": central, "frequency": "quarterly",
           "meeting": ["in-person"], "programs": []}
    data["mentors"] = [amy, zed]
    look.route("**/mentors/match-data.json", lambda route: route.fulfill(json=data))
    look.goto(example_site.url + "mentors/find/")
    settle(look)
    look.get_by_label("First need (most important)").select_option(label="Finance")
    look.get_by_label("Your region").select_option(label="Central")
    look.get_by_label("How often you would like to meet").select_option(label="Monthly")
    look.get_by_label("In person", exact=True).check()
    assert look.get_by_label("A mentor from another region is fine").is_checked()
    results = look.locator("[data-match-result]")
    expect(results).to_have_count(2)
    assert results.evaluate_all("els => els.map(e => e.dataset.matchResult)") == ["zed", "amy"]
    reasons = results.locator(".mg-match__reasons").all_inner_texts()
    assert not any("remote" in r and "in person" in r for r in reasons), reasons
    results.first.scroll_into_view_if_needed()
    screenshot(look, f"results-find-ranking-{look.look}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_the_first_card_is_on_the_first_screen_and_show_n_closes_the_panel(example_site, browser, scheme):
    phone = open_page(browser, **LOOKS[f"phone-{scheme}"])
    try:
        phone.goto(example_site.url + "mentors/")
        first = phone.locator("li.mg-card").first
        expect(first).to_be_visible()
        assert first.bounding_box()["y"] < 844, "the first mentor is below the first screen"
        phone.get_by_role("button", name="Filters", exact=True).click()
        done = phone.locator("[data-filter-done]")
        expect(done).to_be_visible()
        # The button stays at the foot of the screen while the long panel is open.
        box = done.bounding_box()
        assert 0 <= box["y"] and box["y"] + box["height"] <= 844, box
        assert box["height"] >= 44
        phone.locator("[data-facet='region'] input").first.check()
        expect(done).to_contain_text("Show")
        screenshot(phone, f"results-gallery-panel-phone-{scheme}")
        done.click()
        expect(phone.locator("[data-facets]")).not_to_be_visible()
        first = phone.locator(CARDS).first
        expect(first).to_be_visible()
        top = first.evaluate("e => e.getBoundingClientRect().top")
        assert 0 <= top < 844, f"the first result is {top}px down the screen"
    finally:
        close_page(phone)


def test_an_empty_roster_says_so_plainly(tmp_path, browser):
    from support import make_roster

    content = make_roster(tmp_path / "content", {})
    (tmp_path / "site").mkdir()
    server = SiteServer(tmp_path / "site")
    build = build_site(tmp_path, content=content, site_url=server.url)
    assert build.returncode == 0, build.output[-2000:]
    page = open_page(browser, **LOOKS["phone-light"])
    try:
        page.goto(server.url + "mentors/")
        expect(page.locator("[data-empty-roster]")).to_have_text(
            "No mentors are listed yet. The mentoring committee adds each volunteer’s profile here; come back soon.")
        assert "Untick a filter" not in page.locator("article").inner_text()
        expect(page.locator("[data-filters]")).to_have_count(0)
    finally:
        close_page(page)
        server.close()


@pytest.mark.parametrize("device", ["desktop-light", "desktop-dark"])
def test_the_members_search_finds_the_mentor_and_not_the_guide(example_site, browser, device):
    word = "spreadsheet"  # in the committee's guide and in Priya Raman's statement, nowhere else
    guide = " ".join(p.read_text(encoding="utf-8").lower() for p in (PROJECT / "docs" / "guide").glob("*.md"))
    assert word in guide and word in (PROJECT / "content" / "mentors" / "priya-raman.md").read_text(encoding="utf-8").lower()
    page = open_page(browser, **LOOKS[device])
    try:
        page.goto(example_site.url)
        search = page.get_by_role("textbox", name="Search").first
        search.click()
        # Typed before Material's search worker is ready, a query can be lost: wait for it.
        page.wait_for_function("() => !/initializing/i.test(document.querySelector('.md-search-result__meta').textContent)")
        search.press_sequentially(word, delay=20)
        hits = page.locator(".md-search-result__item a")
        expect(hits.first).to_be_visible()
        targets = hits.evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert any("mentors/priya-raman/" in t for t in targets), targets
        assert not any("/guide/" in t for t in targets), targets
        screenshot(page, f"results-search-{device}")
    finally:
        close_page(page)
