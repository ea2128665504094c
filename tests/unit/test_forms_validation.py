"""Form definitions (content/forms/<slug>.yml): every field type loads; mistakes are reported at their line."""

from pathlib import Path

import pytest

from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.model import FIELD_TYPES, FREQUENCY, MEETING
from support import EXAMPLE_CONTENT, TAXONOMY, make_roster, profile, write

HEAD = "title: Apply\naction: https://forms.example.org/apply\nmethod: post\nfields:\n"  # fields start on line 5


def load(tmp_path: Path, text: str):
    root = make_roster(tmp_path / "content", {"ana": profile()})
    write(root / "forms" / "apply.yml", text)
    return load_roster(root)


def form_errors(tmp_path: Path, text: str) -> list[str]:
    result = load(tmp_path, text)
    assert result.roster.forms == [], "a form with errors must not be published"
    found = [p for p in result.problems if p.severity == "error"]
    assert all(p.path.endswith(str(Path("forms") / "apply.yml")) for p in found), found
    return [f"{p.line}: {p.message}" for p in found]


def test_every_field_type_loads_with_vocabulary_options_as_labels(tmp_path):
    fields = "".join(f"  - {{name: f_{t}, label: The {t}, type: {t}}}\n" for t in FIELD_TYPES if t not in ("choice", "multichoice", "ranked"))
    fields += ("  - {name: needs, label: Needs, type: multichoice, options: expertise, required: true, group: You}\n"
               "  - {name: order, label: In order, type: ranked, options: expertise, max: 2}\n"
               "  - {name: region, label: Region, type: choice, options: regions, group: You}\n"
               "  - {name: often, label: How often, type: choice, options: frequency}\n"
               "  - {name: how, label: How, type: multichoice, options: meeting}\n"
               "  - {name: size, label: Size, type: choice, options: [Small, Large]}\n")
    result = load(tmp_path, HEAD + fields + "honeypot: true\n")
    assert result.ok, result.problems
    [form] = result.roster.forms
    by_name = {f.name: f for f in form.fields}
    assert {f.type for f in form.fields} == set(FIELD_TYPES)
    assert by_name["needs"].options == ["Finance", "Strategic Planning", "Fire/Emergency Medical Services"]
    assert by_name["needs"].required and by_name["needs"].group == "You"
    assert by_name["region"].options == ["Western", "Piedmont"]
    assert by_name["often"].options == [t.label for t in FREQUENCY.terms]
    assert by_name["how"].options == [t.label for t in MEETING.terms]
    assert by_name["size"].options == ["Small", "Large"]
    assert by_name["order"].max == 2 and by_name["order"].options == by_name["needs"].options
    assert all(f.max is None for f in form.fields if f.type not in ("ranked", "scale"))
    assert (by_name["f_scale"].min, by_name["f_scale"].max, by_name["f_scale"].labels) == (1, 5, None)
    assert form.honeypot and form.method == "post" and form.action == "https://forms.example.org/apply"


CASES = [
    ("  - {name: needs, label: Needs, type: multichoice, options: expertize}\n",
     "5: unknown vocabulary 'expertize'; did you mean 'expertise'?"),
    ("  - {name: a, label: A, type: text}\n  - {name: b, label: B, type: choice, options: colours}\n",
     "6: unknown vocabulary 'colours'; use one of: expertise, regions, roles, frequency, meeting"),
    ("  - {name: a, label: A, type: text}\n  - {name: b, label: B, type: multi-choice, options: meeting}\n",
     "6: unknown field type 'multi-choice'; did you mean 'multichoice'?"),
    ("  - {name: a, label: A, type: file}\n", "5: unknown field type 'file'; use one of: text, email, tel"),
    ("  - {name: a, label: A, type: choice}\n", "5: a choice field needs options"),
    ("  - {name: a, label: A, type: text, options: [x, y]}\n", "5: options apply only to choice, multichoice and ranked fields"),
    ("  - {name: a, label: A, type: ranked}\n", "5: a ranked field needs options"),
    ("  - {name: a, label: A, type: multichoice, options: [x, y], max: 1}\n", "5: max applies only to ranked fields, not multichoice"),
    ("  - {name: a, label: A, type: ranked, options: [x, y], max: 3}\n", "5: max must be a whole number from 1 to 2"),
    ("  - {name: a, label: A, type: ranked, options: [x, y], max: 0}\n", "5: max must be a whole number from 1 to 2"),
    ("  - {name: a, label: A, type: ranked, options: [x, y], max: two}\n", "5: max must be a whole number from 1 to 2"),
    ("  - {name: a, label: A, type: ranked, options: [x, y], max: true}\n", "5: max must be a whole number from 1 to 2"),
    ("  - {name: a, label: A, type: scale, min: 1, max: 1}\n", "5: a scale runs from min to max with 2 to 11 steps"),
    ("  - {name: a, label: A, type: scale, max: 50}\n", "5: a scale runs from min to max with 2 to 11 steps, e.g. min: 1, max: 5; not 1 to 50"),
    ("  - {name: a, label: A, type: scale, labels: [Low]}\n", "5: labels must name the two ends of the scale"),
    ("  - {name: a, label: A, type: text, labels: [Low, High]}\n", "5: labels applies only to scale fields, not text"),
    ("  - {name: a, label: A}\n  - {name: a, label: Again}\n", "6: field name 'a' is used twice"),
    ("  - {name: your name, label: A}\n", "5: field name 'your name' may use only letters"),
    ("  - {name: a, label: A, kind: text}\n", "5: unknown key 'kind'"),
    ("  - {name: a, type: text}\n", "5: label is required"),
]


@pytest.mark.parametrize("fields, expected", CASES)
def test_a_field_mistake_is_reported_at_its_line(tmp_path, fields, expected):
    messages = form_errors(tmp_path, HEAD + fields)
    assert any(m.startswith(expected) for m in messages), messages


@pytest.mark.parametrize("head, expected", [
    ("title: Apply\nmethod: post\nfields:\n", "1: action is required"),
    ("title: Apply\naction: javascript:alert(1)\nfields:\n", "2: action 'javascript:alert(1)' must start with https:// or mailto:"),
    ("title: Apply\naction: https://forms.example.org/a\nmethod: put\nfields:\n", "3: method must be get or post, not 'put'"),
    ("title: Apply\naction: https://forms.example.org/a\nsubmit: Send\nfields:\n", "3: unknown key 'submit'"),
])
def test_a_form_level_mistake_is_reported_at_its_line(tmp_path, head, expected):
    messages = form_errors(tmp_path, head + "  - {name: a, label: A}\n")
    assert any(m.startswith(expected) for m in messages), messages


def test_a_form_without_fields_is_an_error(tmp_path):
    messages = form_errors(tmp_path, "title: Apply\naction: https://forms.example.org/a\nfields: []\n")
    assert any(m.startswith("3: fields must be a list of at least one field") for m in messages), messages


def test_every_mistake_of_a_form_is_reported_not_just_the_first(tmp_path):
    messages = form_errors(tmp_path, HEAD + "  - {name: a, label: A, type: txt}\n  - {name: b, label: B, type: choice, options: regoins}\n")
    assert [m.split(":")[0] for m in messages] == ["5", "6"], messages


@pytest.mark.parametrize("taxonomy_max, field, expected", [
    (2, "{name: n, label: N, type: ranked, options: expertise}", 2),  # the taxonomy's max_expertise
    (5, "{name: n, label: N, type: ranked, options: expertise}", 3),  # but never more than the options
    (2, "{name: n, label: N, type: ranked, options: [a, b, c, d]}", 4),  # a list: every option
    (2, "{name: n, label: N, type: ranked, options: expertise, max: 1}", 1),
])
def test_a_ranked_field_without_max_offers_as_many_places_as_make_sense(tmp_path, taxonomy_max, field, expected):
    taxonomy = TAXONOMY + f"max_expertise: {taxonomy_max}\n"
    root = make_roster(tmp_path / "content", {"ana": profile()}, taxonomy=taxonomy)
    write(root / "forms" / "apply.yml", HEAD + f"  - {field}\n")
    result = load_roster(root)
    assert result.ok, result.problems
    [form] = result.roster.forms
    assert form.fields[0].max == expected


def test_the_shipped_forms_ask_for_ranked_needs_and_the_log_columns():
    roster = load_roster(EXAMPLE_CONTENT).roster
    forms = {form.slug: form for form in roster.forms}
    needs = next(f for f in forms["mentee-application"].fields if f.name == "needs")
    assert (needs.type, needs.max, needs.options) == ("ranked", roster.taxonomy.max_expertise, roster.taxonomy.expertise.labels)
    log = {f.name: f for f in forms["mentoring-log"].fields}
    for name in ("mentor_email", "mentor_name", "mentee_name", "mentee_position", "kind", "relationship_start",
                 "date", "hours", "subjects", "mentee_is_employee", "formal_program"):
        assert name in log, name
    assert log["hours"].type == "number" and log["date"].type == log["relationship_start"].type == "date"
    assert [o.lower() for o in log["kind"].options] == ["mentoring", "coaching"]
