"""Dates as spreadsheets write them: ISO, M/D/YYYY or D/M/YYYY settled per column, Excel serials."""

from __future__ import annotations

import datetime as dt

import pytest

from mentor_gallery.committee.csv_dates import DateColumns, read_date

D = dt.date


@pytest.mark.parametrize("text, order, date", [
    ("2026-09-14", None, D(2026, 9, 14)),
    ("2026-9-4", None, D(2026, 9, 4)),
    ("9/14/2026", "mdy", D(2026, 9, 14)),
    ("09/04/2026", "mdy", D(2026, 9, 4)),
    ("09/04/2026", "dmy", D(2026, 4, 9)),
    ("14/9/2026", None, D(2026, 9, 14)),  # settles itself: no month 14
    ("9/14/2026 0:00:00", "mdy", D(2026, 9, 14)),  # a date-time cell: the date counts
    ("2026-09-14 10:30", None, D(2026, 9, 14)),
    ("46279", None, D(2026, 9, 14)),  # Excel's serial day number
    ("46279.5", None, D(2026, 9, 14)),
])
def test_a_date_reads_in_every_form_a_spreadsheet_writes(text, order, date):
    assert read_date(text, order) == (date, None)


@pytest.mark.parametrize("text, order, words", [
    ("March 4, 2026", None, "'March 4, 2026' is not a date; write it as 2026-03-15"),
    ("2026", None, "is not a date"),  # a year, not a serial day of 1905
    ("9/14/26", "mdy", "gives the year in 2 digits; write all four"),
    ("2/30/2026", "mdy", "is not a date of the calendar"),
    ("14/9/2026", "mdy", "has no month 14 when read as month/day/year"),
    ("3/4/2026", None, "could be month/day or day/month; say which with --dates mdy"),
])
def test_a_cell_that_is_no_date_says_how_to_write_one(text, order, words):
    date, problem = read_date(text, order, "updated")
    assert date is None and words in problem and problem.startswith("updated '")


def test_a_day_above_12_settles_each_column_on_its_own():
    dates = DateColumns.settle({"start": ["3/4/2026", "9/14/2026", ""], "date": ["14/9/2026", "3/4/2026"]})
    assert dates.problems == []
    assert dates.orders == {"start": "mdy", "date": "dmy"}
    assert dates.read("start", "3/4/2026") == (D(2026, 3, 4), None)
    assert dates.read("date", "3/4/2026") == (D(2026, 4, 3), None)
    assert dates.read("date", "") == (None, None)


def test_the_option_settles_only_the_columns_the_values_leave_open():
    dates = DateColumns.settle({"start": ["9/14/2026"], "date": ["3/4/2026", "2026-05-01"]}, "dmy")
    assert dates.problems == [] and dates.orders == {"start": "mdy", "date": "dmy"}


def test_an_unsettled_column_is_one_message_naming_the_option_and_no_message_per_record():
    dates = DateColumns.settle({"start": ["9/14/2026"], "date": ["3/4/2026", "5/6/2026", "1/2/2026"]})
    assert dates.problems == [
        "header: column 'date' has no date with a day above 12, so a date such as 3/4/2026 could be month/day or "
        "day/month; say which with --dates mdy (month first, as in the US) or --dates dmy (day first) "
        "(column 'start' reads month first)"]
    assert [dates.read("date", text) for text in ("3/4/2026", "5/6/2026")] == [(None, None)] * 2
    assert dates.read("date", "13/13/2026")[1]  # not a date either way: still said


def test_a_column_written_both_ways_is_reported():
    dates = DateColumns.settle({"date": ["9/14/2026", "14/9/2026"]}, "mdy")
    assert dates.problems == ["header: the dates in column 'date' are written both ways, 9/14/2026 (month first) and "
                              "14/9/2026 (day first); write them all one way, or as YYYY-MM-DD"]


def test_iso_and_serial_columns_need_no_option():
    assert DateColumns.settle({"date": ["2026-03-04", "46279", ""]}).problems == []


def test_a_file_separated_by_semicolons_is_read_by_its_header():
    from mentor_gallery.committee.spreadsheet import read_rows

    rows, stop = read_rows('name;needs;"City, state"\r\nJo;Finance, Budgets;"Alder; OR"\r\n')
    assert stop is None and rows == [["name", "needs", "City, state"], ["Jo", "Finance, Budgets", "Alder; OR"]]
    rows, _ = read_rows('name,"needs; most important first"\nJo,Finance; Budgets\n')
    assert rows[1] == ["Jo", "Finance; Budgets"]
