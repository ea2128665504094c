"""Argument parsing shared by the subcommands that take a file and an optional CONTENT_DIR."""

from __future__ import annotations

import argparse
import sys


def options_first(parser: argparse.ArgumentParser, valued: set[str]) -> None:
    """Accept an option between the two positionals (`FILE.csv --out FILE CONTENT_DIR`).

    argparse gives an optional positional its default as soon as it meets an
    option, then rejects the folder that follows; moving the options first avoids that.
    """
    parse = parser.parse_known_args

    def parse_known_args(args=None, namespace=None):
        options: list[str] = []
        positionals: list[str] = []
        tokens = iter(sys.argv[1:] if args is None else args)
        for token in tokens:
            if token == "--":
                positionals += [token, *tokens]
            elif token in valued:
                value = next(tokens, None)
                options += [token] if value is None else [token, value]
            elif token.startswith("-") and token != "-":
                options.append(token)
            else:
                positionals.append(token)
        return parse(options + positionals, namespace)

    parser.parse_known_args = parse_known_args  # type: ignore[method-assign]
