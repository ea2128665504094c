"""`mentor-gallery new SLUG --name NAME`: write a blank profile with every key, ready to fill in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..checks import text_problem
from ..content import load_roster
from ..problems import display_path
from ..scaffold import profile_template, roster_hints
from ..slugs import is_slug, slugify


def run(args: argparse.Namespace) -> int:
    content = Path(args.content)
    slug: str = args.slug
    if not is_slug(slug):
        suggestion = slugify(slug) or slugify(args.name or "") or "ana-diaz"
        return _refuse(f"'{slug}' is not a valid slug: use only a-z, 0-9 and '-' (it becomes the file name and the page address), e.g. {suggestion}")
    problem = "--name is empty; give the mentor's full name, e.g. --name \"Ana Díaz\"" if not args.name.strip() else text_problem("name", args.name)
    if problem:
        return _refuse(problem)
    if not (content / "taxonomy.yml").is_file():
        return _refuse(f"{display_path(content)} is not a content folder (no taxonomy.yml); run from the project folder or pass --content")
    path = content / "mentors" / f"{slug}.md"
    if path.exists():
        return _refuse(f"{display_path(path)} already exists; edit that file, or choose another slug such as {_free_slug(content, slug)}")
    # The roster's own regions and programs make the hints concrete; a broken roster still gets a file.
    roster = load_roster(content).roster
    text = profile_template(args.name.strip(), roster_hints(roster.taxonomy, [p.slug for p in roster.programs]))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
            handle.write(text)
    except FileExistsError:
        return _refuse(f"{display_path(path)} already exists; edit that file, or choose another slug")
    shown = display_path(path)
    print(f"wrote {shown}; fill in the required keys, then run: mentor-gallery check {display_path(content)}", file=sys.stderr)
    return 0


def _free_slug(content: Path, slug: str) -> str:
    number = 2
    while (content / "mentors" / f"{slug}-{number}.md").exists():
        number += 1
    return f"{slug}-{number}"


def _refuse(message: str) -> int:
    print(f"mentor-gallery new: {message}; nothing was written.", file=sys.stderr)
    return 1


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("new", help="write a blank mentor profile with every key, ready to fill in")
    parser.add_argument("slug", metavar="SLUG", help="the file name and address of the profile: a-z, 0-9 and '-', e.g. ana-diaz")
    parser.add_argument("--name", required=True, help='the mentor\'s full name, e.g. "Ana Díaz"')
    parser.add_argument("--content", default="content", metavar="CONTENT_DIR", help="the content folder (default: content)")
    parser.set_defaults(run=run)
