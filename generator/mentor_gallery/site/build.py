"""The build core: one run from the content folder to everything a site publishes, for any engine.

Both engine adapters consume one SiteBuild: the MkDocs plugin hands its pages, files and photos to
MkDocs in memory; `mentor-gallery pages` writes them into the docs folder for Zensical. Everything
either engine shows is decided here, once, in this order: the roster is loaded and validated, the
settings' problems and the request-handler warnings are added (the same ones `check` reports), the
member passphrase is turned into a sealer, the gallery's order and cards are computed once, and the
pages, the data files, the photos, each page's meta and the home page's live parts are produced.
Problems are values: a build with an error produces nothing to publish, and says why.

The home page is the association's own (docs/index.md, template home.html), so neither engine draws
it from a PageSpec: its live parts (how many mentors accept now, the programs, the open rounds, the
search box's example, the tools the audience publishes) go to the theme as `config.extra.mentor_gallery`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from markupsafe import escape

from mentor_gallery import routes
from mentor_gallery.content.loader import LoadCache, load_roster
from mentor_gallery.content.model import Roster
from mentor_gallery.content.photos import PUBLISHED_SIZES, Photo, PhotoError, published_photos
from mentor_gallery.content.privacy import PrivateContacts
from mentor_gallery.problems import Problem, display_path, errors
from mentor_gallery.settings import SiteSettings
from mentor_gallery.site.audience import Audience
from mentor_gallery.site.pages import Gallery, PageSpec, asset_files, data_files, home_part, search_example, site_pages
from mentor_gallery.site.privacy_gate import Leak
from mentor_gallery.site.render import FragmentRenderer
from mentor_gallery.site.requests import handler_warnings
from mentor_gallery.site.sealing import Sealer, passphrase_problem

EXTRA_KEY = "mentor_gallery"  # config.extra.mentor_gallery in home.html

PhotoBytes = Callable[[Photo, int], bytes]


def page_meta(spec: PageSpec) -> dict[str, Any]:
    """What a generated page tells the engine's theme: the MkDocs plugin sets it on page.meta,
    `pages` writes it as the page's front matter."""
    meta: dict[str, Any] = {
        # Neither engine's templates escape a title: it goes in escaped, once.
        "title": str(escape(spec.title)),
        "hide": spec.hide,
    }
    if not spec.searchable:
        meta["search"] = {"exclude": True}
    return meta


@dataclass
class BuiltPage:
    spec: PageSpec
    html: str  # the finished fragment: the engine only wraps it in the theme

    @property
    def meta(self) -> dict[str, Any]:
        return page_meta(self.spec)


@dataclass
class SiteBuild:
    problems: list[Problem] = field(default_factory=list)  # errors and warnings, in the order check prints them
    roster: Roster | None = None
    contacts: PrivateContacts | None = None  # what the last gate looks for in every built file
    pages: list[BuiltPage] = field(default_factory=list)
    data: dict[str, bytes] = field(default_factory=dict)  # data files by URI
    photos: dict[str, bytes] = field(default_factory=dict)  # published photos by URI
    photo_sources: dict[str, str] = field(default_factory=dict)  # URI -> the profile it comes from, for messages
    home: dict[str, Any] = field(default_factory=dict)  # config.extra.mentor_gallery
    sealed_leaks: list[Leak] = field(default_factory=list)  # found in members-only pages before they were sealed

    @property
    def ok(self) -> bool:
        return self.roster is not None and not errors(self.problems)


def home_fragments(roster: Roster, settings: SiteSettings, renderer: FragmentRenderer) -> dict[str, Any]:
    """Plain values only (strings, lists, mappings): Zensical reads them from YAML."""
    audience = Audience.of(settings)
    return {
        # Drawn and escaped by our autoescaping renderer; the theme's templates do not escape.
        "summary": renderer.render(home_part(roster, settings)),
        "search_example": search_example(roster),
        "gallery": routes.GALLERY,
        "tools": [{"label": tool.label, "url": tool.url} for tool in audience.tools],
    }


def render_site(roster: Roster, settings: SiteSettings, renderer: FragmentRenderer,
                photo_bytes: PhotoBytes | None = None, out: SiteBuild | None = None,
                drawn: PageCache | None = None) -> SiteBuild:
    """The pages, data files, photos and home fragments of a validated roster. The renderer's
    sealer and contacts are the caller's (BuildCore sets them). drawn: the pages of the last
    build, reused where a page's spec is unchanged."""
    out = out if out is not None else SiteBuild(roster=roster)
    renderer.reset()
    gallery = Gallery.of(roster, settings)  # once: the pages and the data files share it
    draw = drawn.start(renderer) if drawn is not None else lambda spec: renderer.render(spec, spec.body_html)
    out.pages = [BuiltPage(spec, draw(spec)) for spec in site_pages(roster, settings, gallery)]
    out.data = data_files(roster, settings, gallery)
    photo_bytes = photo_bytes or PhotoCache()  # each photo decoded once for all its sizes
    for uri, (mentor_path, photo, pixels) in asset_files(roster, settings).items():
        try:
            out.photos[uri] = photo_bytes(photo, pixels)
            out.photo_sources[uri] = display_path(mentor_path)
        except PhotoError as exc:
            out.problems.append(Problem(display_path(mentor_path), 1, f"photo {exc}; nothing was published"))
    out.home = home_fragments(roster, settings, renderer)
    out.sealed_leaks = renderer.sealed_leaks
    return out


class BuildCore:
    """One build after another of one site. What can outlive a build (each profile as read and
    validated, published photos, the key derived from the passphrase) is kept, so a rebuild under
    serve or --watch does not redo it."""

    def __init__(self) -> None:
        self.photos = PhotoCache()
        self.loads = LoadCache()  # each profile as read and validated, while its file is unchanged
        self.drawn = PageCache()  # each page's HTML, while what it is drawn from is unchanged
        self._sealer: tuple[str, Sealer] | None = None
        self._renderer: tuple[tuple, FragmentRenderer] | None = None

    def renderer_for(self, template_dirs: list[Path], site_name: str) -> FragmentRenderer:
        """The fragment renderer, kept while its template folders and the site's name are the
        same (its Jinja environment caches compiled templates; a moved folder needs a new one)."""
        key = (tuple(template_dirs), site_name)
        if self._renderer is None or self._renderer[0] != key:
            self._renderer = (key, FragmentRenderer(list(template_dirs), site_name))
        return self._renderer[1]

    def build(self, content_dir: Path, settings: SiteSettings, renderer: FragmentRenderer,
              config_problems: list[Problem] | None = None,
              ahead: Callable[[Roster, PrivateContacts], None] | None = None) -> SiteBuild:
        """config_problems: the settings' own (the default) or, from `pages`, the project's, which include them.
        ahead: called with the roster and its private contacts once they have passed every check,
        before any page is drawn (a watcher writes the saved profile's page first)."""
        result = load_roster(content_dir, settings.allowed_hosts, settings.timezone, cache=self.loads)
        out = SiteBuild(problems=result.problems + (settings.problems if config_problems is None else config_problems))
        if errors(out.problems):
            return out
        renderer.sealer = None
        if Audience.of(settings).needs_passphrase:
            passphrase = os.environ.get(settings.passphrase_env, "")
            problem = passphrase_problem(passphrase, settings.passphrase_env)
            if problem:
                where = display_path(settings.config_path) if settings.config_path else "mkdocs.yml"
                out.problems.append(Problem(where, 1, problem))
                return out
            renderer.sealer = self._sealer_for(passphrase)
        # Advice, as check gives it: profiles that will show no request control.
        out.problems += handler_warnings(result.roster, settings)
        out.roster = result.roster
        out.contacts = result.contacts
        renderer.contacts = out.contacts  # members-only pages are read before they are sealed
        if ahead is not None:
            ahead(result.roster, out.contacts)
        return render_site(result.roster, settings, renderer, self.photos, out, self.drawn)

    def _sealer_for(self, passphrase: str) -> Sealer:
        # Deriving the key is slow on purpose (PBKDF2): once per passphrase, not once per save.
        if self._sealer is None or self._sealer[0] != passphrase:
            self._sealer = (passphrase, Sealer.from_passphrase(passphrase))
        return self._sealer[1]


class PageCache:
    """Each page's finished HTML from the last build, drawn again only when its spec (template,
    title, body and the whole view context, compared by value) or the templates changed: a save
    that changes one profile redraws that profile and the lists it appears on, not every page.

    Members-only pages are always drawn: sealing one also reads it for private contacts, which
    may differ from one build to the next."""

    def __init__(self) -> None:
        self._pages: dict[str, tuple[PageSpec, str]] = {}  # source URI -> (the spec it was drawn from, its HTML)
        self._drawn_with: tuple | None = None
        self.hits = 0  # pages reused by the last build (for tests and measurements)

    def start(self, renderer: FragmentRenderer) -> Callable[[PageSpec], str]:
        """One build's drawing function (after renderer.reset()); pages it does not draw are forgotten."""
        drawn_with = (id(renderer), renderer.signature, id(renderer.sealer))
        old = self._pages if drawn_with == self._drawn_with else {}
        self._drawn_with = drawn_with
        self._pages = {}
        self.hits = 0

        def draw(spec: PageSpec) -> str:
            if spec.context.get("sealed_template"):
                return renderer.render(spec, spec.body_html)
            kept = old.get(spec.src_uri)
            if kept is not None and kept[0] == spec:
                html = kept[1]
                self.hits += 1
            else:
                html = renderer.render(spec, spec.body_html)
            self._pages[spec.src_uri] = (spec, html)
            return html

        return draw


class PhotoCache:
    """Published photo bytes, kept while the source file is unchanged: re-encoding every photo on
    each save would dominate a rebuild. Asked for one of the published sizes, it makes them all
    from one decoding of the photo."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, int], tuple[tuple, bytes]] = {}  # (source, size) -> (its signature, published bytes)

    def __call__(self, photo: Photo, pixels: int) -> bytes:
        try:
            info = Path(photo.source).stat()
        except OSError as exc:  # removed since it was checked (while a watcher runs)
            raise PhotoError(f"cannot be read ({exc.strerror}); add it again, or remove the photo: line from the profile") from None
        signature = (info.st_mtime_ns, info.st_size, info.st_ino, photo.format, photo.clean_svg)
        key = (str(photo.source), pixels)
        cached = self._cache.get(key)
        if cached is None or cached[0] != signature:
            for size, data in published_photos(photo, PUBLISHED_SIZES if pixels in PUBLISHED_SIZES else (pixels,)).items():
                self._cache[(key[0], size)] = (signature, data)
            cached = self._cache[key]
        return cached[1]
