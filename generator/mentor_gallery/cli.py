"""The `mentor-gallery` command: committee tools over a content folder. No MkDocs needed."""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from mentor_gallery import __version__
from mentor_gallery.commands import check, due, export, hours, import_, match, new, pages, schema, stale

# Each subcommand lives in its own module under commands/; list them here in help order.
COMMANDS = [check, new, export, import_, stale, schema, match, hours, due, pages]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mentor-gallery", description="Validate and manage a mentoring-program roster.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
