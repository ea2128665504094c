"""`mentor-gallery due [--date YYYY-MM-DD] [--days N] [PAIRS.csv] [CONTENT_DIR]`: the surveys that
fall due, one record per person and survey, for the coordinator's mail merge.

PAIRS.csv is `match`'s output or any CSV with `applicant`, `email`, `mentor`, `program` and
optionally `mentor_email` and `start`. Without it, one record per survey and role that falls due
for the rounds themselves (no person). The CSV goes to stdout (or --out): it names people and
emails, and is never published. The schedule is committee/surveys_due.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from mentor_gallery.commands.check import print_problems
from mentor_gallery.commands.options import options_first
from mentor_gallery.commands.private_output import input_text, refused, write_out
from mentor_gallery.committee.csv_dates import OPTION_HELP, ORDERS
from mentor_gallery.committee.surveys_due import Pair, current_round, due_csv, due_surveys, read_pairs
from mentor_gallery.content.loader import load_roster
from mentor_gallery.problems import display_path, errors
from mentor_gallery.settings import find_config, read_settings

DEFAULT_DAYS = 7


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None


def _days(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 366:
        raise argparse.ArgumentTypeError(f"--days must be a whole number from 1 to 366, not '{text}'")
    return int(text)


def run(args: argparse.Namespace) -> int:
    # One positional may be the pairs file or the content folder: a folder is the content.
    pairs_path, content = args.pairs, Path(args.content_dir)
    if pairs_path and args.content_dir == "content" and Path(pairs_path).is_dir():
        content, pairs_path = Path(pairs_path), None
    config = find_config(content, args.config)
    settings = read_settings(config)
    result = load_roster(content, settings.allowed_hosts, settings.timezone)
    problems = errors(result.problems + settings.problems)
    if problems:
        print_problems(problems)
        print(f"{len(problems)} problem(s) in {content} or its mkdocs.yml; run 'mentor-gallery check' and fix them first.", file=sys.stderr)
        return 1
    if args.out and refused(str(Path(args.out).parent), content, config):
        return 1
    roster = result.roster
    day = args.date or dt.date.today()
    if pairs_path:
        shown = display_path(Path(pairs_path))
        text = input_text(Path(pairs_path), shown)
        if text is None:
            return 1
        read = read_pairs(text, roster, args.dates)
        if read.problems:
            for message in read.problems:
                print(f"{shown}:{message}", file=sys.stderr)
            print(f"{len(read.problems)} problem(s) in {shown}; nothing was listed.", file=sys.stderr)
            return 1
        pairs = read.pairs
    else:
        # The rounds alone: one record per survey and role, with no one named.
        pairs = []
        for program in roster.programs:
            round_ = current_round(program, day)
            if round_ is not None:
                pairs.append(Pair(0, "", "", "", "", "", program, None))
    titles = {form.slug: form.title for form in roster.forms}
    found = due_surveys(pairs, day, args.days, titles)
    output = due_csv(found, settings.site_url)
    if not write_out(args.out, output):
        return 1
    first = day - dt.timedelta(days=args.days - 1)
    print(f"{len(found)} survey(s) due from {first} to {day}", file=sys.stderr)
    if found and not settings.site_url:
        print("mkdocs.yml gives no site_url: the links are paths in the site (forms/...); set site_url for full addresses", file=sys.stderr)
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("due", help="list the surveys due for each person of the rounds' pairs, as CSV")
    parser.add_argument("pairs", nargs="?", default=None, metavar="PAIRS.csv",
                        help="match's output, or a CSV with applicant, email, mentor, program (and optionally mentor_email, start)")
    parser.add_argument("content_dir", nargs="?", default="content", metavar="CONTENT_DIR")
    parser.add_argument("--date", type=_date, default=None, help="the day to list for (default today)")
    parser.add_argument("--days", type=_days, default=DEFAULT_DAYS, metavar="N",
                        help=f"list surveys due in the N days ending on the date (default {DEFAULT_DAYS})")
    parser.add_argument("--dates", choices=ORDERS, default=None, help=OPTION_HELP)
    parser.add_argument("--out", metavar="FILE", help="write the CSV here instead of stdout")
    parser.add_argument("--config", type=Path, default=None, help="mkdocs.yml with site_url (default: beside CONTENT_DIR)")
    parser.set_defaults(run=run)
    options_first(parser, valued={"--date", "--days", "--dates", "--out", "--config"})
