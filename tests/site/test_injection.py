"""Hostile profiles: script, event handlers and javascript: links are inert everywhere."""

import pytest

from support import SiteServer, build_site, make_roster, write

PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
HOSTILE_TAXONOMY = f"""
expertise:
  - Finance
  - {{label: '{PAYLOAD}', slug: evil}}
regions:
  - Western
  - {{label: '"><svg onload=window.__pwned=1>', slug: evil-region}}
"""
HOSTILE_PROFILE = f"""---
name: '{PAYLOAD} Mallory'
title: '"><script>window.__pwned=1</script>'
organization: "<a href='javascript:window.__pwned=1'>Org</a>"
region: '"><svg onload=window.__pwned=1>'
city: "</textarea><script>window.__pwned=1</script>"
expertise: [Finance, '{PAYLOAD}']
summary: "<b onmouseover=window.__pwned=1>hover</b>"
languages: ["<iframe src=javascript:window.__pwned=1>"]
photo_alt: '" onerror="window.__pwned=1'
---
# Heading <script>window.__pwned=1</script>

[click me](javascript:window.__pwned=1) and <a href="JaVaScRiPt:window.__pwned=1">this</a>
<div onclick="window.__pwned=1" style="position:fixed;inset:0">cover</div>
<form action="javascript:window.__pwned=1"><button>go</button></form>
<iframe src="data:text/html,<script>parent.__pwned=1</script>"></iframe>
![x](x" onerror="window.__pwned=1)
<svg><script>window.__pwned=1</script></svg>
<style>body{{display:none}}</style>
"""
PROGRAM = f"""---
name: '{PAYLOAD} Program'
summary: '<script>window.__pwned=1</script>'
agreement: ['<img src=x onerror=window.__pwned=1>']
---
<script>window.__pwned=1</script>
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    content = make_roster(tmp / "content", {"mallory": HOSTILE_PROFILE}, {"evil": PROGRAM}, taxonomy=HOSTILE_TAXONOMY)
    # First by slug: the home search's placeholder takes this first name, quote and all.
    write(content / "mentors" / "aaa.md", "---\nname: '\"><svg/onload=window.__pwned=1> Quinn'\ntitle: T\norganization: O\nregion: Western\nexpertise: [Finance]\n---\nFine.\n")
    write(content / "mentors" / "ok.md", "---\nname: Okay\ntitle: T\norganization: O\nregion: Western\nexpertise: [Finance]\nprograms: [evil]\n---\nFine.\n")
    (tmp / "site").mkdir()
    server = SiteServer(tmp / "site")
    build = build_site(tmp, content, site_url=server.url)
    assert build.returncode == 0, build.output
    yield server
    server.close()


PAGES = ["mentors/", "mentors/mallory/", "mentors/expertise/evil/", "mentors/region/evil-region/", "programs/",
         "programs/evil/", "programs/evil/agreement/"]


@pytest.mark.parametrize("path", PAGES)
def test_nothing_runs_and_no_active_markup_survives(hostile_site, browser, path):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_site.url + path)
    page.wait_for_load_state("load")
    for link in page.locator("main a").all():
        href = (link.get_attribute("href") or "").strip().lower()
        assert not href.startswith(("javascript:", "data:", "vbscript:")), href
    # Any handler attribute, frame, or script/style/form that came from the hostile content.
    active = page.evaluate("""() => [...document.querySelectorAll('body *')].filter(el =>
        [...el.attributes].some(a => a.name.startsWith('on'))
        || ['IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName)
        || (['SCRIPT', 'STYLE'].includes(el.tagName) && /pwned|display:none/.test(el.textContent))
        || (el.tagName === 'FORM' && /javascript/i.test(el.getAttribute('action') || ''))
    ).map(el => el.outerHTML.slice(0, 80))""")
    assert active == []
    page.mouse.move(300, 300)
    page.mouse.click(300, 300)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert "Mallory" in page.content() or path.startswith("programs") or "evil" in path
    page.close()


@pytest.mark.parametrize("query", ["Program", "Mallory"])
def test_site_search_results_show_hostile_names_as_text(hostile_site, browser, query):
    page = browser.new_page()
    page.goto(hostile_site.url + "programs/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    # Typed before Material's search worker is ready, a query can be lost: wait for it.
    page.wait_for_function("() => !/initializing/i.test(document.querySelector('.md-search-result__meta').textContent)")
    page.locator(".md-search__input").press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    assert query in page.locator(".md-search-result__list").inner_text()  # found, and shown as text
    page.wait_for_timeout(500)
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".md-search-result img, .md-search-result script, .md-search-result svg").count() == 0
    page.close()


def test_the_home_search_placeholder_shows_a_hostile_name_as_text(hostile_site, browser):
    """The placeholder is drawn from the roster (a mentor's first name) by the site engine's own
    templates, which do not escape by themselves."""
    page = browser.new_page()
    page.goto(hostile_site.url)
    search = page.locator("#mg-home-search")
    assert search.get_attribute("placeholder") == 'e.g. Finance, Western, "><svg/onload=window.__pwned=1>'
    assert page.evaluate("[...document.querySelectorAll('body *')].filter(el => [...el.attributes].some(a => a.name.startsWith('on'))).length") == 0
    assert page.evaluate("window.__pwned") is None
    page.close()
