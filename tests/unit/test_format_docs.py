"""The guide pages "Program files" and "Form files" describe exactly the keys `check` accepts:
each table is compared with the declarations in content/formats.py (key, required, value),
so a key added to the code without its row, or a row left after a key is gone, fails here.
The messages the pages quote are the ones `check` prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentor_gallery.cli import main
from mentor_gallery.content import formats
from support import PROJECT, make_roster, profile, write

GUIDE = PROJECT / "docs" / "guide"


def table(page: str, first_header: str) -> list[list[str]]:
    """The rows of the table whose header row starts with `| first_header |`, cells stripped
    of surrounding backticks."""
    lines = (GUIDE / page).read_text(encoding="utf-8").splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith(f"| {first_header} |")]
    assert len(starts) == 1, f"{page} needs one table headed '| {first_header} |'"
    rows = []
    for line in lines[starts[0] + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip().strip("`") for cell in line.strip().strip("|").split(" | ")])
    return rows


def declared(keys: tuple[formats.Key, ...]) -> list[tuple[str, str, str]]:
    return [(k.key, "yes" if k.required else "no", k.value) for k in keys]


def documented(rows: list[list[str]]) -> list[tuple[str, str, str]]:
    return [(row[0], row[1], row[2]) for row in rows]


def test_program_files_lists_every_program_key_in_order():
    assert documented(table("program-files.md", "key")) == declared(formats.PROGRAM_FILE)


def test_form_files_lists_every_form_key_in_order():
    assert documented(table("form-files.md", "key")) == declared(formats.FORM_FILE)


def test_form_files_lists_every_field_key_in_order():
    assert documented(table("form-files.md", "field key")) == declared(formats.FORM_FIELD)


def test_form_files_lists_every_field_type_and_which_take_options():
    rows = table("form-files.md", "type")
    assert [(r[0], r[1]) for r in rows] == [(t.name, "yes" if t.options else "no") for t in formats.FIELD_TYPE_SPECS]


def test_form_files_lists_every_source_of_options():
    assert [r[0] for r in table("form-files.md", "options")] == list(formats.OPTION_SOURCE_NAMES)


def test_a_key_added_to_the_code_without_the_guide_fails(monkeypatch):
    """The comparison above does catch a new key (this is what a forgotten row looks like)."""
    monkeypatch.setattr(formats, "PROGRAM_FILE", formats.PROGRAM_FILE + (formats.Key("new_key", False, "text", "..."),))
    with pytest.raises(AssertionError):
        test_program_files_lists_every_program_key_in_order()


PROGRAMS = {"coaching": "---\nname: Coaching Program\nsummary: Short talks.\n---\nThe guide.\n",
            "leadership": "---\nname: Leadership Circle\nsummary: A year in a group.\n---\nThe guide.\n"}
FORM = "title: Log\naction: https://forms.example.org/log\nfields:\n  - {name: a, label: A}\n"

# (file in content, its text, the message the guide quotes)
QUOTED = [
    ("program-files.md", "programs/coaching.md", "---\nname: Coaching Program\nsummary: Short talks.\nduration: [3, 6]\n---\n",
     "unknown key 'duration'; did you mean 'duration_months'?"),
    ("program-files.md", "programs/coaching.md", "---\nname: Coaching Program\nsummary: Short talks.\nduration_months: [6, 3]\n---\n",
     "duration_months must be [min, max] whole months with 1 <= min <= max, e.g. [3, 6], not [6, 3]"),
    ("program-files.md", "programs/coaching.md", "---\nname: Coaching Program\nsummary: Short talks.\ncadence: Monthly\n---\n",
     "unknown cadence 'Monthly'; did you mean 'monthly'?"),
    ("form-files.md", "forms/log.yml", FORM + "  - {name: b, label: B, pots_as: entry.1}\n",
     "unknown key 'pots_as'; did you mean 'post_as'?"),
    ("form-files.md", "forms/log.yml", FORM + "  - {name: program, label: Program, type: choice, options: [Senior Partners Program]}\n",
     "unknown program 'Senior Partners Program' (the site's programs: Coaching Program, Leadership Circle; "
     "or write 'options: programs' to offer them all)"),
]


@pytest.mark.parametrize("page, where, text, message", QUOTED, ids=[q[3][:40] for q in QUOTED])
def test_messages_quoted_in_the_guide_are_what_check_prints(tmp_path, monkeypatch, capsys, page, where, text, message):
    assert message in (GUIDE / page).read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    content = make_roster(tmp_path / "content", {"ana-diaz": profile()}, PROGRAMS)
    write(content / where, text)
    assert main(["check", str(content)]) == 1
    printed = capsys.readouterr().err
    assert f"{Path('content') / where}:" in printed and message in printed
