"""`mentor-gallery stale [--days N] [CONTENT_DIR]`: profiles not reviewed within N days.

Exit 1 when any is listed, so a scheduled job can open a reminder; exit 2 when the content
cannot be read, so that job can tell "overdue" from "broken".
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from mentor_gallery.commands.check import print_problems
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.model import Mentor
from mentor_gallery.problems import counted, display_path, errors

DEFAULT_DAYS = 365


def overdue(mentors: list[Mentor], today: dt.date, days: int) -> list[Mentor]:
    """Mentors whose `updated` date is more than `days` days before today, or missing; by path."""
    limit = today - dt.timedelta(days=days)
    return sorted((m for m in mentors if m.updated is None or m.updated < limit), key=lambda m: str(m.path))


def run(args: argparse.Namespace, today: dt.date | None = None) -> int:
    today = today or args.today or dt.date.today()
    content = Path(args.content_dir)
    result = load_roster(content)
    if not result.ok:
        print_problems(result.problems)
        print(f"{len(errors(result.problems))} problem(s) in {display_path(content)}; fix them (mentor-gallery check) to see which profiles are overdue.", file=sys.stderr)
        return 2
    listed = overdue(result.roster.mentors, today, args.days)
    for mentor in listed:
        print(f"{display_path(mentor.path)}: last reviewed {mentor.updated.isoformat() if mentor.updated else 'never'}")
    if listed:
        print(f"{len(listed)} of {counted(len(result.roster.mentors), 'profile')} not reviewed within {args.days} days; "
              "ask each mentor to confirm the profile, then set 'updated:' to the date of review.", file=sys.stderr)
        return 1
    print(f"{'the one profile' if len(result.roster.mentors) == 1 else 'all ' + counted(len(result.roster.mentors), 'profile')} reviewed within {args.days} days.",
          file=sys.stderr)
    return 0


def _days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of days, e.g. 365")
    return int(text)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("stale", help="list profiles not reviewed ('updated:') within N days; exit 1 if any")
    parser.add_argument("content_dir", nargs="?", default="content", metavar="CONTENT_DIR")
    parser.add_argument("--days", type=_days, default=DEFAULT_DAYS, metavar="N", help=f"how recent a review must be (default {DEFAULT_DAYS})")
    # Hidden: tests and dry runs fix the date; people use the real one.
    parser.add_argument("--today", type=_date, default=None, help=argparse.SUPPRESS)
    parser.set_defaults(run=run)
