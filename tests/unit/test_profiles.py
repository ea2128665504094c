"""Profile validation: every kind of mistake is reported at its line with a fix."""

from pathlib import Path

import pytest

from mentor_gallery.content.loader import load_roster
from support import make_roster, profile, write

PROGRAM = "---\nname: Coaching\nsummary: Short sessions.\n---\nGuide.\n"


def problems_of(tmp_path: Path, text: str, **extra_files) -> list[str]:
    root = make_roster(tmp_path / "content", {"ana": text}, {"coaching": PROGRAM})
    for name, content in extra_files.items():
        (root / "mentors" / name).write_bytes(content)
    result = load_roster(root)
    return [f"{p.line}: {p.message}" for p in result.problems if p.severity == "error"]


def test_a_valid_profile_loads(tmp_path):
    root = make_roster(tmp_path / "c", {"ana": profile(expertise="[Finance, EMS]", programs="[coaching]",
                                                        contact="{email: ana@example.org, public: false}")}, {"coaching": PROGRAM})
    result = load_roster(root)
    assert result.ok, result.problems
    mentor = result.roster.mentors[0]
    assert [t.label for t in mentor.expertise] == ["Finance", "Fire/Emergency Medical Services"]
    assert mentor.available and mentor.places == 1


# (keys to set, expected "line: message fragment"); the profile's keys start on line 2.
CASES = [
    ({"region": "Westrn"}, "5: unknown region 'Westrn'; did you mean 'Western'?"),
    ({"expertise": "[Finanse]"}, "6: unknown expertise 'Finanse'; did you mean 'Finance'?"),
    ({"expertise": "[Finance, Strategic Planning, EMS, Police]"}, "choose your 3 strongest"),
    ({"expertise": "[Finance, Finance]"}, "names the same area twice"),
    ({"expertise": "[]"}, "expertise must be a list of 1 to 3 areas"),
    ({"frequency": "monthy"}, "unknown frequency 'monthy'; did you mean 'monthly'?"),
    ({"meeting": "[in-person, zoom]"}, "unknown meeting mode 'zoom'"),
    ({"accepting": "maybe"}, "accepting must be true or false"),
    ({"capacity": "-1"}, "capacity must be a whole number of 0 or more"),
    ({"years_as_manager": "ten"}, "years_as_manager must be a whole number"),
    ({"programs": "[coching]"}, "unknown program 'coching'; did you mean 'coaching'?"),
    ({"updated": "last week"}, "updated must be a date written YYYY-MM-DD"),
    ({"colour": "red"}, "7: unknown key 'colour'"),
    ({"titel": "x"}, "unknown key 'titel'; did you mean 'title'?"),
    ({"title": ""}, "3: title is required and empty"),
    ({"organization": '"  "'}, "4: organization is empty"),
    ({"title": None}, "title is required"),
    ({"state": "NO"}, "state must be text, not a yes/no value; put it in quotes"),
    ({"contact": "{email: not-an-email}"}, "contact email 'not-an-email' is not an email address"),
    ({"contact": "{email: a@example.org, pubic: true}"}, "unknown key 'pubic'; did you mean 'public'?"),
    ({"education": "MPA"}, "education must be a list; write it as education: [MPA]"),
    ({"photo": "missing.jpg"}, "photo 'missing.jpg' does not exist"),
    ({"photo": "../secret.jpg"}, "must be a file beside the profile"),
    ({"photo": "notes.txt"}, "must be an image"),
    ({"summary": '"Evil\\u202Etxt"'}, "invisible control character U+202E"),
]


@pytest.mark.parametrize("keys, expected", CASES, ids=[c[1][:40] for c in CASES])
def test_each_mistake_is_reported_with_line_and_fix(tmp_path, keys, expected):
    found = problems_of(tmp_path, profile(**keys))
    assert any(expected in p for p in found), found


def test_every_problem_of_a_file_is_reported_not_just_the_first(tmp_path):
    found = problems_of(tmp_path, profile(region="Westrn", expertise="[Finanse]", frequency="monthy", colour="red"))
    assert len(found) == 4


def test_private_contact_in_the_statement_is_an_error_at_its_line(tmp_path):
    # Lines: 1 ---, 2-7 keys, 8 ---, 9 first body line, 10 blank, 11 the leak.
    text = profile(contact="{email: ana@example.org, phone: '555-010-2000'}") + "\nWrite to ANA@example.org or call 555 010 2000.\n"
    found = problems_of(tmp_path, text)
    assert any(p.startswith("11: the statement contains the private contact email") for p in found), found
    assert any("private contact phone" in p for p in found)


def test_public_contact_may_appear_in_the_statement(tmp_path):
    text = profile(contact="{email: ana@example.org, public: true}") + "\nWrite to ana@example.org.\n"
    assert problems_of(tmp_path, text) == []


def test_svg_photo_with_script_is_refused(tmp_path):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    found = problems_of(tmp_path, profile(photo="ana.svg"), **{"ana.svg": svg})
    assert any("<script> element" in p for p in found), found


def test_svg_photo_with_event_handler_is_refused(tmp_path):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><circle r="4" onload="alert(1)"/></svg>'
    assert any("event-handler" in p for p in problems_of(tmp_path, profile(photo="ana.svg"), **{"ana.svg": svg}))


def test_plain_svg_photo_is_accepted(tmp_path):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4" fill="#333"/></svg>'
    assert problems_of(tmp_path, profile(photo="ana.svg"), **{"ana.svg": svg}) == []


def test_file_names_must_be_slugs_and_near_misses_are_not_silently_dropped(tmp_path):
    root = make_roster(tmp_path / "c", {"ana": profile()})
    write(root / "mentors" / "Bad Name.md", profile())
    write(root / "mentors" / "old" / "bob.md", profile())
    write(root / "mentors" / "carol.markdown", profile())
    write(root / "mentors" / "README.md", "# not a profile")
    (root / "mentors" / "ana.jpg").write_bytes(b"\xff\xd8")
    result = load_roster(root)
    messages = {(p.path.split("/")[-1], p.severity): p.message for p in result.problems}
    assert "rename it to bad-name.md" in messages[("Bad Name.md", "error")]
    assert "subfolders" in messages[("bob.md", "warning")]
    assert "must end in '.md'" in messages[("carol.markdown", "warning")]
    assert len(result.problems) == 3
    assert [m.slug for m in result.roster.mentors] == ["ana"]


def test_slugs_of_the_gallery_own_pages_are_refused(tmp_path):
    root = make_roster(tmp_path / "c", {"find": profile(), "team": profile(), "ana": profile()})
    result = load_roster(root)
    refused = sorted(p.path.split("/")[-1] for p in result.problems if "gallery's own pages" in p.message)
    assert refused == ["find.md", "team.md"]
    assert [m.slug for m in result.roster.mentors] == ["ana"]


# ---- What YAML quietly does to a value --------------------------------------------------------

def problems_with_severity(tmp_path: Path, text: str) -> list[tuple[str, int, str]]:
    root = make_roster(tmp_path / "content", {"ana": text}, {"coaching": PROGRAM})
    return [(p.severity, p.line, p.message) for p in load_roster(root).problems]


@pytest.mark.parametrize("written", ["No", "ON", "yes", "01234", "2024-01-01"])
def test_a_text_value_yaml_reads_otherwise_is_quoted_as_typed_in_the_hint(tmp_path, written):
    found = problems_with_severity(tmp_path, profile(state=written))
    assert len(found) == 1 and found[0][:2] == ("error", 7)
    assert found[0][2].endswith(f'; put it in quotes: state: "{written}"'), found


def test_a_text_value_cut_at_a_comment_is_warned_about_at_its_line(tmp_path):
    text = profile(title="City Manager #2 of the county", education="\n  - MPA\n  - BA # with honours", city='"Alder" # quoted: fine')
    found = problems_with_severity(tmp_path, text)
    assert found == [
        ("warning", 3, "title stops before ' #': YAML reads the rest of the line as a comment, so it is 'City Manager'; "
                       "to keep the whole text put it in quotes: \"City Manager #2 of the county\""),
        ("warning", 9, "education item stops before ' #': YAML reads the rest of the line as a comment, so it is 'BA'; "
                       "to keep the whole text put it in quotes: \"BA # with honours\""),
    ]


def test_the_hints_new_writes_after_a_value_are_not_warned_about(tmp_path):
    text = profile(title="Town Manager                  # required: current or last position", city="Alder   # city")
    assert problems_with_severity(tmp_path, text) == []


@pytest.mark.parametrize("written", ["~", "Null", "null"])
def test_a_text_value_yaml_reads_as_nothing_is_warned_about(tmp_path, written):
    found = problems_with_severity(tmp_path, profile(city=written, languages=f"[English, {written}]"))
    message = f"YAML reads {written} as nothing, so the value is left empty; put it in quotes to keep it as text: \"{written}\", or remove it"
    assert found == [("warning", 7, f"city: {message}"), ("warning", 8, f"languages item: {message}")]
    required = problems_with_severity(tmp_path / "x", profile(title=written))
    assert ("warning", 3, f"title: {message}") in required and ("error", 3, "title is required and empty (current or last position); fill it in") in required


def test_a_key_given_twice_is_reported_with_the_files_other_problems(tmp_path):
    text = profile(region="Westrn") .replace("title: Town Manager\n", "title: Town Manager\ntitle: County Manager\n")
    found = problems_with_severity(tmp_path, text)
    assert ("error", 4, "key 'title' is given twice (also on line 3); keep one") in found
    assert ("error", 6, "unknown region 'Westrn'; did you mean 'Western'?") in found
