"""A program's `requires`: what its mentors must have, checked against every profile listing it."""

from __future__ import annotations

import html
import re

import pytest

from mentor_gallery import routes
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.model import REQUIREMENT_WORDING, Requirement
from mentor_gallery.content.profile_fields import HOLDS_KEYS, MINIMUM_KEYS
from mentor_gallery.settings import SiteSettings
from mentor_gallery.site.pages import site_pages
from mentor_gallery.site.render import FragmentRenderer
from support import EXAMPLE_CONTENT, PROJECT, make_roster, profile, run_cli

TAXONOMY = "expertise: [Finance, Police]\nregions: [Western]\nroles: [Coach, Sponsor]\n"


def program(requires: str) -> str:
    # Lines: 1 ---, 2 name, 3 summary, 4 requires...
    return f"---\nname: Senior Partners\nsummary: Seasoned managers.\nrequires:{requires}\n---\nGuide.\n"


def load(tmp_path, requires: str, **profiles: str):
    content = make_roster(tmp_path / "content", profiles or {"ana": profile()}, {"senior": program(requires)}, TAXONOMY)
    return load_roster(content)


def test_every_requirable_key_has_its_wording():
    assert set(REQUIREMENT_WORDING) == set(MINIMUM_KEYS) | set(HOLDS_KEYS)
    assert Requirement("years_as_manager", minimum=1).text == "At least 1 year as a manager"
    assert Requirement("memberships", value="NCCCMA").text == "Member of NCCCMA"


def test_numbers_are_minimums_and_text_or_lists_must_be_held(tmp_path):
    result = load(tmp_path, "\n  years_as_manager: 3\n  memberships: NCCCMA\n  credentials: [ICMA-CM, MPA]\n  roles: coach\n")
    assert result.ok, result.problems
    [senior] = result.roster.programs
    assert senior.requires == (Requirement("years_as_manager", minimum=3), Requirement("memberships", value="NCCCMA"),
                               Requirement("credentials", value="ICMA-CM"), Requirement("credentials", value="MPA"),
                               Requirement("roles", value="Coach"))


MISTAKES = [
    (" {years_as_manger: 3}", 4, "unknown profile key 'years_as_manger' in requires; did you mean 'years_as_manager'?"),
    ("\n  region: Western", 5, "requires cannot ask for region; it takes a minimum of years_in_local_government or years_as_manager"),
    ("\n  years_as_manager: three", 5, "requires years_as_manager must be a whole number, the least a mentor needs, e.g. years_as_manager: 3; not 'three'"),
    ("\n  years_as_manager: true", 5, "requires years_as_manager must be a whole number"),
    ("\n  memberships: 3", 5, "requires memberships must be text or a list of text that a mentor's memberships must include, e.g. memberships: [NCCCMA]; not '3'"),
    ("\n  memberships: []", 5, "requires memberships must be text or a list of text"),
    ("\n  roles:\n    - Coach\n    - Sponsr", 7, "unknown role 'Sponsr'; did you mean 'Sponsor'?"),
    ("\n  expertise: Finanse", 5, "unknown expertise 'Finanse'; did you mean 'Finance'?"),
    (" [years_as_manager]", 4, "requires must map profile keys to what a mentor needs"),
]


@pytest.mark.parametrize("requires, line, message", MISTAKES, ids=[m[2][:50] for m in MISTAKES])
def test_a_mistake_in_requires_is_an_error_at_its_line(tmp_path, requires, line, message):
    found = [(p.path.rsplit("/", 1)[-1], p.line, p.message) for p in load(tmp_path, requires).problems if p.severity == "error"]
    assert len(found) == 1 and found[0][:2] == ("senior.md", line) and found[0][2].startswith(message), found


def test_check_warns_at_the_programs_line_of_each_mentor_who_falls_short(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    requires = "\n  years_as_manager: 3\n  memberships: NCCCMA\n  roles: [Coach]\n"
    profiles = {
        # Lines: 1 ---, 2-6 the profile's keys, then these.
        "ana": profile(years_as_manager="5", memberships="[ncccma, ICMA]", roles="[Coach]", programs="[senior]"),
        "bo": profile("Bo Lee", memberships="[ICMA]", programs="\n  - senior"),
        "cy": profile("Cy Ng", years_as_manager="2", memberships="[NCCCMA]", roles="[Coach]"),  # in no program
    }
    content = make_roster(tmp_path / "content", profiles, {"senior": program(requires)}, TAXONOMY)
    code, out, err = run_cli(capsys, "check", content)
    assert code == 0, err
    fix = "update the profile, or remove the program if the mentor does not qualify"
    assert [line for line in err.splitlines() if line.startswith("content/")] == [
        f"content/mentors/bo.md:8: warning: senior: Senior Partners requires memberships including NCCCMA (the profile lists ICMA); {fix}",
        f"content/mentors/bo.md:8: warning: senior: Senior Partners requires roles including Coach (the profile lists none); {fix}",
        f"content/mentors/bo.md:8: warning: senior: Senior Partners requires years_as_manager of at least 3 (the profile does not say); {fix}",
    ]
    assert err.splitlines()[-1].startswith("ok: 3 mentors")


def criteria_items(page: str) -> list[tuple[str | None, str]]:
    """(the requirement it is marked with, its text) of each item of a page's list of who can mentor."""
    listing = page.split('<ul class="mg-criteria">', 1)[1].split("</ul>", 1)[0]
    return [(key or None, html.unescape(text)) for key, text in
            re.findall(r'<li(?: class="mg-criteria__required" data-requirement="([a-z_]+)")?>(.*?)</li>', listing)]


def test_the_program_page_shows_each_eligibility_rule_once():
    roster = load_roster(EXAMPLE_CONTENT).roster
    senior = roster.program("senior-partners")
    assert senior.requires and senior.mentor_criteria and all(p.requires for p in roster.programs)
    specs = {spec.url: spec for spec in site_pages(roster, SiteSettings())}
    renderer = FragmentRenderer(PROJECT / "site-templates" / "mentor-gallery", "Example")
    page = renderer.render(specs[routes.program(senior.slug)], "")
    items = criteria_items(page)
    texts = [text for _, text in items]
    # Every criterion in the committee's words, in order; each requirement marked once, on the
    # criterion that states it ("At least three years as a city or county manager" for
    # years_as_manager: 3, "Member of RCCMA in good standing" for memberships: RCCMA), so the
    # generated "At least 3 years as a manager" and "Member of RCCMA" are not said again.
    assert texts == senior.mentor_criteria
    marked = {key: text for key, text in items if key}
    assert sorted(marked) == sorted(r.key for r in senior.requires)
    assert marked["years_as_manager"].startswith("At least three years") and marked["memberships"].startswith("Member of RCCMA")
    # A requirement no criterion states keeps its generated wording, before the criteria.
    partnership = roster.program("partnership")
    page = renderer.render(specs[routes.program(partnership.slug)], "")
    items = criteria_items(page)
    assert items[:2] == [("years_in_local_government", "At least 10 years in local government"), ("memberships", "Member of RCCMA")]
    assert [text for _, text in items[2:]] == partnership.mentor_criteria
    assert [key for key, _ in items].count("memberships") == 1
    index = renderer.render(specs[routes.PROGRAMS], "")
    assert "Helps as: Coach" in index  # the comparison table names them too
