"""The profile JSON Schema says what `check` says, for editors that validate as you type."""

import datetime as dt
import json
import re

import pytest
from jsonschema import Draft202012Validator

from mentor_gallery.cli import main
from mentor_gallery.content.json_schema import profile_schema
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.profile_fields import PROFILE_FIELDS
from mentor_gallery.content.source import parse_yaml
from support import EXAMPLE_CONTENT, TAXONOMY, make_roster, profile


def as_json(value):
    """What an editor sees: YAML dates are plain strings to a JSON Schema validator."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    return value


@pytest.fixture(scope="module")
def example():
    roster = load_roster(EXAMPLE_CONTENT).roster
    schema = profile_schema(roster.taxonomy, [p.slug for p in roster.programs])
    return roster, Draft202012Validator(schema)


def test_the_schema_is_valid_draft_2020_12_and_lists_every_key(example):
    _, validator = example
    Draft202012Validator.check_schema(validator.schema)
    assert validator.schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert list(validator.schema["properties"]) == [f.key for f in PROFILE_FIELDS]
    assert validator.schema["required"] == [f.key for f in PROFILE_FIELDS if f.required]


def test_every_example_profile_validates(example):
    roster, validator = example
    assert len(roster.mentors) == 28
    for mentor in roster.mentors:
        errors = [e.message for e in validator.iter_errors(as_json(mentor.raw))]
        assert errors == [], mentor.slug


VALID = {"name": "Ana Díaz", "title": "Town Manager", "organization": "Town of Alder", "region": "Western",
         "expertise": "[Finance]"}

# (change to a valid profile, in YAML) -> both `check` and the schema must reject it
REJECTED = {
    "unknown key": {"organisation": "Town of Alder"},
    "bad region": {"region": "Westren"},
    "region not text": {"region": "[Western]"},
    "unknown expertise": {"expertise": "[Finanse]"},
    "too many areas": {"expertise": "[Finance, Strategic Planning, EMS, Fire/Emergency Medical Services]"},
    "no area": {"expertise": "[]"},
    "negative years": {"years_as_manager": "-2"},
    "years as text": {"years_as_manager": "ten"},
    "bad frequency": {"frequency": "weekly"},
    "bad meeting": {"meeting": "[in-person, zoom]"},
    "unknown program": {"programs": "[coching]"},
    "accepting as text": {"accepting": "maybe"},
    "bad date": {"updated": "31/01/2026"},
    "unknown contact key": {"contact": "{mail: a@example.org}"},
    "bad email": {"contact": "{email: not-an-address}"},
    "email with an angle bracket": {"contact": "{email: 'a<b@x.org'}"},
    "email with a quote": {"contact": "{email: 'a\"b@x.org'}"},
    "photo outside": {"photo": "../x.png"},
    "photo not an image": {"photo": "x.pdf"},
    "empty title": {"title": "'  '"},
    "missing organization": {"organization": None},
    "unknown role": {"roles": "[Cheerleader]", "__taxonomy_roles": True},
    "roles without taxonomy roles": {"roles": "[Coach]"},
}
ACCEPTED = {
    "alias": {"expertise": "[EMS, Finance]"},
    "one area without brackets": {"expertise": "Finance"},
    "labels in another case": {"expertise": "[finance, ems]", "region": "WESTERN"},
    "roles": {"roles": "[coach, Connector]", "__taxonomy_roles": True},
    "phone as a number": {"contact": "{phone: 5550100, public: false}"},
    "every optional key": {"city": "Alder", "frequency": "quarterly", "meeting": "video", "programs": "[coaching]",
                           "accepting": "false", "capacity": "0", "updated": "2026-01-31", "languages": "[English]",
                           "credentials": "[MPA]", "mentored_before": "true", "summary": "Budgets."},
}


def _verdicts(tmp_path, change: dict) -> tuple[bool, bool]:
    change = dict(change)
    taxonomy = TAXONOMY + "roles: [Coach, {label: Connector, aliases: [Networker]}]\n" if change.pop("__taxonomy_roles", False) else TAXONOMY
    text = profile(**{**VALID, **change})
    programs = {"coaching": "---\nname: Coaching\nsummary: Short talks.\n---\n"}
    content = make_roster(tmp_path / "content", {"ana-diaz": text}, programs, taxonomy)
    result = load_roster(content)
    validator = Draft202012Validator(profile_schema(result.roster.taxonomy, [p.slug for p in result.roster.programs]))
    data = parse_yaml(text.split("---\n")[1]).data
    return result.ok, validator.is_valid(as_json(data))


@pytest.mark.parametrize("change", REJECTED.values(), ids=REJECTED.keys())
def test_what_check_rejects_the_schema_rejects(tmp_path, change):
    assert _verdicts(tmp_path, change) == (False, False)


@pytest.mark.parametrize("change", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_what_check_accepts_the_schema_accepts(tmp_path, change):
    assert _verdicts(tmp_path, change) == (True, True)


def test_the_command_prints_it_and_the_site_ships_the_same(example_site, capsys):
    assert main(["schema", str(EXAMPLE_CONTENT)]) == 0
    printed = json.loads(capsys.readouterr().out)
    shipped = json.loads((example_site.site / "schema" / "mentor-profile.json").read_text(encoding="utf-8"))
    assert printed == shipped
    listed, any_case = printed["properties"]["region"]["anyOf"]
    assert "Coastal" in listed["enum"] and "Westren" not in listed["enum"]
    assert re.fullmatch(any_case["pattern"], "COASTAL") and not re.fullmatch(any_case["pattern"], "Coastal Plain")


def test_the_command_refuses_a_broken_taxonomy(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    content = make_roster(tmp_path / "content", {}, taxonomy="expertise: [Finance]\nregion: [Western]\n")
    assert main(["schema", str(content)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "content/taxonomy.yml:2: unknown key 'region'; did you mean 'regions'?" in err
