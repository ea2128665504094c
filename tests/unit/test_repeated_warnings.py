"""After each rebuild a serving process prints errors, and warnings that are new or whose file
changed since they were printed; the rest are counted, not printed again."""

from __future__ import annotations

import os

from mentor_gallery.problems import Problem
from mentor_gallery.site.repeated_warnings import RepeatedWarnings, left_out_line


def problems_of(folder) -> tuple[str, str, list[Problem]]:
    a, b = str(folder / "a.md"), str(folder / "b.md")
    for path in (a, b):
        with open(path, "w", encoding="utf-8") as f:
            f.write("first\n")
    return a, b, [
        Problem(a, 3, "a: listed in a program it does not qualify for", "warning"),
        Problem(a, 5, "a: cannot be requested", "error"),
        Problem(b, 2, "b: the handler receives no name", "warning"),
        Problem(b, 4, "b: listed in a program it does not qualify for", "warning"),
    ]


def test_the_first_build_prints_everything_and_the_next_only_errors(tmp_path):
    a, b, problems = problems_of(tmp_path)
    repeats = RepeatedWarnings()
    assert repeats.sift(problems) == (problems, 0)
    shown, left_out = repeats.sift(problems)
    assert shown == [problems[1]] and left_out == 3  # the error again: it stops the build


def test_a_saved_files_warnings_are_printed_again(tmp_path):
    a, b, problems = problems_of(tmp_path)
    repeats = RepeatedWarnings()
    repeats.sift(problems)
    with open(b, "w", encoding="utf-8") as f:
        f.write("saved, still with both warnings\n")
    shown, left_out = repeats.sift(problems)
    assert shown == problems[1:] and left_out == 1  # the member sees the warnings stay after the save
    assert repeats.sift(problems) == ([problems[1]], 3)  # until the next save of another file


def test_a_new_warning_about_an_unchanged_file_is_printed(tmp_path):
    a, b, problems = problems_of(tmp_path)
    repeats = RepeatedWarnings()
    repeats.sift(problems)
    # Caused by another file (a program's new requirement): the profile itself is as it was.
    new = Problem(a, 3, "a: the program now needs ten years", "warning")
    shown, left_out = repeats.sift(problems + [new])
    assert shown == [problems[1], new] and left_out == 3
    # A warning that went away and came back was not printed by the build before: printed.
    repeats.sift(problems[1:])
    assert repeats.sift(problems)[0] == problems[:2]


def test_a_file_that_cannot_be_read_keeps_its_warnings_printed(tmp_path):
    a, b, problems = problems_of(tmp_path)
    repeats = RepeatedWarnings()
    repeats.sift(problems)
    os.remove(a)
    shown, _ = repeats.sift(problems)
    assert shown == problems[:2]


def test_the_count_line_says_how_to_see_them_all():
    assert left_out_line(1) == ("1 warning printed before, about files unchanged since, not repeated "
                                "('mentor-gallery check' lists every one)")
    assert left_out_line(3).startswith("3 warnings printed before")
