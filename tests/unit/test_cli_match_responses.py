"""`match` on what a form service exports for the mentee application, the output's name and email
columns, and `--introductions DIR`."""

from __future__ import annotations

import csv
import io
import os

import pytest

from mentor_gallery.content.loader import load_roster
from support import EXAMPLE_CONTENT, make_roster, profile, run_cli, write

TAXONOMY = """
expertise:
  - Finance
  - "Parks, Recreation and Open Space"
  - Police
regions:
  - Western
  - Piedmont
"""
PROGRAM = """---
name: Mentorship Program
summary: One to one.
agreement:
  - "Confidentiality: agreed between us."
---
The guide.
"""
GUIDE_ONLY = "---\nname: Coaching Program\nsummary: Short talks.\n---\nThe guide.\n"
FORM = """
title: Mentee application
action: https://forms.example.org/apply
fields:
  - {name: name, label: Your name, type: text, required: true}
  - {name: email, label: Email address, type: email}
  - {name: needs, label: Areas to grow in, type: ranked, options: expertise, max: 3}
  - {name: meeting, label: How would you like to meet?, type: multichoice, options: meeting}
  - {name: region, label: Your region, type: choice, options: regions}
"""


def records(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")  # so that Excel reads it as UTF-8
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


@pytest.fixture
def roster(tmp_path):
    return make_roster(tmp_path / "content", {
        "ana-diaz": profile("Ana Díaz", expertise='[Finance, "Parks, Recreation and Open Space"]', programs="[coaching, mentorship]"),
        "bo-chen": profile("Bo Chen", expertise="[Police]", region="Piedmont", programs="[coaching]"),
        "cy-dee": profile("Cy Dee", expertise="[Police, Finance]", capacity="0"),
    }, {"mentorship": PROGRAM, "coaching": GUIDE_ONLY}, taxonomy=TAXONOMY, forms={"apply": FORM})


def test_a_form_services_export_is_read_by_label_and_its_extra_columns_are_named(roster, tmp_path, capsys):
    export = write(tmp_path / "responses.csv", """
        Timestamp,Your name,Email address,Areas to grow in,How would you like to meet?,Your region,Organisation,reigon
        3/1/2026 9:00:00,Jo Park,jo@example.org,"Parks, Recreation and Open Space, Finance","Video, Phone",Western,Town of X,
        3/2/2026 9:00:00,Lee Chan,lee@example.org,Police,,Piedmont,,
        """)
    code, out, err = run_cli(capsys, "match", export, roster)
    assert code == 0, err
    jo, lee = records(out)
    assert (jo["applicant"], jo["mentor"], jo["mentor_name"], jo["email"]) == ("Jo Park", "ana-diaz", "Ana Díaz", "jo@example.org")
    # The label with commas in it was read whole, and first: both needs shared, in the applicant's order.
    assert jo["reasons"].startswith("shares Parks, Recreation and Open Space, Finance")
    assert (lee["mentor"], lee["mentor_name"], lee["email"]) == ("bo-chen", "Bo Chen", "lee@example.org")
    assert "responses.csv:header: column 'reigon' is not used; did you mean 'region'?" in err
    assert "responses.csv:header: not used: 'Timestamp', 'Organisation'" in err


@pytest.mark.parametrize("header", ["name,needs_1,needs_2", "Your name,Areas to grow in 1,areas to grow in 2"])
def test_ranked_needs_in_numbered_columns_keep_their_order(roster, tmp_path, capsys, header):
    export = write(tmp_path / "responses.csv", f"{header}\nJo,Police,Finance\n")
    code, out, err = run_cli(capsys, "match", export, roster)
    [jo] = records(out)
    assert code == 0, err
    # Police first: Bo (Police) and Cy (Police, Finance, but full) - Bo it is, and his reason names Police.
    assert (jo["mentor"], jo["reasons"].split(";")[0]) == ("bo-chen", "shares Police")


def test_alternatives_have_their_names_beside_the_slugs(tmp_path, capsys):
    export = write(tmp_path / "requests.csv", "name,needs\nJo,Finance; Police; Management\n")
    code, out, _ = run_cli(capsys, "match", export, EXAMPLE_CONTENT)
    [jo] = records(out)
    names = {m.slug: m.name for m in load_roster(EXAMPLE_CONTENT).roster.mentors}
    assert code == 0 and jo["alternative_1"] and jo["alternative_2"]
    assert (jo["mentor_name"], jo["alternative_1_name"], jo["alternative_2_name"]) == (
        names[jo["mentor"]], names[jo["alternative_1"]], names[jo["alternative_2"]])
    assert jo["email"] == ""


def test_introductions_name_both_people_the_program_and_its_agreement_page(roster, tmp_path, capsys):
    write(roster.parent / "mkdocs.yml", "site_name: X\nsite_url: https://assoc.example.org/mentors/\n")
    export = write(tmp_path / "requests.csv", "name,email,needs,program\n"
                                              "Jo Park,jo@example.org,Finance,\n"
                                              "Nobody,,Finance,\n"
                                              "Lee Chan,lee@example.org,Police,coaching\n")
    folder = tmp_path / "intros"
    code, out, err = run_cli(capsys, "match", export, "--introductions", folder, roster)
    assert code == 0, err
    assert sorted(p.name for p in folder.iterdir()) == ["1-ana-diaz.txt", "3-bo-chen.txt"]  # Nobody: no place left
    jo = (folder / "1-ana-diaz.txt").read_text(encoding="utf-8")
    subject, blank, *body = jo.splitlines()
    assert subject.startswith("Subject: ") and "Jo Park" in subject and "Ana Díaz" in subject and blank == ""
    text = "\n".join(body)
    # No program asked for: Ana's first program with an agreement (mentorship), not her first (coaching).
    assert "Mentorship Program" in text and "https://assoc.example.org/mentors/programs/mentorship/agreement/" in text
    assert "Ana Díaz, would you make the first contact?" in text and "jo@example.org" in text
    lee = (folder / "3-bo-chen.txt").read_text(encoding="utf-8")
    # The Coaching Program has no agreement: its guide instead.
    assert "Coaching Program" in lee and "https://assoc.example.org/mentors/programs/coaching/" in lee and "agreement/" not in lee
    assert "wrote 2 introduction(s)" in err and "no site_url" not in err


def test_without_a_site_url_nothing_is_written_and_the_message_names_the_variable(roster, tmp_path, capsys):
    write(roster.parent / "mkdocs.yml", 'site_name: X\nsite_url: !ENV [SITE_URL, ""]\n')
    export = write(tmp_path / "requests.csv", "name,needs\nJo,Finance\n")
    out_file = tmp_path / "proposals.csv"
    code, out, err = run_cli(capsys, "match", export, "--out", out_file, "--introductions", tmp_path / "intros", roster)
    assert code == 1 and out == "" and not (tmp_path / "intros").exists() and not out_file.exists()
    assert "mkdocs.yml: site_url gives no address, and the introductions link each program's agreement page by its full " \
           "address; set SITE_URL to the published address (e.g. SITE_URL=https://ORG.github.io/REPO/ mentor-gallery " \
           "match ...), or write the address in site_url. No introductions were written." in err
    write(roster.parent / "mkdocs.yml", "site_name: X\nsite_url: assoc.example.org\n")
    code, _, err = run_cli(capsys, "match", export, "--introductions", tmp_path / "intros", roster)
    assert code == 1 and "site_url 'assoc.example.org' is not a web address; write it with https://" in err


def test_the_site_url_default_of_env_is_the_address_and_an_earlier_rounds_files_are_named(roster, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    write(roster.parent / "mkdocs.yml", 'site_name: X\nsite_url: !ENV [SITE_URL, "https://assoc.example.org/m"]\n')
    folder = tmp_path / "intros"
    write(folder / "7-old-pair.txt", "Subject: an earlier round\n")
    export = write(tmp_path / "requests.csv", "name,needs\nJo,Finance\n")
    code, _, err = run_cli(capsys, "match", export, "--introductions", folder, roster)
    assert code == 0, err
    text = (folder / "1-ana-diaz.txt").read_text(encoding="utf-8")
    assert "\nhttps://assoc.example.org/m/programs/mentorship/agreement/\n" in text
    assert "also holds 1 introduction(s) this run did not write: 7-old-pair.txt" in err
    assert (folder / "7-old-pair.txt").exists()
    monkeypatch.setenv("SITE_URL", "https://other.example.org/")
    code, _, err = run_cli(capsys, "match", export, "--introductions", folder, roster)
    assert code == 0 and "\nhttps://other.example.org/programs/mentorship/agreement/\n" in (folder / "1-ana-diaz.txt").read_text(encoding="utf-8")


def test_introductions_are_never_written_through_a_link(roster, tmp_path, capsys):
    write(roster.parent / "mkdocs.yml", "site_name: X\nsite_url: https://assoc.example.org/\n")
    target = tmp_path / "elsewhere.txt"
    folder = tmp_path / "intros"
    folder.mkdir()
    os.symlink(target, folder / "1-ana-diaz.txt")
    export = write(tmp_path / "requests.csv", "name,needs\nJo,Finance\n")
    code, _, err = run_cli(capsys, "match", export, "--introductions", folder, roster)
    assert code == 1 and "is a symbolic link" in err and not target.exists()


def test_bad_records_write_no_introductions(roster, tmp_path, capsys):
    write(roster.parent / "mkdocs.yml", "site_name: X\n")
    export = write(tmp_path / "requests.csv", "name,needs\nJo,Finance\nLee,Finanse\n")
    code, out, err = run_cli(capsys, "match", export, "--introductions", tmp_path / "intros", roster)
    assert code == 1 and out == "" and not (tmp_path / "intros").exists()
    assert "requests.csv:2: unknown need 'Finanse'" in err
    assert "site_url gives no address" in err  # every problem said at once


@pytest.mark.parametrize("inside", ["content/introductions", "docs/committee", "pages/intros"])
def test_introductions_never_go_where_the_site_is_built_from(roster, tmp_path, capsys, inside):
    write(tmp_path / "mkdocs.yml", "site_name: X\ndocs_dir: pages\n" if inside.startswith("pages") else "site_name: X\n")
    export = write(tmp_path / "requests.csv", "name,needs\nJo,Finance\n")
    code, out, err = run_cli(capsys, "match", export, "--introductions", tmp_path / inside, roster)
    assert code == 1 and out == "" and "which the site is built from" in err
    assert not (tmp_path / inside).exists()


def test_the_shipped_application_asks_for_the_program_and_match_keeps_to_it(tmp_path, capsys):
    roster = load_roster(EXAMPLE_CONTENT).roster
    form = next(f for f in roster.forms if f.slug == "mentee-application")
    question = next(f for f in form.fields if f.name == "program")
    assert sorted(question.options) == sorted(p.name for p in roster.programs)  # one option per program, as named
    export = write(tmp_path / "responses.csv", f"Timestamp,Name,Developmental needs,{question.label}\n"
                                               "9/1/2026 9:30:00,Jo Park,Finance,Coaching Program\n")
    code, out, err = run_cli(capsys, "match", export, EXAMPLE_CONTENT)
    assert code == 0, err
    [row] = records(out)
    mentor = next(m for m in roster.mentors if m.slug == row["mentor"])
    assert "coaching" in mentor.programs and row["mentor"] != "helen-marchetti"  # the best fit without a program
