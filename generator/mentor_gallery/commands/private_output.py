"""Committee papers (introductions, hours reports) hold names and emails: they must never land
where the site is built from, or the next build would publish them."""

from __future__ import annotations

import os
from pathlib import Path

from mentor_gallery.content.source import SourceError
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
