"""Reading a form service's CSV: columns by name or label, numbered ranked columns, choices split
on ';' or ',' without breaking a label that holds a comma."""

from __future__ import annotations

import pytest

from mentor_gallery.committee.form_responses import Column, form_columns, read_responses, split_choices
from mentor_gallery.content.model import Form, FormField, Term, Vocabulary

COLUMNS = [Column("name", ("Your name",)), Column("email", ("Email",)),
           Column("needs", ("Developmental needs",), numbered=True)]
AREAS = Vocabulary("expertise", [Term("Finance", "finance"), Term("Parks, Recreation; Open Space", "parks"),
                                 Term("Human Resources", "hr", ("HR",)), Term("Police", "police")])


def read(text: str, required=("name", "needs")):
    return read_responses(text, COLUMNS, required)


def test_columns_are_found_by_name_or_label_ignoring_case_and_spaces_and_others_are_set_aside():
    result = read("Timestamp, YOUR NAME ,email,  developmental   needs ,Organization\n"
                  "2026-03-01 10:00,Ana,ana@example.org,Finance,City of X\n")
    assert result.problems == []
    [record] = result.records
    assert (record.number, record.text("name"), record.text("email"), record.parts("needs")) == (1, "Ana", "ana@example.org", ("Finance",))
    assert result.present == {"name", "email", "needs"}
    assert result.notes == ["header: not used: 'Timestamp', 'Organization'"]


def test_a_column_close_to_a_known_name_is_named_with_a_hint():
    result = read("name,needs,emial\nAna,Finance,x\n")
    assert result.problems == [] and result.notes == ["header: column 'emial' is not used; did you mean 'email'?"]


@pytest.mark.parametrize("header", ["needs_1,needs_3,needs_2", "Developmental needs 1,developmental needs 3,NEEDS 2"])
def test_numbered_columns_give_the_choices_in_number_order_not_column_order(header):
    result = read(f"name,{header}\nAna,HR,,Police\nBo,Finance,Police,HR\n")
    assert result.problems == []
    assert [r.parts("needs") for r in result.records] == [("HR", "Police"), ("Finance", "HR", "Police")]


@pytest.mark.parametrize("header, words", [
    ("name,needs,needs_1", "needs is given both as one column ('needs') and as numbered columns ('needs_1')"),
    ("name,needs,Developmental needs", "columns 'needs', 'Developmental needs' all give needs"),
    ("name,needs_1,needs 1", "columns 'needs_1', 'needs 1' all give needs"),
    ("name,needs,NEEDS", "column 'needs' appears 2 times"),
    ("name,email", "the header has no 'needs' column (nor 'Developmental needs')"),
])
def test_header_mistakes_are_problems_and_no_record_is_read(header, words):
    result = read(f"{header}\nAna,Finance,HR\n")
    assert any(words in p and p.startswith("header: ") for p in result.problems), result.problems
    assert result.records == []


def test_records_count_from_one_without_blank_lines_and_an_overlong_row_is_reported():
    result = read("name,needs\n\nAna,Finance\n,\nBo,Police,extra\nCy,HR\n")
    assert [r.number for r in result.records] == [1, 3]
    assert result.problems == ["2: 3 cells but the header has 2 columns; quote cells that contain a comma"]


def test_an_empty_file_or_a_broken_quote_is_reported():
    assert read("").problems[0].startswith("header: the file is empty")
    unclosed = read('name,needs\nAna,Finance\nBo,"Finance\n' + "x" * 200_000)
    assert unclosed.records == [] and unclosed.problems[0].startswith("2: a cell is longer than")


@pytest.mark.parametrize("cell, choices", [
    ("Finance; Police", ["Finance", "Police"]),
    ("Finance, Police", ["Finance", "Police"]),
    ("Parks, Recreation; Open Space, Finance", ["Parks, Recreation; Open Space", "Finance"]),
    ("HR,Parks, Recreation; Open Space", ["HR", "Parks, Recreation; Open Space"]),
    ("Parks, Nothing", ["Parks", "Nothing"]),  # unknown pieces are kept, for the caller to report
    ("Finance;; ,Police;", ["Finance", "Police"]),
    ("", []),
])
def test_choices_split_on_either_separator_but_a_label_with_commas_stays_whole(cell, choices):
    assert split_choices(cell, AREAS) == choices


def test_form_columns_take_labels_from_forms_with_the_marker_field_only():
    application = Form("apply", None, "Apply", "https://x.org", "post",
                       [FormField("name", "Your name", "text"), FormField("needs", "Areas", "ranked", options=["a"], max=1)])
    log = Form("log", None, "Log", "https://x.org", "post", [FormField("name", "Mentor's name", "text")])
    columns = form_columns(["name", "needs", "email"], [log, application], "needs", numbered=["needs"])
    assert columns == [Column("name", ("Your name",)), Column("needs", ("Areas",), True), Column("email", ())]
