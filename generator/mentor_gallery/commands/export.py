"""`mentor-gallery export [--format csv|json] [CONTENT_DIR]`: the whole roster on stdout.

A committee tool, not part of the site: contacts are included, private or not.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mentor_gallery.commands.check import print_problems
from mentor_gallery.commands.private_output import write_stdout
from mentor_gallery.committee.roster_csv import csv_record, json_record, split_hazards, write_csv
from mentor_gallery.content.loader import load_roster
from mentor_gallery.problems import display_path, errors


def run(args: argparse.Namespace) -> int:
    content = Path(args.content_dir)
    result = load_roster(content)
    if not result.ok:
        print_problems(result.problems)
        shown = display_path(content)
        print(f"{len(errors(result.problems))} problem(s) in {shown}; fix them (mentor-gallery check {shown}) before exporting; nothing was exported.", file=sys.stderr)
        return 1
    mentors = sorted(result.roster.mentors, key=lambda m: m.slug)
    if args.format == "json":
        records = [json_record(m.slug, m.raw, m.body) for m in mentors]
        write_stdout(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    else:
        for mentor in mentors:
            for hazard in split_hazards(mentor.raw):
                print(f"{display_path(mentor.path)}: warning: {hazard} contains ';', which separates list items in CSV; "
                      "an import would split it in two (use --format json to keep it whole)", file=sys.stderr)
        write_stdout(write_csv([csv_record(m.slug, m.raw, m.body) for m in mentors]))
    print(f"exported {len(mentors)} mentor(s) from {display_path(content)}", file=sys.stderr)
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("export", help="write every profile, contacts included, to stdout as CSV or JSON")
    parser.add_argument("content_dir", nargs="?", default="content", metavar="CONTENT_DIR")
    parser.add_argument("--format", choices=("csv", "json"), default="csv", help="csv (default): one record per mentor; json: a list of objects")
    parser.set_defaults(run=run)
