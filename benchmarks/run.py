"""`make bench`: Mentor Gallery from 100 to 10,000 mentors, against plain Material, and on both
engines (MkDocs with the plugin, Zensical after `mentor-gallery pages`) side by side.

    .venv/bin/python benchmarks/run.py [--sizes 100,1000,10000] [--repeat N] [--no-browser] [--no-serve] [--keep]
    .venv/bin/python benchmarks/run.py --engines-only [--sizes 1000,10000]
    .venv/bin/python benchmarks/run.py --check-only [--sizes 10000]

Prints its tables and a PASS/MISS line per target, and writes benchmarks/results/latest.json
(engines.json with --engines-only).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the `benchmarks` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.engines import EngineSizes, WatchLatency, engines_table, measure_engines, time_watch, watch_line, write_project  # noqa: E402
from benchmarks.gallery_browser import launch, visit_gallery  # noqa: E402
from benchmarks.live_reload import LiveReload, time_live_reload  # noqa: E402
from benchmarks.measure_size import CHECK_RUNS, SizeResult, measure_check, measure_size, prepare  # noqa: E402
from benchmarks.report import CHECK, browser_table, build_table, judge, live_reload_line, verdict_lines  # noqa: E402
from benchmarks.sites import write_ours  # noqa: E402
from benchmarks.static_server import StaticServer  # noqa: E402
from benchmarks.synthetic import write_roster  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
SERVE_SIZE = 1000
ENGINE_SIZES = (1000, 10000)  # MkDocs and Zensical side by side at these sizes
WATCH_EDITS = 5  # profiles saved, one at a time, under pages --watch + zensical serve
SMALL_SIZE, SMALL_REPEAT = 5000, 3


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--sizes", default=None,
                        help="roster sizes, comma-separated (default 100,1000,10000; with --engines-only 1000,10000)")
    parser.add_argument("--repeat", type=int, default=None,
                        help="builds per site and size, alternating ours and plain; the median counts "
                             f"(default {SMALL_REPEAT} up to {SMALL_SIZE:,} mentors, 1 above: a 10,000 pair takes minutes)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--visits", type=int, default=3, help="cold gallery loads per size for time to interactive (median)")
    parser.add_argument("--no-browser", action="store_true", help="skip the headless Chromium measurements")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve measurements (mkdocs serve, and pages --watch with zensical serve)")
    parser.add_argument("--no-engines", action="store_true", help="skip the Zensical builds beside MkDocs' (the engines table)")
    parser.add_argument("--keep", action="store_true", help="keep the generated rosters and sites (printed path)")
    parser.add_argument("--engines-only", action="store_true",
                        help="only the engines side by side (build time, memory, site size) and the watched edit under Zensical")
    parser.add_argument("--check-only", action="store_true",
                        help=f"only `mentor-gallery check` of each roster ({CHECK_RUNS} runs) and its target")
    parser.add_argument("--out", type=Path, default=None, help="the JSON report (default results/latest.json, or engines.json)")
    args = parser.parse_args(argv)
    sizes = args.sizes or (",".join(map(str, ENGINE_SIZES)) if args.engines_only else "100,1000,10000")
    args.sizes = [int(s.replace("_", "")) for s in sizes.split(",") if s.strip()]
    args.out = args.out or RESULTS / ("engines.json" if args.engines_only else "check.json" if args.check_only else "latest.json")
    if (args.repeat is not None and args.repeat < 1) or not args.sizes or min(args.sizes) < 1:
        parser.error("--repeat and every size must be at least 1")
    return args


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    memory = None
    if Path("/proc/meminfo").exists():
        first = Path("/proc/meminfo").read_text().splitlines()[0].split()
        memory = round(int(first[1]) / 1024 / 1024, 1)
    versions = {}
    for name in ("mkdocs", "mkdocs-material", "zensical", "mentor-gallery", "playwright", "Markdown", "PyYAML"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": memory, "os": platform.platform(),
            "python": platform.python_version(), "versions": versions}


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def engines_only(args: argparse.Namespace, work: Path) -> tuple[dict[int, EngineSizes], WatchLatency | None]:
    """Each size: one roster, built by both engines in turn; then the watched edit at SERVE_SIZE."""
    engines: dict[int, EngineSizes] = {}
    for size in args.sizes:
        print(f"- {size:,} mentors: generating, building with MkDocs and with Zensical")
        root = work / f"n{size}"
        write_roster(root / "content", size, seed=args.seed)
        config = write_project(root / "project", root / "content")
        engines[size] = measure_engines(config, size, args.repeat or (SMALL_REPEAT if size <= SMALL_SIZE else 1))
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return engines, (None if args.no_serve else zensical_watch(args, work))


def zensical_watch(args: argparse.Namespace, work: Path) -> WatchLatency:
    print(f"- pages --watch + zensical serve with {SERVE_SIZE:,} mentors: edit {WATCH_EDITS} profiles")
    root = work / "watch"
    roster = write_roster(root / "content", SERVE_SIZE, seed=args.seed)
    config = write_project(root / "project", root / "content")
    middle = len(roster.profiles) // 2
    # Profiles whose card shows their statement's first sentence (no summary of their own): each
    # edit changes the card on the gallery and the lists too.
    edited = [p for p in roster.profiles[middle:] if "summary" not in p.frontmatter][:WATCH_EDITS]
    profiles = [(roster.mentors_dir / f"{p.slug}.md", p.slug) for p in edited]
    return time_watch(config, profiles, SERVE_SIZE)


def report_engines(engines: dict[int, EngineSizes], watch: WatchLatency | None) -> list[str]:
    """Print the engines' table and the watch line; the errors met."""
    print()
    print("MkDocs (with the plugin) and Zensical (mentor-gallery pages, then zensical build --clean): "
          "medians, wall seconds and CPU seconds in brackets")
    print(engines_table(engines))
    print()
    print(watch_line(watch))
    errors = [f"{size} engines: {e}" for size, r in engines.items() for e in r.errors]
    if watch and watch.error:
        errors.append(f"pages --watch + zensical serve: {watch.error}")
    return errors


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.engines_only:
        return main_engines(args)
    if args.check_only:
        return main_check(args)
    work = Path(tempfile.mkdtemp(prefix="mentor-gallery-bench-"))
    started = time.perf_counter()
    results: dict[int, SizeResult] = {}
    engines: dict[int, EngineSizes] = {}
    live: LiveReload | None = None
    watch: WatchLatency | None = None
    load_before = load_average()
    print(f"Mentor Gallery benchmark: sizes {', '.join(f'{s:,}' for s in args.sizes)}, "
          f"repeat {args.repeat or f'{SMALL_REPEAT} (1 above {SMALL_SIZE:,})'}; work in {work}")
    try:
        with StaticServer() as server:
            playwright = browser = None
            if not args.no_browser:
                from playwright.sync_api import sync_playwright

                playwright = sync_playwright().start()
                browser = launch(playwright)
            try:
                for size in args.sizes:
                    print(f"- {size:,} mentors: generating, checking, building")
                    prepared = prepare(work / f"n{size}", size, args.seed, server.url)
                    repeat = args.repeat or (SMALL_REPEAT if size <= SMALL_SIZE else 1)
                    result = measure_size(prepared, repeat)
                    results[size] = result
                    if size in ENGINE_SIZES and not args.no_engines and not result.errors:
                        # The same roster with Zensical; MkDocs' builds of it were just measured.
                        config = write_project(prepared.root / "zensical", prepared.roster.root, server.url)
                        engines[size] = measure_engines(config, size, repeat, mkdocs_done=result.ours, mkdocs_site=prepared.ours_site)
                    if browser is not None and not result.errors:
                        server.serve(prepared.ours_site)
                        shots = args.out.parent / "screenshots" if size == max(args.sizes) else None
                        result.gallery = visit_gallery(browser, server, args.visits, shots)
                    if not args.keep:  # a 10,000-mentor pair of sites is hundreds of MB
                        shutil.rmtree(prepared.root, ignore_errors=True)
            finally:
                if browser is not None:
                    browser.close()
                    playwright.stop()
        if not args.no_serve:
            print(f"- mkdocs serve with {SERVE_SIZE:,} mentors: edit one profile")
            root = work / "serve"
            roster = write_roster(root / "content", SERVE_SIZE, seed=args.seed)
            config = write_ours(root / "site-config", root / "content")
            profile = roster.profiles[len(roster.profiles) // 2]
            live = time_live_reload(config, roster.mentors_dir / f"{profile.slug}.md", profile.slug, SERVE_SIZE)
            watch = zensical_watch(args, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    verdicts = judge(results, SERVE_SIZE, live, watch.served_median_s if watch and not watch.error else None)
    full_build = results[SERVE_SIZE].ours.median_s if SERVE_SIZE in results and results[SERVE_SIZE].ours.wall_s else None
    print()
    print("Build and size (medians: wall seconds, CPU seconds in brackets; ratio = ours / plain Material)")
    print(build_table(results))
    print()
    print("Gallery in headless Chromium (first visit weighed; ready = navigation start -> gallery usable; filter = click -> frame drawn)")
    print(browser_table(results))
    print()
    print(live_reload_line(live, full_build))
    print()
    print(verdict_lines(verdicts))
    print(f"\nMachine: {os.cpu_count()} cores; load average {load_before} before, {load_average()} after "
          "(a busy machine inflates wall times far more than CPU times)")
    errors = [f"{size}: {e}" for size, r in results.items() for e in r.errors + (r.gallery.errors if r.gallery else [])]
    if live and live.error:
        errors.append(f"mkdocs serve: {live.error}")
    errors += report_engines(engines, watch)
    for error in errors:
        print(f"ERROR {error}", file=sys.stderr)

    report = {
        **_report_head(args, load_before, started, visits=args.visits),
        "sizes": {str(size): _plain(result) | {"ratio": result.ratio if result.ours.wall_s and result.baseline.wall_s else None,
                                               "cpu_ratio": result.cpu_ratio if result.ours.cpu_s and result.baseline.cpu_s else None}
                  for size, result in results.items()},
        "live_reload": _plain(live) | {"full_build_s": full_build} if live else None,
        "engines": {str(size): _engines_json(result) for size, result in engines.items()},
        "zensical_watch": _watch_json(watch),
        "targets": verdicts,
        "errors": errors,
    }
    return _write_report(args, report, work)


def main_engines(args: argparse.Namespace) -> int:
    work = Path(tempfile.mkdtemp(prefix="mentor-gallery-engines-"))
    started = time.perf_counter()
    load_before = load_average()
    print(f"Mentor Gallery on MkDocs and on Zensical: sizes {', '.join(f'{s:,}' for s in args.sizes)}; work in {work}")
    try:
        engines, watch = engines_only(args, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    errors = report_engines(engines, watch)
    print(f"\nMachine: {os.cpu_count()} cores; load average {load_before} before, {load_average()} after")
    for error in errors:
        print(f"ERROR {error}", file=sys.stderr)
    report = {
        **_report_head(args, load_before, started),
        "engines": {str(size): _engines_json(result) for size, result in engines.items()},
        "zensical_watch": _watch_json(watch),
        "errors": errors,
    }
    return _write_report(args, report, work)


def main_check(args: argparse.Namespace) -> int:
    """Each size: one roster and the shipped configuration, checked CHECK_RUNS times; the check target."""
    work = Path(tempfile.mkdtemp(prefix="mentor-gallery-check-"))
    started = time.perf_counter()
    load_before = load_average()
    results: dict[int, SizeResult] = {}
    print(f"Mentor Gallery check: sizes {', '.join(f'{s:,}' for s in args.sizes)}, {CHECK_RUNS} runs each; work in {work}")
    try:
        for size in args.sizes:
            root = work / f"n{size}"
            roster = write_roster(root / "content", size, seed=args.seed)
            results[size] = SizeResult(size)
            measure_check(results[size], roster.root, write_ours(root / "ours", roster.root), root)
            check = results[size].check
            print(f"- {size:,} mentors: wall {', '.join(f'{s:.2f}' for s in check.wall_s)} s; "
                  f"CPU {', '.join(f'{s:.2f}' for s in check.cpu_s)} s")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    verdicts = CHECK.judge(results) if CHECK.size in results else []
    print()
    print(verdict_lines(verdicts) if verdicts else f"(the target is judged at {CHECK.size:,} mentors)")
    print(f"\nMachine: {os.cpu_count()} cores; load average {load_before} before, {load_average()} after")
    errors = [f"{size}: {e}" for size, r in results.items() for e in r.errors]
    for error in errors:
        print(f"ERROR {error}", file=sys.stderr)
    report = {
        **_report_head(args, load_before, started, check_runs=CHECK_RUNS),
        "sizes": {str(size): _plain(result.check) for size, result in results.items()},
        "targets": verdicts,
        "errors": errors,
    }
    return _write_report(args, report, work)


def _write_report(args: argparse.Namespace, report: dict, work: Path) -> int:
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nWrote {args.out} ({report['seconds']:.0f} s in all)" + (f"; kept {work}" if args.keep else ""))
    return 1 if report["errors"] else 0


def _report_head(args: argparse.Namespace, load_before, started: float, **settings) -> dict:
    """What every benchmark report starts with: when, on what machine, under what load, with what settings."""
    return {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "load_average": {"before": load_before, "after": load_average()},
        "settings": {"sizes": args.sizes, "repeat": args.repeat or f"{SMALL_REPEAT} up to {SMALL_SIZE}, 1 above", "seed": args.seed,
                     **settings},
        "seconds": round(time.perf_counter() - started, 1),
    }


def _engines_json(result: EngineSizes) -> dict:
    return _plain(result) | {"zensical_total_s": result.zensical_total_s, "zensical_total_cpu_s": result.zensical_total_cpu_s}


def _watch_json(watch: WatchLatency | None) -> dict | None:
    if watch is None:
        return None
    return _plain(watch) | {"written_median_s": watch.written_median_s, "served_median_s": watch.served_median_s,
                            "lists_median_s": watch.lists_median_s, "back_to_back_median_s": watch.back_to_back_median_s}


def _plain(value) -> dict:
    return json.loads(json.dumps(dataclasses.asdict(value), default=str))


if __name__ == "__main__":
    sys.exit(main())
