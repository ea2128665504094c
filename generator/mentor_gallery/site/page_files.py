"""The generated site as files for a docs folder: what `mentor-gallery pages` writes.

Every page of the build core's result (site/build.py), which the plugin hands MkDocs in memory,
becomes `<url>/index.md`: front matter with the page's meta (build.page_meta: an escaped title,
`hide`, `search: exclude`) and the finished HTML. A page lives at `<url>/index.md`, not `<slug>.md`, because an engine
that rewrites relative links in raw HTML against the source file (Zensical does) then resolves
them from the very folder the page is served from. Data files and photos keep their URIs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from mentor_gallery.content.model import Roster
from mentor_gallery.problems import Problem
from mentor_gallery.settings import SiteSettings
from mentor_gallery.site.build import PhotoBytes, SiteBuild, render_site
from mentor_gallery.site.pages import PageSpec
from mentor_gallery.site.render import FragmentRenderer


@dataclass
class GeneratedFiles:
    files: dict[str, bytes] = field(default_factory=dict)  # docs-relative path -> bytes
    urls: list[str] = field(default_factory=list)  # every page's URL ("" is the home page)
    problems: list[Problem] = field(default_factory=list)


def page_path(spec: PageSpec) -> str:
    return f"{spec.url}index.md"


# libyaml's emitter where PyYAML has it: a tenth of a watched rebuild of 1,000 pages otherwise.
class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Every string in double quotes: YAML 1.1 and 1.2 readers disagree on plain scalars (a
    name 0o25130052 is text to one and the number 5550122 to the other), never on quoted ones."""


_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"'))


def page_document(meta: dict, html: str) -> bytes:
    head = yaml.dump(meta, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000)
    return f"---\n{head}---\n\n{html.strip()}\n".encode("utf-8")


def docs_files(site: SiteBuild) -> GeneratedFiles:
    """Every page, data file and photo of a build, by docs-relative path."""
    out = GeneratedFiles(problems=list(site.problems))
    for page in site.pages:
        out.files[page_path(page.spec)] = page_document(page.meta, page.html)
        out.urls.append(page.spec.url)
    out.files.update(site.data)
    out.files.update(site.photos)
    return out


def generated_files(roster: Roster, settings: SiteSettings, renderer: FragmentRenderer,
                    photo_bytes: PhotoBytes | None = None) -> GeneratedFiles:
    """The files of an already validated roster, without the build's checks (for tests and tools)."""
    return docs_files(render_site(roster, settings, renderer, photo_bytes))
