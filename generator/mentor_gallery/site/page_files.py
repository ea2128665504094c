"""The generated site as files for a docs folder: what `mentor-gallery pages` writes.

Every page the plugin hands MkDocs in memory becomes `<url>/index.md`: front matter with what the
plugin sets on the page (an escaped title, `hide`, `search: exclude`) and the finished HTML drawn
by the same FragmentRenderer. A page lives at `<url>/index.md`, not `<slug>.md`, because an engine
that rewrites relative links in raw HTML against the source file (Zensical does) then resolves
them from the very folder the page is served from. Data files and photos keep their URIs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml
from markupsafe import escape

from mentor_gallery.content.model import Roster
from mentor_gallery.content.photos import Photo, PhotoError, published_bytes
from mentor_gallery.problems import Problem, display_path
from mentor_gallery.settings import SiteSettings
from mentor_gallery.site.pages import PageSpec, asset_files, data_files, site_pages
from mentor_gallery.site.render import FragmentRenderer


@dataclass
class GeneratedFiles:
    files: dict[str, bytes] = field(default_factory=dict)  # docs-relative path -> bytes
    urls: list[str] = field(default_factory=list)  # every page's URL ("" is the home page)
    problems: list[Problem] = field(default_factory=list)


def page_path(spec: PageSpec) -> str:
    return f"{spec.url}index.md"


def front_matter(spec: PageSpec) -> dict:
    """What plugin.on_page_markdown sets on the page's meta, in the same words."""
    meta: dict = {
        # Neither engine's templates escape a title: it goes in escaped, as the plugin sets it.
        "title": str(escape(spec.title)),
        "hide": spec.hide,
    }
    if not spec.searchable:
        meta["search"] = {"exclude": True}
    return meta


# libyaml's emitter where PyYAML has it: a tenth of a watched rebuild of 1,000 pages otherwise.
class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Every string in double quotes: YAML 1.1 and 1.2 readers disagree on plain scalars (a
    name 0o25130052 is text to one and the number 5550122 to the other), never on quoted ones."""


_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"'))


def page_document(spec: PageSpec, html: str) -> bytes:
    head = yaml.dump(front_matter(spec), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000)
    return f"---\n{head}---\n\n{html.strip()}\n".encode("utf-8")


PhotoBytes = Callable[[Photo, int], bytes]


def generated_files(roster: Roster, settings: SiteSettings, renderer: FragmentRenderer,
                    photo_bytes: PhotoBytes = published_bytes) -> GeneratedFiles:
    """Every page, data file and photo of the site, by docs-relative path."""
    out = GeneratedFiles()
    renderer.reset()
    for spec in site_pages(roster, settings):
        out.files[page_path(spec)] = page_document(spec, renderer.render(spec, spec.body_html))
        out.urls.append(spec.url)
    out.files.update(data_files(roster, settings))
    for uri, (mentor_path, photo, pixels) in asset_files(roster, settings).items():
        try:
            out.files[uri] = photo_bytes(photo, pixels)
        except PhotoError as exc:
            out.problems.append(Problem(display_path(mentor_path), 1, f"photo {exc}; nothing was written"))
    return out


class PhotoCache:
    """Published photo bytes, kept while the source file is unchanged: re-encoding every photo on
    each save would dominate a watched rebuild."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, int], tuple[tuple, bytes]] = {}  # (source, size) -> (its signature, published bytes)

    def __call__(self, photo: Photo, pixels: int) -> bytes:
        try:
            info = Path(photo.source).stat()
        except OSError as exc:  # removed since it was checked (while --watch runs)
            raise PhotoError(f"cannot be read ({exc.strerror}); add it again, or remove the photo: line from the profile") from None
        signature = (info.st_mtime_ns, info.st_size, info.st_ino, photo.format, photo.clean_svg)
        key = (str(photo.source), pixels)
        cached = self._cache.get(key)
        if cached is None or cached[0] != signature:
            cached = (signature, published_bytes(photo, pixels))
            self._cache[key] = cached
        return cached[1]
