"""Members-only mode: on a public host, only name, region and areas are readable without the
member passphrase; the rest opens in the browser with it."""

import base64
import datetime as dt
import gzip
import re

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from mentor_gallery.content.loader import load_roster
from mentor_gallery.site.sealing import Sealer
from mentor_gallery.content.slugs import fold
from support import EXAMPLE_CONTENT, SiteServer, build_site

PASSPHRASE = "otters in the riverlands"
PLUGIN = {"access": "members-only", "passphrase_env": "TEST_MEMBER_PASSPHRASE",
          "request_form": {"url": "https://forms.example.org/request", "method": "get"}}


@pytest.fixture(scope="module")
def roster():
    return load_roster(EXAMPLE_CONTENT).roster


@pytest.fixture(scope="module")
def members_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("members")
    (tmp / "site").mkdir()
    server = SiteServer(tmp / "site")
    build = build_site(tmp, plugin=PLUGIN, site_url=server.url, env={"TEST_MEMBER_PASSPHRASE": PASSPHRASE})
    assert build.returncode == 0, build.output
    server.site = build.site
    yield server
    server.close()


def all_text(site) -> str:
    parts = []
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            parts.append((gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace"))
    return "\n".join(parts)


def test_only_the_public_roster_is_readable_in_the_published_files(members_site, roster):
    text = all_text(members_site.site)
    for mentor in roster.mentors:
        assert mentor.name in text or mentor.name.replace("'", "&#39;") in text
        assert f"{mentor.title}, {mentor.organization}" not in text, mentor.title
        sentence = mentor.body.strip().split("\n")[0][:60]
        assert sentence not in text, sentence
        if mentor.contact and mentor.contact.email:
            assert mentor.contact.email not in text  # never published, sealed or not
    site = members_site.site
    assert not (site / "mentors" / "match-data.json").exists()
    assert not list(site.glob("mentors/*/photo.*"))
    assert not (site / "mentors" / "find").exists()


def test_sealed_profiles_do_not_tell_their_length(members_site, roster):
    sizes = {}
    for mentor in roster.mentors:
        if mentor.photo:
            continue  # a photo travels inside the sealed profile and takes a larger bucket
        html = (members_site.site / "mentors" / mentor.slug / "index.html").read_text(encoding="utf-8")
        sizes[mentor.slug] = len(re.search(r'data-sealed="([^"]+)"', html).group(1))
    statements = {len(m.body) for m in roster.mentors if m.slug in sizes}
    assert len(sizes) > 10 and max(statements) - min(statements) > 200  # statements of varied length
    assert len(set(sizes.values())) == 1, sizes


def test_a_build_without_the_passphrase_fails_and_says_where_to_put_it(tmp_path):
    build = build_site(tmp_path, plugin=PLUGIN, env={"TEST_MEMBER_PASSPHRASE": ""})
    assert build.returncode != 0
    assert "TEST_MEMBER_PASSPHRASE" in build.output and "never written in mkdocs.yml" in build.output


def test_a_member_opens_a_profile_with_the_passphrase_and_the_next_one_opens_by_itself(members_site, page, roster):
    first, second = [m for m in roster.mentors if m.available][:2]
    page.goto(f"{members_site.url}mentors/{first.slug}/")
    expect(page.locator("h1").first).to_have_text(first.name)
    statement = page.get_by_text(first.body.strip().split("\n")[0][:40])
    expect(statement).to_be_hidden()
    assert axe_violations(page) == []

    page.get_by_label("Member passphrase").fill("not the passphrase")
    page.get_by_role("button", name="Open the profile").click()
    expect(page.get_by_role("status")).to_contain_text("did not open")
    expect(statement).to_be_hidden()

    page.get_by_label("Member passphrase").fill(PASSPHRASE)
    page.get_by_role("button", name="Open the profile").click()
    expect(statement).to_be_visible()
    opened = page.locator("[data-sealed-content]").inner_html()
    assert "\x00" not in opened and "\ufffd" not in opened and "\x80" not in opened  # the padding is gone
    expect(page.locator("[data-request]").first).to_be_visible()
    expect(page.get_by_label("Member passphrase")).to_be_hidden()

    page.goto(f"{members_site.url}mentors/{second.slug}/")
    expect(page.get_by_text(second.title).first).to_be_visible()  # opened with the session's key


def test_the_gallery_filters_the_public_roster(members_site, page, roster):
    page.goto(f"{members_site.url}mentors/")
    assert page.locator("[data-mentor]").count() == len(roster.mentors)
    assert page.locator('[data-facet="program"]').count() == 0  # a detail, not public
    area = roster.taxonomy.expertise.terms[0]
    page.goto(f"{members_site.url}mentors/?expertise={area.slug}")
    want = {m.slug for m in roster.mentors if area in m.expertise}
    page.wait_for_function(f"() => document.querySelector('[data-result-count]').textContent.startsWith('{len(want)} ')")
    visible = page.evaluate("() => Array.from(document.querySelectorAll('[data-mentor]')).filter(c => c.offsetParent).map(c => c.dataset.mentor)")
    assert set(visible) == want


def public_html(site) -> dict:
    """Every published page with its sealed blobs cut out: what anyone can read."""
    return {path: re.sub(r'data-sealed="[^"]*"', "", path.read_text(encoding="utf-8")) for path in site.rglob("*.html")}


def test_the_public_roster_is_in_name_order_whatever_the_availability(members_site, page, roster):
    by_name = [m.slug for m in sorted(roster.mentors, key=lambda m: (fold(m.name), m.slug))]
    accepting_first = [m.slug for m in sorted(roster.mentors, key=lambda m: (not m.available, fold(m.name), m.slug))]
    assert by_name != accepting_first  # the example roster tells the two orders apart
    page.goto(f"{members_site.url}mentors/")
    shown = page.evaluate("() => Array.from(document.querySelectorAll('[data-cards] [data-mentor]')).map(c => c.dataset.mentor)")
    assert shown == by_name
    listed = 0
    for path, html in public_html(members_site.site).items():  # the area and region pages too
        order = re.findall(r'data-mentor="([^"]+)"', html)
        assert order == [slug for slug in by_name if slug in order], path
        listed += len(order) > 1
    assert listed > 5


def test_no_public_page_tells_who_is_in_a_program(members_site, page, roster):
    pages = public_html(members_site.site)
    for path, html in pages.items():
        assert "mentors/?program=" not in html, path  # no link that filters the gallery by program
    for program in roster.programs:
        html = pages[members_site.site / "programs" / program.slug / "index.html"]
        assert "data-mentor=" not in html
        for mentor in roster.mentors:
            assert f"mentors/{mentor.slug}/" not in html, (program.slug, mentor.slug)
    page.goto(f"{members_site.url}programs/")
    expect(page.locator(".mg-compare th")).to_have_count(4 + len(roster.programs))  # Program, Duration, Meetings, Who can mentor
    expect(page.locator(".mg-compare thead th", has_text="Mentors")).to_have_count(0)
    program = next(p for p in roster.programs if any(p.slug in m.programs for m in roster.mentors))
    page.goto(f"{members_site.url}programs/{program.slug}/")
    facts = page.locator(".mg-facts").inner_text()
    assert not re.search(r"\d+ mentors?\b", facts), facts
    expect(page.get_by_role("heading", name="Mentors in this program")).to_have_count(0)
    assert axe_violations(page) == []


STORED_KEYS = """async () => {
  // Every CryptoKey in every IndexedDB database of the site, and whether its bytes can be exported.
  const request = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  const keys = [];
  const walk = (v) => { if (v instanceof CryptoKey) keys.push(v); else if (v && typeof v === "object") Object.values(v).forEach(walk); };
  for (const info of await indexedDB.databases()) {
    const db = await request(indexedDB.open(info.name));
    for (const name of db.objectStoreNames) (await request(db.transaction(name).objectStore(name).getAll())).forEach(walk);
    db.close();
  }
  const found = [];
  for (const key of keys) {
    let exported = true;
    try { await crypto.subtle.exportKey("raw", key); } catch (e) { exported = false; }
    found.push({ extractable: key.extractable, exported: exported, usages: key.usages });
  }
  return found;
}"""

STORAGE_TEXT = """() => [document.cookie,
  ...Object.keys(localStorage).map(k => k + "=" + localStorage.getItem(k)),
  ...Object.keys(sessionStorage).map(k => k + "=" + sessionStorage.getItem(k))].join("\\n")"""


def unlock(page, url: str) -> None:
    page.goto(url)
    page.get_by_label("Member passphrase").fill(PASSPHRASE)
    page.get_by_role("button", name="Open the profile").click()
    expect(page.get_by_role("button", name="Lock")).to_be_visible()


def test_the_remembered_key_is_a_crypto_key_whose_bytes_no_script_can_read(members_site, page, roster):
    mentor = roster.mentors[0]
    unlock(page, f"{members_site.url}mentors/{mentor.slug}/")
    stored = page.evaluate(STORED_KEYS)
    assert stored == [{"extractable": False, "exported": False, "usages": ["decrypt"]}]
    salt = base64.b64decode(page.locator("[data-salt]").get_attribute("data-salt"))
    key = Sealer.from_passphrase(PASSPHRASE, salt=salt).key
    forms = (base64.b64encode(key).decode(), base64.urlsafe_b64encode(key).decode().rstrip("="), key.hex())
    text = page.evaluate(STORAGE_TEXT)
    for form in (*forms, PASSPHRASE):
        assert form not in text and form.lower() not in text.lower()


def test_a_second_tab_opens_profiles_without_asking_and_lock_forgets(members_site, page, roster):
    first, second, third = roster.mentors[:3]
    unlock(page, f"{members_site.url}mentors/{first.slug}/")

    tab = page.context.new_page()
    tab.goto(f"{members_site.url}mentors/{second.slug}/")
    expect(tab.get_by_text(f"{second.title}, {second.organization}")).to_be_visible()
    expect(tab.get_by_label("Member passphrase")).to_be_hidden()
    assert axe_violations(tab) == []

    tab.get_by_role("button", name="Lock").click()
    expect(tab.get_by_label("Member passphrase")).to_be_visible()
    expect(tab.get_by_text(f"{second.title}, {second.organization}")).to_have_count(0)
    assert tab.evaluate(STORED_KEYS) == []

    for other in (page, page.context.new_page()):  # the first tab too, on its next page
        other.goto(f"{members_site.url}mentors/{third.slug}/")
        expect(other.locator('[data-unlock-state="locked"]')).to_have_count(1)
        expect(other.get_by_label("Member passphrase")).to_be_visible()
        expect(other.get_by_text(f"{third.title}, {third.organization}")).to_have_count(0)


def test_the_key_is_forgotten_after_twelve_hours(members_site, page, roster):
    first, second = roster.mentors[:2]
    unlock(page, f"{members_site.url}mentors/{first.slug}/")
    page.clock.set_system_time(dt.datetime.now() + dt.timedelta(hours=12, minutes=1))
    page.goto(f"{members_site.url}mentors/{second.slug}/")
    expect(page.locator('[data-unlock-state="locked"]')).to_have_count(1)
    expect(page.get_by_label("Member passphrase")).to_be_visible()
    assert page.evaluate(STORED_KEYS) == []


def test_a_new_browser_session_asks_again(members_site, page, roster):
    first, second = roster.mentors[:2]
    unlock(page, f"{members_site.url}mentors/{first.slug}/")
    page.context.clear_cookies()  # what closing the browser does to session cookies
    page.goto(f"{members_site.url}mentors/{second.slug}/")
    expect(page.locator('[data-unlock-state="locked"]')).to_have_count(1)
    assert page.evaluate(STORED_KEYS) == []


def test_a_new_build_asks_again_and_drops_the_old_key(members_site, page, roster):
    first, second = roster.mentors[:2]
    unlock(page, f"{members_site.url}mentors/{first.slug}/")

    def rebuilt(route):  # the same site sealed again: a new salt
        html = route.fetch().text()
        route.fulfill(body=re.sub(r'data-salt="[^"]+"', f'data-salt="{base64.b64encode(b"another build ..").decode()}"', html),
                      content_type="text/html")

    page.route(f"**/mentors/{second.slug}/", rebuilt)
    page.goto(f"{members_site.url}mentors/{second.slug}/")
    expect(page.get_by_label("Member passphrase")).to_be_visible()
    expect(page.locator('[data-unlock-state="locked"]')).to_have_count(1)
    assert page.evaluate(STORED_KEYS) == []


def test_no_public_page_offers_a_tool_an_order_or_a_search_the_public_roster_cannot_honour(members_site, page, roster):
    for path, html in public_html(members_site.site).items():
        # Find my mentor and the team builder rank by details a members-only site does not publish.
        assert not re.search(r'href="[^"]*mentors/(find|team)/', html), path
    page.goto(members_site.url)
    expect(page.get_by_role("link", name="Browse all mentors")).to_be_visible()
    expect(page.get_by_role("link", name="Find my mentor")).to_have_count(0)
    expect(page.get_by_role("link", name="Build your advisory team")).to_have_count(0)
    page.goto(f"{members_site.url}mentors/?sort=updated")
    sort = page.get_by_label("Sort by")
    assert sort.locator("option").all_inner_texts() == ["Name", "Region"] and sort.input_value() == ""
    expect(page.get_by_label("Search mentors")).to_have_attribute("placeholder", "Name, region or area…")
    assert page.locator("[data-facet]").evaluate_all("els => els.map(e => e.dataset.facet)") == ["region", "expertise", "role"]
    shown = page.evaluate("() => Array.from(document.querySelectorAll('[data-cards] [data-mentor]')).map(c => c.dataset.mentor)")
    assert shown == [m.slug for m in sorted(roster.mentors, key=lambda m: (fold(m.name), m.slug))]
