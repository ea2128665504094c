"""Dates in the CSV files the commands read, written as ISO or as a spreadsheet writes them.

A spreadsheet saves a date as its locale shows it: `9/14/2026` in the US, `14/9/2026` in much of
the rest of the world, or, for a cell it never formatted as a date, Excel's serial day number
(`46279`). Which of month and day comes first is decided per column: a value above 12 in the
first place settles day/month, in the second month/day. A column that no value settles reads
as the `--dates` option says (`mdy` or `dmy`); without it, one message per file names the option
rather than guessing, since 3/4/2026 is March or April depending on who typed it.

Usage: `DateColumns.settle(cells_by_column, option)` once per file, then `read(column, text)`
per cell; the file is refused when `problems` has any. Messages are worded to follow
`FILE:header: ` or `FILE:RECORD: `.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping

ORDERS = ("mdy", "dmy")
OPTION_HELP = ("how a spreadsheet date such as 3/4/2026 reads when no date in its column has a day above 12: "
               "mdy (March 4, as in the US) or dmy (3 April)")
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_SLASHED = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{2,4})")
# A time after the date (a form service's date-time answer, or Excel's midnight): the date counts.
_TIME = re.compile(r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?: ?[AaPp][Mm])?)?")
_SERIAL = re.compile(r"([0-9]{5})(?:\.[0-9]+)?")
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01, after Lotus' leap day that never was
# Serial numbers for 1950 to 2099: outside them a number is more likely something else (a year,
# a sum) than a date, and is reported rather than read.
_SERIAL_RANGE = ((dt.date(1950, 1, 1) - _EXCEL_EPOCH).days, (dt.date(2100, 1, 1) - _EXCEL_EPOCH).days)
EXAMPLE = "2026-03-15 (or as a spreadsheet writes it: 3/15/2026, 15/3/2026)"


@dataclass
class DateColumns:
    """How each date column of one file reads, and the file's problems with them."""

    orders: dict[str, str | None] = field(default_factory=dict)  # 'mdy', 'dmy', or None: no slashed date
    problems: list[str] = field(default_factory=list)  # "header: message"
    unsettled: set[str] = field(default_factory=set)  # columns whose problem already covers each date

    @classmethod
    def settle(cls, cells: Mapping[str, Iterable[str]], option: str | None = None) -> DateColumns:
        """cells: every cell of each date column (by column name); option: `--dates` (mdy, dmy, None)."""
        result = cls()
        unsettled: dict[str, str] = {}  # column -> an example of its ambiguous dates
        for column, values in cells.items():
            firsts, seconds, example = [], [], ""
            for text in values:
                found = _SLASHED.fullmatch(_date_part(text))
                if found and len(found.group(3)) == 4:
                    first, second = int(found.group(1)), int(found.group(2))
                    firsts.append((first, text.strip()))
                    seconds.append((second, text.strip()))
                    example = example or text.strip()
            day_first = next((text for number, text in firsts if number > 12), None)
            month_first = next((text for number, text in seconds if number > 12), None)
            if day_first and month_first:
                result.problems.append(
                    f"header: the dates in column '{column}' are written both ways, {month_first} (month first) and "
                    f"{day_first} (day first); write them all one way, or as YYYY-MM-DD")
                result.orders[column] = None
                result.unsettled.add(column)
            elif day_first or month_first:
                result.orders[column] = "dmy" if day_first else "mdy"
            elif example:
                result.orders[column] = option
                if option is None:
                    unsettled[column] = example
            else:
                result.orders[column] = option
        result.unsettled.update(unsettled)
        if unsettled:
            result.problems.append(_unsettled(unsettled, result.orders))
        return result

    def read(self, column: str, text: str) -> tuple[dt.date | None, str | None]:
        """The date of one cell, or a message saying how to write it. (None, None): an empty cell,
        or a date whose column's problem (in `problems`) already says how to settle it."""
        text = text.strip()
        if not text:
            return None, None
        date, problem = read_date(text, self.orders.get(column), column)
        slashed = _SLASHED.fullmatch(_date_part(text))
        if problem and column in self.unsettled and slashed and max(int(slashed.group(1)), int(slashed.group(2))) <= 12:
            return None, None
        return date, problem


def read_date(text: str, order: str | None, column: str = "date") -> tuple[dt.date | None, str | None]:
    """One cell as a date: ISO, M/D/YYYY or D/M/YYYY (by order), or an Excel serial number."""
    text = text.strip()
    date_part = _date_part(text)
    wrong = f"{column} '{text}' is not a date; write it as {EXAMPLE}"
    iso = _ISO.fullmatch(date_part)
    slashed = _SLASHED.fullmatch(date_part)
    serial = _SERIAL.fullmatch(text)
    try:
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))), None
        if slashed:
            if len(slashed.group(3)) != 4:
                return None, f"{column} '{text}' gives the year in {len(slashed.group(3))} digits; write all four (e.g. 2026)"
            first, second, year = (int(part) for part in slashed.groups())
            if order is None:  # a column unsettled: this date alone may still settle itself
                order = "dmy" if first > 12 else "mdy" if second > 12 else None
            if order is None:
                return None, (f"{column} '{text}' could be month/day or day/month; say which with --dates mdy "
                              "(month first) or --dates dmy (day first), or write it as YYYY-MM-DD")
            month, day = (first, second) if order == "mdy" else (second, first)
            if month > 12:
                way = "month/day/year" if order == "mdy" else "day/month/year"
                return None, f"{column} '{text}' has no month {month} when read as {way}; correct it, or write it as YYYY-MM-DD"
            return dt.date(year, month, day), None
        if serial:
            number = int(serial.group(1))
            if not _SERIAL_RANGE[0] <= number < _SERIAL_RANGE[1]:
                return None, wrong
            return _EXCEL_EPOCH + dt.timedelta(days=number), None
    except ValueError:
        return None, f"{column} '{text}' is not a date of the calendar; correct it"
    return None, wrong


def _date_part(text: str) -> str:
    """The text without a time after the date ('9/14/2026 0:00:00' -> '9/14/2026')."""
    text = text.strip()
    for pattern in (_ISO, _SLASHED):
        found = pattern.match(text)
        if found and _TIME.fullmatch(text[found.end():]):
            return found.group(0)
    return text


def _unsettled(unsettled: dict[str, str], orders: dict[str, str | None]) -> str:
    names = " and ".join(f"'{column}'" for column in unsettled)
    example = next(iter(unsettled.values()))
    settled = sorted({order for order in orders.values() if order})
    hint = ""
    if len(settled) == 1:
        other = next(c for c, o in orders.items() if o == settled[0])
        hint = f" (column '{other}' reads {'month first' if settled[0] == 'mdy' else 'day first'})"
    where = f"column {names} has" if len(unsettled) == 1 else f"columns {names} have"
    return (f"header: {where} no date with a day above 12, so a date such as {example} could be month/day or day/month; "
            f"say which with --dates mdy (month first, as in the US) or --dates dmy (day first){hint}")
