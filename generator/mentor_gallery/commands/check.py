"""`mentor-gallery check [CONTENT_DIR]`: validate everything, report every problem, exit 1 on any."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mentor_gallery.content.fanout import usable_cores
from mentor_gallery.content.loader import cycle_collection_paused, load_roster
from mentor_gallery.problems import Problem, counted, errors
from mentor_gallery.settings import find_config, read_settings
from mentor_gallery.site.requests import handler_warnings  # the builds report them too


def print_problems(problems: list[Problem], fmt: str = "text") -> None:
    for problem in problems:
        if fmt == "github":
            print(problem.github(), file=sys.stdout)
        else:
            print(problem, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    # Everything check reads is kept until it reports, so the cycle collector would find nothing
    # to free: on, its first collection after loading walked the whole roster (about half a second
    # of CPU at 10,000 profiles, on the one core that reports).
    with cycle_collection_paused():
        return _check(args)


def _check(args: argparse.Namespace) -> int:
    content = Path(args.content_dir)
    settings = read_settings(find_config(content, args.config))
    # A large roster is read on every core this command may use (the same result, sooner).
    result = load_roster(content, settings.allowed_hosts, settings.timezone, workers=usable_cores())
    problems = result.problems + settings.problems
    if not errors(problems):
        problems += handler_warnings(result.roster, settings)
    print_problems(problems, args.format)
    count = len(errors(problems))
    if count:
        print(f"{counted(count, 'problem')} in {content}; nothing is published until {'it is' if count == 1 else 'they are'} fixed.", file=sys.stderr)
        return 1
    roster = result.roster
    print(f"ok: {counted(len(roster.mentors), 'mentor')}, {counted(len(roster.programs), 'program')}, {counted(len(roster.forms), 'form')}",
          file=sys.stderr)
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("check", help="validate every content file; exit 1 on any problem")
    parser.add_argument("content_dir", nargs="?", default="content", metavar="CONTENT_DIR")
    parser.add_argument("--format", choices=("text", "github"), default="text", help="github: GitHub Actions annotations on stdout")
    parser.add_argument("--config", type=Path, default=None, help="mkdocs.yml to read request handlers from (default: beside CONTENT_DIR)")
    parser.set_defaults(run=run)
