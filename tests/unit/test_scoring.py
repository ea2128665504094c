"""The one scoring definition: the shared fixture, the weights' config, the browser's data file."""

import json
from pathlib import Path

import pytest

from mentor_gallery.content.loader import load_roster
from mentor_gallery.matching.scoring import Applicant, Candidate, Weights, admissible, match_data, ranked, score, weights_from
from mentor_gallery.settings import read_settings
from support import EXAMPLE_CONTENT, make_roster, profile, write

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scoring_cases.json"
CASES = json.loads(FIXTURE.read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_shared_fixture_case(case):
    mentor, applicant = Candidate.from_json(case["mentor"]), Applicant.from_json(case["applicant"])
    result = score(mentor, applicant, Weights(**case["weights"]), case["max_areas"])
    assert result.value == case["expected"]["score"]
    assert list(result.reasons) == case["expected"]["reasons"]
    assert admissible(mentor, applicant) == case["expected"]["admissible"]


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_fixture_shapes_are_the_json_the_site_publishes(case):
    # Round trip: the browser reads exactly what to_json writes, so the fixture tests the real shapes.
    assert Candidate.from_json(case["mentor"]).to_json() == case["mentor"]
    assert Applicant.from_json(case["applicant"]).to_json() == case["applicant"]


def test_fixture_covers_every_part_of_a_score():
    reasons = " ".join(r for c in CASES for r in c["expected"]["reasons"])
    for phrase in ("shares ", "same region", "other region", "both ", "close to", "meets ", "program: "):
        assert phrase in reasons
    assert {c["expected"]["admissible"] for c in CASES} == {True, False}


def test_the_first_need_outweighs_the_second():
    finance, police = ({"slug": "finance", "label": "Finance"}, {"slug": "police", "label": "Police"})
    region = {"slug": "west", "label": "West"}
    applicant = Applicant.from_json({"needs": [finance, police]})
    first = Candidate.from_json({"slug": "a", "name": "A", "expertise": [finance], "region": region})
    second = Candidate.from_json({"slug": "b", "name": "B", "expertise": [police], "region": region})
    assert score(first, applicant).value > score(second, applicant).value
    assert [c.slug for c, _ in ranked([second, first], applicant)] == ["a", "b"]


def test_weights_default_and_custom():
    assert weights_from({}) == (Weights(), [])
    weights, problems = weights_from({"region": 0, "remote_region": 25})
    assert problems == [] and weights.region == 0 and weights.remote_region == 25 and weights.needs == Weights().needs


@pytest.mark.parametrize("value, where, words", [
    ({"regoin": 5}, ("regoin",), "unknown matching weight 'regoin'; did you mean 'region'?"),
    ({"region": "high"}, ("region",), "whole number from 0 to 1000"),
    ({"region": True}, ("region",), "whole number"),
    ({"region": -1}, ("region",), "whole number"),
    ({"remote_region": 150}, ("remote_region",), "from 0 to 100"),
    ({"needs": 0}, ("needs",), "needs must be at least 1"),
    ([1, 2], (), "must be a mapping"),
])
def test_bad_weights_are_problems_not_crashes(value, where, words):
    weights, problems = weights_from(value)
    assert isinstance(weights, Weights) and weights.needs >= 1
    assert len(problems) == 1 and problems[0][0] == where and words in problems[0][1]


def test_site_settings_read_the_weights_and_report_bad_ones_at_their_line(tmp_path):
    config = write(tmp_path / "mkdocs.yml", """
        site_name: X
        plugins:
          - search
          - mentor-gallery:
              matching:
                needs: 60
                region: lots
        """)
    settings = read_settings(config)
    assert settings.weights.needs == 60 and settings.weights.region == Weights().region
    assert [(p.line, "region" in p.message) for p in settings.problems] == [(7, True)]


def test_match_data_is_every_mentor_without_any_contact():
    roster = load_roster(EXAMPLE_CONTENT).roster
    text = match_data(roster).decode("utf-8")
    data = json.loads(text)
    assert sorted(m["slug"] for m in data["mentors"]) == sorted(m.slug for m in roster.mentors)
    assert data["max_areas"] == roster.taxonomy.max_expertise
    private = [v for m in roster.mentors if m.contact for v in (m.contact.email, m.contact.phone) if v]
    assert private, "the example roster should have contacts to keep out"
    for value in private:
        assert value not in text
    assert "@" not in text
    assert {key for m in data["mentors"] for key in m} == {"slug", "name", "title", "organization", "expertise", "region",
                                                            "frequency", "meeting", "programs", "roles", "available"}


def test_match_data_carries_the_roles_for_the_team_builder():
    roster = load_roster(EXAMPLE_CONTENT).roster
    data = json.loads(match_data(roster))
    assert data["roles"] == [{"slug": t.slug, "label": t.label} for t in roster.taxonomy.roles.terms] and data["roles"]
    published = {m["slug"]: m for m in data["mentors"]}
    for mentor in roster.mentors:
        assert published[mentor.slug]["roles"] == [{"slug": t.slug, "label": t.label} for t in mentor.roles]
        assert published[mentor.slug]["organization"] == mentor.organization


def test_match_data_marks_full_and_closed_mentors_unavailable(tmp_path):
    root = make_roster(tmp_path / "c", {"open": profile("Open One"), "full": profile("Full One", capacity="0"),
                                        "closed": profile("Closed One", accepting="false")})
    mentors = {m["slug"]: m for m in json.loads(match_data(load_roster(root).roster))["mentors"]}
    assert {slug: m["available"] for slug, m in mentors.items()} == {"open": True, "full": False, "closed": False}


def test_at_equal_needs_a_mentor_of_the_members_region_ranks_first():
    # The member wants Finance, in Central, monthly, in person (another region allowed, as the form
    # ticks by default). "amy" elsewhere meets monthly in person; "zed" in Central quarterly in person.
    # In person cannot cross regions, so zed, who can meet the member, ranks first.
    finance, central, coastal = ({"slug": "finance", "label": "Finance"}, {"slug": "central", "label": "Central"},
                                 {"slug": "coastal", "label": "Coastal"})
    applicant = Applicant.from_json({"needs": [finance], "region": central, "remote": True, "frequency": "monthly",
                                     "meeting": ["in-person"]})
    amy = Candidate.from_json({"slug": "amy", "name": "Amy", "expertise": [finance], "region": coastal,
                               "frequency": "monthly", "meeting": ["in-person"]})
    zed = Candidate.from_json({"slug": "zed", "name": "Zed", "expertise": [finance], "region": central,
                               "frequency": "quarterly", "meeting": ["in-person"]})
    assert [c.slug for c, _ in ranked([amy, zed], applicant)] == ["zed", "amy"]
    # At exactly equal scores, the member's own region still comes first, whatever the slugs.
    plain = Applicant.from_json({"needs": [finance]})
    near = Applicant.from_json({"needs": [finance], "region": central, "remote": True, "meeting": ["video"]})
    bo = Candidate.from_json({"slug": "bo", "name": "Bo", "expertise": [finance], "region": coastal, "meeting": ["video"]})
    yu = Candidate.from_json({"slug": "yu", "name": "Yu", "expertise": [finance], "region": central, "meeting": []})
    assert score(bo, near).value == score(yu, near).value
    assert [c.slug for c, _ in ranked([bo, yu], near)] == ["yu", "bo"]
    assert [c.slug for c, _ in ranked([yu, bo], plain)] == ["bo", "yu"]  # no region given: by slug


def test_the_reasons_never_say_remote_and_in_person_together(tmp_path):
    roster = load_roster(EXAMPLE_CONTENT).roster
    data = json.loads(match_data(roster))
    mentors = [Candidate.from_json(m) for m in data["mentors"]]
    for region in data["regions"]:
        for meeting in (["in-person"], ["in-person", "video"], ["in-person", "phone", "video", "email"]):
            applicant = Applicant.from_json({"needs": data["expertise"][:3], "region": region, "remote": True, "meeting": meeting})
            for candidate in mentors:
                text = score(candidate, applicant).text
                assert not ("remote" in text and "in person" in text), (candidate.slug, text)
