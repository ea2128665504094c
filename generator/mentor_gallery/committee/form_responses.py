"""Reading the CSV a form service exports: columns found by a form field's name or label.

A coordinator downloads the responses to the site's mentee application or mentoring log and
hands the file over as is. So a column is recognised by the field's `name`, by its `label` as
the form shows it, or by the name it is posted under (`post_as`, which an endpoint that keeps
what it receives uses as its header) (case and surrounding spaces ignored); columns nobody asked
for (a timestamp, an organisation) are set aside, and a ranked field may arrive as one cell in
order or as numbered columns (`needs_1`, `needs 2`, or the label followed by ` 1`, ` 2`, ...,
or a ranked field's own post_as name for each place).

Messages are worded to follow `FILE:RECORD: ` or `FILE:header: `, which the commands put in
front; nothing here reads or writes files except `read_csv_text`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from mentor_gallery.committee.spreadsheet import read_rows
from mentor_gallery.content.model import Form, Vocabulary
from mentor_gallery.content.slugs import fold

MAX_BYTES = 10 * 1024 * 1024
_NUMBERED = re.compile(r"(.+?)[ _]([0-9]{1,3})")
_SEPARATORS = re.compile(r"([;,])")


@dataclass(frozen=True)
class Column:
    """A column a command reads: its name, the labels forms give it, whether it may be numbered."""

    name: str
    labels: tuple[str, ...] = ()
    numbered: bool = False
    places: tuple[str, ...] = ()  # a numbered column's own header for place 1, 2, ... (post_as)


@dataclass(frozen=True)
class Record:
    """One data record: RECORD counts from 1, the header and blank lines not counted."""

    number: int
    cells: dict[str, tuple[str, ...]]  # by column name; a numbered column's cells in number order

    def text(self, name: str) -> str:
        """The column's cell, stripped; '' when the column is absent."""
        return "; ".join(self.parts(name))

    def parts(self, name: str) -> tuple[str, ...]:
        """The column's cells, each stripped, empty ones dropped (numbered columns: in order)."""
        return tuple(cell for cell in self.cells.get(name, ()) if cell)


@dataclass
class Responses:
    records: list[Record] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "RECORD: message" or "header: message"
    notes: list[str] = field(default_factory=list)  # "header: ..." about columns set aside
    present: set[str] = field(default_factory=set)  # the column names the header gives


def key(text: str) -> str:
    """How headers compare: case and surrounding (and repeated) spaces ignored."""
    return " ".join(text.split()).casefold()


def form_columns(names: Iterable[str], forms: Iterable[Form], marker: str, numbered: Iterable[str] = ()) -> list[Column]:
    """The columns `names`, each with the labels and posted names of the same-named field in every
    form that has a `marker` field (the mentee application has `needs`, the mentoring log `hours`)."""
    labels: dict[str, list[str]] = {name: [] for name in names}
    places: dict[str, list[str]] = {name: [] for name in names}
    for form in forms:
        fields = {f.name: f for f in form.fields}
        if marker not in fields:
            continue
        for name, found in labels.items():
            if name not in fields:
                continue
            field_ = fields[name]
            single = () if len(field_.post_names) > 1 else field_.post_names
            for spelling in (field_.label, *single):
                if spelling != name and spelling not in found:
                    found.append(spelling)
            if len(field_.post_names) > 1 and not places[name]:
                places[name] = list(field_.post_names)
    ranked = set(numbered)
    return [Column(name, tuple(found), name in ranked, tuple(places[name]) if name in ranked else ())
            for name, found in labels.items()]


def read_csv_text(path: Path, shown: str) -> tuple[str | None, str | None]:
    """The file's text, or why it cannot be read (worded to follow `FILE: `)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None, f"larger than {MAX_BYTES // (1024 * 1024)} MB; split it"
        return path.read_bytes().decode("utf-8").lstrip("\ufeff"), None
    except OSError as exc:
        return None, f"cannot read the file: {exc.strerror}"
    except UnicodeDecodeError:
        return None, "not UTF-8 text; save the spreadsheet as CSV UTF-8"


def read_responses(text: str, columns: list[Column], required: Iterable[str]) -> Responses:
    """Every record by column name; header problems stop before the records are read."""
    result = Responses()
    read, stop = read_rows(text)
    rows = [row for row in read if any(cell.strip() for cell in row)]  # records count the rows that are not blank
    if stop:
        result.problems.append(f"{len(rows) or 'header'}: {stop.message}")
        return result
    if not rows:
        result.problems.append(f"header: the file is empty; its first line must be the header: {', '.join(c.name for c in columns)}")
        return result
    places, problems, notes = _header(rows[0], columns)
    result.present = {name for name, _ in places.values()}
    for name in required:
        if name not in result.present:
            column = next(c for c in columns if c.name == name)
            labels = [label for label in column.labels if key(label) != key(name)]
            also = f" (nor {_quoted(labels, ' or ')})" if labels else ""
            problems.append(f"the header has no '{name}' column{also}; the first line must name the columns")
    result.problems += [f"header: {message}" for message in problems]
    result.notes += [f"header: {message}" for message in notes]
    if result.problems:
        return result
    width = len(rows[0])
    for number, row in enumerate(rows[1:], start=1):
        if len(row) > width:
            result.problems.append(f"{number}: {len(row)} cells but the header has {width} columns; quote cells that contain a comma")
            continue
        gathered: dict[str, list[tuple[int, str]]] = {}
        for index, (name, position) in places.items():
            cell = row[index].strip() if index < len(row) else ""
            gathered.setdefault(name, []).append((position, cell))
        result.records.append(Record(number, {name: tuple(cell for _, cell in sorted(cells)) for name, cells in gathered.items()}))
    return result


def _header(cells: list[str], columns: list[Column]) -> tuple[dict[int, tuple[str, int]], list[str], list[str]]:
    """Which column each header cell is (by index: name and position, 0 for a whole column),
    the header's problems, and notes on the cells set aside."""
    whole: dict[str, str] = {}
    for column in columns:  # names before labels: a label never takes another column's name
        whole.setdefault(key(column.name), column.name)
    for column in columns:
        for label in column.labels:
            whole.setdefault(key(label), column.name)
    bases = {key(spelling): column.name for column in columns if column.numbered for spelling in (column.name, *column.labels)}
    own_places = {key(spelling): (column.name, number) for column in columns
                  for number, spelling in enumerate(column.places, start=1)}
    places: dict[int, tuple[str, int]] = {}
    seen: dict[tuple[str, int], list[str]] = {}
    unused: list[str] = []
    for index, cell in enumerate(cells):
        folded = key(cell)
        numbered = _NUMBERED.fullmatch(folded)
        if folded in whole:
            place = (whole[folded], 0)
        elif folded in own_places:
            place = own_places[folded]
        elif numbered and numbered.group(1) in bases and int(numbered.group(2)) >= 1:
            place = (bases[numbered.group(1)], int(numbered.group(2)))
        else:
            if folded:
                unused.append(cell.strip())
            continue
        places[index] = place
        seen.setdefault(place, []).append(cell.strip())
    problems = []
    for (name, _position), spellings in seen.items():
        if len(spellings) > 1:
            if len({key(s) for s in spellings}) == 1:
                problems.append(f"column '{spellings[0]}' appears {len(spellings)} times; keep one")
            else:
                problems.append(f"columns {_quoted(spellings)} all give {name}; keep one")
    for name in dict.fromkeys(name for name, _ in seen):
        ways = {position == 0 for n, position in seen if n == name}
        if len(ways) == 2:
            one = seen[(name, 0)][0]
            numbers = [spellings[0] for (n, position), spellings in sorted(seen.items()) if n == name and position]
            problems.append(f"{name} is given both as one column ('{one}') and as numbered columns ({_quoted(numbers)}); keep one way")
    return places, problems, _notes(unused, columns)


def _notes(unused: list[str], columns: list[Column]) -> list[str]:
    # A hint only for a near miss ('reigon'): a form's own extra column ('Program') often
    # shares a word with a known name ('formal_program') without being a typo of it.
    names = {key(c.name): c.name for c in columns}
    notes, others = [], []
    for cell in unused:
        close = difflib.get_close_matches(key(cell), list(names), n=1, cutoff=0.8)
        if close:
            notes.append(f"column '{cell}' is not used; did you mean '{names[close[0]]}'?")
        else:
            others.append(cell)
    if others:
        notes.append(f"not used: {_quoted(others)}")
    return notes


def _spelling_key(text: str) -> str:
    return fold(" ".join(text.split()))


def _quoted(items: list[str], joiner: str = ", ") -> str:
    return joiner.join(f"'{item}'" for item in items)


def split_choices(cell: str, vocabulary: Vocabulary) -> list[str]:
    """The choices of a multichoice cell, separated by ';' or ','. A run of pieces that together
    spell one of the vocabulary's entries (a label with a comma in it) stays one choice."""
    pieces = _SEPARATORS.split(cell)  # text, separator, text, ...
    with_separators = {_spelling_key(s) for s in vocabulary.spellings if _SEPARATORS.search(s)}
    longest = 1 + max((len(_SEPARATORS.findall(s)) for s in vocabulary.spellings), default=0)
    choices: list[str] = []
    start = 0
    texts = len(pieces) // 2 + 1
    while start < texts:
        for end in range(min(texts, start + longest) - 1, start, -1):  # the longest known run first
            joined = "".join(pieces[2 * start:2 * end + 1]).strip()
            if _spelling_key(joined) in with_separators:
                choices.append(joined)
                start = end + 1
                break
        else:
            piece = pieces[2 * start].strip()
            if piece:
                choices.append(piece)
            start += 1
    return choices
