"""`mentor-gallery init DIR --name "ASSOCIATION"`: start a new association's site repository."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from mentor_gallery import __version__
from mentor_gallery.committee.new_site import NewSite, git_url_problem, name_problem, requirement, site_files
from mentor_gallery.committee.safe_files import create_new
from mentor_gallery.problems import display_path


def run(args: argparse.Namespace) -> int:
    target = Path(args.dir)
    problem = name_problem(args.name) or (git_url_problem(args.from_git) if args.from_git else None)
    if problem:
        return _refuse(problem)
    if target.is_symlink():
        return _refuse(f"{display_path(target)} is a symbolic link; give a real folder (new or empty)")
    if target.exists():
        if not target.is_dir():
            return _refuse(f"{display_path(target)} exists and is not a folder; give a new or empty folder")
        if any(target.iterdir()):
            return _refuse(f"{display_path(target)} is not empty; init writes only into a new or empty folder, so nothing of yours "
                           "is overwritten. Choose another folder")
    site = NewSite(args.name.strip(), requirement(__version__, args.from_git), dt.date.today())
    files = site_files(site)
    for relative, text in files.items():
        path = target / relative
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return _refuse(f"{display_path(path.parent)}: cannot create the folder: {exc.strerror}")
        problem = create_new(path, text)  # exclusive: never overwrites, never through a link
        if problem:
            return _refuse(f"{display_path(path)} {problem}")
    shown = display_path(target)
    print(f"Wrote {len(files)} files for {site.association} into {shown}/ (mentor-gallery {__version__}, pinned in requirements.txt).\n"
          f"Next: cd {shown}, then 'mentor-gallery check' and 'mkdocs serve'; put it on GitHub as the README there says.",
          file=sys.stderr)
    return 0


def _refuse(message: str) -> int:
    print(f"mentor-gallery init: {message}", file=sys.stderr)
    return 1


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("init", help="write a new association's site repository into an empty folder")
    parser.add_argument("dir", metavar="DIR", help="the new repository's folder (created; refused when it exists and is not empty)")
    parser.add_argument("--name", required=True, help="the association's name, e.g. \"Lakeshore Nurses Association\"")
    parser.add_argument("--from-git", default=None, metavar="URL",
                        help="pin mentor-gallery to this project's Git repository at the tag of this version (vX.Y.Z), "
                             "for a version not on the package index")
    parser.set_defaults(run=run)
