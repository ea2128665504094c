"""A member's page weighs no more than plain Material's page for the same mentor, give or take 4 KB.

The bulk of any page is the theme's: the header, the tabs and the navigation, the same bytes on
every page. The committee's guide is the one section of the navigation, about 6 KB of links; the
site draws it on the guide's own pages, and elsewhere only a link to its first page, so member pages
(profiles, areas, regions, programs, forms) stay small at any roster size, and the phone drawer still
reaches every section. Checked under both engines, and against plain Material built as the
benchmark builds it (benchmarks/sites.py): the shipped theme, nav and hand-written pages, one
Markdown page per profile.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest

from support import MKDOCS, PROJECT

sys.path.insert(0, str(PROJECT))

from benchmarks.sites import write_baseline, write_ours  # noqa: E402
from benchmarks.synthetic import write_roster  # noqa: E402

BUDGET = 4 * 1024  # bytes a profile may add to plain Material's page for the same mentor
GUIDE_PAGE = "guide/check/"  # a page inside the committee's section of the nav
MEMBER_PAGES = ("", "mentors/", "mentors/expertise/finance/", "mentors/region/central/", "programs/", "forms/")


@pytest.fixture(scope="module")
def pair(tmp_path_factory) -> tuple[Path, Path]:
    """Ours and plain Material, each built from the same synthetic roster of 30 mentors."""
    root = tmp_path_factory.mktemp("page-size")
    roster = write_roster(root / "content", 30, seed=1)
    sites = []
    for config in (write_ours(root / "ours", root / "content"), write_baseline(root / "baseline", roster.profiles)):
        result = subprocess.run([str(MKDOCS), "build", "-q", "-f", str(config)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        sites.append(config.parent / "site")
    return sites[0], sites[1]


def primary_nav(html: str) -> str:
    """The site navigation's sidebar (the phone's drawer), without the page's own table of contents."""
    start = html.index('class="md-sidebar md-sidebar--primary"')
    return html[start:html.index('class="md-sidebar md-sidebar--secondary"', start)]


def guide_links(nav: str, page: str) -> set[str]:
    """The addresses under guide/ that a page's navigation links to, relative to the site."""
    here = f"http://site/{page}"
    found = {urljoin(here, href).removeprefix("http://site/") for href in re.findall(r'href="([^"]*)"', nav)}
    return {url for url in found if url.startswith("guide/")}


def test_every_profile_is_within_plain_materials_page_and_4_kb(pair):
    ours, baseline = pair
    profiles = sorted(p.parent.name for p in (baseline / "mentors").glob("*/index.html"))
    assert len(profiles) == 30
    over = {}
    for slug in profiles:
        mine = (ours / "mentors" / slug / "index.html").stat().st_size
        theirs = (baseline / "mentors" / slug / "index.html").stat().st_size
        if mine > theirs + BUDGET:
            over[slug] = (mine, theirs)
    assert not over, f"{len(over)} profile(s) over plain Material's page + {BUDGET} bytes (ours, plain): {over}"


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_the_guides_navigation_is_on_its_own_pages_alone(engine, example_build, zensical_site):
    site = example_build.site if engine == "mkdocs" else zensical_site.site
    on_guide = guide_links(primary_nav((site / GUIDE_PAGE / "index.html").read_text(encoding="utf-8")), GUIDE_PAGE)
    assert {"guide/", "guide/check/", "guide/publishing/", "guide/taxonomy/"} <= on_guide, on_guide
    profile = next(p.parent.name for p in sorted((site / "mentors").glob("*/index.html"))
                   if p.parent.name not in ("expertise", "region", "role", "team", "find"))
    for page in (*MEMBER_PAGES, f"mentors/{profile}/"):
        nav = primary_nav((site / page / "index.html").read_text(encoding="utf-8"))
        # One link to the guide's first page, so the drawer still reaches the committee's section.
        assert guide_links(nav, page) == {"guide/"}, f"{engine}: {page or 'home'}: {sorted(guide_links(nav, page))}"
        assert "For the committee" in nav and "Mentors Gallery" in nav and "Programs" in nav
