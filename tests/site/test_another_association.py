"""Another association's site: its own taxonomy, roster, program, home text and settings, with
the example's forms (which a new association starts from). Nothing of the example reaches the
built site: not a mentor's name, a program, a sponsor, a region or the association's name, in
any page, data file or search index; the forms offer the site's own programs and the home
page's search suggests the site's own words."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from mentor_gallery.content.loader import load_roster
from support import EXAMPLE_CONTENT, MKDOCS, make_roster, write, write_config

TAXONOMY = """
expertise:
  - Budgeting
  - Stormwater
regions:
  - Lakeshore
  - Prairie
"""
MENTORS = {
    "kim-oduya": "---\nname: Kim Oduya\ntitle: County Administrator\norganization: Lake County\nregion: Lakeshore\n"
                 "expertise: [Budgeting]\nprograms: [circle]\n---\nI have balanced nine county budgets.\n",
    "lars-berg": "---\nname: Lars Berg\ntitle: Public Works Director\norganization: Town of Fenn\nregion: Prairie\n"
                 "expertise: [Stormwater]\n---\nDrains, pipes and the people who fix them.\n",
}
PROGRAMS = {"circle": "---\nname: Leadership Circle\nsponsor: Prairie Lakes Managers Board\n"
                      "summary: A year of monthly meetings in a small group.\n---\nHow the circle works.\n"}


def example_words() -> list[str]:
    """What is the example's own: its mentors, programs, sponsors, regions and association."""
    roster = load_roster(EXAMPLE_CONTENT).roster
    words = {m.name for m in roster.mentors} | {p.name for p in roster.programs}
    words |= {p.sponsor for p in roster.programs if p.sponsor}
    words |= set(roster.taxonomy.regions.labels)
    return sorted(words | {"Riverlands", "RCCMA", "Western"})  # "Western": the old search placeholder


@pytest.fixture(scope="module")
def other_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("other")
    content = make_roster(tmp / "content", MENTORS, PROGRAMS, taxonomy=TAXONOMY)
    shutil.copytree(EXAMPLE_CONTENT / "forms", content / "forms")
    docs = write(tmp / "docs" / "index.md", "---\ntemplate: home.html\n---\n# Prairie Lakes Mentoring\n\nOur volunteer mentors.\n").parent
    config = write_config(tmp, content, docs_dir=docs)
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings.update({
        "site_name": "Prairie Lakes Mentoring",
        "site_description": "Volunteer mentors of the Prairie Lakes Managers Association.",
        "copyright": "Prairie Lakes Managers Association",
        "nav": [{"Home": "index.md"}, {"Mentors Gallery": "mentors/index.md"}, {"Programs": "programs/index.md"},
                {"Forms": "forms/index.md"}],
    })
    config.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(config)], capture_output=True, text=True, cwd=tmp)
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp / "site"


def test_no_name_of_the_example_reaches_the_other_associations_site(other_site):
    words = example_words()
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b")
    found = {}
    for path in other_site.rglob("*"):
        # The committee's guide ships with the package and illustrates with the example's names;
        # it is the tool's manual, not the association's content.
        if path.relative_to(other_site).parts[0] == "guide":
            continue
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt", ".ics"):
            hits = set(pattern.findall(path.read_text(encoding="utf-8", errors="replace")))
            if hits:
                found[str(path.relative_to(other_site))] = sorted(hits)
    assert found == {}


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(path: Path) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Attributes()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.elements


def test_the_forms_offer_the_sites_own_programs(other_site):
    for form in ("mentor-application", "mentoring-log"):
        boxes = [attrs.get("value") for tag, attrs in elements(other_site / "forms" / form / "index.html")
                 if tag in ("input", "option") and attrs.get("name") in ("programs", "program")]
        options = [text for text in re.findall(r"<option>([^<]*)</option>",
                                               (other_site / "forms" / form / "index.html").read_text(encoding="utf-8"))]
        assert "Leadership Circle" in boxes + options, form


def test_the_home_search_suggests_the_sites_own_words(other_site):
    [search] = [attrs for tag, attrs in elements(other_site / "index.html") if attrs.get("id") == "mg-home-search"]
    assert search.get("placeholder") == "e.g. Budgeting, Lakeshore, Kim"
