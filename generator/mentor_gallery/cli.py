"""The `mentor-gallery` command: committee tools over a content folder. No MkDocs needed."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from typing import Sequence

from mentor_gallery import __version__
from mentor_gallery.commands import check, due, export, hours, import_, init, match, new, pages, schema, stale

# Each subcommand lives in its own module under commands/; list them here in help order.
COMMANDS = [init, check, new, export, import_, stale, schema, match, hours, due, pages]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mentor-gallery", description="Validate and manage a mentoring-program roster.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except OSError as exc:
        # A name given on the command line (or made from one) that no file system can hold: a
        # message at that name, as every other problem is, not a traceback.
        if exc.errno != errno.ENAMETOOLONG:
            raise
        name = os.fsdecode(exc.filename or "")
        longest = max((len(os.fsencode(part)) for part in name.split(os.sep)), default=0)
        shown = name if len(name) <= 80 else f"{name[:60]}...{name[-16:]}"
        print(f"{shown}:1: a name in this path is {longest} bytes long; file systems allow 255 per name "
              f"(and about 4,000 per path): choose a shorter one", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
