"""A member browses the Mentors Gallery in Chromium: facets, search, sorting, shareable URLs.

What each view should show is computed here from the example roster (the content model), never
written out by hand, and compared with the cards the browser actually shows.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, screenshot
from support import EXAMPLE_CONTENT
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.model import FREQUENCY, MEETING, Mentor, Roster
from mentor_gallery.content.slugs import fold
from mentor_gallery.site.pages import mentor_words

pytestmark = pytest.mark.browser

KEYS = ("expertise", "region", "role", "program", "frequency", "meeting", "accepting")
SHOWN = """() => Array.from(document.querySelectorAll('[data-cards] > [data-mentor]'))
                   .filter(card => card.getClientRects().length > 0).map(card => card.dataset.mentor)"""


# ---- What the roster says --------------------------------------------------------------------

@pytest.fixture(scope="module")
def roster() -> Roster:
    result = load_roster(EXAMPLE_CONTENT)
    assert result.roster is not None, result.problems
    return result.roster


@pytest.fixture(scope="module")
def index(roster) -> dict[str, str]:
    """What the gallery's search matches, unchunked: slug -> folded words (the site serves them
    inverted, in chunks, which the browser reads)."""
    return {m.slug: mentor_words(m) for m in roster.mentors}


def values(mentor: Mentor) -> dict[str, set[str]]:
    return {
        "expertise": {t.slug for t in mentor.expertise},
        "region": {mentor.region.slug},
        "role": {t.slug for t in mentor.roles},
        "program": set(mentor.programs),
        "frequency": {mentor.frequency.slug} if mentor.frequency else set(),
        "meeting": {t.slug for t in mentor.meeting},
        "accepting": {"1"} if mentor.accepting and mentor.capacity != 0 else {"0"},
    }


def search_hits(index: dict[str, str], text: str) -> set[str]:
    """Every word of the query begins some indexed word of the mentor."""
    query = re.findall(r"[a-z0-9]+", fold(text))
    return {slug for slug, words in index.items() if all(any(w.startswith(q) for w in words.split()) for q in query)}


def expected(roster: Roster, choice: dict[str, set[str]], hits: set[str] | None = None) -> set[str]:
    """OR within a facet, AND across facets and the search."""
    return {m.slug for m in roster.mentors
            if all(not chosen or values(m)[key] & chosen for key, chosen in choice.items())
            and (hits is None or m.slug in hits)}


def default_order(roster: Roster) -> list[Mentor]:
    return sorted(roster.mentors, key=lambda m: (not (m.accepting and m.capacity != 0), fold(m.name), m.slug))


# ---- What the browser shows ------------------------------------------------------------------

def open_gallery(page, site, query: str = ""):
    page.goto(site.url + "mentors/" + query)
    settle(page)


def settle(page):
    """Wait until the search index, when one is needed, has arrived and been applied."""
    page.wait_for_function("() => !document.querySelector('[data-gallery]').hasAttribute('aria-busy')")


def shown(page) -> list[str]:
    return page.evaluate(SHOWN)


def option(page, legend: str, label: str):
    """An option of a facet, as a member reaches it: a long list is opened with its Show all button."""
    group = page.get_by_role("group", name=legend)
    box = group.get_by_role("checkbox", name=re.compile(rf"^{re.escape(label)} \d+ mentors?$"))
    more = group.locator("[data-facet-more][aria-expanded=false]")
    if not box.is_visible() and more.count():
        more.click()
    return box


def counts_on_screen(page) -> dict[tuple[str, str], int]:
    return {(key, value): int(count) for key, value, count in page.evaluate("""() =>
        Array.from(document.querySelectorAll('[data-facet] input[type=checkbox]'), box =>
          [box.name, box.value, box.closest('label').querySelector('[data-count]').textContent])""")}


def query_of(page) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(page.url).query)


def label(roster: Roster, key: str, slug: str) -> str:
    vocabulary = {"expertise": roster.taxonomy.expertise, "region": roster.taxonomy.regions, "role": roster.taxonomy.roles,
                  "frequency": FREQUENCY, "meeting": MEETING}.get(key)
    if vocabulary:
        return vocabulary.by_slug(slug).label
    return roster.program(slug).name


LEGENDS = {"expertise": "Area of expertise", "region": "Region", "role": "Ways of helping", "program": "Program",
           "frequency": "Meeting frequency", "meeting": "Meeting mode", "accepting": "Availability"}


def common_value(roster: Roster, key: str) -> str:
    """A value of the facet that some but not all mentors have, so filtering by it shows something."""
    tally: dict[str, int] = {}
    for m in roster.mentors:
        for v in values(m)[key]:
            tally[v] = tally.get(v, 0) + 1
    value = max((v for v in tally if tally[v] < len(roster.mentors)), key=lambda v: (tally[v], v))
    return value


# ---- Facets --------------------------------------------------------------------------------

@pytest.mark.parametrize("key", KEYS)
def test_each_facet_alone_shows_exactly_the_mentors_with_that_value(example_site, page, roster, key):
    open_gallery(page, example_site)
    assert sorted(shown(page)) == sorted(m.slug for m in roster.mentors)
    value = common_value(roster, key)
    name = "Accepting new mentees" if key == "accepting" else label(roster, key, value)
    option(page, LEGENDS[key], name).check()
    want = expected(roster, {key: {value}})
    assert 0 < len(want) < len(roster.mentors)
    assert set(shown(page)) == want
    assert page.locator("[data-result-count]").text_content() == f"{len(want)} of {len(roster.mentors)} mentors"
    assert query_of(page) == [(key, value)]


def test_values_of_one_facet_widen_and_facets_together_narrow(example_site, page, roster):
    open_gallery(page, example_site)
    regions = sorted({m.region.slug for m in roster.mentors})[:2]
    for slug in regions:
        option(page, "Region", label(roster, "region", slug)).check()
    either = expected(roster, {"region": set(regions)})
    assert set(shown(page)) == either
    assert either == expected(roster, {"region": {regions[0]}}) | expected(roster, {"region": {regions[1]}})

    meeting = common_value(roster, "meeting")
    option(page, "Meeting mode", label(roster, "meeting", meeting)).check()
    both = expected(roster, {"region": set(regions), "meeting": {meeting}})
    assert set(shown(page)) == both
    assert both < either  # the second facet really narrowed the view
    assert query_of(page) == [("region", regions[0]), ("region", regions[1]), ("meeting", meeting)]


def test_each_count_tells_how_many_mentors_that_choice_would_show(example_site, page, roster):
    open_gallery(page, example_site)
    region = common_value(roster, "region")
    frequency = common_value(roster, "frequency")
    option(page, "Region", label(roster, "region", region)).check()
    option(page, "Meeting frequency", label(roster, "frequency", frequency)).check()
    choice = {"region": {region}, "frequency": {frequency}}
    counts = counts_on_screen(page)
    assert len(counts) > 20
    for (key, value), count in counts.items():
        others = {k: v for k, v in choice.items() if k != key}
        want = sum(1 for m in roster.mentors if m.slug in expected(roster, others) and value in values(m)[key])
        assert count == want, f"{key}={value}: shows {count}, the roster says {want}"
    # Counts of other regions still say what ticking them too would add (OR within a facet).
    assert any(count > 0 for (key, value), count in counts.items() if key == "region" and value != region)


def test_accepting_hides_mentors_who_are_not_accepting_or_full(example_site, page, roster):
    not_accepting = {m.slug for m in roster.mentors if not m.accepting}
    full = {m.slug for m in roster.mentors if m.accepting and m.capacity == 0}
    assert not_accepting and full, "the example roster should have both kinds of unavailable mentor"
    open_gallery(page, example_site)
    for slug in not_accepting | full:
        card = page.locator(f'[data-mentor="{slug}"]')
        assert card.is_visible()
        assert card.locator(".mg-status--closed").is_visible()  # marked on the card
    option(page, "Availability", "Accepting new mentees").check()
    visible = set(shown(page))
    assert visible == {m.slug for m in roster.mentors} - not_accepting - full
    for slug in list(not_accepting | full)[:3]:
        assert page.locator(f'[data-mentor="{slug}"]').is_hidden()


def test_reset_clears_every_filter_and_the_search(example_site, page, roster):
    open_gallery(page, example_site, "?expertise=finance&region=metro&search=city")
    assert len(shown(page)) < len(roster.mentors)
    page.get_by_role("button", name="Reset filters").click()
    assert sorted(shown(page)) == sorted(m.slug for m in roster.mentors)
    assert page.get_by_label("Search mentors").input_value() == ""
    assert page.locator("[data-facet] input:checked").count() == 0
    assert urlsplit(page.url).query == ""
    assert page.locator("[data-result-count]").text_content() == f"{len(roster.mentors)} mentors"


# ---- Search --------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "finds"), [("bjorn", "bjorn-agren"), ("ZOE", "zoe-nunez"), ("Björn Ågr", "bjorn-agren"),
                                               ("nunez spanish", "zoe-nunez")])
def test_search_ignores_case_and_accents(example_site, page, index, typed, finds):
    open_gallery(page, example_site)
    page.get_by_label("Search mentors").press_sequentially(typed, delay=10)
    settle(page)
    want = search_hits(index, typed)
    assert finds in want
    assert set(shown(page)) == want
    assert dict(query_of(page))["search"] == typed


def test_search_words_are_prefixes_and_must_all_match(example_site, page, roster, index):
    open_gallery(page, example_site, "?search=budg")
    hits = search_hits(index, "budg")
    assert 0 < len(hits) < len(roster.mentors)
    assert set(shown(page)) == hits
    page.get_by_label("Search mentors").fill("budg coastal")
    settle(page)
    narrower = search_hits(index, "budg coastal")
    assert narrower < hits
    assert set(shown(page)) == narrower


def test_search_and_facets_combine(example_site, page, roster, index):
    region = common_value(roster, "region")
    open_gallery(page, example_site, f"?search=city&region={region}")
    assert set(shown(page)) == expected(roster, {"region": {region}}, search_hits(index, "city"))


def test_javascript_folds_text_as_python_does(example_site, page):
    open_gallery(page, example_site)
    samples = ["Björn Ågren", "Łukasz Wiśniewski", "STRAẞE Straße", "Øster Æbelø", "Œuvre", "Þórunn", "ﬁnance",
               "İzmir ıtır", "Nguyễn Thị Lan", "Zoë Núñez", "Đorđe", "ＦＵＬＬ width"]
    folded = page.evaluate("samples => samples.map(s => window.mentorGallery.fold(s))", samples)
    assert folded == [fold(s) for s in samples]


# ---- Shareable URLs and history ------------------------------------------------------------

def test_a_shared_url_opens_the_same_view(example_site, page, roster, index):
    region = common_value(roster, "region")
    meeting = common_value(roster, "meeting")
    query = f"?search=city&region={region}&meeting={meeting}&meeting=not-a-mode&colour=blue&accepting=1"
    open_gallery(page, example_site, query)
    want = expected(roster, {"region": {region}, "meeting": {meeting}, "accepting": {"1"}}, search_hits(index, "city"))
    assert set(shown(page)) == want
    assert page.get_by_label("Search mentors").input_value() == "city"
    checked = page.evaluate("() => Array.from(document.querySelectorAll('[data-facet] input:checked'), b => b.name + '=' + b.value)")
    assert sorted(checked) == sorted([f"region={region}", f"meeting={meeting}", "accepting=1"])
    # The next change writes the contract's query string: unknown values are gone.
    option(page, "Program", roster.programs[0].name).check()
    assert query_of(page) == [("search", "city"), ("accepting", "1"), ("region", region), ("program", roster.programs[0].slug),
                              ("meeting", meeting)]


@pytest.mark.parametrize("written", ["true", "yes", "YES"])
def test_accepting_true_or_yes_in_a_shared_url_means_1(example_site, page, roster, written):
    open_gallery(page, example_site, f"?accepting={written}")
    assert set(shown(page)) == expected(roster, {"accepting": {"1"}}) != {m.slug for m in roster.mentors}
    assert option(page, "Availability", "Accepting new mentees").is_checked()
    option(page, "Region", label(roster, "region", common_value(roster, "region"))).check()
    assert ("accepting", "1") in query_of(page)  # the next change writes the contract's value


def test_back_and_forward_step_through_filter_changes(example_site, page, roster):
    open_gallery(page, example_site)
    everyone = set(shown(page))
    region = common_value(roster, "region")
    meeting = common_value(roster, "meeting")
    option(page, "Region", label(roster, "region", region)).check()
    one = set(shown(page))
    option(page, "Meeting mode", label(roster, "meeting", meeting)).check()
    two = set(shown(page))
    assert everyone > one > two

    page.go_back()
    page.wait_for_function("n => document.querySelectorAll('[data-facet] input:checked').length === n", arg=1)
    assert set(shown(page)) == one
    assert query_of(page) == [("region", region)]
    page.go_back()
    page.wait_for_function("() => document.querySelectorAll('[data-facet] input:checked').length === 0")
    assert set(shown(page)) == everyone
    page.go_forward()
    page.wait_for_function("() => document.querySelectorAll('[data-facet] input:checked').length === 1")
    assert set(shown(page)) == one
    assert option(page, "Region", label(roster, "region", region)).is_checked()


def test_an_expertise_chip_on_a_card_filters_in_place(example_site, page, roster):
    open_gallery(page, example_site)
    page.evaluate("() => { window.stillThisDocument = true }")
    mentor = default_order(roster)[0]
    area = mentor.expertise[0]
    page.locator(f'[data-mentor="{mentor.slug}"]').get_by_role("link", name=area.label, exact=True).click()
    page.wait_for_function("() => location.search !== ''")
    assert query_of(page) == [("expertise", area.slug)]
    assert set(shown(page)) == expected(roster, {"expertise": {area.slug}})
    assert option(page, "Area of expertise", area.label).is_checked()
    assert page.evaluate("() => window.stillThisDocument === true")  # no page load


# ---- Sorting ---------------------------------------------------------------------------------

def test_sorting_reorders_the_cards(example_site, page, roster):
    open_gallery(page, example_site)
    server = [m.slug for m in default_order(roster)]
    assert shown(page) == server  # accepting first, then by name
    first_unavailable = next(i for i, m in enumerate(default_order(roster)) if not m.accepting or m.capacity == 0)
    assert all(not m.accepting or m.capacity == 0 for m in default_order(roster)[first_unavailable:])

    position = {slug: i for i, slug in enumerate(server)}
    regions = [t.slug for t in roster.taxonomy.regions.terms]
    by = {
        "Name": sorted(roster.mentors, key=lambda m: (fold(m.name), position[m.slug])),
        "Region": sorted(roster.mentors, key=lambda m: (regions.index(m.region.slug), position[m.slug])),
        "Recently reviewed": sorted(roster.mentors, key=lambda m: (-(m.updated.toordinal() if m.updated else 0), position[m.slug])),
    }
    for choice, order in by.items():
        page.get_by_label("Sort by").select_option(label=choice)
        assert shown(page) == [m.slug for m in order], choice
    assert dict(query_of(page))["sort"] == "updated"
    page.get_by_label("Sort by").select_option(label="Accepting first")
    assert shown(page) == server


# ---- Keyboard, phone, accessibility ------------------------------------------------------------

def test_the_filters_work_from_the_keyboard_alone(example_site, page, roster):
    open_gallery(page, example_site)
    page.get_by_label("Search mentors").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.type === 'checkbox'"):
            break
    focused = page.evaluate("() => [document.activeElement.name, document.activeElement.value]")
    assert focused[0] in KEYS
    page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.checked")
    assert set(shown(page)) == expected(roster, {focused[0]: {focused[1]}})
    assert len(shown(page)) < len(roster.mentors)


def test_on_a_phone_the_filters_fold_behind_a_button(example_site, phone, roster):
    open_gallery(phone, example_site)
    toggle = phone.get_by_role("button", name=re.compile(r"^Filters"))
    facets = phone.locator("[data-facets]")
    assert toggle.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert facets.is_hidden()
    assert phone.get_by_label("Search mentors").is_visible()
    screenshot(phone, "gallery-phone")

    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert facets.is_visible()
    region = common_value(roster, "region")
    option(phone, "Region", label(roster, "region", region)).check()
    option(phone, "Availability", "Accepting new mentees").check()
    assert toggle.text_content() == "Filters (2)"
    assert set(shown(phone)) == expected(roster, {"region": {region}, "accepting": {"1"}})
    assert axe_violations(phone) == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    # One column: every card starts at the same left edge.
    lefts = phone.evaluate("""() => Array.from(document.querySelectorAll('[data-cards] > [data-mentor]'), card => card.getBoundingClientRect())
                                  .filter(box => box.width > 0).map(box => Math.round(box.left))""")
    assert len(set(lefts)) == 1
    screenshot(phone, "gallery-phone-filters")
    want = expected(roster, {"region": {region}, "accepting": {"1"}})
    phone.get_by_role("button", name=f"Show {len(want)} mentor{'s' if len(want) != 1 else ''}").click()
    assert facets.is_hidden()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert phone.evaluate("() => document.activeElement.hasAttribute('data-filter-toggle')")


def test_on_a_desktop_the_filters_sit_beside_the_cards(example_site, page):
    open_gallery(page, example_site)
    assert page.locator(".md-sidebar--primary").is_hidden()  # Material's navigation makes room
    assert page.get_by_role("button", name=re.compile(r"^Filters")).is_hidden()
    filters = page.locator("[data-filters]").bounding_box()
    cards = page.locator("[data-cards]").bounding_box()
    assert filters["x"] + filters["width"] <= cards["x"]
    assert filters["y"] < cards["y"] + cards["height"] and cards["y"] < filters["y"] + filters["height"]
    columns = page.evaluate("""() => new Set(Array.from(document.querySelectorAll('[data-cards] > [data-mentor]'),
                                                        card => Math.round(card.getBoundingClientRect().left))).size""")
    assert columns >= 2
    screenshot(page, "gallery-desktop")


def test_the_gallery_passes_axe_in_the_dark_palette(example_site, page):
    open_gallery(page, example_site)
    page.locator("label[for^='__palette']:visible").first.click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert axe_violations(page) == []
    screenshot(page, "gallery-desktop-dark")


# ---- Material: instant navigation, site search; and without JavaScript ----------------------

def test_instant_navigation_to_a_profile_and_back_keeps_the_filters_working(example_site, page, roster):
    open_gallery(page, example_site)
    page.evaluate("() => { window.stillThisDocument = true }")
    region = common_value(roster, "region")
    option(page, "Region", label(roster, "region", region)).check()
    first = shown(page)[0]
    name = next(m.name for m in roster.mentors if m.slug == first)
    page.locator(f'[data-mentor="{first}"]').get_by_role("link", name=name).click()
    page.wait_for_url(re.compile(rf"/mentors/{first}/$"))
    # Material's instant navigation updates the URL before it swaps the content in: wait for it.
    expect(page.locator("h1").first).to_have_text(name)

    page.go_back()
    page.wait_for_function("() => document.querySelector('[data-gallery]') !== null")
    settle(page)
    assert page.evaluate("() => window.stillThisDocument === true")  # Material swapped the page in
    assert option(page, "Region", label(roster, "region", region)).is_checked()
    assert set(shown(page)) == expected(roster, {"region": {region}})
    meeting = common_value(roster, "meeting")
    option(page, "Meeting mode", label(roster, "meeting", meeting)).check()
    assert set(shown(page)) == expected(roster, {"region": {region}, "meeting": {meeting}})
    # One listener per control: a single click opens the (phone) filter panel exactly once.
    page.evaluate("() => document.querySelector('[data-filter-toggle]').click()")
    assert page.locator("[data-filter-toggle]").get_attribute("aria-expanded") == "true"


def test_an_expertise_chip_on_a_profile_opens_the_gallery_filtered(example_site, page, roster):
    mentor = default_order(roster)[0]
    area = mentor.expertise[-1]
    page.goto(f"{example_site.url}mentors/{mentor.slug}/")
    page.evaluate("() => { window.stillThisDocument = true }")
    page.locator(".mg-chips").first.get_by_role("link", name=area.label, exact=True).click()
    page.wait_for_function("() => document.querySelector('[data-gallery]') !== null")
    settle(page)
    assert page.evaluate("() => window.stillThisDocument === true")  # instant navigation
    assert query_of(page) == [("expertise", area.slug)]
    assert set(shown(page)) == expected(roster, {"expertise": {area.slug}})
    assert option(page, "Area of expertise", area.label).is_checked()


def test_hostile_text_in_the_url_stays_text(example_site, page, roster):
    attack = '<img src=x onerror="window.owned=1">'
    open_gallery(page, example_site, "?search=" + attack.replace(" ", "+").replace('"', "%22")
                 + "&expertise=%3Cscript%3Ewindow.owned%3D1%3C%2Fscript%3E&sort=%3Cb%3E")
    assert page.get_by_label("Search mentors").input_value() == attack
    assert page.evaluate("() => window.owned") is None
    assert page.locator("[data-gallery] img[src='x']").count() == 0
    assert page.get_by_label("Sort by").input_value() == ""  # unknown sort: the default
    assert page.locator("[data-result-count]").text_content().endswith(f"of {len(roster.mentors)} mentors")


def test_material_site_search_still_works_on_the_gallery(example_site, page):
    open_gallery(page, example_site)
    search = page.get_by_role("textbox", name="Search").first  # Material's own search box
    search.click()
    # Typed before Material's search worker is ready, a query can be lost: wait for it.
    page.wait_for_function("() => !/initializing/i.test(document.querySelector('.md-search-result__meta').textContent)")
    search.press_sequentially("coaching", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    assert page.locator(".md-search-result__item").count() > 0
    assert urlsplit(page.url).query == ""  # the gallery's search= is not touched by it


def test_without_javascript_every_mentor_is_listed(example_site, browser, roster):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(example_site.url + "mentors/?expertise=finance")
        assert sorted(page.evaluate(SHOWN)) == sorted(m.slug for m in roster.mentors)
        assert page.locator("[data-filters]").is_hidden()  # controls that could not work
        area = roster.taxonomy.expertise.terms[0]
        page.get_by_role("navigation", name=re.compile("Browse")).get_by_role("link", name=area.label, exact=True).click()
        page.wait_for_url(re.compile(rf"/mentors/expertise/{area.slug}/$"))
        listed = page.evaluate("() => Array.from(document.querySelectorAll('[data-mentor]'), c => c.dataset.mentor)")
        assert set(listed) == expected(roster, {"expertise": {area.slug}})
    finally:
        context.close()


# ---- Scale ---------------------------------------------------------------------------------
# How fast it is belongs to `make bench` (benchmarks/), not to a timed test; this checks that a
# long list filters correctly and reports its timing where the benchmark reads it.

def test_ten_thousand_cards_filter_correctly_and_report_their_timing(example_site, page, roster):
    open_gallery(page, example_site)
    page.evaluate("""() => {
        const list = document.querySelector('[data-cards]');
        const originals = Array.from(list.children);
        const fragment = document.createDocumentFragment();
        for (let i = originals.length; i < 10000; i++) fragment.appendChild(originals[i % originals.length].cloneNode(true));
        list.appendChild(fragment);
        list.classList.add('mg-cards--many');  // as the server renders a list this long
        window.mentorGallery.refresh();
    }""")
    assert page.locator("[data-cards] > [data-mentor]").count() == 10000
    area = roster.taxonomy.expertise.terms[0]
    option(page, "Area of expertise", area.label).check()  # a member's click goes through the same path
    assert page.evaluate("() => performance.getEntriesByName('mg-filter').pop().duration") == pytest.approx(
        page.evaluate("() => window.mentorGallery.lastFilterMs"))
    # The copies repeat the server's order; the filter shows every copy of a matching mentor.
    want = expected(roster, {"expertise": {area.slug}})
    server = [m.slug for m in default_order(roster)]
    assert len(shown(page)) == sum(1 for i in range(10000) if server[i % len(server)] in want)
