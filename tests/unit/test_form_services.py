"""Forms that feed real form services: `post_as` names what the service expects and the rendered
form posts every field under it; `options: programs` offers the site's programs; a hand-written
option list naming a program, area, region or role the site does not have fails `check` at its
line; `match` finds the columns of a service's export by the posted names too."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mentor_gallery.content.loader import load_roster
from mentor_gallery.site.render import FragmentRenderer
from support import PROJECT, TAXONOMY, make_roster, profile, run_cli, write
from html_tree import parse

HEAD = "title: Apply\naction: https://forms.example.org/apply\nmethod: post\nhoneypot: true\nfields:\n"  # fields start on line 6
PROGRAMS = {
    "coaching": "---\nname: Coaching Program\nsummary: Short talks.\n---\nThe guide.\n",
    "circle": "---\nname: Leadership Circle\nsummary: A year in a group.\n---\nThe guide.\n",
}
ROLES = TAXONOMY + "roles:\n  - Coach\n  - {label: Sounding board, aliases: [Listener]}\n"


def load(tmp_path: Path, fields: str):
    root = make_roster(tmp_path / "content", {"ana": profile()}, PROGRAMS, taxonomy=ROLES)
    write(root / "forms" / "apply.yml", HEAD + fields)
    return load_roster(root)


def errors(tmp_path: Path, fields: str) -> list[str]:
    result = load(tmp_path, fields)
    return [f"{p.line}: {p.message}" for p in result.problems if p.severity == "error"]


class _Controls(HTMLParser):
    """(tag, name, id) of every form control, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[tuple[str, str | None, str | None]] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("input", "select", "textarea"):
            found = dict(attrs)
            self.controls.append((tag, found.get("name"), found.get("id")))


def rendered_names(form) -> list[str]:
    renderer = FragmentRenderer(PROJECT / "site-templates" / "mentor-gallery")
    html = renderer.env.get_template("form.html").render(form=form, destination="docs.google.com", root="")
    parser = _Controls()
    parser.feed(html)
    return [name for _, name, _ in parser.controls]


# --- post_as -------------------------------------------------------------------------------

EVERY_TYPE = """\
  - {name: name, label: Name, type: text, post_as: entry.101}
  - {name: email, label: Email, type: email, post_as: entry.102}
  - {name: phone, label: Phone, type: tel, post_as: entry.103}
  - {name: about, label: About, type: textarea, post_as: entry.104}
  - {name: often, label: How often, type: choice, options: frequency, post_as: entry.105}
  - {name: meeting, label: How to meet, type: multichoice, options: meeting, post_as: entry.106}
  - {name: needs, label: Needs, type: ranked, options: expertise, max: 2, post_as: entry.107}
  - {name: order, label: Order, type: ranked, options: [Red, Green, Blue], post_as: [entry.108, entry.109, entry.110]}
  - {name: consent, label: I agree, type: checkbox, post_as: entry.111}
  - {name: start, label: Start, type: date, post_as: entry.112}
  - {name: years, label: Years, type: number, post_as: "113"}
  - {name: plain, label: Plain, type: text}
"""


def test_every_field_type_posts_under_its_post_as_and_the_others_under_their_name(tmp_path):
    result = load(tmp_path, EVERY_TYPE)
    assert result.ok, result.problems
    [form] = result.roster.forms
    names = rendered_names(form)
    assert names == (["entry.101", "entry.102", "entry.103", "entry.104", "entry.105"]
                     + ["entry.106"] * 4  # one box per meeting mode, all under one name
                     + ["entry.107"] * 2  # one drop-down per place, in order
                     + ["entry.108", "entry.109", "entry.110"]  # a ranked field's own name per place
                     + ["entry.111", "entry.112", "113", "plain", "_gotcha"])


def test_ids_and_labels_keep_the_fields_own_name(tmp_path):
    [form] = load(tmp_path, EVERY_TYPE).roster.forms
    html = FragmentRenderer(PROJECT / "site-templates" / "mentor-gallery").env.get_template("form.html").render(
        form=form, destination="x", root="")
    page = parse(html)
    # The id comes from the field's own name, whatever name the handler is sent (entry.101 here).
    assert page.find(id="f-name").tag == "input" and page.find(id="f-name").attrs["name"] != "name"
    assert page.find("label", **{"for": "f-name"}) and page.find(id="f-order-3")


@pytest.mark.parametrize("fields, expected", [
    ("  - {name: a, label: A, post_as: [entry.1, entry.2]}\n",
     "6: post_as must be one name for a text field, e.g. post_as: entry.1234567; a list is for ranked fields"),
    ("  - {name: a, label: A, type: ranked, options: [x, y, z], max: 3, post_as: [entry.1, entry.2]}\n",
     "6: post_as lists 2 names but the field has 3 places (max: 3); give one name per place, or one name for all"),
    ("  - {name: a, label: A, post_as: entry 1}\n",
     "6: post_as 'entry 1' may use only letters, digits"),
    ("  - {name: a, label: A, post_as: entry.1}\n  - {name: b, label: B, post_as: entry.1}\n",
     "7: field 'b' is posted as 'entry.1', as field 'a' is; give each field its own post_as"),
    ("  - {name: a, label: A, post_as: b}\n  - {name: b, label: B}\n",
     "7: field 'b' is posted as 'b', as field 'a' is; give each field its own name"),
    ("  - {name: a, label: A, post_as: _gotcha}\n",
     "6: field 'a' is posted as '_gotcha', as the honeypot is"),
    ("  - name: a\n    label: A\n    type: ranked\n    options: [x, y]\n    post_as:\n      - entry.1\n      - entry.1\n",
     "12: post_as gives 'entry.1' to two places; give each place its own name"),
    ("  - {name: a, label: A, pots_as: entry.1}\n", "6: unknown key 'pots_as'; did you mean 'post_as'?"),
])
def test_a_post_as_mistake_is_reported_at_its_line(tmp_path, fields, expected):
    messages = errors(tmp_path, fields)
    assert any(m.startswith(expected) for m in messages), messages


# --- options: programs and hand-written lists ------------------------------------------------

def test_options_programs_offers_the_sites_programs_by_name(tmp_path):
    result = load(tmp_path, "  - {name: program, label: Program, type: choice, options: programs}\n")
    assert result.ok, result.problems
    [form] = result.roster.forms
    assert form.fields[0].options == ["Leadership Circle", "Coaching Program"]  # the programs' order: by file name


def test_options_programs_on_a_site_without_programs_leaves_the_field_out_with_a_warning(tmp_path):
    root = make_roster(tmp_path / "content", {"ana": profile()})
    write(root / "forms" / "apply.yml", HEAD + "  - {name: a, label: A}\n  - {name: p, label: Program, type: choice, options: programs}\n")
    result = load_roster(root)
    assert result.ok, result.problems
    [form] = result.roster.forms
    assert [f.name for f in form.fields] == ["a"]
    assert [(p.line, p.severity, p.message.split(" (")[0]) for p in result.problems] == [(7, "warning", "options: programs offers nothing yet")]


LISTED = [
    # The example's programs on another association's site: each one at its own line.
    ("  - name: program\n    label: Program\n    type: choice\n    options:\n      - Coaching Program\n      - Senior Partners Program\n",
     ["11: unknown program 'Senior Partners Program' (the site's programs: Leadership Circle, Coaching Program; "
      "or write 'options: programs' to offer them all)"]),
    # A near miss of a program's name; its slug or another case is the same program spelt differently.
    ("  - {name: p, label: P, type: multichoice, options: [Coaching Programme, Leadership Circle, Coaching Program]}\n",
     ["6: unknown program 'Coaching Programme'; did you mean 'Coaching Program'? (the site's programs: "]),
    ("  - {name: p, label: P, type: multichoice, options: [coaching, Leadership Circle]}\n",
     ["6: unknown program 'coaching'; did you mean 'Coaching Program'? (spell it as content/programs does)"]),
    # Areas, regions and roles alike, found by the field's name or by most of the options.
    ("  - {name: needs, label: Needs, type: multichoice, options: [Finanse, Strategic Planning]}\n",
     ["6: unknown expertise 'Finanse'; did you mean 'Finance'? (the site's expertise: Finance, "]),
    ("  - {name: where, label: Where, type: choice, options: [Western, Piedmont, Coastal]}\n",
     ["6: unknown region 'Coastal' (the site's regions: Western, Piedmont; or write 'options: regions' to offer them all)"]),
    ("  - {name: help, label: Help, type: multichoice, options: [Coach, Listener]}\n",
     ["6: unknown role 'Listener'; did you mean 'Sounding board'? (spell it as content/taxonomy.yml does)"]),
]


@pytest.mark.parametrize("fields, expected", LISTED, ids=[e[0].split(":")[0] for _, e in LISTED])
def test_a_hand_written_list_naming_what_the_site_lacks_is_an_error_at_its_line(tmp_path, fields, expected):
    found = errors(tmp_path, fields)
    assert len(found) == len(expected) and all(m.startswith(e) for m, e in zip(found, expected)), found


@pytest.mark.parametrize("options", ["[Small, Large]", "[Mentoring, Coaching]", "[Coaching Program, Leadership Circle]",
                                     "[Finance, Western, Something else]"])
def test_a_list_that_names_no_vocabulary_or_names_it_rightly_passes(tmp_path, options):
    result = load(tmp_path, f"  - {{name: kind, label: Kind, type: choice, options: {options}}}\n")
    assert result.ok, result.problems


def test_a_form_listing_a_program_the_site_lacks_fails_check_at_that_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = make_roster(tmp_path / "content", {"ana": profile()}, PROGRAMS, taxonomy=ROLES)
    write(root / "forms" / "log.yml", HEAD + "  - {name: hours, label: Hours, type: number}\n"
                                             "  - name: program\n    label: Program\n    type: choice\n    options:\n"
                                             "      - Leadership Circle\n      - Senior Partners Program\n")
    code, _, err = run_cli(capsys, "check", "content")
    assert code == 1
    assert err.splitlines()[0].startswith(f"{Path('content/forms/log.yml')}:12: unknown program 'Senior Partners Program'")


# --- match reads a service's export by the posted names ------------------------------------

def test_match_reads_columns_headed_by_the_posted_names(tmp_path, capsys):
    form = ("title: Mentee application\naction: https://forms.example.org/apply\nfields:\n"
            "  - {name: name, label: Your name, post_as: entry.1}\n"
            "  - {name: needs, label: Needs, type: ranked, options: expertise, max: 2, post_as: [entry.2, entry.3]}\n"
            "  - {name: region, label: Region, type: choice, options: regions, post_as: entry.4}\n")
    root = make_roster(tmp_path / "content", {
        "ana": profile("Ana Díaz", expertise="[Finance]"),
        "bo": profile("Bo Chen", expertise="[Strategic Planning]", region="Piedmont"),
    }, forms={"apply": form})
    export = write(tmp_path / "responses.csv", "entry.1,entry.2,entry.3,entry.4\nJo Park,Strategic Planning,Finance,Piedmont\n")
    code, out, err = run_cli(capsys, "match", export, root)
    assert code == 0, err
    [jo] = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert (jo["applicant"], jo["mentor"]) == ("Jo Park", "bo")
    assert jo["reasons"].startswith("shares Strategic Planning")
    assert "not used" not in err


def test_a_get_form_keeps_its_actions_query_as_hidden_fields(tmp_path):
    """A Microsoft form's address carries its id; a browser sending a get form would drop it."""
    root = make_roster(tmp_path / "content", {"ana": profile()})
    write(root / "forms" / "apply.yml", "title: Apply\naction: https://forms.office.com/Pages/ResponsePage.aspx?id=AbC123\n"
                                        "method: get\nfields:\n  - {name: name, label: Name, post_as: r1a2b}\n")
    result = load_roster(root)
    assert result.ok, result.problems
    [form] = result.roster.forms
    assert rendered_names(form) == ["id", "r1a2b"]
    write(root / "forms" / "apply.yml", "title: Apply\naction: https://forms.office.com/Pages/ResponsePage.aspx?id=AbC123\n"
                                        "method: get\nfields:\n  - {name: name, label: Name, post_as: id}\n")
    messages = [f"{p.line}: {p.message}" for p in load_roster(root).problems]
    assert any(m.startswith("5: field 'name' is posted as 'id', as the action's query is") for m in messages), messages
