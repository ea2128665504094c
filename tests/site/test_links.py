"""Every link and source of every page of a built site that stays inside the site reaches a file
of the site: for the example roster, for another association's small roster, and for a bare one."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentor_gallery.site import built_check

from support import build_site, make_roster, png, profile, write

SITE_URL = "https://example.org/mentor-gallery/"


def broken_links(site: Path) -> tuple[int, list[str]]:
    """The shipped reader (the one `pages --verify` runs), given the whole site_url so that the
    site's own absolute addresses are checked too; the planted links below keep it honest."""
    return built_check.broken_links(site, SITE_URL)


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
                                         ' <a href="../../outside/">out</a> <a href="/elsewhere/">root</a>'
                                         ' <link rel="canonical" href="https://example.org/mentor-gallery/gone/">')
    checked, broken = broken_links(site)
    assert checked == 7
    assert broken == ["guide/index.html: ../../outside/", "guide/index.html: /elsewhere/",
                      "guide/index.html: https://example.org/mentor-gallery/gone/", "index.html: missing.png"]
    # Given only the path, as `pages --verify` does, the same site's absolute addresses are not read.
    assert built_check.broken_links(site, "/mentor-gallery/") == (6, broken[:2] + broken[3:])
