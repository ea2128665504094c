"""A gallery of a few thousand mentors in Chromium: the page holds the first hundred cards, the
script draws the rest from gallery-cards.json, and filters, counts, order, search, the URL and
the keyboard work over the whole roster; without JavaScript, mentors/all/ lists everyone.

What each view should hold is computed from the roster (the content model), as in test_gallery.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect

from conftest import LOOKS, axe_violations, close_page, open_page, screenshot
from support import PROJECT, SiteServer, build_site
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.model import Mentor, Roster
from mentor_gallery.content.slugs import fold
from mentor_gallery.site.gallery_data import ALL_PAGE_SIZE, FIRST_CARDS
from mentor_gallery.site.pages import gallery_order, mentor_words
from test_gallery import SHOWN, counts_on_screen, expected, search_hits, settle, values
from test_results_for_members import CARDS, MEASURE

pytestmark = pytest.mark.browser

SIZE = 1100  # three pages of mentors/all/: 500, 500 and 100


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    import sys

    sys.path.insert(0, str(PROJECT))
    from benchmarks.synthetic import write_roster

    root = tmp_path_factory.mktemp("window-content") / "content"
    write_roster(root, SIZE, seed=5, photo_share=0.05)
    return root


@pytest.fixture(scope="module")
def roster(content) -> Roster:
    result = load_roster(content)
    assert result.roster is not None, result.problems[:3]
    return result.roster


@pytest.fixture(scope="module")
def site(tmp_path_factory, content):
    tmp = tmp_path_factory.mktemp("window-site")
    (tmp / "site").mkdir()
    server = SiteServer(tmp / "site")
    build = build_site(tmp, content=content, site_url=server.url)
    assert build.returncode == 0, build.output[-3000:]
    yield server
    server.close()


@pytest.fixture(scope="module")
def index(roster) -> dict[str, str]:
    return {m.slug: mentor_words(m) for m in roster.mentors}


def order(roster: Roster) -> list[Mentor]:
    return gallery_order(roster)


def open_gallery(page, site, query: str = "") -> None:
    page.goto(site.url + "mentors/" + query)
    settle(page)


def shown(page) -> list[str]:
    return page.evaluate(SHOWN)


def matching(page) -> list[str]:
    return page.evaluate("() => window.mentorGallery.matchingSlugs()")


def count_text(page) -> str:
    return page.locator("[data-result-count]").text_content()


def in_order(roster: Roster, slugs: set[str]) -> list[str]:
    return [m.slug for m in order(roster) if m.slug in slugs]


def common(roster: Roster, key: str) -> str:
    tally: dict[str, int] = {}
    for m in roster.mentors:
        for v in values(m)[key]:
            tally[v] = tally.get(v, 0) + 1
    return max(tally, key=lambda v: (tally[v], v))


def check(page, box_name: str, value: str) -> None:
    page.locator(f'[data-facet] input[name="{box_name}"][value="{value}"]').check()


# ---- The page and the first window -----------------------------------------------------------

def test_the_page_holds_the_first_hundred_cards_and_counts_everyone(site, page, roster, browser):
    everyone = [m.slug for m in order(roster)]
    plain = browser.new_context(java_script_enabled=False)
    try:
        raw = plain.new_page()
        raw.goto(site.url + "mentors/")
        assert raw.evaluate("() => Array.from(document.querySelectorAll('[data-mentor]'), c => c.dataset.mentor)") == everyone[:FIRST_CARDS]
    finally:
        plain.close()
    open_gallery(page, site)
    assert shown(page) == everyone[:FIRST_CARDS]
    assert count_text(page) == f"{SIZE} mentors"
    assert page.locator("[data-more-status]").text_content() == f"The first {FIRST_CARDS} of {SIZE} mentors are shown."
    assert page.get_by_role("button", name=f"Show {FIRST_CARDS} more").is_visible()
    assert page.locator("[data-more-all]").is_hidden()  # the plain list stays linked at the foot
    assert page.get_by_role("link", name=f"All {SIZE} mentors").is_visible()


def test_filters_and_counts_are_exact_over_the_whole_roster(site, page, roster):
    open_gallery(page, site)
    region, meeting = common(roster, "region"), common(roster, "meeting")
    check(page, "region", region)
    check(page, "meeting", meeting)
    choice = {"region": {region}, "meeting": {meeting}}
    want = in_order(roster, expected(roster, choice))
    assert FIRST_CARDS < len(want) < SIZE
    assert count_text(page) == f"{len(want)} of {SIZE} mentors"  # the status a screen reader announces
    assert matching(page) == want
    assert shown(page) == want[:FIRST_CARDS]
    keep = {key: expected(roster, {k: v for k, v in choice.items() if k != key}) for key in values(roster.mentors[0])}
    for (key, value), count in counts_on_screen(page).items():
        assert count == sum(1 for m in roster.mentors if m.slug in keep[key] and value in values(m)[key]), (key, value)
    assert parse_qsl(urlsplit(page.url).query) == [("region", region), ("meeting", meeting)]


def test_show_more_draws_the_next_cards_and_takes_the_keyboard_there(site, page, roster):
    # The widest region or way of meeting that still leaves some mentors out: more than two
    # windows of cards, so that "Show more" is pressed at least twice.
    shares = Counter((key, value) for m in roster.mentors for key in ("region", "meeting") for value in values(m)[key])
    (key, value), _ = max(((choice, n) for choice, n in shares.items() if n < SIZE), key=lambda item: item[1])
    open_gallery(page, site, f"?{key}={value}")
    want = in_order(roster, expected(roster, {key: {value}}))
    assert len(want) > 2 * FIRST_CARDS
    more = page.locator("[data-more-button]")
    more.focus()
    page.keyboard.press("Enter")
    assert shown(page) == want[:2 * FIRST_CARDS]
    # The keyboard lands on the first new card, so reading goes on from there.
    assert page.evaluate("() => document.activeElement.closest('[data-mentor]').dataset.mentor") == want[FIRST_CARDS]
    while more.is_visible():
        more.click()
    assert shown(page) == want
    assert page.locator("[data-more-status]").text_content() == f"All {len(want)} mentors are shown."
    # A new filter starts again from the first page of its results.
    check(page, "accepting", "1")
    narrower = in_order(roster, expected(roster, {key: {value}, "accepting": {"1"}}))
    assert shown(page) == narrower[:FIRST_CARDS]


def test_sorting_orders_the_whole_roster(site, page, roster):
    open_gallery(page, site)
    position = {m.slug: i for i, m in enumerate(order(roster))}
    by_name = [m.slug for m in sorted(roster.mentors, key=lambda m: (fold(m.name), position[m.slug]))]
    page.get_by_label("Sort by").select_option(label="Name")
    assert matching(page) == by_name
    assert shown(page) == by_name[:FIRST_CARDS]
    newest = [m.slug for m in sorted(roster.mentors, key=lambda m: (-(m.updated.toordinal() if m.updated else 0), position[m.slug]))]
    page.get_by_label("Sort by").select_option(label="Recently reviewed")
    assert shown(page) == newest[:FIRST_CARDS]
    assert dict(parse_qsl(urlsplit(page.url).query))["sort"] == "updated"
    page.get_by_label("Sort by").select_option(label="Accepting first")
    assert shown(page) == list(position)[:FIRST_CARDS]


def test_a_shared_url_opens_the_same_view_and_history_steps_back(site, page, roster, index):
    region = common(roster, "region")
    open_gallery(page, site, f"?search=budget&region={region}&sort=name")
    want = expected(roster, {"region": {region}}, search_hits(index, "budget"))
    assert set(matching(page)) == want and 0 < len(want) < SIZE
    assert page.get_by_label("Search mentors").input_value() == "budget"
    assert page.get_by_label("Sort by").input_value() == "name"
    assert count_text(page) == f"{len(want)} of {SIZE} mentors"
    check(page, "accepting", "1")
    assert parse_qsl(urlsplit(page.url).query) == [("search", "budget"), ("accepting", "1"), ("region", region), ("sort", "name")]
    page.go_back()
    page.wait_for_function("() => document.querySelectorAll('[data-facet] input:checked').length === 1")
    assert set(matching(page)) == want


def test_search_finds_what_the_whole_index_finds_and_fetches_only_its_chunks(site, page, roster, index):
    chunks: list[str] = []
    page.on("request", lambda request: chunks.append(request.url) if re.search(r"search-index-\d+\.json", request.url) else None)
    open_gallery(page, site)
    accented = next(m for m in roster.mentors if not m.name.isascii())
    word = accented.name.split()[-1]  # a family name with an accent, typed with it and without
    queries = [word, fold(word), fold(word).upper(), "budget", "budget council", "zz", "b", "recession ledger", "18"]
    for text in queries:
        before = len(chunks)
        page.get_by_label("Search mentors").fill(text)
        settle(page)
        want = search_hits(index, text)
        assert set(matching(page)) == want, text
        assert count_text(page) == (f"{SIZE} mentors" if len(want) == SIZE else f"{len(want)} of {SIZE} mentors")
        if " " not in text and len(text) > 2:
            assert len(chunks) - before <= 2, (text, chunks[before:])  # a word's chunk or two, not the index
    page.get_by_label("Search mentors").fill(fold(word))
    settle(page)
    assert accented.slug in set(matching(page))  # typed without its accent


def test_every_card_the_script_draws_is_the_server_card(site, page, roster):
    """Every mentor's card drawn by gallery-cards.js, against the server's in the gallery (the
    first hundred) and in mentors/all/ (everyone; there the name is an h2, links start from
    another folder, so links are compared resolved, and the card carries no filter data)."""
    open_gallery(page, site)
    differences = page.evaluate("""async ({pages, first}) => {
      const absolute = (root, base) => {
        for (const el of root.querySelectorAll('[href]')) el.setAttribute('href', new URL(el.getAttribute('href'), base).href);
        for (const el of root.querySelectorAll('[src]')) el.setAttribute('src', new URL(el.getAttribute('src'), base).href);
        return root;
      };
      const parse = (html) => { const t = document.createElement('template'); t.innerHTML = html; return t.content.firstElementChild; };
      const drawn = (i, heading, filters = true) => {
        let html = window.mentorGallery.drawnCard(i);
        if (heading) html = html.replace(/<(\\/?)h3\\b/g, `<$1${heading}`);
        const card = absolute(parse(html), location.href);
        // Off the gallery a card carries no filter data: data-mentor alone.
        if (!filters) for (const a of Array.from(card.attributes)) if (a.name.startsWith('data-') && a.name !== 'data-mentor') card.removeAttribute(a.name);
        return card.outerHTML;
      };
      const out = [];
      const inPage = Array.from(document.querySelectorAll('[data-cards] > [data-mentor]')).slice(0, first);
      inPage.forEach((card, i) => {
        const server = absolute(card.cloneNode(true), location.href).outerHTML;
        if (server !== drawn(i)) out.push(['gallery', i, server, drawn(i)]);
      });
      let i = 0;
      for (let n = 1; n <= pages; n++) {
        const url = new URL(n === 1 ? 'all/' : `all/${n}/`, location.href).href;
        const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
        for (const card of doc.querySelectorAll('[data-mentor]')) {
          const server = absolute(card, url).outerHTML;
          if (server !== drawn(i, 'h2', false)) out.push(['all', i, server, drawn(i, 'h2', false)]);
          i++;
        }
      }
      return {differences: out.slice(0, 3), compared: i};
    }""", {"pages": -(-SIZE // ALL_PAGE_SIZE), "first": FIRST_CARDS})
    assert differences["compared"] == SIZE
    assert differences["differences"] == []
    photo = next(i for i, m in enumerate(order(roster)) if m.photo)  # a card with a photo was among them
    assert "<img" in page.evaluate(f"() => window.mentorGallery.drawnCard({photo})")


def test_a_chip_on_a_drawn_card_filters_in_place(site, page, roster):
    open_gallery(page, site)
    page.evaluate("() => { window.stillThisDocument = true }")
    page.locator("[data-more-button]").click()
    mentor = order(roster)[FIRST_CARDS + 3]  # a card the script drew
    area = mentor.expertise[0]
    page.locator(f'[data-mentor="{mentor.slug}"]').get_by_role("link", name=area.label, exact=True).click()
    page.wait_for_function("() => location.search !== ''")
    assert parse_qsl(urlsplit(page.url).query) == [("expertise", area.slug)]
    assert matching(page) == in_order(roster, expected(roster, {"expertise": {area.slug}}))
    assert page.evaluate("() => window.stillThisDocument === true")


def test_the_filters_work_from_the_keyboard_alone(site, page, roster):
    open_gallery(page, site)
    page.get_by_label("Search mentors").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.type === 'checkbox'"):
            break
    key, value = page.evaluate("() => [document.activeElement.name, document.activeElement.value]")
    page.keyboard.press("Space")
    want = in_order(roster, expected(roster, {key: {value}}))
    assert matching(page) == want
    assert count_text(page) == f"{len(want)} of {SIZE} mentors"


def test_the_windowed_gallery_passes_axe(site, page):
    open_gallery(page, site)
    page.locator("[data-more-button]").click()
    assert axe_violations(page) == []
    screenshot(page, "gallery-window-desktop")


# ---- Without JavaScript --------------------------------------------------------------------

def test_without_javascript_every_mentor_is_on_the_pages_of_all_mentors(site, browser, roster):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.url + "mentors/")
        assert page.locator("[data-more-button]").is_hidden()  # it needs script; the link does not
        page.locator("[data-more-all]").click()
        page.wait_for_url(re.compile(r"/mentors/all/$"))
        listed = []
        while True:
            listed += page.evaluate("() => Array.from(document.querySelectorAll('[data-mentor]'), c => c.dataset.mentor)")
            following = page.locator("a[rel=next]").first
            if not following.count():
                break
            following.click()
            page.wait_for_load_state()
        assert listed == [m.slug for m in order(roster)]
        assert re.search(r"/mentors/all/3/$", page.url)
        assert page.locator("h1").text_content() == "All mentors, page 3 of 3"
    finally:
        context.close()


def test_a_page_of_all_mentors_passes_axe(site, page):
    page.goto(site.url + "mentors/all/2/")
    assert page.locator("[data-mentor]").count() == ALL_PAGE_SIZE
    assert axe_violations(page) == []


@pytest.mark.parametrize("device", ["desktop-light", "phone-dark"])
def test_the_list_of_all_mentors_has_readable_cards(site, browser, device):
    page = open_page(browser, **LOOKS[device])
    page.look = device
    try:
        page.goto(site.url + "mentors/all/")
        expect(page.locator("li.mg-card").first).to_be_visible()
        # content-visibility skips laying out far cards: measure those near the top.
        cards = page.evaluate(MEASURE.replace("filter(e => e.offsetParent !== null)", "slice(0, 12)"), CARDS)
        assert cards and all(c["width"] >= 250 for c in cards) and all(c["lines"] <= 2 for c in cards), cards
        screenshot(page, f"results-all-{device}")
    finally:
        close_page(page)


def test_up_to_a_thousand_the_gallery_page_holds_every_card(example_site, browser):
    example = load_roster(PROJECT / "content").roster
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(example_site.url + "mentors/")
        assert page.locator("[data-mentor]").count() == len(example.mentors)
        assert page.locator("[data-more]").count() == 0
    finally:
        context.close()


def test_a_card_that_stays_keeps_the_keyboard(site, page, roster):
    open_gallery(page, site)
    first = order(roster)[0]
    area = first.expertise[0]
    chip = page.locator(f'[data-mentor="{first.slug}"]').get_by_role("link", name=area.label, exact=True)
    chip.focus()
    page.keyboard.press("Enter")  # the chip filters the gallery in place; its own card stays first
    page.wait_for_function("() => location.search !== ''")
    assert shown(page)[0] == first.slug
    assert page.evaluate("() => document.activeElement.closest('[data-mentor]')?.dataset.mentor") == first.slug
