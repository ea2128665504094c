"""Golden outputs: a small fixed roster in, the exact fragments and data files out.

The expected files sit in tests/golden/expected/ and are reviewed in the diff like code. After an
intended change, refresh them with `make golden` (REFRESH_GOLDEN=1 for this file) and read the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mentor_gallery.content.json_schema import schema_json
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.model import RequestHandler
from mentor_gallery.settings import SiteSettings
from mentor_gallery.site.pages import data_files, site_pages
from mentor_gallery.site.render import FragmentRenderer
from mentor_gallery.site.requests import controls_for
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
}
DATA = {"mentors/search-index.json": "search-index.json", "mentors/search-index-0.json": "search-index-0.json",
        "mentors/match-data.json": "match-data.json",
        "schema/mentor-profile.json": "mentor-profile.schema.json"}


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    result = load_roster(GOLDEN / "content")
    assert result.ok, result.problems
    settings = SiteSettings(request_form=HANDLER, site_name="Golden Association")
    renderer = FragmentRenderer(PROJECT / "site-templates" / "mentor-gallery", "Golden Association")
    specs = {spec.url: spec for spec in site_pages(result.roster, settings)}
    made = {name: renderer.render(specs[url], specs[url].body_html) for url, name in PAGES.items()}
    files = data_files(result.roster, settings)
    for uri, name in DATA.items():
        made[name] = json.dumps(json.loads(files[uri]), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return made


@pytest.mark.parametrize("name", [*PAGES.values(), *DATA.values()])
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


def test_schema_golden_is_the_published_schema(outputs):
    result = load_roster(GOLDEN / "content")
    published = json.loads(schema_json(result.roster.taxonomy, [p.slug for p in result.roster.programs]))
    assert json.loads(outputs["mentor-profile.schema.json"]) == published


def test_request_controls_in_the_golden_profile_are_the_handlers(outputs):
    roster = load_roster(GOLDEN / "content").roster
    ana = next(m for m in roster.mentors if m.slug == "ana-diaz")
    (control,) = controls_for(ana, {p.slug: p for p in roster.programs}, HANDLER)
    assert control.url.replace("&", "&amp;") in outputs["profile-ana-diaz.html"]
