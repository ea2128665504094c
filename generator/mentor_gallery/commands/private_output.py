"""Committee papers (introductions, hours reports) hold names and emails: they must never land
where the site is built from, or the next build would publish them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mentor_gallery.committee.form_responses import read_csv_text
from mentor_gallery.committee.safe_files import output_folder, write_output
from mentor_gallery.content.source import SourceError
from mentor_gallery.problems import display_path
from mentor_gallery.settings import read_config_file


def published_folder_problem(folder: Path, content_dir: Path, config_path: Path) -> str | None:
    """Why folder may not receive committee papers (worded to follow the folder's name), or None."""
    sources = {"the content folder": content_dir}
    if config_path.is_file():
        try:
            docs = read_config_file(config_path).data.get("docs_dir", "docs")
        except (SourceError, OSError):
            docs = "docs"
        sources["the site's docs folder"] = config_path.parent / (docs if isinstance(docs, str) else "docs")
    target = Path(os.path.realpath(folder))
    for what, source in sources.items():
        try:
            target.relative_to(os.path.realpath(source))
        except ValueError:
            continue
        return f"is inside {what} ({source}), which the site is built from; choose a folder outside it, as these files are never to be published"
    return None


def refused(folder: str | None, content_dir: Path, config_path: Path) -> bool:
    """Say why folder may not receive committee papers, on stderr; True when it may not."""
    if not folder:
        return False
    problem = published_folder_problem(Path(folder), content_dir, config_path)
    if problem:
        print(f"{folder} {problem}", file=sys.stderr)
    return problem is not None


def input_text(path: Path, shown: str) -> str | None:
    """The CSV a command reads, or None after saying on stderr why it cannot be read."""
    text, problem = read_csv_text(path, shown)
    if text is None:
        print(f"{shown}: {problem}", file=sys.stderr)
    return text


def write_stdout(text: str) -> None:
    """UTF-8 with the newlines as given, whatever the console's own encoding."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        buffer.write(text.encode("utf-8"))
        buffer.flush()


def write_out(out: str | None, text: str) -> bool:
    """text into the file --out names, or to stdout without one; False after saying on stderr
    why the file could not be written."""
    if not out:
        write_stdout(text)
        return True
    problem = write_output(Path(out), text)
    if problem:
        print(f"{out} {problem}", file=sys.stderr)
    return problem is None


def write_files(folder: Path, files: dict[str, str], shown: str) -> bool:
    """Each named text into folder (created if need be); False after saying on stderr why the
    folder (called shown) or one file could not be written."""
    problem = output_folder(folder)
    if problem:
        print(f"{shown} {problem}", file=sys.stderr)
        return False
    for name, text in files.items():
        problem = write_output(folder / name, text)
        if problem:
            print(f"{display_path(folder / name)} {problem}", file=sys.stderr)
            return False
    return True
