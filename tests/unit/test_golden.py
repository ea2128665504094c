"""Golden outputs: a small fixed roster in, the exact fragments and data files out.

The expected files sit in tests/golden/expected/ and are reviewed in the diff like code. After an
intended change, refresh them with `make golden` (REFRESH_GOLDEN=1 for this file) and read the diff.

Three sites of the same roster: public (the top folder, with Find my mentor and the team page),
members-only (members-only/: a fixed test passphrase and salt; each sealed profile's random IV
makes its token differ from build to build, so the golden holds the token's opened text instead)
and windowed (windowed/: the windowing sizes made small, so three mentors window as a thousand
would, and mentors/all/ runs to two pages).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from mentor_gallery.content.json_schema import schema_json
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.model import RequestHandler
from mentor_gallery.settings import SiteSettings
from mentor_gallery.site import gallery_data, pages
from mentor_gallery.site.pages import data_files, home_part, site_pages
from mentor_gallery.site.render import FragmentRenderer
from mentor_gallery.site.requests import controls_for
from mentor_gallery.site.sealing import Sealer
from html_tree import parse
from support import PROJECT

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
EXPECTED = GOLDEN / "expected"
REFRESH = os.environ.get("REFRESH_GOLDEN") == "1"
HANDLER = RequestHandler("https://forms.example.org/request", "get", {"mentor": "entry.1", "mentor_name": "entry.2", "program": "entry.3"})

# Generated page (by URL) -> the golden file holding its fragment.
PAGES = {
    "mentors/": "gallery.html",
    "mentors/ana-diaz/": "profile-ana-diaz.html",
    "mentors/bo-lee/": "profile-bo-lee.html",
    "mentors/cy-ng/": "profile-cy-ng.html",
    "mentors/expertise/finance/": "facet-finance.html",
    "mentors/region/piedmont/": "facet-piedmont.html",
    "programs/coaching/": "program-coaching.html",
    "programs/coaching/agreement/": "agreement-coaching.html",
    "forms/mentee-application/": "form-mentee-application.html",
    "mentors/find/": "find.html",
    "mentors/team/": "team.html",
    "": "home-summary.html",
}
DATA = {"mentors/search-index.json": "search-index.json", "mentors/search-index-0.json": "search-index-0.json",
        "mentors/match-data.json": "match-data.json",
        "schema/mentor-profile.json": "mentor-profile.schema.json"}
MEMBERS_PAGES = {url: f"members-only/{name}" for url, name in {
    "mentors/": "gallery.html",
    "mentors/ana-diaz/": "profile-ana-diaz.html",
    "mentors/bo-lee/": "profile-bo-lee.html",
    "mentors/expertise/finance/": "facet-finance.html",
    "programs/coaching/": "program-coaching.html",
    "": "home-summary.html",
}.items()}
MEMBERS_DATA = {"mentors/search-index.json": "members-only/search-index.json",
                "mentors/search-index-0.json": "members-only/search-index-0.json"}
WINDOWED_PAGES = {"mentors/": "windowed/gallery.html", "mentors/all/": "windowed/all.html", "mentors/all/2/": "windowed/all-2.html"}
WINDOWED_DATA = {"mentors/gallery-cards.json": "windowed/gallery-cards.json"}
# The windowing sizes for the windowed site: above 2 mentors the gallery holds 1 card, 2 a page of mentors/all/.
WINDOWING = {"WINDOW_ABOVE": 2, "FIRST_CARDS": 1, "ALL_PAGE_SIZE": 2}
ALL_NAMES = [*PAGES.values(), *DATA.values(), *MEMBERS_PAGES.values(), *MEMBERS_DATA.values(),
             *WINDOWED_PAGES.values(), *WINDOWED_DATA.values()]
PASSPHRASE = "golden test passphrase"
SALT = bytes(range(16))
_SEALED = re.compile(r'data-sealed="([^"]+)"')


def site(roster, settings: SiteSettings, renderer: FragmentRenderer, page_names: dict[str, str],
         data_names: dict[str, str]) -> dict[str, str]:
    """The named fragments and data files of one site of the roster ("" names the home summary)."""
    specs = {spec.url: spec for spec in site_pages(roster, settings)}
    specs[""] = home_part(roster, settings)
    made = {name: renderer.render(specs[url], specs[url].body_html) for url, name in page_names.items()}
    files = data_files(roster, settings)
    for uri, name in data_names.items():
        made[name] = json.dumps(json.loads(files[uri]), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return made


def opened(html: str, sealer: Sealer) -> str:
    """A members-only page with its sealed token replaced by the text it opens to, after the page."""
    found = _SEALED.search(html)
    if found is None:
        return html
    inner = sealer.open(found.group(1))
    return (html[:found.start(1)] + "(sealed: opens to the text below)" + html[found.end(1):]
            + "\n<!-- opened with the test passphrase: -->\n" + inner)


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    result = load_roster(GOLDEN / "content")
    assert result.ok, result.problems
    roster, templates = result.roster, PROJECT / "site-templates" / "mentor-gallery"
    public = SiteSettings(request_form=HANDLER, site_name="Golden Association")
    made = site(roster, public, FragmentRenderer(templates, "Golden Association"), PAGES, DATA)
    # Few iterations: the key's strength is not under test, and the fixed salt shows in the golden.
    sealer = Sealer.from_passphrase(PASSPHRASE, SALT, iterations=1000)
    members = SiteSettings(request_form=HANDLER, site_name="Golden Association", access="members-only")
    sealed = site(roster, members, FragmentRenderer(templates, "Golden Association", sealer), MEMBERS_PAGES, MEMBERS_DATA)
    made |= {name: opened(html, sealer) for name, html in sealed.items()}
    with pytest.MonkeyPatch.context() as patch:
        for module in (gallery_data, pages):
            for name, value in WINDOWING.items():
                if hasattr(module, name):
                    patch.setattr(module, name, value)
        made |= site(roster, public, FragmentRenderer(templates, "Golden Association"), WINDOWED_PAGES, WINDOWED_DATA)
    return made


@pytest.mark.parametrize("name", ALL_NAMES)
def test_output_matches_its_golden_file(outputs, name):
    expected = EXPECTED / name
    if REFRESH:
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(outputs[name], encoding="utf-8")
    assert expected.is_file(), f"{expected} is missing; run `make golden` and review the new file"
    assert outputs[name] == expected.read_text(encoding="utf-8"), f"{name} changed; if intended, run `make golden` and review the diff"


def test_the_golden_roster_keeps_its_private_contact_out_of_every_output(outputs):
    # The roster has a private email (Ana) and a public one (Bo): the goldens prove both ways.
    everything = "".join(outputs.values())
    assert "ana@example.org" not in everything
    assert "bo@example.org" in outputs["profile-bo-lee.html"]


def test_a_members_only_profile_shows_its_details_only_sealed(outputs):
    # Bo's public email and Ana's title are in the opened text, never in the page around it.
    for name, detail in (("members-only/profile-bo-lee.html", "bo@example.org"), ("members-only/profile-ana-diaz.html", "Town Manager")):
        page, marker, inner = outputs[name].partition("<!-- opened with the test passphrase: -->")
        assert marker and detail in inner and detail not in page, name
    assert not any(detail in outputs["members-only/gallery.html"] for detail in ("Town Manager", "bo@example.org"))


def drawn_cards(html: str) -> list[str]:
    """The mentors of the cards a page draws (not the model card of its <template>)."""
    return [li.attrs["data-mentor"] for li in parse(html).find_all("li", class_="mg-card") if li.attrs.get("data-mentor")]


def test_the_windowed_gallery_holds_its_first_cards_and_all_lists_everyone(outputs):
    assert drawn_cards(outputs["windowed/gallery.html"]) == ["ana-diaz"]
    listed = drawn_cards(outputs["windowed/all.html"]) + drawn_cards(outputs["windowed/all-2.html"])
    assert listed == ["ana-diaz", "bo-lee", "cy-ng"]
    assert json.loads(outputs["windowed/gallery-cards.json"])["count"] == 3


def test_schema_golden_is_the_published_schema(outputs):
    result = load_roster(GOLDEN / "content")
    published = json.loads(schema_json(result.roster.taxonomy, [p.slug for p in result.roster.programs]))
    assert json.loads(outputs["mentor-profile.schema.json"]) == published


def test_request_controls_in_the_golden_profile_are_the_handlers(outputs):
    roster = load_roster(GOLDEN / "content").roster
    ana = next(m for m in roster.mentors if m.slug == "ana-diaz")
    (control,) = controls_for(ana, {p.slug: p for p in roster.programs}, HANDLER)
    assert control.url.replace("&", "&amp;") in outputs["profile-ana-diaz.html"]
