"""The `mentor-gallery` command: committee tools over a content folder. No MkDocs needed."""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from types import ModuleType
from typing import Sequence

from mentor_gallery import __version__

# Each subcommand lives in its own module under commands/ (command: module), in help order. A
# command run by name loads its own module only: `check` starts without every other command's
# libraries (calendars, spreadsheets, the site's pages), a fifth of a second of each run.
COMMANDS = {"init": "init", "check": "check", "new": "new", "export": "export", "import": "import_", "stale": "stale",
            "schema": "schema", "match": "match", "hours": "hours", "due": "due", "pages": "pages"}


def command_module(name: str) -> ModuleType:
    return importlib.import_module(f"mentor_gallery.commands.{COMMANDS[name]}")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: every command's, or only the one named (the same parse of a
    command line that starts with that command)."""
    parser = argparse.ArgumentParser(prog="mentor-gallery", description="Validate and manage a mentoring-program roster.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in [only] if only else COMMANDS:
        command_module(name).add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(words[0] if words and words[0] in COMMANDS else None).parse_args(words)
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
