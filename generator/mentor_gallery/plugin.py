"""The MkDocs adapter: validates content, then hands the generated pages to MkDocs.

Thin on purpose: everything it shows is decided by the build core (site/build.py), which
`mentor-gallery pages` uses for Zensical too; this adapter only stages the build, hands MkDocs the
core's pages and files, checks for address clashes, trims the nav and watches under serve.
Generated pages stay out of the navigation unless they are indexes: Material embeds the whole
nav in every page, which makes a nav of thousands of profiles quadratic in build time and size.
"""

from __future__ import annotations

import functools
import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import TableOfContents

from mentor_gallery import packaged, routes
from mentor_gallery.content import deprecations
from mentor_gallery.content.privacy import PrivateContacts
from mentor_gallery.problems import display_path, errors
from mentor_gallery.settings import OPTIONS, SourceError, read_config_file, settings_from
from mentor_gallery.site.docs_writer import read_manifest
from mentor_gallery.site.audience import Audience
from mentor_gallery.site.build import EXTRA_KEY, BuildCore, BuiltPage
from mentor_gallery.site.privacy_gate import ServeGate, scan_site
from mentor_gallery.site.repeated_warnings import RepeatedWarnings, left_out_line
from mentor_gallery.site.staged_build import move_into_place, staging_folder

log = logging.getLogger("mkdocs.plugins.mentor_gallery")


# The options are declared once, in settings.OPTIONS; MkDocs only collects them (INHERIT and !ENV
# resolved its own way) and settings_from checks and types them, as it does for the CLI.
# The old names of renamed options are collected too, so that settings_from can read them with a
# deprecation message rather than MkDocs refusing them as unknown.
if TYPE_CHECKING:  # the options are attributes made at run time; to a type checker it is a Config
    MentorGalleryConfig = Config
else:
    MentorGalleryConfig = type("MentorGalleryConfig", (Config,), {name: c.Optional(c.Type(object)) for name in
                                                                  [option.name for option in OPTIONS] + [r.old for r in deprecations.PLUGIN_OPTIONS]})


def _one_clear_error(hook):
    """Any failure in our hooks becomes one PluginError line, never a traceback: the build stops,
    on_build_error discards the half-written staging folder, and the published site stays as it was."""

    @functools.wraps(hook)
    def wrapper(self, *args, **kwargs):
        try:
            return hook(self, *args, **kwargs)
        except PluginError:
            raise
        except Exception as exc:
            raise PluginError(f"mentor-gallery could not build the site ({type(exc).__name__}: {exc}); nothing was published. "
                              "Run 'mentor-gallery check', and report this if check passes.") from None

    return wrapper


def _strict_warnings() -> int:
    """Warnings MkDocs has counted so far; with --strict it aborts after on_post_build on any."""
    handlers = logging.getLogger("mkdocs").handlers
    return sum(count for handler in handlers if hasattr(handler, "get_counts") for _, count in handler.get_counts())


def _skip_engine_markdown(page) -> None:
    """Our pages are drawn whole by the core (on_page_content). The engine's Markdown pass over
    their empty source would only build a parser per page: a tenth of a 10,000-profile build."""

    def render(config, files) -> None:
        page.content = ""
        page.toc = TableOfContents([])
        page.present_anchor_ids = set()

    page.render = render


class MentorGalleryPlugin(BasePlugin[MentorGalleryConfig]):
    staging: Path | None = None
    final_site_dir: str | None = None

    def on_startup(self, *, command, dirty):
        """Its presence keeps this one plugin object for every rebuild of `mkdocs serve` (MkDocs
        makes a new one per build otherwise), so the build core's caches live from save to save."""
        # Under serve the gate remembers what it read; one build has nothing to remember.
        self.gate = ServeGate() if command == "serve" else None

    # First, so that every other plugin sees the staging folder as the site folder.
    @event_priority(100)
    @_one_clear_error
    def on_config(self, config):
        # Never a partial site: build into a staging folder beside site_dir and move it into place
        # only after everything, the privacy scan included, has succeeded (on_post_build).
        self.final_site_dir = config.site_dir
        self.staging = staging_folder(Path(config.site_dir))
        config.site_dir = str(self.staging)
        if not config.use_directory_urls:
            raise PluginError("mentor-gallery needs use_directory_urls: true (its URLs are folders such as mentors/<slug>/)")
        config_file = Path(config.config_file_path or "mkdocs.yml")
        site = {"site_name": config.site_name, "site_url": config.site_url, "repo_url": config.repo_url}
        self.settings = settings_from(dict(self.config), site, config_file, _option_lines(config_file))
        self.content_dir = (config_file.parent / self.settings.content_dir).resolve()
        # The packaged templates, scripts and styles come right after the site's own custom_dir,
        # which overrides any of them by path (and need not exist at all).
        custom_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        dirs = packaged.theme_dirs(custom_dir)
        for folder in dirs:
            if str(folder) not in config.theme.dirs:
                config.theme.dirs.insert(1 if custom_dir is not None else 0, str(folder))
        # Kept across serve's rebuilds (see on_startup): each profile's load, each page's HTML,
        # published photos, the passphrase's key, the renderer.
        if getattr(self, "core", None) is None:
            self.core = BuildCore()
            self.repeats = RepeatedWarnings()  # a rebuild prints the warnings that are new, not every one again
        self.renderer = self.core.renderer_for([d / packaged.TEMPLATES for d in dirs], config.site_name)
        self.guide = _packaged_guide(self.settings, Path(config.docs_dir))
        if self.guide is not None and config.nav is not None and not _mentions_guide(config.nav):
            config.nav.append({packaged.GUIDE_SECTION: packaged.guide_nav()})
        # Every stylesheet and script not listed in mkdocs.yml, in name order (each is one small
        # module), with print.css last so its paper rules win.
        scripts = [str(s) for s in config.extra_javascript]
        for name in packaged.unlisted_assets(custom_dir, config.extra_css, scripts):
            (config.extra_css if name.endswith(".css") else config.extra_javascript).append(name)
        return config

    @_one_clear_error
    def on_pre_build(self, config):
        # Validate and draw everything on every build (serve rebuilds too), before anything is written.
        site = self.core.build(self.content_dir, self.settings, self.renderer)
        shown, left_out = self.repeats.sift(site.problems)
        for found in shown:
            # Content warnings are advice, not build failures, even under --strict.
            (log.error if found.severity == "error" else log.info)(str(found))
        if left_out:
            log.info(f"mentor-gallery: {left_out_line(left_out)}")
        count = len(errors(site.problems))
        if count:
            raise PluginError(f"{count} content problem(s) listed above; nothing was published. Run 'mentor-gallery check' to see them again.")
        log.debug(f"mentor-gallery: {self.core.loads.hits} profile(s) and {self.core.drawn.hits} page(s) reused from the last build")
        self.site = site
        self.pages: dict[str, BuiltPage] = {page.spec.src_uri: page for page in site.pages}
        # The home page's live parts, as the Zensical adapter hands them over too.
        config.extra[EXTRA_KEY] = site.home

    @_one_clear_error
    def on_files(self, files: Files, config):
        files = _without_written_pages(files, Path(config.docs_dir))
        generated: list[tuple[File, str]] = []  # with the content file each comes from
        for page in self.site.pages:
            inclusion = InclusionLevel.INCLUDED if page.spec.in_nav else InclusionLevel.NOT_IN_NAV
            # The body was drawn by the core; the engine only wraps it in the theme.
            generated.append((File.generated(config, page.spec.src_uri, content="", inclusion=inclusion), page.spec.source))
        for path in sorted(self.guide.glob("*.md")) if self.guide is not None else []:
            # The committee's guide from the package: trusted pages, rendered as any docs/ page.
            generated.append((File.generated(config, f"guide/{path.name}", abs_src_path=str(path)), "the packaged committee's guide"))
        for uri, data in self.site.data.items():
            generated.append((File.generated(config, uri, content=data, inclusion=InclusionLevel.NOT_IN_NAV), self.settings.content_dir))
        for uri, data in self.site.photos.items():
            generated.append((File.generated(config, uri, content=data, inclusion=InclusionLevel.NOT_IN_NAV), self.site.photo_sources[uri]))
        # Two sources for one address: a hand-written page must not be replaced silently, nor
        # replace a generated one (docs/mentors/ana/index.md and content/mentors/ana.md).
        by_url = {file.dest_uri: file for file in files}
        clashes = []
        for file, source in generated:
            existing = files.get_file_from_path(file.src_uri) or by_url.get(file.dest_uri)
            if existing is not None:
                clashes.append(f"{config.docs_dir}/{existing.src_uri} and {source} both make {file.url or '/'}; rename or remove one of them")
            files.append(file)
        if clashes:
            for clash in clashes:
                log.error(clash)
            raise PluginError(f"{len(clashes)} address clash(es) listed above; nothing was published.")
        return files

    @_one_clear_error
    def on_nav(self, nav, config, files):
        # Members-only: the members' navigation leaves out the committee's guide (its pages are
        # still built, for the committee's own links).
        if not Audience.of(self.settings).guide_in_nav:
            nav.items[:] = [item for item in nav.items if not _only_guide(item)]
        return nav

    @_one_clear_error
    def on_page_markdown(self, markdown, page, config, files):
        built = self.pages.get(page.file.src_uri)
        if built is None:
            # Members search for mentors, programs and forms: the committee's guide would crowd
            # them out (a sample profile names every area), unless the site asks for it.
            if page.file.src_uri.startswith(routes.GUIDE) and not self.settings.search_guide:
                page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
            return markdown
        # The same meta `pages` writes as front matter (the title already escaped: Material's
        # templates do not autoescape).
        page.meta.update(built.meta)
        _skip_engine_markdown(page)
        return ""

    @_one_clear_error
    def on_page_content(self, html, page, config, files):
        built = self.pages.get(page.file.src_uri)
        if built is None:
            return html
        page.toc = TableOfContents([])
        return built.html

    # Last, after every other plugin (the site search writes its index in on_post_build).
    @event_priority(-100)
    @_one_clear_error
    def on_post_build(self, config):
        staging, final = self.staging, self.final_site_dir
        if staging is None or final is None:
            return
        if config.strict and _strict_warnings():
            return  # MkDocs aborts right after this; on_build_error discards the staging folder
        # Members-only pages were read before they were sealed; the rest is read as written.
        gate = getattr(self, "gate", None)
        scan = gate.scan_site if gate is not None else scan_site
        leaks = self.site.sealed_leaks + scan(staging, self.site.contacts or PrivateContacts())
        if leaks:
            for leak in leaks:
                # The contact itself is never printed: build logs are often public.
                log.error(f"{leak.file} holds the private contact {leak.what} of {display_path(Path(leak.source))}")
            raise PluginError(f"{len(leaks)} built file(s) hold a private contact; nothing was published. Remove it from the page "
                              "named, or set contact.public: true in the profile.")
        move_into_place(staging, Path(final))
        config.site_dir = final  # commands that run after the build (gh-deploy) read it
        self.staging = None

    def on_serve(self, server, config, builder):
        # MkDocs' server waits for a good rebuild before it answers again, so one failed rebuild
        # (members-only switched on without the passphrase, a mistake in a profile) left it stuck.
        # Each build is staged and moved into place only whole, so the last good site is still
        # there: after a failure, say so and let the server go on serving it.
        rebuild = server.builder

        def rebuild_or_keep_the_last_site():
            try:
                rebuild()
            except (Abort, Exception):  # Abort, MkDocs' end of a failed build, is a SystemExit
                log.error("mentor-gallery: the site did not rebuild (see the error above); the server goes on serving "
                          "the last site that built. Fix the problem and save again, or stop the server (Ctrl+C) "
                          "to set an environment variable.")

        server.builder = rebuild_or_keep_the_last_site
        server.watch(str(self.content_dir))
        return server

    def on_build_error(self, error):
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None



def _packaged_guide(settings, docs: Path) -> Path | None:
    """The packaged committee's guide to add to the site, unless turned off or the site's docs
    folder has a guide/ of its own (in this repository, the guide's source)."""
    if not settings.committee_guide or (docs / "guide").exists():
        return None
    return packaged.guide_dir()


def _mentions_guide(nav) -> bool:
    """Whether the site's own nav already places guide pages."""
    if isinstance(nav, str):
        return nav.startswith("guide/")
    if isinstance(nav, dict):
        return any(_mentions_guide(value) for value in nav.values())
    if isinstance(nav, list):
        return any(_mentions_guide(entry) for entry in nav)
    return False


def _without_written_pages(files: Files, docs: Path) -> Files:
    """Leave out what `mentor-gallery pages` wrote into the docs folder (for Zensical): this
    plugin makes the same pages in memory, so running both never makes an address twice."""
    manifest, problem = read_manifest(docs)
    if problem:
        raise PluginError(str(problem))
    if manifest is None:
        return files
    return Files([file for file in files if file.src_uri not in manifest.files])


def _option_lines(config_file: Path):
    """Lines of the plugin's options in mkdocs.yml, for messages; line 1 when it cannot be read."""
    try:
        return read_config_file(config_file).line_of
    except (SourceError, OSError):
        return None


def _only_guide(item) -> bool:
    """A navigation entry (a page, or a section) that holds the committee's guide and nothing else."""
    children = getattr(item, "children", None)
    if children:
        return all(_only_guide(child) for child in children)
    file = getattr(item, "file", None)
    return file is not None and file.src_uri.startswith(routes.GUIDE)
