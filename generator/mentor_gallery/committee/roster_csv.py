"""Roster records <-> profile frontmatter: the CSV and JSON of `export` and `import`.

A record holds one profile's frontmatter as written (aliases, absent keys and all) plus its slug
and body, so export -> import reproduces the files. The columns are profile_fields.csv_columns().
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from mentor_gallery.committee.csv_dates import DateColumns
from mentor_gallery.committee.spreadsheet import CsvStop, csv_text, defuse, read_rows, restore
from mentor_gallery.content.profile_fields import CONTACT_KEYS, PROFILE_FIELDS, csv_columns
from mentor_gallery.problems import did_you_mean

LIST_KINDS = frozenset({"texts", "expertise", "roles", "meeting", "programs"})
LIST_SEPARATOR = "; "
KINDS = {spec.key: spec.kind for spec in PROFILE_FIELDS}
CONTACT_COLUMNS = {f"contact_{key}": key for key in CONTACT_KEYS}
_WHOLE_NUMBER = re.compile(r"[0-9]+")
_YES = {"yes", "true"}
_NO = {"no", "false"}


# --- export ----------------------------------------------------------------------------------


def cell(value: Any) -> str:
    """One value as a CSV cell: yes/no, YYYY-MM-DD, lists joined with '; ', empty when absent."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return LIST_SEPARATOR.join(cell(item) for item in value)
    return str(value)


def csv_record(slug: str, raw: dict[str, Any], body: str) -> dict[str, str]:
    """The CSV cells of one profile, by column, as written (`write_csv` defuses them)."""
    record = {"slug": slug}
    for spec in PROFILE_FIELDS:
        if spec.key == "contact":
            contact = raw.get("contact") or {}
            for column, key in CONTACT_COLUMNS.items():
                record[column] = cell(contact.get(key))
        else:
            record[spec.key] = cell(raw.get(spec.key))
    record["body"] = body
    return record


def json_record(slug: str, raw: dict[str, Any], body: str) -> dict[str, Any]:
    """The JSON object of one profile: every key (null when absent), typed values, contact nested."""
    record: dict[str, Any] = {"slug": slug}
    for spec in PROFILE_FIELDS:
        value = raw.get(spec.key)
        if spec.key == "contact" and isinstance(value, dict):
            value = {key: value.get(key) for key in CONTACT_KEYS}
        record[spec.key] = _json_value(value)
    record["body"] = body
    return record


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_json_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _json_value(item) for key, item in value.items()}
    return value


def split_hazards(raw: dict[str, Any]) -> list[str]:
    """List items that contain ';' and so would come back from CSV as two items."""
    return [f"{key} item '{item}'" for key, value in raw.items()
            if KINDS.get(key) in LIST_KINDS and isinstance(value, list)
            for item in value if isinstance(item, str) and ";" in item]


def write_csv(records: list[dict[str, str]]) -> str:
    """The export: a BOM, then every cell defused, since profile text is untrusted (anyone may open
    a pull request) and an export sits beside private contacts (see spreadsheet.py)."""
    columns = csv_columns()
    return csv_text(columns, ([record.get(column, "") for column in columns] for record in records))


# --- import ----------------------------------------------------------------------------------


@dataclass
class CsvRecord:
    number: int  # data records counted from 1, the header not counted
    cells: dict[str, str]
    problems: list[str] = field(default_factory=list)


@dataclass
class CsvTable:
    columns: list[str]
    records: list[CsvRecord]
    header_problems: list[str]
    stop: CsvStop | None = None  # the row the csv module could not read; nothing after it was read


def read_csv(text: str) -> CsvTable:
    """Records by column; unknown, repeated or missing columns are header problems."""
    rows, stop = read_rows(text.lstrip("\ufeff"))
    if stop:
        return CsvTable([], [], [], stop)
    if not rows:
        return CsvTable([], [], ["the file is empty; it needs a header line with the columns of 'mentor-gallery export'"])
    columns = [name.strip() for name in rows[0]]
    known = csv_columns()
    problems = []
    for index, name in enumerate(columns):
        if name not in known:
            hint = did_you_mean(name, known) or f"; the columns are: {', '.join(known)}"
            problems.append(f"unknown column '{name}'{hint}")
        elif name in columns[:index]:
            problems.append(f"column '{name}' is given twice; keep one")
    if "slug" not in columns:
        problems.append("the header has no 'slug' column: each record needs the slug that names its file, e.g. ana-diaz")
    records = []
    for number, row in enumerate(rows[1:], start=1):
        if not any(value.strip() for value in row):
            continue  # a blank line or an empty spreadsheet row: counted, so numbers match the rows
        record = CsvRecord(number, {name: restore(value) for name, value in zip(columns, row)})
        if len(row) > len(columns):
            record.problems.append(f"the record has {len(row)} cells but the header names {len(columns)} columns; check for a stray comma or an unclosed quote")
        records.append(record)
    return CsvTable(columns, records, problems)


def date_columns(table: CsvTable, option: str | None = None) -> DateColumns:
    """How the table's date columns read (see csv_dates.py); option: `--dates`."""
    return DateColumns.settle({column: [r.cells.get(column, "") for r in table.records]
                               for column in table.columns if KINDS.get(column) == "date"}, option)


def frontmatter_from_cells(cells: dict[str, str], dates: DateColumns | None = None) -> tuple[dict[str, Any], str, list[str]]:
    """(frontmatter, body, problems): typed values from a record's cells; empty cells are absent keys.

    Only CSV notation is judged here (yes/no, dates as spreadsheets write them: `dates`, ISO
    alone when not given); everything else is left to the profile's own validation, so an import
    reports what `check` would.
    """
    dates = dates or DateColumns()
    data: dict[str, Any] = {}
    problems: list[str] = []
    for spec in PROFILE_FIELDS:
        if spec.key == "contact":
            contact = _contact(cells, problems)
            if contact:
                data["contact"] = contact
            continue
        text = cells.get(spec.key, "").strip()
        if not text:
            continue
        value = _typed(spec.key, spec.kind, text, problems, dates)
        if value is not None:
            data[spec.key] = value
    body = cells.get("body", "").replace("\r\n", "\n").replace("\r", "\n")
    return data, body, problems


def csv_value(column: str, value: Any) -> Any:
    """A value as a trip through the CSV gives it back: written as a cell, read as import reads
    it. Two values that agree here are the same to the committee's spreadsheet."""
    text = restore(defuse(cell(value))).strip()
    if not text:
        return None
    kind = KINDS.get(column) or ("bool" if column == "contact_public" else "text")
    unreadable: list[str] = []
    value = _typed(column, kind, text, unreadable)
    return text if unreadable else value  # a file's unreadable value compares as written


def _typed(column: str, kind: str, text: str, problems: list[str], dates: DateColumns | None = None) -> Any:
    if kind in LIST_KINDS:
        return [item.strip() for item in text.split(";") if item.strip()]
    if kind == "bool":
        return _yes_no(column, text, problems)
    if kind == "count" and _WHOLE_NUMBER.fullmatch(text):
        return int(text)
    if kind == "date":
        date, problem = (dates or DateColumns()).read(column, text)
        if problem:
            problems.append(problem)
        return date  # always written as YYYY-MM-DD
    return text


def _yes_no(column: str, text: str, problems: list[str]) -> bool | None:
    if text.lower() in _YES:
        return True
    if text.lower() in _NO:
        return False
    problems.append(f"{column} must be yes or no, not '{text}'")
    return None


def _contact(cells: dict[str, str], problems: list[str]) -> dict[str, Any]:
    contact: dict[str, Any] = {}
    for column, key in CONTACT_COLUMNS.items():
        text = cells.get(column, "").strip()
        if not text:
            continue
        value = _yes_no(column, text, problems) if key == "public" else text
        if value is not None:
            contact[key] = value
    return contact
