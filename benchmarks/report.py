"""The benchmark's tables and its targets (PASS/MISS), from the results of one run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .live_reload import LiveReload
from .measure_size import SizeResult

KB = 1024


@dataclass(frozen=True)
class Target:
    label: str
    size: int | None  # None: every size measured
    value: Callable[[SizeResult], float | None]
    limit: float
    inclusive: bool  # True: value <= limit passes; False: value < limit
    unit: str

    def judge(self, results: dict[int, SizeResult]) -> list[dict[str, Any]]:
        sizes = sorted(results) if self.size is None else [self.size]
        return [verdict(self, size, self.value(results[size]) if size in results else None) for size in sizes]


def verdict(target: Target, size: int, value: float | None) -> dict[str, Any]:
    if value is None:
        judged = "NOT MEASURED"
    else:
        judged = "PASS" if (value <= target.limit if target.inclusive else value < target.limit) else "MISS"
    return {"target": target.label, "mentors": size, "value": value, "limit": target.limit, "unit": target.unit,
            "op": "<=" if target.inclusive else "<", "verdict": judged}


def _gallery(attr: str, scale: float = 1.0) -> Callable[[SizeResult], float | None]:
    def get(result: SizeResult) -> float | None:
        value = getattr(result.gallery, attr, None) if result.gallery else None
        return value / scale if value is not None else None
    return get


# The table of targets. Build times are judged on CPU seconds (user + system of the
# process): MkDocs builds on one core, so on an idle machine wall time is about the same, and on a
# shared one CPU time does not swing with the neighbours' load. Wall times are in the tables and
# the JSON beside them. `check` reads a large roster on every core it may use, so its CPU seconds
# (summed over its processes) are not what anyone waits: it is judged, like the serve targets, on
# wall time, the median of CHECK_RUNS; its CPU time is in the table beside it.
CHECK = Target("mentor-gallery check (wall)", 10000, lambda r: r.check.median_s if r.check.wall_s else None, 2, False, "s")
TARGETS = [
    Target("build time ours/plain Material (CPU)", 1000, lambda r: r.cpu_ratio if r.ours.cpu_s and r.baseline.cpu_s else None, 1.25, True, "x"),
    Target("build time ours/plain Material (CPU)", 10000, lambda r: r.cpu_ratio if r.ours.cpu_s and r.baseline.cpu_s else None, 1.25, True, "x"),
    CHECK,
    Target("site size ours/plain Material", 10000,
           lambda r: r.ours_site.total_mb / r.baseline_site.total_mb if r.ours_site and r.baseline_site and r.baseline_site.total_mb else None,
           1.0, True, "x"),
    Target("profile page over plain Material's", None,
           lambda r: (r.ours_site.profile_page_bytes - r.baseline_site.profile_page_bytes) / KB if r.ours_site and r.baseline_site else None,
           4, True, "KB"),
    Target("peak memory of the build", 10000, lambda r: max(r.ours.peak_mb) if r.ours.peak_mb else None, 1024, False, "MB"),
    Target("gallery first load (gzip)", 1000, _gallery("first_load_gzip", KB), 300, True, "KB"),
    Target("gallery first load (gzip)", 10000, _gallery("first_load_gzip", KB), 300, True, "KB"),
    Target("gallery ready (navigation start to usable, median of cold visits)", 10000, _gallery("ready_ms"), 1000, False, "ms"),
    Target("gallery filter change (click to frame drawn, median)", 10000, _gallery("filter_frame_ms"), 50, False, "ms"),
    Target("first search result fetches (gzip)", 10000, _gallery("first_search_gzip", KB), 100, False, "KB"),
]
# Judged from the serve measurements (at the serve size), not from one size's builds.
ZENSICAL_SERVE = Target("save -> page shown, make serve ENGINE=zensical (median)", None, lambda r: None, 1, False, "s")
MKDOCS_SERVE = Target("save -> page shown, make serve (MkDocs) / plain Material's full build (wall)", None, lambda r: None, 1.25, True, "x")


def judge(results: dict[int, SizeResult], serve_size: int = 1000, live: LiveReload | None = None,
          served_median_s: float | None = None) -> list[dict[str, Any]]:
    """Every target of the table, PASS / MISS / NOT MEASURED. live: mkdocs serve's edit, compared
    with plain Material's build of the same size (its own serve rebuilds everything); served_median_s:
    the edits under pages --watch and zensical serve."""
    verdicts = [v for target in TARGETS for v in target.judge(results)]
    plain = results.get(serve_size)
    plain_s = plain.baseline.median_s if plain is not None and plain.baseline.wall_s else None
    mkdocs = live.rebuild_s / plain_s if live is not None and live.rebuild_s and plain_s else None
    verdicts.append(verdict(MKDOCS_SERVE, serve_size, mkdocs))
    verdicts.append(verdict(ZENSICAL_SERVE, serve_size, served_median_s))
    return verdicts


def _f(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def _pair(builds, digits: int = 1) -> str:
    """Median wall seconds, and CPU seconds in brackets."""
    return f"{_f(builds.median_s, digits)} ({_f(builds.median_cpu_s, digits)})" if builds.wall_s else "-"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    line = lambda cells: "| " + " | ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))) + " |"
    return "\n".join([line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)])


def build_table(results: dict[int, SizeResult]) -> str:
    headers = ["mentors", "check s wall (CPU)", "ours s (CPU)", "plain s (CPU)", "ratio (CPU)", "peak MB ours/plain",
               "site MB ours/plain", "profile KB ours/plain", "site search KB gz ours/plain"]
    rows = []
    for size in sorted(results):
        r = results[size]
        o, b = r.ours_site, r.baseline_site
        rows.append([
            f"{size:,}", _pair(r.check, 2), _pair(r.ours), _pair(r.baseline),
            f"{_f(r.ratio, 2)} ({_f(r.cpu_ratio, 2)})" if r.ours.wall_s and r.baseline.wall_s else "-",
            f"{_f(max(r.ours.peak_mb, default=None), 0)}/{_f(max(r.baseline.peak_mb, default=None), 0)}",
            f"{_f(o.total_mb if o else None)}/{_f(b.total_mb if b else None)}",
            f"{_f(o.profile_page_bytes / KB if o else None)}/{_f(b.profile_page_bytes / KB if b else None)}",
            f"{_f(o.search_index_gzip / KB if o else None)}/{_f(b.search_index_gzip / KB if b else None)}",
        ])
    return _table(headers, rows)


def browser_table(results: dict[int, SizeResult]) -> str:
    headers = ["mentors", "1st load KB gz", "html KB gz", "our assets KB gz", "cards data KB gz", "theme KB gz",
               "sitemap KB gz", "word index KB gz (chunks)", "1st search KB gz at once/typed", "ready ms", "ready CPU ms",
               "filter ms", "filter CPU ms", "filter script ms", "search ms", "cards in page", "JS heap MB"]
    rows = []
    for size in sorted(results):
        g = results[size].gallery
        if g is None:
            continue
        lazy = "" if g.gallery_index_lazy else ", at load"
        first = lambda value: _f(value / KB) if value is not None else "-"
        rows.append([f"{size:,}", _f(g.first_load_gzip / KB), _f(g.html_gzip / KB), _f(g.our_assets_gzip / KB),
                     _f(g.data_at_load_gzip / KB), _f(g.theme_gzip / KB), _f(g.sitemap_gzip / KB),
                     f"{_f(g.gallery_index_gzip / KB)} ({g.gallery_index_chunks}{lazy})",
                     f"{first(g.first_search_gzip)}/{first(g.first_search_typed_gzip)}",
                     _f(g.ready_ms, 0), _f(g.ready_cpu_ms, 0), _f(g.filter_frame_ms), _f(g.filter_cpu_ms),
                     _f(g.filter_script_ms, 2), _f(g.search_frame_ms), f"{g.cards:,}", _f(g.js_heap_mb)])
    return _table(headers, rows) if rows else "(no browser measurements)"


def live_reload_line(live: LiveReload | None, full_build_s: float | None) -> str:
    if live is None:
        return "mkdocs serve: not measured"
    if live.error:
        return f"mkdocs serve ({live.mentors:,} mentors): {live.error}"
    compare = f"; a full build of {live.mentors:,} takes {full_build_s:.1f} s" if full_build_s else ""
    return (f"mkdocs serve --livereload ({live.mentors:,} mentors): first page after {live.startup_s:.1f} s; "
            f"an edited profile shows {live.rebuild_s:.1f} s after saving{compare}")


def verdict_lines(verdicts: list[dict[str, Any]]) -> str:
    lines = []
    for v in verdicts:
        op = v.get("op", "<")
        value = "-" if v["value"] is None else f"{v['value']:,.2f} {v['unit']}"
        lines.append(f"{v['verdict']:<12} {v['target']} at {v['mentors']:,}: {value} (target {op} {v['limit']:,g} {v['unit']})")
    return "\n".join(lines)
