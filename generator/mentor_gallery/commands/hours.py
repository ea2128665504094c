"""`mentor-gallery hours LOG.csv [--year YYYY] [--format text|csv|html] [--out DIR] [CONTENT_DIR]`:
the credentialing report from the mentoring log's responses.

LOG.csv is the form service's export of the mentoring log (content/forms/), read as it comes:
columns by field name or label. Every record is checked first; any bad one is reported as
FILE:RECORD: message and nothing is written. The rules are committee/hours.py.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

from mentor_gallery.commands.options import options_first
from mentor_gallery.commands.private_output import input_text, refused, write_files, write_stdout
from mentor_gallery.committee import hours
from mentor_gallery.committee.csv_dates import OPTION_HELP, ORDERS, DateColumns
from mentor_gallery.committee.form_responses import form_columns, read_responses
from mentor_gallery.committee.hours_report import csv_report, html_pages, text_report
from mentor_gallery.content.loader import load_roster
from mentor_gallery.problems import display_path
from mentor_gallery.settings import find_config, read_settings

FORMATS = ("text", "csv", "html")
REPORT_NAMES = {"text": "hours.txt", "csv": "hours.csv"}


def read_log(text: str, shown: str, content: Path, date_order: str | None = None) -> tuple[list[hours.Entry], list[str], list[str]]:
    """The log's entries, its problems (`FILE:RECORD: message`) and notes on unused columns."""
    # The log form's labels name the columns of its export; a content folder with mistakes
    # elsewhere still lends the labels of the forms that are valid.
    forms = load_roster(content).roster.forms if content.is_dir() else []
    columns = form_columns(hours.COLUMNS, forms, marker="hours")
    responses = read_responses(text, columns, hours.REQUIRED)
    problems = [f"{shown}:{message}" for message in responses.problems]
    notes = [f"{shown}:{note}" for note in responses.notes]
    dates = DateColumns.settle({name: [r.text(name) for r in responses.records] for name in hours.DATE_COLUMNS}, date_order)
    problems += [f"{shown}:{message}" for message in dates.problems]  # one per column, not one per record
    entries = []
    for record in responses.records:
        entry, messages = hours.entry_from(record.number, record.text, dates)
        problems += [f"{shown}:{record.number}: {message}" for message in messages]
        if entry:
            entries.append(entry)
    return entries, problems, notes


def run(args: argparse.Namespace) -> int:
    log_path = Path(args.log)
    shown = display_path(log_path)
    rules, problem = _rules(args)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    if args.format == "html" and not args.out:
        print("--format html writes one page per mentor and year into a folder: add --out DIR", file=sys.stderr)
        return 1
    content = Path(args.content_dir)
    config = find_config(content, args.config)
    if refused(args.out, content, config):
        return 1
    association = read_settings(config).association  # names who issues the report
    text = input_text(log_path, shown)
    if text is None:
        return 1
    entries, problems, notes = read_log(text, shown, Path(args.content_dir), args.dates)
    for note in notes:
        print(note, file=sys.stderr)
    if problems:
        for message in problems:
            print(message, file=sys.stderr)
        print(f"{len(problems)} problem(s) in {shown}; no report was written.", file=sys.stderr)
        return 1
    report = hours.credit_hours(entries, rules, args.year)
    if args.format == "html":
        outputs = html_pages(report, rules, association)
    else:
        output = csv_report(report) if args.format == "csv" else text_report(report, rules, association)
        if not args.out:
            write_stdout(output)
            return _summary(report, args.year)
        outputs = {REPORT_NAMES[args.format]: output}
    if not write_files(Path(args.out), outputs, args.out):
        return 1
    print(f"wrote {len(outputs)} file(s) into {args.out}", file=sys.stderr)
    return _summary(report, args.year)


def _summary(report: list[hours.MentorYear], year: int | None) -> int:
    if not report:
        print(f"no entries{f' in {year}' if year else ''}", file=sys.stderr)
    return 0


def _rules(args: argparse.Namespace) -> tuple[hours.Rules, str | None]:
    values = {}
    for name in ("mentoring_cap", "coaching_cap", "total_cap"):
        text = getattr(args, name)
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = Decimal(-1)
        if not value.is_finite() or value < 0:
            return hours.Rules(), f"--{name.replace('_', '-')} must be a number of hours of 0 or more, not '{text}'"
        values[name] = value
    if args.min_months < 0:
        return hours.Rules(), f"--min-months must be 0 or more, not {args.min_months}"
    return hours.Rules(min_months=args.min_months, **values), None


def _year(text: str) -> int:
    if not (text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"a year is four digits, such as 2026, not '{text}'")
    return int(text)


def add_parser(commands: argparse._SubParsersAction) -> None:
    defaults = hours.Rules()
    parser = commands.add_parser("hours", help="the credentialing report from the mentoring log's responses")
    parser.add_argument("log", metavar="LOG.csv", help="the mentoring log's responses, as the form service exports them")
    parser.add_argument("content_dir", nargs="?", default="content", metavar="CONTENT_DIR",
                        help="where the mentoring log form gives the column labels (default: content)")
    parser.add_argument("--year", type=_year, default=None, metavar="YYYY", help="only this calendar year (default: every year logged)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="text (default), csv, or html (one printable page per mentor and year)")
    parser.add_argument("--out", metavar="DIR", help="write into this folder (html: required; text and csv: hours.txt or hours.csv)")
    parser.add_argument("--config", type=Path, default=None,
                        help="mkdocs.yml, which names the association (default: beside CONTENT_DIR)")
    parser.add_argument("--dates", choices=ORDERS, default=None, help=OPTION_HELP)
    parser.add_argument("--min-months", type=int, default=defaults.min_months, metavar="N",
                        help=f"months a mentoring relationship must span to count (default {defaults.min_months})")
    for kind in ("mentoring", "coaching", "total"):
        what = "mentoring and coaching together" if kind == "total" else kind
        parser.add_argument(f"--{kind}-cap", dest=f"{kind}_cap", default=str(getattr(defaults, f"{kind}_cap")), metavar="HOURS",
                            help=f"most hours of {what} credited per mentor and calendar year (default {getattr(defaults, f'{kind}_cap')})")
    parser.set_defaults(run=run)
    options_first(parser, valued={"--config", "--dates", "--year", "--format", "--out", "--min-months", "--mentoring-cap", "--coaching-cap", "--total-cap"})
