"""The committee's links, in Chromium: "Edit this profile" and "Propose a mentor" with repo_url set,
absent without it; the proposal opens the blank profile that `new` writes."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, screenshot
from mentor_gallery.content.loader import load_roster
from mentor_gallery.committee.scaffold import profile_template, roster_hints
from mentor_gallery.content.source import parse_yaml, split_frontmatter
from support import EXAMPLE_CONTENT, SiteServer, build_site, copy_example

REPO = "https://github.com/example/riverlands"


@pytest.fixture(scope="module")
def repo_site(tmp_path_factory):
    """The example site with repo_url set; content inside the project folder, as in a repository."""
    tmp = tmp_path_factory.mktemp("repo-site")
    (tmp / "site").mkdir()
    server = SiteServer(tmp / "site")
    build = build_site(tmp, copy_example(tmp / "content"), site_url=server.url, env={"REPO_URL": REPO},
                       plugin={"content_dir": "content", "edit_branch": "trunk"})
    assert build.returncode == 0, build.output
    yield server
    server.close()


@pytest.fixture
def offline(page):
    """Material's header asks the repository host for star counts; answer it here, not the network."""
    page.route(re.compile(r"^https://api\.github\.com/.*"), lambda route: route.fulfill(json={}))
    return page


def test_the_gallery_links_to_a_new_profile_prefilled_with_the_blank_template(repo_site, offline):
    page = offline
    page.goto(repo_site.url + "mentors/")
    link = page.get_by_role("link", name="Propose a mentor")
    assert link.is_visible()
    href = link.get_attribute("href")
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO}/new/trunk/content/mentors"
    query = parse_qs(parts.query)
    assert query["filename"] == ["new-mentor.md"]
    roster = load_roster(EXAMPLE_CONTENT).roster
    expected = profile_template(None, roster_hints(roster.taxonomy, [p.slug for p in roster.programs]))
    assert query["value"] == [expected]
    # What the committee member gets is a profile our loader reads, with the required keys empty.
    data = parse_yaml(split_frontmatter(expected)[0]).data
    assert data == {"name": None, "title": None, "organization": None, "region": None, "expertise": None}
    screenshot(page, "committee-gallery-propose-link")


def test_a_profile_links_to_its_own_file_for_editing(repo_site, offline):
    page = offline
    page.goto(repo_site.url + "mentors/bjorn-agren/")
    link = page.get_by_role("link", name="Edit this profile")
    assert link.is_visible()
    assert link.get_attribute("href") == f"{REPO}/edit/trunk/content/mentors/bjorn-agren.md"


def test_the_links_pass_axe_and_fit_a_phone(repo_site, offline, phone):
    offline.goto(repo_site.url + "mentors/")
    assert axe_violations(offline) == []
    phone.route(re.compile(r"^https://api\.github\.com/.*"), lambda route: route.fulfill(json={}))
    phone.goto(repo_site.url + "mentors/")
    assert phone.get_by_role("link", name="Propose a mentor").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone, "committee-phone-gallery-propose-link")


def test_without_repo_url_neither_link_exists(example_site, page):
    page.goto(example_site.url + "mentors/")
    assert page.locator("h1").first.is_visible()
    assert page.get_by_role("link", name="Propose a mentor").count() == 0
    assert page.locator("[data-propose-mentor]").count() == 0
    page.goto(example_site.url + "mentors/bjorn-agren/")
    assert page.locator("h1").first.is_visible()
    assert page.get_by_role("link", name="Edit this profile").count() == 0


def test_the_guide_is_in_the_site_navigation(example_site, page):
    page.goto(example_site.url + "guide/")
    assert page.get_by_role("heading", level=1, name="Guide for the mentoring committee").is_visible()
    page.get_by_role("link", name="Add or edit a profile on GitHub").first.click()
    # Instant navigation swaps the content after the address changes: wait for the new heading.
    expect(page.get_by_role("heading", level=1, name="Add or edit a profile on GitHub")).to_be_visible()
    assert page.url.endswith("/guide/edit-on-github/")
    page.mouse.move(640, 10)  # audit the page at rest, not the clicked link's hover colour
    assert axe_violations(page) == []
    screenshot(page, "committee-guide-edit-on-github")


def test_a_phones_drawer_on_a_profile_reaches_the_guide_whose_pages_then_list_it_all(example_site, phone):
    """A profile's navigation holds one link to the guide, not the guide's pages (tests/site/test_page_size.py):
    on a phone the drawer still leads there, and the guide's own drawer lists its pages."""
    slug = sorted(load_roster(EXAMPLE_CONTENT).roster.mentors, key=lambda m: m.slug)[0].slug
    phone.goto(example_site.url + f"mentors/{slug}/")
    drawer = phone.locator(".md-sidebar--primary")
    phone.locator('label.md-header__button[for="__drawer"]').click()
    guide = drawer.get_by_role("link", name="For the committee", exact=True)
    expect(guide).to_be_visible()
    assert drawer.get_by_role("link", name="Publishing and reminders").count() == 0
    guide.click()
    expect(phone.get_by_role("heading", level=1, name="Guide for the mentoring committee")).to_be_visible()
    assert phone.url.endswith("/guide/")
    phone.locator('label.md-header__button[for="__drawer"]').click()
    expect(drawer.get_by_role("link", name="Publishing and reminders").first).to_be_visible()
