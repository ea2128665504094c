"""One run of `mentor-gallery pages`: the build core's result, scanned, then the docs folder brought in step.

The Zensical adapter. What the site holds is decided by the build core (site/build.py), as it is
for the MkDocs plugin: this module only plans the writes, reads every file about to be written
through the privacy gate (so a private contact never reaches the docs folder, from where any
engine would publish it) and writes. Any problem stops the run before the first write; under
--watch, the page of a saved profile may go first, once the roster has passed every check and that
page the gate (see _write_ahead).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Collection

from mentor_gallery.content.model import Roster
from mentor_gallery.content.privacy import PrivateContacts
from mentor_gallery.problems import Problem, display_path
from mentor_gallery.site.audience import Audience
from mentor_gallery.site.build import EXTRA_KEY, BuildCore, SiteBuild, page_meta
from mentor_gallery.site.docs_writer import SyncResult, apply_plan, plan_docs, read_manifest
from mentor_gallery.site.nofollow_writes import default_mode, file_problem, write_bytes
from mentor_gallery.site.page_files import docs_files, page_document, page_path
from mentor_gallery.site.pages import profile_pages
from mentor_gallery.site.privacy_gate import scan_files
from mentor_gallery.site.project_config import ProjectConfig
from mentor_gallery.site.render import FragmentRenderer
from mentor_gallery.site.staged_build import write_engine_config


@dataclass
class Outcome:
    problems: list[Problem] = field(default_factory=list)  # errors and warnings, in the order check prints them
    sync: SyncResult | None = None
    roster: Roster | None = None
    pages: int = 0
    home: dict[str, Any] | None = None  # the home page's live parts (config.extra.mentor_gallery), once written
    engine_config_changed: bool = False  # the engine's configuration was rewritten (a server reloads it)
    ahead: list[str] = field(default_factory=list)  # the saved profiles' pages, written before the rest was drawn


class DocsBuilder:
    """Keeps what can outlive one run (the renderer, the build core's photos and sealer, what was
    scanned) for --watch."""

    def __init__(self, project: ProjectConfig, content_dir: Path):
        self.project = project
        self.content_dir = content_dir
        self.core = BuildCore()
        self._scanned: tuple[frozenset[str], frozenset[str]] | None = None  # private contacts the docs folder was scanned for

    def build(self, reload_config: bool = False, saved: Collection[str] = (), between: Callable[[], None] | None = None) -> Outcome:
        """reload_config: rewrite the engine's configuration even if unchanged (mkdocs.yml changed).
        saved: content files just saved; a saved profile's page is written before the rest of the
        site is drawn (_write_ahead), and whatever else is made from them goes first among the
        writes, then `between` is called, then the rest (see apply_plan)."""
        project = self.project
        renderer = self.core.renderer_for(project.template_dirs, project.settings.site_name)
        ahead: list[str] = []

        def write_ahead(roster: Roster, contacts: PrivateContacts) -> None:
            ahead.extend(_write_ahead(project, renderer, roster, contacts, saved))

        site = self.core.build(self.content_dir, project.settings, renderer, project.problems, write_ahead if saved else None)
        outcome = Outcome(problems=list(site.problems), roster=site.roster, ahead=ahead)
        if not site.ok or site.contacts is None:
            return outcome
        contacts = site.contacts
        generated = docs_files(site)
        plan, manifest = plan_docs(project.docs_dir, generated.files)
        outcome.problems += plan.problems
        if plan.problems:
            return outcome
        known = (frozenset(contacts.emails), frozenset(contacts.phones))
        # The files already in place passed the scan for the contacts known then: unless a new
        # private contact appeared, only the files about to change need reading.
        fresh = self._scanned is None or not (known[0] <= self._scanned[0] and known[1] <= self._scanned[1])
        leaks = site.sealed_leaks + scan_files(generated.files if fresh else plan.write, contacts)
        for leak in leaks:
            # The contact itself is never printed: build logs are often public.
            outcome.problems.append(Problem(display_path(Path(leak.source)), 1,
                                            f"the generated file {leak.file} would hold the private contact {leak.what}; "
                                            "remove it from that page's source, or set contact.public: true in the profile"))
        if leaks:
            return outcome
        outcome.pages = len(generated.urls)
        # The home page's live parts first: a server that reloads on the pages' writes then reads
        # them already (the watcher writes a changed file once more when the writes have settled).
        outcome.engine_config_changed = _write_engine_config(project, site.home, touch=reload_config)
        outcome.home = site.home
        outcome.sync = apply_plan(project.docs_dir, plan, manifest, generated.urls, _made_from(site, saved), between)
        outcome.problems += outcome.sync.problems
        if not outcome.sync.problems:
            self._scanned = known
        return outcome

    def rewrite_engine_config(self, outcome: Outcome) -> None:
        """Write the engine's configuration of a run once more, as it is: a server that folded its
        first write into the reload of the pages' writes reads it again, on its own."""
        if outcome.home is not None:
            _write_engine_config(self.project, outcome.home, touch=True)


def _write_engine_config(project: ProjectConfig, home: dict[str, Any], touch: bool) -> bool:
    return write_engine_config(project.config_path, {EXTRA_KEY: home}, touch=touch)


def _write_ahead(project: ProjectConfig, renderer: FragmentRenderer, roster: Roster, contacts: PrivateContacts,
                 saved: Collection[str]) -> list[str]:
    """The pages of the saved profiles, written as soon as the roster has passed its checks: at
    1,000 mentors drawing the rest of the site takes about half a second, which the page being
    edited need not wait for. Each is the very page the run then draws (profile_pages), read by
    the privacy gate first; only a page the docs folder already has from an earlier run (in the
    manifest) is replaced, so that a run that then fails leaves nothing it does not know. A
    members-only profile is sealed with the rest."""
    if Audience.of(project.settings).sealed:
        return []
    wanted = {os.path.abspath(path) for path in saved}
    mentors = [mentor for mentor in roster.mentors if os.path.abspath(mentor.path) in wanted]
    manifest, problem = read_manifest(project.docs_dir) if mentors else (None, None)
    if manifest is None or problem is not None:
        return []
    files = {}
    for spec in profile_pages(roster, project.settings, mentors):
        relative = page_path(spec)
        if relative in manifest.files:
            files[relative] = page_document(page_meta(spec), renderer.render(spec, spec.body_html))
    if not files or scan_files(files, contacts):
        return []  # a leak: the run stops on it and says where
    written = []
    for relative, data in files.items():
        path = project.docs_dir / relative
        try:
            if file_problem(path) or path.read_bytes() == data:
                continue
        except OSError:
            continue
        if write_bytes(project.docs_dir, relative, data, default_mode()) is None:
            written.append(relative)
    return written


def _made_from(site: SiteBuild, saved: Collection[str]) -> set[str]:
    """The docs-relative paths of the pages and photos drawn from the given content files."""
    if not saved:
        return set()
    wanted = {os.path.abspath(path) for path in saved}
    # A page or photo names its source as display_path does: relative to here, or as given.
    found = {page_path(page.spec) for page in site.pages if os.path.abspath(page.spec.source) in wanted}
    return found | {uri for uri, source in site.photo_sources.items() if os.path.abspath(source) in wanted}
