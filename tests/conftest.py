"""Fixtures: the example site built once and served under a subpath; headless Chromium."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import ARTIFACTS, PROJECT, SiteServer, build_site

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
TIERS = ("unit", "site", "browser")  # a test's tier is its folder under tests/


# The files that take longest (each builds a large or second site, or opens many pages), longest
# first. `make test` hands whole files to its workers in collection order
# (--no-loadscope-reorder), so these start first and the short files fill in around them,
# instead of one worker finishing a long file alone at the end.
LONGEST_FIRST = ("browser/test_gallery_long_roster.py", "browser/test_gallery.py", "browser/test_smoke.py",
                 "browser/test_results_for_members.py", "site/test_new_association.py", "site/test_engines.py",
                 "browser/test_engine_smoke.py", "browser/test_program_calendar.py", "browser/test_match_tools.py")


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(items):
    """Mark every test with its tier (tests/unit -> unit, ...): `make test-unit` runs `-m unit`,
    and `make test` one run per tier, so a test outside them would never run."""
    tests = PROJECT / "tests"
    for item in items:
        folders = item.path.relative_to(tests).parts[:-1] if tests in item.path.parents else ()
        tier = folders[0] if folders else ""
        if tier not in TIERS:
            raise pytest.UsageError(f"{item.nodeid}: a test belongs in one of tests/{', tests/'.join(TIERS)}")
        # A second tier's mark would run the test once per tier it claims.
        others = [mark.name for mark in item.iter_markers() if mark.name in TIERS and mark.name != tier]
        if others:
            raise pytest.UsageError(f"{item.nodeid}: marked {others[0]} but its folder makes it a {tier} test")
        item.add_marker(tier)
    tests_path = lambda item: item.path.relative_to(tests).as_posix() if tests in item.path.parents else ""
    items.sort(key=lambda item: LONGEST_FIRST.index(tests_path(item)) if tests_path(item) in LONGEST_FIRST else len(LONGEST_FIRST))


@pytest.fixture(scope="session")
def example_build(tmp_path_factory):
    """The example association's site as `mkdocs build --strict` builds it with the shipped options
    and no site address, built once for the tests that read it. A test that changes the built
    files works on its own copy (shutil.copytree(example_build.site, ...))."""
    return build_site(tmp_path_factory.mktemp("example-build"))


@pytest.fixture(scope="session")
def example_site(tmp_path_factory):
    """The example association's site, served at http://127.0.0.1:PORT/mentor-gallery/."""
    tmp = tmp_path_factory.mktemp("example")
    (tmp / "site").mkdir()
    server = SiteServer(tmp / "site")
    build = build_site(tmp, site_url=server.url)
    assert build.returncode == 0, build.output
    server.site = build.site
    yield server
    server.close()


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory):
    """The same site built by Zensical as `make build ENGINE=zensical` builds it (tests/engines.py),
    served the same way; .project is its project folder (mkdocs.yml, docs/ with the written pages)."""
    from engines import build_zensical

    tmp = tmp_path_factory.mktemp("zensical")
    (tmp / "project" / "site").mkdir(parents=True)
    server = SiteServer(tmp / "project" / "site")
    build = build_zensical(tmp / "project", site_url=server.url)
    assert build.returncode == 0, build.output
    server.site, server.project = build.site, tmp / "project"
    yield server
    server.close()


def _chromium_path() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("headless Chromium is not installed: run `make test`, which installs Debian's chromium")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# How members see the site: a desktop and a phone, each in the light and the dark palette. Dark is
# the operating system's preference (prefers-color-scheme), which the shipped palette follows.
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
LOOKS = {f"{device}-{scheme}": {**options, "color_scheme": scheme}
         for device, options in (("desktop", DESKTOP), ("phone", PHONE)) for scheme in ("light", "dark")}


# Pages seen in two looks each rather than four: a desktop in one palette and a 390 px phone in
# the other, the pairs alternating from page to page, so that every page is measured at both
# widths and every look is used (looks_missed says where not).
PAIRED_LOOKS = (("desktop-light", "phone-dark"), ("desktop-dark", "phone-light"))


def paired_visits(names) -> list[tuple[str, str]]:
    """(look, name) for each page name, two looks a page."""
    return [(look, name) for number, name in enumerate(names) for look in PAIRED_LOOKS[number % 2]]


def looks_missed(visits: list[tuple[str, str]]) -> list[str]:
    """Pages not seen at both widths and in both palettes, and looks never used."""
    missed = []
    for name in dict.fromkeys(name for _, name in visits):
        looks = {look for look, seen in visits if seen == name}
        if {look.split("-")[0] for look in looks} != {"desktop", "phone"} or {look.split("-")[1] for look in looks} != {"light", "dark"}:
            missed.append(name)
    return missed + sorted(set(LOOKS) - {look for look, _ in visits})


def open_page(browser, console: bool = True, **context_options):
    """A page in a new context that records uncaught exceptions, and console errors unless
    console=False, in page.errors."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.errors = []
    if console:
        page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    return page


def close_page(page) -> None:
    _settle(page)
    page.context.close()


@pytest.fixture
def page(browser):
    """A fresh desktop page; the test fails on any console error or uncaught exception."""
    page = open_page(browser, **DESKTOP)
    yield page
    close_page(page)
    assert not page.errors, f"browser console errors: {page.errors}"


def _settle(page) -> None:
    """Let a navigation the test started (a form posted to a handler) finish: closing a context
    in the middle of one can hang Chromium."""
    try:
        page.wait_for_load_state("load", timeout=5000)
    except Exception:  # a page that never finishes loading is the test's business, not teardown's
        pass


@pytest.fixture
def phone(browser):
    page = open_page(browser, console=False, **PHONE)
    yield page
    close_page(page)
    assert not page.errors, f"browser errors: {page.errors}"


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core in the page; return the violations of the given impacts."""
    # A colour caught mid-transition (a button just clicked fades to its hover colours) is not
    # what anyone reads: let running transitions end first.
    page.evaluate("() => Promise.all(document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.finished.catch(() => null)))")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result if v["impact"] in impacts]


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


@pytest.fixture(scope="module")
def handlers(tmp_path_factory):
    """A site whose request handlers and forms all send to a local recording server."""
    from recording import handler_site  # tests/browser/recording.py

    site = handler_site(tmp_path_factory.mktemp("handlers"))
    yield site
    site.server.close()
    site.recorder.close()


@pytest.fixture
def recorder(handlers):
    """The recording server, emptied for this test."""
    handlers.recorder.received.clear()
    return handlers.recorder
