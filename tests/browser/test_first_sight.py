"""What a member sees first: the geometry that makes the home page and a profile work at a glance.
(Every page kind is opened, audited and screenshotted at desktop and phone width in test_smoke.)"""

from __future__ import annotations

from playwright.sync_api import expect

from mentor_gallery.content.loader import load_roster
from support import EXAMPLE_CONTENT

ROSTER = load_roster(EXAMPLE_CONTENT).roster
WITH_PHOTO = next(m for m in ROSTER.mentors if m.photo)
PROFILE = f"mentors/{WITH_PHOTO.slug}/"  # a photo beside (or above) the name


def test_the_profile_photo_sits_beside_the_name_on_a_desktop(example_site, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(example_site.url + PROFILE)
    photo = page.locator(".mg-profile__header .mg-avatar").bounding_box()
    name = page.locator(".mg-profile__header h1").bounding_box()
    assert name["x"] >= photo["x"] + photo["width"], "the name starts right of the photo"
    assert name["y"] < photo["y"] + photo["height"], "the name is on the photo's row"
    # The request control and the availability are in the same header.
    expect(page.locator(".mg-profile__header [data-request]").first).to_be_visible()
    expect(page.locator(".mg-profile__header .mg-status")).to_be_visible()


def test_a_profile_header_stacks_on_a_phone(example_site, phone):
    phone.goto(example_site.url + PROFILE)
    photo = phone.locator(".mg-profile__header .mg-avatar").bounding_box()
    name = phone.locator(".mg-profile__header h1").bounding_box()
    assert name["y"] >= photo["y"] + photo["height"], "on a phone the name comes under the photo"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_home_page_offers_the_gallery_on_a_phones_first_screen(example_site, phone):
    phone.goto(example_site.url)
    gallery = phone.get_by_role("link", name="Browse all mentors")
    box = gallery.bounding_box()
    assert box["y"] + box["height"] <= phone.viewport_size["height"], "the gallery button is on the first screen"
    accepting = sum(1 for m in ROSTER.mentors if m.available)
    expect(phone.locator(".mg-home__count")).to_contain_text(f"{accepting} of {len(ROSTER.mentors)}")
    expect(phone.locator(".mg-home__programs > li")).to_have_count(len(ROSTER.programs))


def test_the_home_search_box_opens_the_gallery_filtered(example_site, page):
    page.goto(example_site.url)
    page.get_by_label("Find a mentor by name, area or keyword").fill("budget")
    page.get_by_role("button", name="Search the gallery").click()
    page.wait_for_url("**/mentors/?search=budget")
    expect(page.locator("[data-gallery]")).to_be_visible()


def test_the_footer_names_the_association_and_its_privacy_rule(example_site, page):
    page.goto(example_site.url + "programs/")
    footer = page.locator(".md-copyright")
    expect(footer).to_contain_text("Privacy")
    expect(footer.get_by_role("link")).to_have_attribute("href", "mailto:mentoring@riverlands.example.org")
    expect(page.locator(".md-footer")).not_to_contain_text("Made with")


def test_initials_come_in_more_than_one_colour(example_site, page):
    page.goto(example_site.url + "mentors/")
    colours = set(page.locator(".mg-card .mg-avatar--initials").evaluate_all(
        "els => els.map(e => getComputedStyle(e).backgroundColor)"))
    assert len(colours) >= 3, colours


def test_a_long_area_name_stays_on_one_line_with_its_full_name_kept(example_site, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(example_site.url + "mentors/")
    longest = max((t.label for t in ROSTER.taxonomy.expertise.terms), key=len)
    chip = page.locator(f'.mg-card a.mg-chip[title="{longest}"]').first
    box = chip.bounding_box()
    line = chip.evaluate("el => parseFloat(getComputedStyle(el).lineHeight)")
    assert box["height"] < 2 * line, "the pill keeps to one line"
    assert chip.inner_text() == longest  # the link text (read aloud) is the whole label


def test_the_filter_panel_shows_what_members_use_most_first(example_site, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(example_site.url + "mentors/")
    panel = page.locator("[data-facets]").bounding_box()
    for key in ("accepting", "region"):
        box = page.locator(f'[data-facet="{key}"]').bounding_box()
        assert box["y"] + box["height"] - panel["y"] <= 900, f"{key} is within the panel's first 900 px"
    # The nineteen areas fold to their first options, with a button showing them all.
    areas = page.locator('[data-facet="expertise"]')
    total = len(ROSTER.taxonomy.expertise.terms)
    assert areas.locator("label:visible").count() < total
    more = areas.locator("[data-facet-more]")
    expect(more).to_have_text(f"Show all {total}")
    more.click()
    expect(more).to_have_attribute("aria-expanded", "true")
    assert areas.locator("label:visible").count() == total


def test_a_shared_link_shows_its_filters_as_chips_that_remove_them(example_site, page):
    region = ROSTER.taxonomy.regions.terms[0]
    hidden_area = ROSTER.taxonomy.expertise.terms[-1]  # folded away unless chosen
    page.goto(example_site.url + f"mentors/?region={region.slug}&expertise={hidden_area.slug}")
    chips = page.locator("[data-active-filters] button")
    expect(chips).to_have_count(2)
    expect(page.locator('[data-facet="expertise"]').get_by_label(hidden_area.label)).to_be_visible()
    page.get_by_role("button", name=f"Remove filter: {region.label}").click()
    expect(chips).to_have_count(1)
    page.wait_for_url(lambda url: "region=" not in url)
    expect(page.locator(f'[data-facet="region"] input[value="{region.slug}"]')).not_to_be_checked()
