"""Loading a content folder: files -> validated Roster plus every problem found.

The one entry point the CLI and the site plugin share, so both report the same messages.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from mentor_gallery.content.eligibility import program_warnings
from mentor_gallery.content.exposure import ContentFile, others_contacts
from mentor_gallery.content.fanout import TwoPasses
from mentor_gallery.content.load_cache import LoadCache, depends_key, file_key
from mentor_gallery.content.model import FREQUENCY, Mentor, Program, Roster, Taxonomy, Vocabulary
from mentor_gallery.content.privacy import PrivateContacts
from mentor_gallery.content.rounds import survey_form_problems
from mentor_gallery.content.slugs import MAX_SLUG_CHARS, is_slug, slugify
from mentor_gallery.content.source import Document, SourceError, read_frontmatter_file, read_yaml_file
from mentor_gallery.content.validate import Report, form_from, mentor_from, program_from, program_vocabulary, taxonomy_from
from mentor_gallery.problems import Problem, display_path, errors
from mentor_gallery.routes import reserved_slug_problem

IGNORED_NAMES = {"readme.md"}


@dataclass
class LoadResult:
    roster: Roster
    problems: list[Problem]
    # Every profile's private contact, as gathered to compare every file with them.
    contacts: PrivateContacts = field(default_factory=PrivateContacts)

    @property
    def ok(self) -> bool:
        return not errors(self.problems)


def load_roster(content_dir: Path, allowed_hosts: frozenset[str] | None = None, timezone: str | None = None,
                workers: int = 1, cache: LoadCache | None = None) -> LoadResult:
    """Read and validate every content file; never stops at the first problem.

    allowed_hosts: where request handlers and forms may send data, when the site limits it.
    timezone: the site's time zone for programs' rounds that name none (else UTC).
    workers: how many processes may read the profiles (see fanout); the result is the same. Only
    for a command that runs no threads (`check`); the site's build reads in its own process.
    cache: what an earlier load of this folder kept (see load_cache); the result is the same as
    without it, and a load with a cache reads in this process only."""
    with cycle_collection_paused():
        return _load_roster(Path(content_dir), allowed_hosts, timezone, 1 if cache is not None else workers, cache)


@contextlib.contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Python's cycle collector pauses while a roster loads: everything read is kept, so each of
    its passes would walk the whole growing roster again (about a sixth of the time at 10,000
    profiles) to find nothing to free. It runs again afterwards, as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_roster(content_dir: Path, allowed_hosts: frozenset[str] | None, timezone: str | None, workers: int = 1,
                 cache: LoadCache | None = None) -> LoadResult:
    problems: list[Problem] = []
    if cache is not None:
        cache.start(depends_key(content_dir, (allowed_hosts, timezone)))
    if not content_dir.is_dir():
        problems.append(Problem(display_path(content_dir), 1, "content folder not found; run from the project folder or pass the folder, e.g. mentor-gallery check content"))
        return LoadResult(Roster(Taxonomy(Vocabulary("expertise", [], True), Vocabulary("regions", [], True)), [], [], []), problems)

    read: list[ContentFile] = []  # every file read, compared at the end with every private contact
    taxonomy = _load_taxonomy(content_dir / "taxonomy.yml", problems, read)

    programs = []
    for slug, report, body, body_line in _documents(content_dir / "programs", ".md", problems):
        program = program_from(report, slug, body, body_line, allowed_hosts, taxonomy, timezone)
        problems += report.problems
        read.append(ContentFile(report.path, slug, report.document, body, body_line,
                                rendered=_rendered(program.body_html) if program else None))
        if program:
            programs.append(program)
    # A profile naming a program whose guide has errors is not itself wrong: count every file.
    program_slugs = {slug for _, slug in _entries(content_dir / "programs", ".md", [])}
    by_slug = {p.slug: p for p in programs}

    # Profiles: each read and validated on its own, then compared with every private contact.
    one = functools.partial(_profile, content_dir, taxonomy, program_slugs, by_slug)
    share = lambda results: PrivateContacts.of(m for _, m in results if m)  # noqa: E731
    entries = _entries(content_dir / "mentors", ".md", problems)
    if cache is None:
        results, contacts, exposed = TwoPasses(one, share, _others_contacts).run(entries, workers)
    else:
        results, contacts, exposed = _cached_profiles(cache, one, share, entries)
    mentors = [mentor for found, mentor in results if mentor]
    for found, _ in results:
        problems += found

    forms = []
    offered = program_vocabulary(programs)  # `options: programs`, and the programs a list may name
    form_files: list[ContentFile] = []
    for slug, report, _, _ in _documents(content_dir / "forms", ".yml", problems):
        form = form_from(report, slug, taxonomy, allowed_hosts, offered)
        problems += report.problems
        form_files.append(ContentFile(report.path, slug, report.document))
        read.append(form_files[-1])
        if form:
            forms.append(form)
    # Every form file counts, as for programs: a survey naming a form with errors is not wrong itself.
    problems += survey_form_problems(programs, {slug for _, slug in _entries(content_dir / "forms", ".yml", [])})

    # In the files' order, as one pass over them all would find them.
    problems += others_contacts(read[:-len(form_files)] if form_files else read, contacts)
    for found in exposed:
        problems += found
    problems += others_contacts(form_files, contacts)

    problems.sort(key=lambda p: (p.path, p.line, p.message))
    return LoadResult(Roster(taxonomy, mentors, programs, forms), problems, contacts)


def _profile(content_dir: Path, taxonomy: Taxonomy, program_slugs: set[str], by_slug: dict[str, Program],
             entry: tuple[Path, str]) -> tuple[tuple[list[Problem], Mentor | None], ContentFile | None]:
    """One profile read and validated: (its problems and mentor, the file as read for the
    roster-wide contact scan)."""
    path, slug = entry
    problems: list[Problem] = []
    loaded = _read(path, problems, frontmatter=True)
    if not loaded:
        return (problems, None), None
    document, body, body_line = loaded
    report = Report(display_path(path), document)
    # path is content_dir/mentors/{slug}.md as listed (_entries); joining it again for every profile cost time.
    mentor = mentor_from(report, slug, body, body_line, taxonomy, program_slugs, path, content_dir)
    problems += report.problems
    file = ContentFile(report.path, slug, report.document, body, body_line, own=str(path),
                       rendered=_statement(mentor) if mentor else None)
    if mentor:
        problems += program_warnings(mentor, by_slug, report.document, report.path)
    return (problems, mentor), file


def _cached_profiles(cache: LoadCache, one: Callable, share: Callable,
                     entries: list[tuple[Path, str]]) -> tuple[list, PrivateContacts, list[list[Problem]]]:
    """The two passes over the profiles, each file's result taken from the cache while its file
    is unchanged; the contacts are drawn from every result again, as a cold load draws them."""
    results, kept = [], []
    for entry in entries:
        path = str(entry[0])
        key = file_key(entry[0])
        known = cache.profiles.get(path)
        if key is not None and known is not None and known[0] == key:
            result, file = known[1]
            cache.hits += 1
        else:
            result, file = one(entry)
            if key is not None:
                cache.profiles[path] = (key, (result, file))
            else:
                cache.profiles.pop(path, None)
            cache.scans.pop(path, None)
        results.append(result)
        kept.append((path, key, file))
    gone = cache.profiles.keys() - {str(path) for path, _ in entries}
    for path in gone:
        cache.profiles.pop(path, None)
        cache.scans.pop(path, None)
    contacts = share(results)
    if contacts != cache.contacts:  # another file's contact may now show in any file
        cache.scans.clear()
        cache.contacts = contacts
    exposed = []
    for path, key, file in kept:
        scanned = cache.scans.get(path)
        if key is not None and scanned is not None and scanned[0] == key:
            exposed.append(scanned[1])
            continue
        found = _others_contacts(file, contacts)
        if key is not None:
            cache.scans[path] = (key, found)
        exposed.append(found)
    return results, contacts, exposed


def _others_contacts(file: ContentFile | None, contacts: PrivateContacts) -> list[Problem]:
    return others_contacts([file], contacts) if file is not None else []


def _rendered(html: str) -> Callable[[], str]:
    return lambda: html


def _statement(mentor: Mentor) -> Callable[[], str]:
    """The statement as the site shows it, rendered once for check and the site alike."""
    return lambda: mentor.statement_html


def _load_taxonomy(path: Path, problems: list[Problem], read: list[ContentFile]) -> Taxonomy:
    empty = Taxonomy(Vocabulary("expertise", [], True), Vocabulary("regions", [], True))
    if not path.is_file() and not path.is_symlink():
        problems.append(Problem(display_path(path), 1, "taxonomy.yml is missing; create it with 'expertise:' and 'regions:' lists"))
        return empty
    loaded = _read(path, problems, frontmatter=False)
    if not loaded:
        return empty
    report = Report(display_path(path), loaded[0])
    read.append(ContentFile(report.path, "", loaded[0]))
    taxonomy = taxonomy_from(report)
    problems += report.problems
    return taxonomy


def _documents(folder: Path, suffix: str, problems: list[Problem]) -> Iterator[tuple[str, Report, str, int]]:
    """(slug, report, body, body line) of each readable file of one kind; the unreadable ones
    are already problems."""
    for path, slug in _entries(folder, suffix, problems):
        loaded = _read(path, problems, frontmatter=suffix == ".md")
        if loaded:
            document, body, body_line = loaded
            yield slug, Report(display_path(path), document), body, body_line


def _read(path: Path, problems: list[Problem], *, frontmatter: bool) -> tuple[Document, str, int] | None:
    """A content file's document. The reader refuses a link or special file; the folders were
    checked by _entries (none is a link), so the file is inside the content folder without
    following every component of its path again, which would cost more than reading it."""
    try:
        if frontmatter:
            parsed = read_frontmatter_file(path)
            document, body, body_line = parsed.document, parsed.body, parsed.body_line
        else:
            document, body, body_line = read_yaml_file(path), "", 1
        problems += [Problem(display_path(path), line, message) for line, message in document.problems]
        return document, body, body_line
    except SourceError as exc:
        problems.append(Problem(display_path(path), exc.line, exc.message))
    except OSError as exc:
        problems.append(Problem(display_path(path), 1, f"cannot read the file: {exc.strerror}"))
    return None


def _entries(folder: Path, suffix: str, problems: list[Problem]) -> list[tuple[Path, str]]:
    """The files of one kind in a folder, with their slugs; near-misses are warned about.

    Links and special files are listed too (and refused when read), never silently skipped."""
    if folder.is_symlink():
        problems.append(Problem(display_path(folder), 1, f"{folder.name}/ is a symbolic link; it must be a real folder inside the content folder"))
        return []
    if not folder.is_dir():
        return []
    entries = []
    for path, is_folder in _listing(folder):
        if path.name.lower() in IGNORED_NAMES or path.name.startswith("."):
            continue
        if is_folder:
            continue
        looks_like = path.suffix.lower() in (suffix, ".markdown", ".yaml", ".md")
        if path.parent != folder:
            if looks_like:
                problems.append(Problem(display_path(path), 1, f"not read: files in subfolders of {folder.name}/ are ignored; move it up into {folder.name}/", "warning"))
            continue
        if path.suffix != suffix:
            if looks_like:
                problems.append(Problem(display_path(path), 1, f"not read: {folder.name}/ files must end in '{suffix}'; rename it to {path.stem}{suffix}", "warning"))
            continue
        slug = path.stem
        if len(slug) > MAX_SLUG_CHARS:
            problems.append(Problem(display_path(path), 1, f"file name is {len(slug)} characters long; keep it under {MAX_SLUG_CHARS} (it becomes the page's address)"))
            continue
        if not is_slug(slug):
            suggestion = slugify(slug)[:MAX_SLUG_CHARS] or "a-name"
            problems.append(Problem(display_path(path), 1, f"file name '{path.name}' is not a valid slug (a-z, 0-9 and '-'); rename it to {suggestion}{suffix}"))
            continue
        reserved = reserved_slug_problem(folder.name, slug)
        if reserved:
            problems.append(Problem(display_path(path), 1, f"{reserved}; rename the file, e.g. {slug}-{folder.name[:-1]}{suffix}"))
            continue
        entries.append((path, slug))
    return entries


def _listing(folder: Path) -> list[tuple[Path, bool]]:
    """Everything under folder, at any depth, in path order, each with whether it is a folder
    itself (a link is not). A folder without subfolders (the usual one) is listed in one look,
    without a lookup per file: a tenth of the time of the general walk at 10,000 profiles."""
    with os.scandir(folder) as found:
        top = sorted(found, key=lambda entry: entry.name)
    if any(entry.is_dir(follow_symlinks=False) for entry in top):
        return [(path, stat.S_ISDIR(path.lstat().st_mode)) for path in sorted(folder.rglob("*"))]
    return [(folder / entry.name, False) for entry in top]


__all__ = ["LoadCache", "LoadResult", "load_roster", "FREQUENCY"]
