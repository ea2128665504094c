"""`mentor-gallery new SLUG --name NAME`: write a blank profile with every key, ready to fill in."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from mentor_gallery.committee.safe_files import create_new, folder_problem, target_problem
from mentor_gallery.committee.scaffold import profile_template, roster_hints
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.rules import text_problem
from mentor_gallery.content.slugs import MAX_SLUG_CHARS, is_slug, slugify
from mentor_gallery.problems import Problem, display_path


def run(args: argparse.Namespace) -> int:
    content = Path(args.content)
    slug: str = args.slug
    if not is_slug(slug):
        suggestion = slugify(slug) or slugify(args.name or "") or "ana-diaz"
        return _refuse(f"'{slug}' is not a valid slug: use only a-z, 0-9 and '-' (it becomes the file name and the page address), e.g. {suggestion}")
    folder = content / "mentors"
    path = folder / f"{slug}.md"
    if len(slug) > MAX_SLUG_CHARS:
        shorter = slug[:MAX_SLUG_CHARS].rstrip("-")
        return _refuse_at(content, path, f"the slug has {len(slug)} characters, over the limit of {MAX_SLUG_CHARS} (it becomes the file name and the page address); shorten it, e.g. {shorter}")
    problem = "--name is empty; give the mentor's full name, e.g. --name \"Ana Díaz\"" if not args.name.strip() else text_problem("name", args.name)
    if problem:
        return _refuse(problem)
    if not (content / "taxonomy.yml").is_file():
        return _refuse(f"{display_path(content)} is not a content folder (no taxonomy.yml); run from the project folder or pass --content")
    problem = folder_problem(folder, content)
    if problem:
        return _refuse_at(content, folder, problem)
    problem = target_problem(path)  # a link named like the profile, dangling or not, is never followed
    if problem:
        return _refuse_at(content, path, problem)
    if path.exists():
        return _refuse(f"{display_path(path)} already exists; edit that file, or choose another slug such as {_free_slug(content, slug)}")
    # The roster's own regions and programs make the hints concrete; a broken roster still gets a file.
    roster = load_roster(content).roster
    text = profile_template(args.name.strip(), roster_hints(roster.taxonomy, [p.slug for p in roster.programs]), dt.date.today())
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _refuse_at(content, folder, f"cannot create the folder: {exc.strerror}")
    problem = create_new(path, text)  # exclusive: never overwrites, even in a race
    if problem:
        return _refuse_at(content, path, problem)
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


def _refuse_at(content: Path, path: Path, message: str) -> int:
    """PATH:1: message, the problem of a file or folder inside the content folder."""
    # Only the content folder is resolved: the mentors folder may be a link, the name too long.
    shown = str(Path(display_path(content)) / path.relative_to(content))
    print(f"{Problem(shown, 1, message)}; nothing was written.", file=sys.stderr)
    return 1


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("new", help="write a blank mentor profile with every key, ready to fill in")
    parser.add_argument("slug", metavar="SLUG", help="the file name and address of the profile: a-z, 0-9 and '-', e.g. ana-diaz")
    parser.add_argument("--name", required=True, help='the mentor\'s full name, e.g. "Ana Díaz"')
    parser.add_argument("--content", default="content", metavar="CONTENT_DIR", help="the content folder (default: content)")
    parser.set_defaults(run=run)
