"""`mentor-gallery import FILE.csv [--update]`: a profile per CSV record, all or nothing.

Every record is checked first, with the same validation as `check`, on the very text that would
be written; one bad record and nothing is written. `--update` edits an existing profile in place
(profile_edit.py): only the values that changed, and a file whose values all match is not written.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from mentor_gallery.commands.check import print_problems
from mentor_gallery.commands.schema import setup_problems
from mentor_gallery.committee.csv_dates import OPTION_HELP, ORDERS, DateColumns
from mentor_gallery.committee.profile_edit import updated_profile
from mentor_gallery.committee.profile_yaml import profile_text
from mentor_gallery.committee.roster_csv import CsvRecord, date_columns, frontmatter_from_cells, read_csv
from mentor_gallery.committee.safe_files import create_new, folder_problem, replace_existing, target_problem
from mentor_gallery.committee.safe_files import exists as exists_at
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.model import Taxonomy
from mentor_gallery.content.slugs import MAX_SLUG_CHARS, is_slug, slugify
from mentor_gallery.routes import reserved_slug_problem
from mentor_gallery.content.source import SourceError, parse_yaml, read_content_bytes, split_frontmatter
from mentor_gallery.content.validate import Report, mentor_from
from mentor_gallery.problems import Problem, counted, display_path, errors


@dataclass
class Planned:
    path: Path
    text: str
    exists: bool
    unchanged: bool = False  # an existing profile whose every value the record repeats


def run(args: argparse.Namespace) -> int:
    csv_path, content = Path(args.file), Path(args.content)
    shown = display_path(csv_path)
    try:
        text = csv_path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        return _refuse([f"{shown}: cannot read the file: {exc.strerror}"])
    except UnicodeDecodeError:
        return _refuse([f"{shown}: the file is not UTF-8 text; save it from the spreadsheet as 'CSV UTF-8'"])

    # The taxonomy and programs judge every record, so they must be sound; profiles need not be.
    loaded = load_roster(content)
    mentors_dir = content / "mentors"
    blocking = setup_problems(loaded.problems, content)
    if blocking:
        print_problems(blocking)
        print(f"fix the problems above in {display_path(content)} first (mentor-gallery check); nothing was imported.", file=sys.stderr)
        return 1

    shown_dir = Path(display_path(content)) / "mentors"  # not resolved: the folder may be a link
    problem = folder_problem(mentors_dir, content)
    if problem:
        return _refuse([str(Problem(str(shown_dir), 1, problem))])

    table = read_csv(text)
    if table.stop:
        where = table.stop.row or "header"  # the row that failed: 0 is the header
        return _refuse([f"{shown}:{where}: {table.stop.message}"])
    if table.header_problems:
        # The header is not a record: its problems are marked 'header' in place of a number.
        return _refuse([f"{shown}:header: {message}" for message in table.header_problems])
    dates = date_columns(table, args.dates)  # an unsettled column: one message, not one per record
    program_slugs = {p.slug for p in loaded.roster.programs}
    planned: list[Planned] = []
    problems: list[Problem] = []
    first_use: dict[str, int] = {}
    for record in table.records:
        messages, plan = _plan(record, table.columns, mentors_dir, shown_dir, loaded.roster.taxonomy, program_slugs, first_use, args.update,
                                 dates)
        problems += [Problem(shown, record.number, message) for message in messages]
        if plan:
            planned.append(plan)
    if problems or dates.problems:
        return _refuse([f"{shown}:{message}" for message in dates.problems] + [str(p) for p in problems],
                       records=len({p.line for p in problems}))
    if not planned:
        print(f"{shown} has no records; nothing was imported.", file=sys.stderr)
        return 1

    try:
        mentors_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _refuse([str(Problem(str(shown_dir), 1, f"cannot create the folder: {exc.strerror}"))])
    for done, plan in enumerate(planned):
        if plan.unchanged:
            continue
        # Checked when planned; checked again as written, in case a link appeared meanwhile.
        problem = replace_existing(plan.path, plan.text) if plan.exists else create_new(plan.path, plan.text)
        if problem:
            print(Problem(str(shown_dir / plan.path.name), 1, problem), file=sys.stderr)
            print(f"{done} of {counted(len(planned), 'profile')} {'was' if done == 1 else 'were'} written before this one; fix it and import again with --update.", file=sys.stderr)
            return 1
        print(f"{'updated' if plan.exists else 'created'} {shown_dir / plan.path.name}", file=sys.stderr)
    created = sum(1 for p in planned if not p.exists)
    unchanged = sum(1 for p in planned if p.unchanged)
    print(f"imported {counted(len(planned), 'profile')}: {created} created, {len(planned) - created - unchanged} updated, "
          f"{unchanged} unchanged.", file=sys.stderr)
    return 0


def _plan(record: CsvRecord, columns: list[str], mentors_dir: Path, shown_dir: Path, taxonomy: Taxonomy, program_slugs: set[str],
          first_use: dict[str, int], update: bool, dates: DateColumns) -> tuple[list[str], Planned | None]:
    """The problems of one record, or the file it becomes."""
    messages = list(record.problems)
    slug = record.cells.get("slug", "").strip()
    if not slug:
        messages.append("slug is empty; give each record the slug that names its file, e.g. ana-diaz")
    elif not is_slug(slug):
        suggestion = slugify(slug) or slugify(record.cells.get("name", "")) or "ana-diaz"
        messages.append(f"slug '{slug}' may use only a-z, 0-9 and '-'; e.g. {suggestion}")
    elif len(slug) > MAX_SLUG_CHARS:
        shorter = slug[:MAX_SLUG_CHARS].rstrip("-")
        messages.append(f"slug '{slug[:40]}...' has {len(slug)} characters, over the limit of {MAX_SLUG_CHARS} "
                        f"(it becomes the file name and the page address); shorten it, e.g. {shorter}")
    elif reserved := reserved_slug_problem("mentors", slug):
        messages.append(f"slug {reserved}; choose another, e.g. {slug}-mentor")
    elif slug in first_use:
        messages.append(f"slug '{slug}' is also used by record {first_use[slug]}; each profile needs its own slug")
    else:
        first_use[slug] = record.number
    valid = is_slug(slug) and len(slug) <= MAX_SLUG_CHARS and not reserved_slug_problem("mentors", slug)
    path = mentors_dir / f"{slug if valid else 'record'}.md"
    shown_path = shown_dir / path.name
    problem = target_problem(path) if valid else None
    exists = valid and not problem and exists_at(path)
    if problem:
        messages.append(f"{shown_path} {problem}")
    elif exists and not update:
        messages.append(f"{shown_path} already exists; use --update to replace it, or choose another slug")

    data, body, cell_problems = frontmatter_from_cells(record.cells, dates)
    messages += cell_problems
    old_text = _current_text(path) if exists and update else None
    edited = updated_profile(old_text, columns, data, body) if old_text is not None else None
    text = edited if edited is not None else profile_text(data, body)
    # Validate the file as it would be written and read back, exactly as `check` would read it.
    try:
        yaml_text, body_read, body_line = split_frontmatter(text.lstrip("\ufeff").replace("\r\n", "\n"))
        document = parse_yaml(yaml_text, first_line=2)
    except SourceError as exc:
        return messages + [exc.message], None
    report = Report(str(shown_path), document)
    mentor_from(report, slug if valid else "record", body_read, body_line, taxonomy, program_slugs, path)
    messages += [message for _, message in document.problems]  # a key the existing file gives twice
    messages += [p.message for p in errors(report.problems)]
    if messages:
        return messages, None
    return [], Planned(path, text, exists, unchanged=text == old_text)


def _current_text(path: Path) -> str | None:
    """An existing profile's text as it is (BOM and line ends kept), or None when it cannot be
    read as UTF-8: it is then written whole."""
    try:
        return read_content_bytes(path).decode("utf-8")
    except (SourceError, OSError, UnicodeDecodeError):
        return None


def _refuse(lines: list[str], records: int | None = None) -> int:
    for line in lines:
        print(line, file=sys.stderr)
    what = f"{records} record(s) have problems" if records else "the file has problems"
    print(f"{what}; nothing was imported. Fix them in the CSV and import again.", file=sys.stderr)
    return 1


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("import", help="create a profile per CSV record (the columns of export); all or nothing")
    parser.add_argument("file", metavar="FILE.csv", help="a CSV with a header line; the columns of 'mentor-gallery export'")
    parser.add_argument("--update", action="store_true", help="replace profiles that already exist (default: refuse)")
    parser.add_argument("--dates", choices=ORDERS, default=None, help=OPTION_HELP)
    parser.add_argument("--content", default="content", metavar="CONTENT_DIR", help="the content folder (default: content)")
    parser.set_defaults(run=run)
