"""The files of a new association's repository (`mentor-gallery init`), from the packaged
scaffold: placeholders filled in with the association's name, today's date and the pinned
version of this package. Writing them is the command's job; this only says what they are.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass

from mentor_gallery import __version__, packaged

# Names in the packaged scaffold that a package cannot carry as they are (setuptools leaves out
# dot files and folders): written under their real names.
RENAMED = {"_github": ".github", "_gitignore": ".gitignore"}
MAX_NAME = 120
PACKAGE_NAME = "mentor-gallery"
EXTRAS = "site,zensical"  # both engines: the site builds with MkDocs today, with Zensical after it
_PLACEHOLDER = re.compile(r"__[A-Z_]+__")


@dataclass(frozen=True)
class NewSite:
    association: str
    requirement: str
    today: dt.date
    version: str = __version__


def requirement(version: str = __version__, git_url: str | None = None) -> str:
    """The pinned requirement: a release from the package index, or a tag of a Git repository."""
    if git_url:
        return f"{PACKAGE_NAME}[{EXTRAS}] @ git+{git_url.rstrip('/')}@v{version}"
    return f"{PACKAGE_NAME}[{EXTRAS}]=={version}"


def git_url_problem(url: str) -> str | None:
    if not re.fullmatch(r"https://[A-Za-z0-9.-]+(:[0-9]+)?/[A-Za-z0-9._~/-]+", url):
        return f"--from-git must be a repository's https address, e.g. https://github.com/ORG/mentor-gallery, not '{url}'"
    return None


def name_problem(name: str) -> str | None:
    if not name.strip():
        return "--name is empty; give the association's name, e.g. --name \"Lakeshore Nurses Association\""
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return "--name must be one line of text, without control characters"
    if len(name.strip()) > MAX_NAME:
        return f"--name has {len(name.strip())} characters; keep it under {MAX_NAME} (it is the site's title)"
    return None


def site_files(site: NewSite) -> dict[str, str]:
    """Every file of the new repository, by its path relative to the repository's folder."""
    name = site.association.strip()
    css = [n for n in packaged.asset_names(None) if n.endswith(".css")]
    scripts = [n for n in packaged.asset_names(None) if n.endswith(".js")]
    values = {
        "__ASSOCIATION_MD__": _markdown_text(name),
        "__ASSOCIATION_COMMENT__": name,
        "__ASSOCIATION_HTML__": html.escape(name),
        # YAML double-quoted scalars are JSON strings: any name is safe as a value.
        "__ASSOCIATION_YAML__": json.dumps(name, ensure_ascii=False),
        "__ASSOCIATION_YAML_SITE__": json.dumps(f"{name}: Mentoring", ensure_ascii=False),
        "__ASSOCIATION_YAML_SPONSOR__": json.dumps(f"{name} mentoring committee", ensure_ascii=False),
        "__ASSOCIATION_YAML_DESCRIPTION__": json.dumps(f"Volunteer mentors of {name}.", ensure_ascii=False),
        "__TODAY__": site.today.isoformat(),
        "__VERSION__": site.version,
        "__REQUIREMENT__": site.requirement,
        "__EXTRA_CSS__": "\n".join(f"  - {n}" for n in css),
        "__EXTRA_JAVASCRIPT__": "\n".join(f"  - {n}" for n in scripts),
    }
    files = {}
    root = packaged.scaffold_dir()
    for path in sorted(root.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        relative = "/".join(RENAMED.get(part, part) for part in path.relative_to(root).parts)
        text = path.read_text(encoding="utf-8")
        files[relative] = _PLACEHOLDER.sub(lambda m: values.get(m.group(0), m.group(0)), text)
    return files


def _markdown_text(name: str) -> str:
    """The name as Markdown text: characters Markdown or HTML would read as markup escaped."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", name)

