"""The two engines side by side: MkDocs with the plugin, and Zensical after `mentor-gallery pages`.

One project folder per roster serves both, as the shipped mkdocs.yml does: a relative docs
folder, the assets listed in extra_css and extra_javascript, the generated pages kept out of
the navigation. Each Zensical build starts cold (`--clean`), as every MkDocs build does.

The watch measurement runs what `make serve ENGINE=zensical` runs: `mentor-gallery pages
--watch` beside `zensical serve`, then saves an edited profile and polls, a bounded number of
times, for the edit in the written page (the writer's part), in the served page (the whole) and
in the served gallery (the lists its card is on). A member reads the page before saving again:
each save comes once the last one is shown everywhere (these edits are judged). Then the same
number of saves back to back, each a second after its page shows, while Zensical may still be
drawing the last one's lists (reported beside them).
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .live_reload import fetch, free_port
from .measure_size import Builds
from .process import Run, measure, stop
from .report import ZENSICAL_SERVE, verdict as judged
from .site_metrics import MB, folder_bytes
from .sites import write_ours

BIN = Path(sys.executable).parent
MKDOCS = BIN / "mkdocs"
ZENSICAL = BIN / "zensical"
MENTOR_GALLERY = BIN / "mentor-gallery"
ASSETS = Path(__file__).resolve().parents[1] / "site-templates" / "assets" / "mentor-gallery"
POLL_S = 0.05
STARTUP_TIMEOUT_S = 900
CHANGE_TIMEOUT_S = 120


@dataclass
class EngineSizes:
    size: int
    mkdocs: Builds = field(default_factory=Builds)
    pages: Builds = field(default_factory=Builds)  # mentor-gallery pages (a cold write into an empty docs folder)
    zensical: Builds = field(default_factory=Builds)  # zensical build --clean
    mkdocs_site_mb: float | None = None
    zensical_site_mb: float | None = None
    written_mb: float | None = None  # what the writer put in the docs folder
    errors: list[str] = field(default_factory=list)

    @property
    def zensical_total_s(self) -> float | None:
        return self.pages.median_s + self.zensical.median_s if self.pages.wall_s and self.zensical.wall_s else None

    @property
    def zensical_total_cpu_s(self) -> float | None:
        return self.pages.median_cpu_s + self.zensical.median_cpu_s if self.pages.cpu_s and self.zensical.cpu_s else None


@dataclass
class WatchLatency:
    mentors: int
    startup_s: float | None = None  # both started -> the first page served
    written_s: list[float] = field(default_factory=list)  # profile saved -> its page rewritten in docs/
    served_s: list[float] = field(default_factory=list)  # profile saved -> the served page shows the edit
    lists_s: list[float] = field(default_factory=list)  # profile saved -> the served gallery shows its card's edit
    back_to_back_s: list[float] = field(default_factory=list)  # saved -> page served, each save a second after the last showed
    error: str = ""

    @property
    def written_median_s(self) -> float | None:
        return statistics.median(self.written_s) if self.written_s else None

    @property
    def served_median_s(self) -> float | None:
        return statistics.median(self.served_s) if self.served_s else None

    @property
    def lists_median_s(self) -> float | None:
        return statistics.median(self.lists_s) if self.lists_s else None

    @property
    def back_to_back_median_s(self) -> float | None:
        return statistics.median(self.back_to_back_s) if self.back_to_back_s else None


def write_project(root: Path, content: Path, site_url: str | None = None) -> Path:
    """root/mkdocs.yml for both engines: the benchmark's own site (sites.write_ours) with what
    Zensical needs from the shipped mkdocs.yml."""
    config_path = write_ours(root, content, site_url)
    config: dict[str, Any] = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["theme"]["variant"] = "classic"
    config["not_in_nav"] = "/mentors/\n/programs/\n/forms/\n"
    config["extra_css"] = [f"assets/mentor-gallery/{p.name}" for p in sorted(ASSETS.glob("*.css"))]
    config["extra_javascript"] = [f"assets/mentor-gallery/{p.name}" for p in sorted(ASSETS.glob("*.js"))]
    config_path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return config_path


def _generated(docs: Path) -> None:
    """Empty the docs folder of what the writer put there (the home page stays): a cold write."""
    for name in ("mentors", "programs", "forms", "schema", ".mentor-gallery-manifest.json"):
        target = docs / name
        shutil.rmtree(target, ignore_errors=True) if target.is_dir() else target.unlink(missing_ok=True)


def measure_engines(config: Path, size: int, repeat: int, log=print, mkdocs_done: Builds | None = None,
                    mkdocs_site: Path | None = None) -> EngineSizes:
    """Build one project `repeat` times with each engine, alternating which goes first.
    mkdocs_done: MkDocs builds of this very roster already measured (the main benchmark's)."""
    result = EngineSizes(size)
    root = config.parent
    mkdocs_site_dir = root / "site-mkdocs"
    zensical_site = root / "site"  # the project's site_dir
    for turn in range(repeat):
        steps = ["zensical"] if mkdocs_done else ["mkdocs", "zensical"]
        for step in steps if turn % 2 == 0 else steps[::-1]:
            if step == "mkdocs":
                run = measure([str(MKDOCS), "build", "--strict", "-f", str(config), "-d", str(mkdocs_site_dir)], root)
                _keep(result, run, "mkdocs build")
                result.mkdocs.add(run)
                log(f"  {size:>6} mkdocs   build {run.wall_s:6.1f} s wall, {run.cpu_s:6.1f} s CPU, {run.peak_mb:6.0f} MB peak")
                continue
            _generated(root / "docs")
            shutil.rmtree(zensical_site, ignore_errors=True)
            pages = measure([str(MENTOR_GALLERY), "pages", "--config", str(config)], root)
            _keep(result, pages, "mentor-gallery pages")
            result.pages.add(pages)
            build = measure([str(ZENSICAL), "build", "--clean", "-f", str(config)], root)
            _keep(result, build, "zensical build")
            result.zensical.add(build)
            verify = measure([str(MENTOR_GALLERY), "pages", "--verify", "--config", str(config)], root)
            _keep(result, verify, "mentor-gallery pages --verify")
            log(f"  {size:>6} zensical pages {pages.wall_s:6.1f} s wall, {pages.cpu_s:6.1f} s CPU, {pages.peak_mb:6.0f} MB peak; "
                f"build {build.wall_s:6.1f} s wall, {build.cpu_s:6.1f} s CPU, {build.peak_mb:6.0f} MB peak")
    if mkdocs_done:
        result.mkdocs = mkdocs_done
    site = mkdocs_site if mkdocs_done else mkdocs_site_dir
    result.mkdocs_site_mb = folder_bytes(site) / MB if site and site.is_dir() else None
    result.zensical_site_mb = folder_bytes(zensical_site) / MB if zensical_site.is_dir() else None
    written = [root / "docs" / name for name in ("mentors", "programs", "forms", "schema")]
    result.written_mb = sum(folder_bytes(p) for p in written if p.is_dir()) / MB
    return result


def _keep(result: EngineSizes, run: Run, what: str) -> None:
    if run.returncode != 0:
        result.errors.append(f"{what} failed (exit {run.returncode}): {run.output[-1500:]}")


def time_watch(config: Path, profiles: list[tuple[Path, str]], mentors: int) -> WatchLatency:
    """Save each of `profiles` (path, slug) twice, with a fresh sentence first in its statement
    (its card's summary): once when the last save shows everywhere, then back to back."""
    result = WatchLatency(mentors)
    root = config.parent
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryFile() as watch_log, tempfile.TemporaryFile() as serve_log:
        # A first write, so that the server starts on a complete docs folder (make serve does the same).
        subprocess.run([str(MENTOR_GALLERY), "pages", "--config", str(config)], cwd=root, stdout=watch_log, stderr=subprocess.STDOUT, check=False)
        watcher = subprocess.Popen([str(MENTOR_GALLERY), "pages", "--watch", "--config", str(config)], cwd=root,
                                   stdout=watch_log, stderr=subprocess.STDOUT)
        server = subprocess.Popen([str(ZENSICAL), "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"], cwd=root,
                                  stdout=serve_log, stderr=subprocess.STDOUT)
        try:
            first = f"{base}mentors/{profiles[0][1]}/"
            result.startup_s = _wait(lambda: fetch(first) is not None or server.poll() is not None or watcher.poll() is not None,
                                     STARTUP_TIMEOUT_S)
            if result.startup_s is None or server.poll() is not None or watcher.poll() is not None:
                result.error = "zensical serve or pages --watch did not start: " + _tail(serve_log) + _tail(watch_log)
                return result
            time.sleep(1.0)  # let both settle after their first build
            for settled in (True, False):
                for path, slug in profiles:
                    marker = f"Edited for the benchmark at {time.time_ns()}."
                    page = root / "docs" / "mentors" / slug / "index.md"
                    text = path.read_text(encoding="utf-8")
                    head, _, body = text.partition("\n---\n")
                    start = time.perf_counter()
                    path.write_text(f"{head}\n---\n{marker}\n\n{body}", encoding="utf-8")
                    written = served = None
                    while time.perf_counter() - start < CHANGE_TIMEOUT_S and served is None:
                        if written is None and marker in page.read_text(encoding="utf-8", errors="replace"):
                            written = time.perf_counter() - start
                        if marker in (fetch(f"{base}mentors/{slug}/") or ""):
                            served = time.perf_counter() - start
                            written = written if written is not None else served
                        time.sleep(POLL_S)
                    if served is None:
                        result.error = f"the edit of {slug} did not show within {CHANGE_TIMEOUT_S} s: " + _tail(watch_log)
                        return result
                    if not settled:
                        result.back_to_back_s.append(served)
                        time.sleep(1.0)
                        continue
                    result.written_s.append(written)
                    result.served_s.append(served)
                    # The gallery holds every card up to 1,000 mentors: the summary shows there too.
                    lists = _wait(lambda shown=marker: shown in (fetch(f"{base}mentors/") or ""), CHANGE_TIMEOUT_S)
                    if lists is None:
                        result.error = f"the edit of {slug} did not reach the gallery within {CHANGE_TIMEOUT_S} s: " + _tail(watch_log)
                        return result
                    result.lists_s.append(time.perf_counter() - start)
                    time.sleep(1.0)  # one edit at a time, once the last one shows everywhere
        finally:
            for process in (watcher, server):
                stop(process)
    return result


def _wait(predicate, timeout: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate():
            return time.perf_counter() - start
        time.sleep(0.1)
    return None


def _tail(log) -> str:
    log.seek(0)
    return log.read().decode("utf-8", "replace")[-1500:]


def _list(values: list[float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


def _f(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def engines_table(results: dict[int, EngineSizes]) -> str:
    from .report import _table

    headers = ["mentors", "MkDocs s (CPU)", "pages s (CPU)", "Zensical build s (CPU)", "Zensical total s (CPU)",
               "peak MB MkDocs/pages/Zensical", "site MB MkDocs/Zensical", "written MB"]
    rows = []
    for size in sorted(results):
        r = results[size]
        pair = lambda b: f"{_f(b.median_s)} ({_f(b.median_cpu_s)})" if b.wall_s else "-"
        rows.append([f"{size:,}", pair(r.mkdocs), pair(r.pages), pair(r.zensical),
                     f"{_f(r.zensical_total_s)} ({_f(r.zensical_total_cpu_s)})",
                     "/".join(_f(max(b.peak_mb, default=None), 0) for b in (r.mkdocs, r.pages, r.zensical)),
                     f"{_f(r.mkdocs_site_mb)}/{_f(r.zensical_site_mb)}", _f(r.written_mb)])
    return _table(headers, rows)


def watch_line(watch: WatchLatency | None) -> str:
    if watch is None:
        return "pages --watch + zensical serve: not measured"
    if watch.error:
        return f"pages --watch + zensical serve ({watch.mentors:,} mentors): {watch.error}"
    served = watch.served_median_s
    # The one target of the issue, as the main report judges it: under 1 s, median of the edits.
    verdict = judged(ZENSICAL_SERVE, watch.mentors, served)["verdict"]
    return (f"pages --watch + zensical serve ({watch.mentors:,} mentors): first page after {_f(watch.startup_s)} s; an edited "
            f"profile is rewritten in docs/ {_f(watch.written_median_s, 2)} s and served {_f(served, 2)} s after saving "
            f"(median of {len(watch.served_s)}: {_list(watch.served_s)}), the gallery with its card {_f(watch.lists_median_s, 2)} s "
            f"after ({_list(watch.lists_s)}); saved back to back, each a second after its page showed, served "
            f"{_f(watch.back_to_back_median_s, 2)} s after saving ({_list(watch.back_to_back_s)})\n"
            f"{verdict:<12} saved profile -> changed page served at {watch.mentors:,}: {_f(served, 2)} s (target < {ZENSICAL_SERVE.limit:g} s, median of {len(watch.served_s)})")
