"""Form definitions (content/forms/<slug>.yml): every field type loads; mistakes are reported at their line."""

from pathlib import Path

import pytest

from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.model import FIELD_TYPES, FREQUENCY, MEETING
from support import make_roster, profile, write

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
    fields = "".join(f"  - {{name: f_{t}, label: The {t}, type: {t}}}\n" for t in FIELD_TYPES if t not in ("choice", "multichoice"))
    fields += ("  - {name: needs, label: Needs, type: multichoice, options: expertise, required: true, group: You}\n"
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
    assert form.honeypot and form.method == "post" and form.action == "https://forms.example.org/apply"


CASES = [
    ("  - {name: needs, label: Needs, type: multichoice, options: expertize}\n",
     "5: unknown vocabulary 'expertize'; did you mean 'expertise'?"),
    ("  - {name: a, label: A, type: text}\n  - {name: b, label: B, type: choice, options: colours}\n",
     "6: unknown vocabulary 'colours'; use one of: expertise, regions, frequency, meeting"),
    ("  - {name: a, label: A, type: text}\n  - {name: b, label: B, type: multi-choice, options: meeting}\n",
     "6: unknown field type 'multi-choice'; did you mean 'multichoice'?"),
    ("  - {name: a, label: A, type: file}\n", "5: unknown field type 'file'; use one of: text, email, tel"),
    ("  - {name: a, label: A, type: choice}\n", "5: a choice field needs options"),
    ("  - {name: a, label: A, type: text, options: [x, y]}\n", "5: options apply only to choice and multichoice fields"),
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
