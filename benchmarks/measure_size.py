"""Everything measured for one roster size: check, builds (ours and baseline, alternating), weights."""

from __future__ import annotations

import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .process import Run, measure
from .site_metrics import MB, SiteWeight, folder_bytes, largest_parts, weigh_site
from .sites import write_baseline, write_ours
from .synthetic import SyntheticRoster, write_roster

BIN = Path(sys.executable).parent
MKDOCS = BIN / "mkdocs"
MENTOR_GALLERY = BIN / "mentor-gallery"
CHECK_RUNS = 3  # at every size: a check takes seconds, and its target is a wall time (the median counts)


@dataclass
class Builds:
    wall_s: list[float] = field(default_factory=list)
    cpu_s: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    def add(self, run: Run) -> None:
        self.wall_s.append(run.wall_s)
        self.cpu_s.append(run.cpu_s)
        self.peak_mb.append(run.peak_mb)

    @property
    def median_s(self) -> float:
        return statistics.median(self.wall_s)

    @property
    def median_cpu_s(self) -> float:
        return statistics.median(self.cpu_s)


@dataclass
class SizeResult:
    size: int
    roster_mb: float = 0.0
    check: Builds = field(default_factory=Builds)
    ours: Builds = field(default_factory=Builds)
    baseline: Builds = field(default_factory=Builds)
    ours_site: SiteWeight | None = None
    baseline_site: SiteWeight | None = None
    ours_parts: list[tuple[str, float]] = field(default_factory=list)
    gallery: object | None = None  # gallery_browser.GalleryVisit
    errors: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.ours.median_s / self.baseline.median_s

    @property
    def cpu_ratio(self) -> float:
        return self.ours.median_cpu_s / self.baseline.median_cpu_s


@dataclass
class Prepared:
    root: Path
    roster: SyntheticRoster
    ours_config: Path
    baseline_config: Path

    @property
    def ours_site(self) -> Path:
        return self.ours_config.parent / "site"


def prepare(root: Path, size: int, seed: int, site_url: str) -> Prepared:
    roster = write_roster(root / "content", size, seed=seed)
    return Prepared(root, roster, write_ours(root / "ours", root / "content", site_url),
                    write_baseline(root / "baseline", roster.profiles, site_url, roster.mentors_dir))


def measure_size(prepared: Prepared, repeat: int, log=print) -> SizeResult:
    size = len(prepared.roster.profiles)
    result = SizeResult(size)
    result.roster_mb = folder_bytes(prepared.roster.root) / MB
    measure_check(result, prepared.roster.root, prepared.ours_config, prepared.root)
    for turn in range(repeat):
        # Alternate who goes first, so neither always builds on a warmer (or busier) machine.
        order = [("ours", prepared.ours_config), ("baseline", prepared.baseline_config)]
        for name, config in order if turn % 2 == 0 else order[::-1]:
            run = measure([str(MKDOCS), "build", "--strict", "-f", str(config)], config.parent)
            _keep(result, run, f"{name} build")
            getattr(result, name).add(run)
            log(f"  {size:>6} {name:<8} build {run.wall_s:6.1f} s wall, {run.cpu_s:6.1f} s CPU, {run.peak_mb:6.0f} MB peak")
    slugs = [p.slug for p in prepared.roster.profiles]
    result.ours_site = weigh_site(prepared.ours_site, slugs)
    result.baseline_site = weigh_site(prepared.baseline_config.parent / "site", slugs)
    result.ours_parts = largest_parts(prepared.ours_site)
    return result


def measure_check(result: SizeResult, content: Path, config: Path, cwd: Path, runs: int = CHECK_RUNS) -> None:
    """`mentor-gallery check` of the roster, as a committee runs it (every core it may use)."""
    for _ in range(runs):
        run = measure([str(MENTOR_GALLERY), "check", str(content), "--config", str(config)], cwd)
        _keep(result, run, "check")
        result.check.add(run)


def _keep(result: SizeResult, run: Run, what: str) -> None:
    if run.returncode != 0:
        result.errors.append(f"{what} failed (exit {run.returncode}): {run.output[-1500:]}")
