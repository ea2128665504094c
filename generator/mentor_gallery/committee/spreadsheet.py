"""CSV cells that stay text in any spreadsheet, and CSV rows read without a traceback.

A spreadsheet runs a cell that starts with = + - @ (or a tab or CR, which some strip first) as a
formula. Which text starts a cell depends on the locale: Excel and LibreOffice split a line on
',', ';' or tab. So every segment of a cell that follows one of those, or the cell's start, is a
possible cell start. Each such segment that begins (after spaces, quote marks and apostrophes)
with a formula character gets one ' just before that character, so the spreadsheet shows it as
text. Apostrophes already there get one more, so `restore` can always take exactly one off:
restore(defuse(x)) == x.

Every CSV a command writes goes through `csv_text`: a byte-order mark first (Excel reads a file
without one in the system's code page, and "Gómez" opens as "GÃ³mez"), every cell defused.
Every CSV a command reads goes through `read_rows`: comma- or semicolon-separated (a spreadsheet
in a European locale saves with ';'), CRLF or LF.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

BOM = "\ufeff"

# Where a spreadsheet in some locale may start a cell: the cell's start, or after a separator.
# Line starts inside a cell are not among them: a spreadsheet that reads quotes keeps a quoted
# cell's lines together, and a statement's Markdown lists ("- item") must read as written.
_SEGMENT_START = r"(?:^|(?<=[,;\t]))"
# Spaces and quote marks a spreadsheet may trim before it looks at the first character; and
# apostrophes, so that one added by defuse is always the last character before the formula's.
_LEAD = r"[ \"']*"
_FORMULA_CHAR = r"(?=[=+\-@\t\r])"
_UNSAFE = re.compile(f"{_SEGMENT_START}({_LEAD}){_FORMULA_CHAR}")
_DEFUSED = re.compile(f"{_SEGMENT_START}({_LEAD})'{_FORMULA_CHAR}")


def defuse(text: str) -> str:
    """The cell as written to CSV: a ' before every segment's formula character."""
    return _UNSAFE.sub(r"\1'", text)


def restore(text: str) -> str:
    """The cell as it was before `defuse`: one ' taken off where defuse put one."""
    return _DEFUSED.sub(r"\1", text)


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A CSV file for the committee's spreadsheet: the BOM, the header, then the rows, every
    cell defused (names and statements are typed by members and applicants)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([defuse(name) for name in columns])
    for row in rows:
        writer.writerow([defuse(cell) for cell in row])
    return BOM + out.getvalue()


@dataclass(frozen=True)
class CsvStop:
    """Why reading stopped: `row` counts the rows read before the one that failed (0: the header)."""

    row: int
    message: str


def read_rows(text: str) -> tuple[list[list[str]], CsvStop | None]:
    """The rows of CSV text up to the first one the csv module cannot read, and why it could not."""
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator(text))
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return rows, None
        except csv.Error as exc:
            return rows, CsvStop(len(rows), _explain(exc))
        rows.append(row)


def separator(text: str) -> str:
    """',' or ';': whichever separates more cells of the header line (quoted text not counted)."""
    header, quoted, counts = text.lstrip(BOM), False, {",": 0, ";": 0}
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            break
        elif not quoted and char in counts:
            counts[char] += 1
    return ";" if counts[";"] > counts[","] else ","


def _explain(exc: csv.Error) -> str:
    limit = csv.field_size_limit()
    if "field larger than field limit" in str(exc):
        return (f"a cell is longer than {limit} characters, the most a CSV cell may hold; "
                "look for a quote (\") that is never closed, or shorten the cell")
    return f"not readable as CSV ({exc}); save it from the spreadsheet as 'CSV UTF-8'"
