"""Every link and source of every page of a built site that stays inside the site reaches a file
of the site: for the example roster, for another association's small roster, and for a bare one."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from support import build_site, make_roster, png, profile, write

SITE_URL = "https://example.org/mentor-gallery/"


class _References(HTMLParser):
    """The href and src values of a page, entities decoded."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value.strip() for name, value in attrs if name in ("href", "src") and value is not None]


def internal_target(site: Path, page: Path, reference: str) -> Path | None:
    """The file of the site a reference of `page` asks for, or None when it leaves the site
    (another host, mailto:, data:) or stays on the page (a fragment)."""
    if not reference or reference.startswith("#"):
        return None
    base = urlsplit(SITE_URL)
    target = urlsplit(urljoin(SITE_URL + page.relative_to(site).as_posix(), reference))
    if (target.scheme, target.netloc) != (base.scheme, base.netloc):
        return None
    path = unquote(target.path)
    # Outside the subpath is outside the site: a path that cannot resolve.
    inside = path[len(base.path):] if path.startswith(base.path) else "../" + path
    return site / inside


def broken_links(site: Path) -> tuple[int, list[str]]:
    """(internal references checked, 'PAGE: REFERENCE' for each that reaches no file)."""
    checked, broken = 0, []
    for page in sorted(site.rglob("*.html")):
        parser = _References()
        parser.feed(page.read_text(encoding="utf-8"))
        for reference in parser.found:
            target = internal_target(site, page, reference)
            if target is None:
                continue
            checked += 1
            if target.is_dir():  # a folder is served as its index.html
                target = target / "index.html"
            if not target.resolve().is_relative_to(site.resolve()) or not target.is_file():
                broken.append(f"{page.relative_to(site).as_posix()}: {reference}")
    return checked, broken


def other_roster(root: Path) -> Path:
    """Another association: its own areas and regions, two programs (one with an agreement),
    a form, and a mentor with a photo."""
    taxonomy = """
    expertise:
      - Budgeting
      - {label: Parks & Recreation, slug: parks}
      - Water Utilities
      - Labor Relations
    regions:
      - Northern Shore
      - {label: Lakes, aliases: [Lake District]}
    """
    program = "---\nname: {name}\nsummary: Pairs for a year.\n{extra}---\nHow the {name} works.\n"
    form = """
    title: Volunteer
    action: https://forms.example.net/volunteer
    method: post
    fields:
      - {name: name, label: Name, type: text, required: true}
      - {name: areas, label: Areas, type: multichoice, options: expertise}
    """
    root = make_roster(root, {
        "kai": profile("Kai Lund", region="Lakes", expertise="[Budgeting, Water Utilities]", programs="[apprentice]",
                       photo="kai.png"),
        "mo": profile("Mo Ibsen", region="Northern Shore", expertise="[Parks & Recreation]", programs="[circle]", capacity="0"),
    }, {
        "apprentice": program.format(name="Apprentice Program", extra="agreement: [We meet monthly., We keep confidences.]\n"),
        "circle": program.format(name="Circle", extra=""),
    }, taxonomy=taxonomy, forms={"volunteer": form})
    (root / "mentors" / "kai.png").write_bytes(png())
    return root


ROSTERS = {
    "example": None,
    "other": other_roster,
    "bare": lambda root: make_roster(root, {"ana": profile()}),  # no programs, no forms
}


@pytest.mark.parametrize("roster", list(ROSTERS))
def test_every_internal_link_of_the_built_site_reaches_a_file(tmp_path, roster):
    make = ROSTERS[roster]
    build = build_site(tmp_path, make(tmp_path / "content"), site_url=SITE_URL) if make else build_site(tmp_path, site_url=SITE_URL)
    assert build.returncode == 0, build.output
    checked, broken = broken_links(build.site)
    assert checked > 0
    assert broken == []


def test_the_link_check_finds_a_link_that_reaches_nothing(tmp_path):
    site = tmp_path / "site"
    write(site / "index.html", '<a href="guide/">ok</a> <a href="#top">here</a> <a href="https://other.example/x">away</a>'
                               ' <a href="mailto:a@example.org">mail</a> <img src="missing.png" alt="">')
    write(site / "guide" / "index.html", '<a href="../">home</a> <a href="/mentor-gallery/guide/?q=1#x">self</a>'
                                         ' <a href="../../outside/">out</a> <a href="/elsewhere/">root</a>')
    checked, broken = broken_links(site)
    assert checked == 6
    assert broken == ["guide/index.html: ../../outside/", "guide/index.html: /elsewhere/", "index.html: missing.png"]
