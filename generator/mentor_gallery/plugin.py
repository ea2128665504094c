"""The MkDocs adapter: validates content, then hands the generated pages to MkDocs.

Thin on purpose: everything it shows is decided in `pages`; everything it checks in `content`.
Generated pages stay out of the navigation unless they are indexes: Material embeds the whole
nav in every page, which makes a nav of thousands of profiles quadratic in build time and size.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import TableOfContents

from .content import load_roster
from .members_only import Sealer, passphrase_problem
from .pages import PageSpec, asset_files, data_files, site_pages
from .problems import errors
from .render import FragmentRenderer
from .site_config import read_site_settings
from .text import render_markdown

log = logging.getLogger("mkdocs.plugins.mentor_gallery")

ASSETS = "assets/mentor-gallery"


class MentorGalleryConfig(Config):
    content_dir = c.Type(str, default="content")
    request_form = c.Optional(c.Type(dict))
    edit_branch = c.Type(str, default="main")
    # public: the whole roster is published. members-only: details sealed with a member passphrase,
    # read from the environment variable passphrase_env (never from mkdocs.yml).
    access = c.Choice(("public", "members-only"), default="public")
    # Profiles in Material's site search: true, false, or auto (rosters of up to 500 mentors).
    search_profiles = c.Choice((True, False, "auto"), default="auto")
    passphrase_env = c.Type(str, default="MENTOR_GALLERY_PASSPHRASE")
    matching = c.Optional(c.Type(dict))  # scoring weights; read and checked by site_config


def _skip_engine_markdown(page) -> None:
    """Our pages are drawn whole by the core (on_page_content). The engine's Markdown pass over
    their empty source would only build a parser per page: a tenth of a 10,000-profile build."""

    def render(config, files) -> None:
        page.content = ""
        page.toc = TableOfContents([])
        page.present_anchor_ids = set()

    page.render = render


class MentorGalleryPlugin(BasePlugin[MentorGalleryConfig]):
    def on_config(self, config):
        if not config.use_directory_urls:
            raise PluginError("mentor-gallery needs use_directory_urls: true (its URLs are folders such as mentors/<slug>/)")
        config_file = Path(config.config_file_path or "mkdocs.yml")
        self.content_dir = (config_file.parent / self.config.content_dir).resolve()
        custom_dir = config.theme.custom_dir
        if not custom_dir or not (Path(custom_dir) / "mentor-gallery").is_dir():
            raise PluginError("mentor-gallery needs theme.custom_dir pointing at site-templates/ (with its mentor-gallery/ templates)")
        self.renderer = FragmentRenderer(Path(custom_dir) / "mentor-gallery", config.site_name)
        # Every stylesheet and script of the assets folder, in name order: each is one small module.
        assets = Path(custom_dir) / ASSETS
        present = {str(s) for s in config.extra_javascript}
        for path in sorted(assets.glob("*.css")):
            if f"{ASSETS}/{path.name}" not in config.extra_css:
                config.extra_css.append(f"{ASSETS}/{path.name}")
        for path in sorted(assets.glob("*.js")):
            if f"{ASSETS}/{path.name}" not in present:
                config.extra_javascript.append(f"{ASSETS}/{path.name}")
        return config

    def on_pre_build(self, config):
        # Validate on every build (serve rebuilds too), before anything is written.
        settings = read_site_settings(Path(config.config_file_path or "mkdocs.yml"))
        settings.repo_url = config.repo_url
        settings.edit_branch = self.config.edit_branch
        settings.access = self.config.access
        settings.search_profiles = self.config.search_profiles
        self.renderer.sealer = None
        self.renderer.reset()
        if settings.members_only:
            passphrase = os.environ.get(self.config.passphrase_env)
            problem = passphrase_problem(passphrase, self.config.passphrase_env)
            if problem:
                raise PluginError(problem)
            self.renderer.sealer = Sealer.from_passphrase(passphrase)
        result = load_roster(self.content_dir)
        problems = result.problems + settings.problems
        for problem in problems:
            # Content warnings are advice, not build failures, even under --strict.
            (log.error if problem.severity == "error" else log.info)(str(problem))
        count = len(errors(problems))
        if count:
            raise PluginError(f"{count} content problem(s) listed above; nothing was published. Run 'mentor-gallery check' to see them again.")
        self.roster = result.roster
        self.settings = settings
        self.specs: dict[str, PageSpec] = {spec.src_uri: spec for spec in site_pages(result.roster, settings)}

    def on_files(self, files: Files, config):
        generated: list[File] = []
        for spec in self.specs.values():
            inclusion = InclusionLevel.INCLUDED if spec.in_nav else InclusionLevel.NOT_IN_NAV
            # The body is rendered by render_markdown in on_page_content, not by the engine.
            generated.append(File.generated(config, spec.src_uri, content="", inclusion=inclusion))
        for uri, data in data_files(self.roster, self.settings).items():
            generated.append(File.generated(config, uri, content=data, inclusion=InclusionLevel.NOT_IN_NAV))
        for uri, path in asset_files(self.roster, self.settings).items():
            generated.append(File.generated(config, uri, abs_src_path=str(path), inclusion=InclusionLevel.NOT_IN_NAV))
        for file in generated:
            existing = files.get_file_from_path(file.src_uri)
            if existing is not None:
                raise PluginError(f"{config.docs_dir}/{file.src_uri} clashes with a page mentor-gallery generates; remove or rename it")
            files.append(file)
        return files

    def on_page_markdown(self, markdown, page, config, files):
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            return markdown
        # Material's templates do not autoescape: titles go in already escaped.
        page.meta["title"] = str(escape(spec.title))
        page.meta["hide"] = ["toc"] if spec.in_nav and not spec.wide else ["toc", "navigation"]
        if not spec.searchable:
            page.meta["search"] = {"exclude": True}
        _skip_engine_markdown(page)
        return ""

    def on_page_content(self, html, page, config, files):
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            return html
        page.toc = TableOfContents([])
        return self.renderer.render(spec, render_markdown(spec.markdown) if spec.markdown.strip() else "")

    def on_serve(self, server, config, builder):
        server.watch(str(self.content_dir))
        return server
