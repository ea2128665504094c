"""Credentialing hours from the mentoring log: which logged hours count, and why the others do not.

Pure rules over records, no files and no site engine. The rules follow the credentialing
policy the associations use (ICMA's), with its numbers as `Rules` defaults:

- a mentoring relationship (one mentor's email with one mentee's name) counts only once it
  spans `min_months` (relationship_start to the latest date logged for it, in whole months);
- mentoring the mentor's own employee counts only within a formal program;
- per mentor and calendar year of the entry's date, credited mentoring hours stop at
  `mentoring_cap`, coaching hours at `coaching_cap`, and both together at `total_cap`; the caps
  are filled in date order, so the last entries of a full year are the ones cut.

Coaching sessions are short by nature: the relationship and employee rules apply to mentoring.
Hours are Decimals so that 0.1 + 0.2 is 0.3 in every total.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from mentor_gallery.committee.csv_dates import DateColumns
from mentor_gallery.problems import did_you_mean

KINDS = ("mentoring", "coaching")
DATE_COLUMNS = ("relationship_start", "date")
COLUMNS = ("mentor_email", "mentor_name", "mentee_name", "mentee_position", "kind", "relationship_start",
           "date", "hours", "subjects", "mentee_is_employee", "formal_program")
REQUIRED = ("mentor_email", "mentee_name", "kind", "relationship_start", "date", "hours")
_HOURS = re.compile(r"[0-9]{1,5}(?:\.[0-9]{1,4})?|\.[0-9]{1,4}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
_YES = {"yes", "y", "true", "1", "x"}
_NO = {"no", "n", "false", "0", ""}  # an unticked checkbox arrives empty


@dataclass(frozen=True)
class Rules:
    min_months: int = 6
    mentoring_cap: Decimal = Decimal(20)
    coaching_cap: Decimal = Decimal(20)
    total_cap: Decimal = Decimal(20)

    def cap(self, kind: str) -> Decimal:
        return self.mentoring_cap if kind == "mentoring" else self.coaching_cap


@dataclass(frozen=True)
class Entry:
    """One record of the log: a session, or a period ending on `date`."""

    record: int
    mentor_email: str
    mentor_name: str
    mentee_name: str
    mentee_position: str
    kind: str
    relationship_start: dt.date
    date: dt.date
    hours: Decimal
    subjects: str = ""
    mentee_is_employee: bool = False
    formal_program: bool = False

    @property
    def mentor_key(self) -> str:
        return self.mentor_email.casefold()

    @property
    def relationship_key(self) -> tuple[str, str]:
        return self.mentor_key, " ".join(self.mentee_name.split()).casefold()


def entry_from(record: int, cell: Callable[[str], str], dates: DateColumns | None = None) -> tuple[Entry | None, list[str]]:
    """An entry from one record's cells (by column name), or every message about what is wrong.
    dates: how the file's date columns read (ISO only when not given)."""
    dates = dates or DateColumns()
    messages: list[str] = []
    email = cell("mentor_email")
    if not email:
        messages.append("mentor_email is empty; give the mentor's email, which identifies the mentor")
    elif not _EMAIL.fullmatch(email):
        messages.append(f"mentor_email '{email}' is not an email address")
    mentee = " ".join(cell("mentee_name").split())
    if not mentee:
        messages.append("mentee_name is empty; give the name of the person mentored or coached")
    kind = cell("kind").casefold()
    if kind not in KINDS:
        hint = did_you_mean(kind, KINDS) or f"; write {' or '.join(KINDS)}"
        messages.append(f"kind must be mentoring or coaching, not '{cell('kind')}'{hint}" if kind else "kind is empty; write mentoring or coaching")
    start = _date(cell, "relationship_start", dates, messages)
    date = _date(cell, "date", dates, messages)
    if start and date and date < start:
        messages.append(f"date {date} is before relationship_start {start}; a session cannot come before the relationship began")
    hours = cell("hours")
    if not _HOURS.fullmatch(hours):
        messages.append(f"hours must be a number of 0 or more such as 1.5, not '{hours}'" if hours else "hours is empty; give the hours spent, such as 1.5")
    employee = _flag(cell, "mentee_is_employee", messages)
    formal = _flag(cell, "formal_program", messages)
    if messages or start is None or date is None:
        return None, messages
    return Entry(record, email, " ".join(cell("mentor_name").split()), mentee, " ".join(cell("mentee_position").split()),
                 kind, start, date, Decimal(hours), cell("subjects").strip(), bool(employee), bool(formal)), []


def _date(cell: Callable[[str], str], name: str, dates: DateColumns, messages: list[str]) -> dt.date | None:
    text = cell(name)
    if not text:
        messages.append(f"{name} is empty; give it as YYYY-MM-DD")
        return None
    date, problem = dates.read(name, text)
    if problem:
        messages.append(problem)
    return date


def _flag(cell: Callable[[str], str], name: str, messages: list[str]) -> bool | None:
    text = cell(name).casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    messages.append(f"{name} must be yes or no (or empty for no), not '{cell(name)}'")
    return None


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from start to end: Jan 31 to Feb 28 (the month's last day) is one."""
    months = (end.year - start.year) * 12 + end.month - start.month
    last_day = calendar.monthrange(end.year, end.month)[1]
    if end.day < start.day and end.day != last_day:
        months -= 1
    return max(months, 0)


# --- crediting ------------------------------------------------------------------------------


@dataclass
class Credit:
    entry: Entry
    hours: Decimal  # credited
    reason: str = ""  # why not all of the entry's hours count; empty when they do


@dataclass
class Relationship:
    """One mentor, one mentee, one calendar year: the record of the csv report."""

    mentee_name: str
    mentee_position: str
    kinds: list[str]
    months: int
    credits: list[Credit]

    @property
    def sessions(self) -> int:
        return len(self.credits)

    @property
    def hours_logged(self) -> Decimal:
        return sum((c.entry.hours for c in self.credits), Decimal(0))

    @property
    def hours_credited(self) -> Decimal:
        return sum((c.hours for c in self.credits), Decimal(0))

    @property
    def subjects(self) -> list[str]:
        return list(dict.fromkeys(c.entry.subjects for c in self.credits if c.entry.subjects))

    @property
    def note(self) -> str:
        """Every entry not credited in full, grouped by the reason; dates as YYYY-MM-DD."""
        return self.note_with(dt.date.isoformat)

    def note_with(self, date_text: Callable[[dt.date], str]) -> str:
        """The note with dates written by date_text (the printable page writes them as the site does)."""
        groups: dict[str, list[Credit]] = {}
        for credit in self.credits:
            if credit.reason:
                groups.setdefault(credit.reason, []).append(credit)
        parts = []
        for reason, credits in groups.items():
            lost = sum((c.entry.hours - c.hours for c in credits), Decimal(0))
            items = ", ".join(_lost(c, date_text) for c in credits)
            parts.append(f"{reason}: {hours_text(lost)} h not credited ({items})")
        return "; ".join(parts)


@dataclass
class MentorYear:
    mentor_email: str
    mentor_name: str
    year: int
    relationships: list[Relationship] = field(default_factory=list)

    def credited(self, kind: str | None = None) -> Decimal:
        return sum((c.hours for r in self.relationships for c in r.credits if kind in (None, c.entry.kind)), Decimal(0))

    def logged(self, kind: str | None = None) -> Decimal:
        return sum((c.entry.hours for r in self.relationships for c in r.credits if kind in (None, c.entry.kind)), Decimal(0))


def hours_text(value: Decimal) -> str:
    """12, 1.5, 0.25: no exponent, no trailing zeros."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _lost(credit: Credit, date_text: Callable[[dt.date], str]) -> str:
    on = date_text(credit.entry.date)
    if credit.hours:
        return f"{hours_text(credit.entry.hours - credit.hours)} of {hours_text(credit.entry.hours)} h on {on}"
    return f"{hours_text(credit.entry.hours)} h on {on}"


def credit_hours(entries: list[Entry], rules: Rules = Rules(), year: int | None = None) -> list[MentorYear]:
    """The report: per mentor and calendar year (only `year` when given), each relationship's
    entries with the hours credited. A relationship's span counts every entry, of any year."""
    spans: dict[tuple[str, str], tuple[dt.date, dt.date]] = {}
    for e in entries:
        start, last = spans.get(e.relationship_key, (e.relationship_start, e.date))
        spans[e.relationship_key] = (min(start, e.relationship_start), max(last, e.date))
    months = {key: months_between(start, last) for key, (start, last) in spans.items()}

    credits: dict[tuple[str, int], list[Credit]] = {}
    for e in sorted(entries, key=lambda e: (e.mentor_key, e.date, e.record)):
        if year is None or e.date.year == year:
            credits.setdefault((e.mentor_key, e.date.year), []).append(_eligibility(e, months[e.relationship_key], rules))
    report = []
    for (mentor, the_year), year_credits in credits.items():
        _apply_caps(year_credits, rules)
        report.append(_mentor_year(mentor, the_year, year_credits, months))
    report.sort(key=lambda m: (" ".join(m.mentor_name.split()).casefold(), m.mentor_email.casefold(), m.year))
    return report


def _eligibility(entry: Entry, months: int, rules: Rules) -> Credit:
    if entry.kind != "mentoring":
        return Credit(entry, entry.hours)
    reasons = []
    if months < rules.min_months:
        reasons.append(f"the relationship spans {months} month{'s' if months != 1 else ''}, and mentoring counts from {rules.min_months}")
    if entry.mentee_is_employee and not entry.formal_program:
        reasons.append("the mentee is the mentor's employee, outside a formal program")
    return Credit(entry, Decimal(0) if reasons else entry.hours, " and ".join(reasons))


def _apply_caps(credits: list[Credit], rules: Rules) -> None:
    """Fill the year's caps in date order (credits come sorted): what overflows is not credited."""
    left = {kind: rules.cap(kind) for kind in KINDS}
    total_left = rules.total_cap
    for credit in credits:
        if credit.reason:
            continue
        kind = credit.entry.kind
        allowed = min(credit.hours, left[kind], total_left)
        if allowed < credit.hours:
            if left[kind] <= total_left:
                credit.reason = f"the year's cap of {hours_text(rules.cap(kind))} {kind} hours was reached"
            else:
                credit.reason = f"the year's cap of {hours_text(rules.total_cap)} hours of mentoring and coaching together was reached"
            credit.hours = allowed
        left[kind] -= allowed
        total_left -= allowed


def _mentor_year(mentor: str, year: int, credits: list[Credit], months: dict[tuple[str, str], int]) -> MentorYear:
    latest = credits[-1].entry  # the name the mentor gave last that year
    result = MentorYear(latest.mentor_email, latest.mentor_name, year)
    by_relationship: dict[tuple[str, str], list[Credit]] = {}
    for credit in credits:
        by_relationship.setdefault(credit.entry.relationship_key, []).append(credit)
    for key, group in by_relationship.items():
        last = group[-1].entry
        kinds = list(dict.fromkeys(c.entry.kind for c in group))
        result.relationships.append(Relationship(last.mentee_name, last.mentee_position, kinds, months[key], group))
    return result
