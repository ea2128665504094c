"""The gallery in headless Chromium: what a first visit downloads, when it becomes usable, how
long a filter change takes, and what a first search fetches.

Timing comes from the page itself (performance.now(), whose origin is the navigation start).
gallery.js reports each state change's script time as `mentorGallery.lastFilterMs` (and a
performance measure "mg-filter"); we also time a change from the click until the frame showing
it is drawn, which adds the style, layout and paint work that hiding thousands of cards costs.
On a shared machine wall times swing with the load, so the renderer's main-thread CPU time
(DevTools' Performance metrics in thread time) is recorded beside them.

A first search is measured on a cold page: the bytes (gzip) of every file fetched from the moment
a query is entered until its result is shown, the query entered at once (pasted, or typed faster
than the gallery's fetch pause) and typed key by key at TYPING_DELAY_MS.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .site_metrics import gzip_size
from .static_server import StaticServer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
OUR_ASSETS = "assets/mentor-gallery/"
GALLERY_INDEX = "mentors/search-index.json"  # the manifest of the gallery's word index
GALLERY_INDEX_FILES = re.compile(r"mentors/search-index(-\d+)?\.json$")  # it and its chunks
FIRST_QUERY = "budget"  # a typical one-word query
TYPING_DELAY_MS = 120
SITE_SEARCH = "search/search_index.json"
LOAD_TIMEOUT_MS = 60_000
SETTLE_MS = 150

# Marks the first frame after the gallery is set up (mentorGallery exists and has applied the URL's
# filters): a frame only runs once the main thread is free, so this is when a click would work.
READY_PROBE = """
(() => {
  const check = () => {
    const gallery = window.mentorGallery;
    if (gallery && gallery.lastFilterMs !== null && gallery.lastFilterMs !== undefined) {
      window.__mgReadyAt = performance.now();
    } else {
      requestAnimationFrame(check);
    }
  };
  requestAnimationFrame(check);
})();
"""

# One filter change: tick or untick a box, as a click does, then wait until the frame that shows
# the result has been drawn (the second animation frame after the click starts once it has).
CHANGE = """
async (selector) => {
  const box = document.querySelector(selector);
  if (!box) return null;
  const count = document.querySelector('[data-result-count]');
  const before = count ? count.textContent : '';
  const start = performance.now();
  box.click();
  const script = performance.now() - start;
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const gallery = window.mentorGallery;
  return {
    frame: performance.now() - start,
    script,
    reported: gallery && typeof gallery.lastFilterMs === 'number' ? gallery.lastFilterMs : null,
    changed: count ? count.textContent !== before : false,
    count: count ? count.textContent : '',
  };
}
"""

SEARCH = """
async (text) => {
  const input = document.querySelector('[data-filter-search]');
  const start = performance.now();
  input.value = text;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  const script = performance.now() - start;
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return {frame: performance.now() - start, script, count: document.querySelector('[data-result-count]').textContent};
}
"""

# (facet key, option position): tick, untick, and combinations across facets.
CHANGES = [("expertise", 0), ("expertise", 0), ("region", 0), ("meeting", 2), ("expertise", 1),
           ("region", 0), ("meeting", 2), ("expertise", 1), ("accepting", 0), ("accepting", 0)]


@dataclass
class GalleryVisit:
    cards: int = 0
    html_gzip: int = 0
    our_assets_gzip: int = 0
    data_at_load_gzip: int = 0  # JSON our pages fetch during load (not Material's site search)
    theme_gzip: int = 0  # Material's own CSS and JS
    sitemap_gzip: int = 0  # sitemap.xml: instant navigation fetches it to know the site's pages
    site_search_gzip: int = 0  # search/search_index.json, which Material's search fetches at load
    site_search_at_load: bool = False
    first_load_gzip: int = 0  # html + our assets + our data at load: the target's measure
    gallery_index_gzip: int = 0  # the whole word index: manifest and every chunk
    gallery_index_chunks: int = 0
    gallery_index_lazy: bool | None = None  # fetched only once a member types a search
    first_search_gzip: int | None = None  # fetched for FIRST_QUERY's result, entered at once, cold
    first_search_typed_gzip: int | None = None  # the same typed key by key
    first_search_files: list[str] = field(default_factory=list)
    first_search_ms: float | None = None  # query entered -> its result shown
    requests_at_load: int = 0
    ready_ms: float | None = None  # median over visits: navigation start -> gallery ready (first free frame)
    ready_cpu_ms: float | None = None  # renderer main-thread CPU until then: steadier on a busy machine
    ready_method: str = ""
    dom_content_loaded_ms: float | None = None
    load_event_ms: float | None = None
    js_heap_mb: float | None = None
    filter_frame_ms: float | None = None  # median click -> the frame showing the result drawn
    filter_frame_max_ms: float | None = None
    filter_script_ms: float | None = None  # median of mentorGallery.lastFilterMs
    filter_cpu_ms: float | None = None  # median renderer main-thread CPU per change, deferred work included
    filters_changed_count: int = 0  # sanity: changes that altered the result count
    search_frame_ms: float | None = None
    search_count: str = ""
    errors: list[str] = field(default_factory=list)
    samples: dict[str, list[float]] = field(default_factory=dict)


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def visit_gallery(browser, server: StaticServer, visits: int = 3, screenshots: Path | None = None) -> GalleryVisit:
    """Open the gallery `visits` times with a cold cache; weigh the first visit, time them all."""
    result = GalleryVisit()
    url = server.url + "mentors/"
    ready, ready_cpu, dcl, load = [], [], [], []
    for visit in range(visits):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.add_init_script(READY_PROBE)
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable", {"timeDomain": "threadTicks"})  # durations as thread CPU time
        fetched: list[str] = []
        page.on("request", lambda request, into=fetched: into.append(request.url))
        page.on("pageerror", lambda exc: result.errors.append(str(exc)))
        page.on("console", lambda msg: result.errors.append(msg.text) if msg.type == "error" else None)
        page.goto(url, wait_until="load", timeout=LOAD_TIMEOUT_MS)
        try:
            page.wait_for_function("window.__mgReadyAt !== undefined", timeout=LOAD_TIMEOUT_MS, polling=100)
            result.ready_method = "mentorGallery ready, first free frame"
        except PlaywrightTimeout:  # no readiness signal from gallery.js: fall back to DOMContentLoaded
            result.ready_method = "DOMContentLoaded (gallery.js gave no readiness signal)"
        ready_cpu.append(main_thread_cpu_ms(cdp))
        page.wait_for_load_state("networkidle", timeout=LOAD_TIMEOUT_MS)
        timing = page.evaluate("""() => {
          const nav = performance.getEntriesByType('navigation')[0];
          return {ready: window.__mgReadyAt ?? null, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
                  heap: performance.memory ? performance.memory.usedJSHeapSize : null,
                  cards: document.querySelectorAll('[data-mentor]').length};
        }""")
        dcl.append(timing["dcl"])
        load.append(timing["load"])
        ready.append(timing["ready"] if timing["ready"] is not None else timing["dcl"])
        if visit == 0:
            result.cards = timing["cards"]
            result.js_heap_mb = timing["heap"] / 2**20 if timing["heap"] else None
            _weigh(result, server, fetched)
            if screenshots:  # as a member first sees it, before the filters below are exercised
                _screenshots(page, browser, url, screenshots)
            _time_changes(result, page, cdp)
            _search(result, page, fetched, server)
        context.close()
    _first_search(result, browser, server, url)
    result.ready_ms = statistics.median(ready)
    result.ready_cpu_ms = statistics.median(ready_cpu)
    result.dom_content_loaded_ms = statistics.median(dcl)
    result.load_event_ms = statistics.median(load)
    result.samples.update(ready_ms=ready, ready_cpu_ms=ready_cpu)
    return result


def _weigh(result: GalleryVisit, server: StaticServer, fetched: list[str]) -> None:
    result.requests_at_load = len(fetched)
    for url in dict.fromkeys(fetched):
        path = server.path_of(url)
        if path is None:
            continue
        size = gzip_size(path)
        relative = url[len(server.url):].split("?", 1)[0]
        if relative in ("mentors/", "mentors/index.html"):
            result.html_gzip += size
        elif relative.startswith(OUR_ASSETS):
            result.our_assets_gzip += size
        elif relative == "sitemap.xml":
            result.sitemap_gzip += size
        elif relative == SITE_SEARCH:
            result.site_search_gzip, result.site_search_at_load = size, True
        elif relative.endswith(".json"):
            result.data_at_load_gzip += size
        else:
            result.theme_gzip += size
    result.first_load_gzip = result.html_gzip + result.our_assets_gzip + result.data_at_load_gzip
    mentors = server.path_of(server.url + GALLERY_INDEX)
    index = [path for path in mentors.parent.iterdir() if GALLERY_INDEX_FILES.search(path.as_posix())] if mentors else []
    result.gallery_index_gzip = sum(gzip_size(path) for path in index)
    result.gallery_index_chunks = len(index) - 1 if index else 0
    result.gallery_index_lazy = not any(GALLERY_INDEX_FILES.search(u.split("?", 1)[0]) for u in fetched)


def main_thread_cpu_ms(cdp) -> float:
    metrics = cdp.send("Performance.getMetrics")["metrics"]
    return next(m["value"] for m in metrics if m["name"] == "ThreadTime") * 1000


def _time_changes(result: GalleryVisit, page, cdp) -> None:
    frames, scripts, cpu = [], [], []
    for key, position in CHANGES:
        value = page.evaluate(f"""() => {{
          const boxes = document.querySelectorAll('[data-facet="{key}"] input[type=checkbox]');
          return boxes.length > {position} ? boxes[{position}].value : null; }}""")
        if value is None:
            continue
        selector = f'[data-facet="{key}"] input[value="{value}"]'
        before = main_thread_cpu_ms(cdp)
        change = page.evaluate(CHANGE, selector)
        if change is None:
            continue
        page.wait_for_timeout(SETTLE_MS)  # work the browser defers past the first frame counts too
        cpu.append(main_thread_cpu_ms(cdp) - before)
        frames.append(change["frame"])
        scripts.append(change["reported"] if change["reported"] is not None else change["script"])
        result.filters_changed_count += 1 if change["changed"] else 0
    if frames:
        result.filter_frame_ms = statistics.median(frames)
        result.filter_frame_max_ms = max(frames)
        result.filter_script_ms = statistics.median(scripts)
        result.filter_cpu_ms = statistics.median(cpu)
        result.samples.update(filter_frame_ms=frames, filter_script_ms=scripts, filter_cpu_ms=cpu)


def _search(result: GalleryVisit, page, fetched: list[str], server: StaticServer) -> None:
    """Type a search: the gallery's index is fetched now (if it was lazy); time a second query
    whose chunk is here (so the time is the filtering and drawing, not the network)."""
    if not page.query_selector("[data-filter-search]"):
        return
    page.evaluate(SEARCH, FIRST_QUERY)
    page.wait_for_function("!document.querySelector('[data-gallery]').hasAttribute('aria-busy')", timeout=LOAD_TIMEOUT_MS)
    change = page.evaluate(SEARCH, f"{FIRST_QUERY} {FIRST_QUERY[:3]}")
    result.search_frame_ms = change["frame"]
    result.search_count = change["count"]
    if result.gallery_index_lazy and not any(GALLERY_INDEX_FILES.search(u.split("?", 1)[0]) for u in fetched):
        result.errors.append("the gallery's search index was never fetched, even after typing a search")


def _first_search(result: GalleryVisit, browser, server: StaticServer, url: str) -> None:
    """On a cold page, once ready: what FIRST_QUERY fetches until its result shows, entered at once
    and typed key by key."""
    for typed in (False, True):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        fetched: list[str] = []
        page.on("request", lambda request, into=fetched: into.append(request.url))
        page.goto(url, wait_until="load", timeout=LOAD_TIMEOUT_MS)
        page.wait_for_function("window.mentorGallery && window.mentorGallery.lastFilterMs !== null", timeout=LOAD_TIMEOUT_MS)
        page.wait_for_load_state("networkidle", timeout=LOAD_TIMEOUT_MS)
        mark = len(fetched)
        start = page.evaluate("performance.now()")
        if typed:
            page.get_by_label("Search mentors").press_sequentially(FIRST_QUERY, delay=TYPING_DELAY_MS)
        else:
            page.evaluate(SEARCH, FIRST_QUERY)
        page.wait_for_function("!document.querySelector('[data-gallery]').hasAttribute('aria-busy')", timeout=LOAD_TIMEOUT_MS)
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        shown = page.evaluate("performance.now()")
        # What the search fetched: data files (the browser may fetch a favicon meanwhile).
        files = list(dict.fromkeys(u for u in fetched[mark:] if server.path_of(u) and u.split("?", 1)[0].endswith(".json")))
        total = sum(gzip_size(server.path_of(u)) for u in files)
        if typed:
            result.first_search_typed_gzip = total
        else:
            result.first_search_gzip = total
            result.first_search_ms = shown - start
            result.first_search_files = [u[len(server.url):] for u in files]
        context.close()


def _screenshots(page, browser, url: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    cards = page.evaluate("document.querySelectorAll('[data-mentor]').length")
    page.screenshot(path=str(folder / f"gallery-{cards}-desktop.png"))
    phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
    tab = phone.new_page()
    tab.goto(url, wait_until="load", timeout=LOAD_TIMEOUT_MS)
    tab.screenshot(path=str(folder / f"gallery-{cards}-phone.png"))
    phone.close()
