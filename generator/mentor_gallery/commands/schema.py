"""`mentor-gallery schema [CONTENT_DIR]`: the JSON Schema of profile frontmatter, for editors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mentor_gallery.commands.check import print_problems
from mentor_gallery.commands.private_output import write_stdout
from mentor_gallery.content.json_schema import schema_json
from mentor_gallery.content.loader import load_roster
from mentor_gallery.problems import Problem, display_path, errors


def setup_problems(problems: list[Problem], content: Path) -> list[Problem]:
    """Errors outside the profiles: the taxonomy and programs that profiles are judged against.

    Profiles may be broken (the schema helps fix them, an import may replace them); these may not.
    """
    mentors = Path(display_path(content / "mentors"))
    return [p for p in errors(problems) if Path(p.path).parent != mentors]


def run(args: argparse.Namespace) -> int:
    content = Path(args.content_dir)
    result = load_roster(content)
    blocking = setup_problems(result.problems, content)
    if blocking:
        print_problems(blocking)
        print("fix the problems above first (mentor-gallery check); the schema lists the taxonomy's values.", file=sys.stderr)
        return 1
    write_stdout(schema_json(result.roster.taxonomy, [p.slug for p in result.roster.programs]))
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("schema", help="print the JSON Schema of profile frontmatter (for editors that validate YAML)")
    parser.add_argument("content_dir", nargs="?", default="content", metavar="CONTENT_DIR")
    parser.set_defaults(run=run)
