"""Keeping the generated files in the docs folder in step with the content, through a manifest.

The manifest (docs/.mentor-gallery-manifest.json) lists every file `mentor-gallery pages` wrote,
with its content hash, size and modification time. With it the writer

- rewrites only files whose bytes change (an engine that caches pages by file, as Zensical does,
  then rebuilds only those), and trusts a file whose size and time still match the manifest
  without reading it;
- deletes the files it wrote before that the content no longer makes;
- refuses to replace any file it did not write (a hand-written page), naming it;
- and tells the MkDocs plugin which files to leave out, so both can run on one docs folder.

Everything is planned before anything is written: a refusal writes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable, Collection

from mentor_gallery.nofollow import exists, regular_file_stat
from mentor_gallery.problems import Problem, display_path
from mentor_gallery.site.nofollow_writes import default_mode, file_problem, folder_problem, remove_file, write_bytes

MANIFEST = ".mentor-gallery-manifest.json"
FORMAT = 1


@dataclass(frozen=True)
class Entry:
    sha256: str
    size: int
    mtime_ns: int


@dataclass
class Manifest:
    files: dict[str, Entry] = field(default_factory=dict)
    urls: list[str] = field(default_factory=list)  # every generated page's URL, for the built-site check

    def to_json(self) -> bytes:
        data = {"format": FORMAT, "generator": "mentor-gallery pages",
                "urls": self.urls,
                "files": {path: {"sha256": e.sha256, "size": e.size, "mtime_ns": e.mtime_ns} for path, e in sorted(self.files.items())}}
        return json.dumps(data, indent=1, ensure_ascii=False).encode("utf-8")


def manifest_path(docs: Path) -> Path:
    return docs / MANIFEST


def read_manifest(docs: Path) -> tuple[Manifest | None, Problem | None]:
    """The manifest of a docs folder; (None, None) when there is none."""
    path = manifest_path(docs)
    problem = file_problem(path)
    if problem:
        return None, Problem(display_path(path), 1, problem)
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return None, None
    except (OSError, ValueError) as exc:
        return None, Problem(display_path(path), 1, f"cannot be read ({exc}); delete it and the generated folders, then run 'mentor-gallery pages' again")
    try:
        files = {str(p): Entry(str(e["sha256"]), int(e["size"]), int(e["mtime_ns"])) for p, e in data["files"].items()}
        urls = [str(u) for u in data.get("urls", [])]
    except (KeyError, TypeError, ValueError, AttributeError):
        return None, Problem(display_path(path), 1, "is not a mentor-gallery manifest; delete it and the generated folders, then run 'mentor-gallery pages' again")
    for relative in files:
        if not _safe_relative(relative):
            return None, Problem(display_path(path), 1, f"names '{relative}', which is outside the docs folder; delete the manifest and the generated folders")
    return Manifest(files, urls), None


@dataclass
class Plan:
    write: dict[str, bytes] = field(default_factory=dict)
    delete: list[str] = field(default_factory=list)
    unchanged: dict[str, Entry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class SyncResult:
    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def plan_sync(docs: Path, files: dict[str, bytes], old: Manifest) -> Plan:
    plan = Plan()
    for relative, data in files.items():
        if not _safe_relative(relative):
            plan.problems.append(Problem(display_path(docs), 1, f"a generated file would be written outside the docs folder ({relative})"))
            continue
        path = docs / relative
        blocked = folder_problem(docs, relative)
        if blocked:
            plan.problems.append(Problem(display_path(blocked[0]), 1, blocked[1]))
            continue
        entry = old.files.get(relative)
        if entry is None:
            if exists(path):
                plan.problems.append(Problem(display_path(path), 1, _hand_written(relative)))
            else:
                plan.write[relative] = data
            continue
        problem = file_problem(path)
        if problem:
            plan.problems.append(Problem(display_path(path), 1, problem))
            continue
        on_disk = _current(path, entry)
        digest = sha256(data)
        if on_disk is not None and on_disk.sha256 == digest:
            plan.unchanged[relative] = on_disk
        else:
            plan.write[relative] = data
    plan.problems += _url_clashes(docs, files, old)
    plan.delete = sorted(set(old.files) - set(files))
    return plan


def plan_docs(docs: Path, files: dict[str, bytes]) -> tuple[Plan, Manifest]:
    """What bringing docs in step with `files` takes, from the manifest; the plan's problems say
    why it cannot be done."""
    old, problem = read_manifest(docs)
    if problem:
        return Plan(problems=[problem]), Manifest()
    old = old or Manifest()
    return plan_sync(docs, files, old), old


def apply_plan(docs: Path, plan: Plan, old: Manifest, urls: list[str], first: Collection[str] = (),
               between: Callable[[], None] | None = None) -> SyncResult:
    """Carry out a plan without problems: write, delete, then record it all in the manifest.
    first: files written before the others; between: called after them when others follow (a
    server that rebuilds what changed together then takes the first ones on their own)."""
    result = SyncResult(unchanged=len(plan.unchanged))
    if not plan.write and not plan.delete and old.urls == urls:
        if plan.unchanged != {p: old.files[p] for p in plan.unchanged}:
            _save(docs, Manifest(plan.unchanged, urls), result)  # a file touched but not changed: remember its new time
        return result
    # First claim every path about to be written: a run stopped half way then still knows them as its own.
    pending = {**old.files, **{p: Entry("", -1, -1) for p in plan.write if p not in old.files}}
    if not _save(docs, Manifest(pending, old.urls), result):
        return result
    mode = default_mode()
    done: dict[str, Entry] = dict(plan.unchanged)
    early = [relative for relative in plan.write if relative in first]
    order = early + [relative for relative in plan.write if relative not in first]
    for index, relative in enumerate(order):
        if index == len(early) and early and between is not None:
            between()
        data = plan.write[relative]
        failure = write_bytes(docs, relative, data, mode)
        if failure:
            result.problems.append(Problem(display_path(failure[0]), 1, failure[1]))
            continue
        info = os.lstat(docs / relative)
        done[relative] = Entry(sha256(data), info.st_size, info.st_mtime_ns)
        result.written.append(relative)
    for relative in plan.delete:
        failure = remove_file(docs, relative)
        if failure:
            result.problems.append(Problem(display_path(failure[0]), 1, failure[1]))
            done[relative] = old.files[relative]  # still ours: try again next time
        else:
            result.deleted.append(relative)
    if result.problems:
        # Keep claiming every path we may have written, so that the next run does not take our
        # own files for hand-written ones.
        done = {**pending, **done}
    _save(docs, Manifest(done, urls), result)
    return result


def sync_docs(docs: Path, files: dict[str, bytes], urls: list[str]) -> SyncResult:
    """Make the generated files in docs exactly `files`; nothing is written when a problem is found."""
    plan, old = plan_docs(docs, files)
    if plan.problems:
        return SyncResult(problems=plan.problems)
    return apply_plan(docs, plan, old, urls)


def _save(docs: Path, manifest: Manifest, result: SyncResult) -> bool:
    failure = write_bytes(docs, MANIFEST, manifest.to_json(), default_mode())
    if failure:
        result.problems.append(Problem(display_path(failure[0]), 1, failure[1]))
        return False
    return True


def _current(path: Path, entry: Entry) -> Entry | None:
    """The file as it is now: the manifest's entry when size and time match, else re-hashed."""
    info = regular_file_stat(path)
    if info is None:
        return None
    if info.st_size == entry.size and info.st_mtime_ns == entry.mtime_ns and entry.sha256:
        return entry
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return Entry(sha256(data), info.st_size, info.st_mtime_ns)


def _hand_written(relative: str) -> str:
    return (f"was not written by 'mentor-gallery pages' (it is not in {MANIFEST}), and the gallery generates "
            f"this file; move or rename it, or remove it if it is an old copy of the generated page")


def _url_clashes(docs: Path, files: dict[str, bytes], old: Manifest) -> list[Problem]:
    """A hand-written page that the engine would publish at a generated page's URL
    (docs/mentors/ana.md and the generated docs/mentors/ana/index.md both make mentors/ana/)."""
    problems = []
    for relative in files:
        pure = PurePosixPath(relative)
        if pure.name != "index.md":
            continue
        # An engine copies an HTML file as it is, over the page it built at that address.
        others = [str(pure.with_name("index.html"))]
        if pure.parent != PurePosixPath("."):
            others += [f"{pure.parent}.md", f"{pure.parent}/README.md"]
        for other in others:
            if other not in files and other not in old.files and exists(docs / other):
                shown = "the home page" if pure.parent == PurePosixPath(".") else f"the generated page {pure.parent}/"
                problems.append(Problem(display_path(docs / other), 1,
                                        f"makes the same address as {shown}; rename or remove one of them"))
    return problems


def _safe_relative(relative: str) -> bool:
    pure = PurePosixPath(relative)
    return bool(relative) and not pure.is_absolute() and ".." not in pure.parts and "\\" not in relative
