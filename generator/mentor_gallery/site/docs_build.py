"""One run of `mentor-gallery pages`: validate, draw, scan, then bring the docs folder in step.

The same steps, in the same order, as the MkDocs plugin: the content is validated as `check`
validates it, the pages are drawn by the plugin's FragmentRenderer, and the privacy gate reads
every file before it is written, so a private contact never reaches the docs folder (from where
any engine would publish it). Any problem stops the run before the first write.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.model import Roster
from mentor_gallery.content.privacy import PrivateContacts
from mentor_gallery.problems import Problem, display_path, errors
from mentor_gallery.settings import SiteSettings
from mentor_gallery.site.audience import Audience
from mentor_gallery.site.docs_writer import SyncResult, apply_plan, plan_docs
from mentor_gallery.site.page_files import PhotoCache, generated_files
from mentor_gallery.site.privacy_gate import scan_files
from mentor_gallery.site.project_config import ProjectConfig
from mentor_gallery.site.render import FragmentRenderer
from mentor_gallery.site.sealing import Sealer, passphrase_problem

ExtraChecks = Callable[[Roster, SiteSettings], list[Problem]]


@dataclass
class Outcome:
    problems: list[Problem] = field(default_factory=list)  # errors and warnings, in the order check prints them
    sync: SyncResult | None = None
    roster: Roster | None = None
    pages: int = 0


class DocsBuilder:
    """Keeps what can outlive one run (the renderer, published photos, the sealer) for --watch."""

    def __init__(self, project: ProjectConfig, content_dir: Path, extra_checks: ExtraChecks | None = None):
        self.project = project
        self.content_dir = content_dir
        self.extra_checks = extra_checks
        self.photos = PhotoCache()
        self._renderer: FragmentRenderer | None = None
        self._renderer_key: tuple | None = None
        self._sealer: tuple[str, Sealer] | None = None
        self._scanned: tuple[frozenset[str], frozenset[str]] | None = None  # private contacts the docs folder was scanned for

    def build(self) -> Outcome:
        project, settings = self.project, self.project.settings
        # Every problem of the content and of the settings, as check reports them together.
        result = load_roster(self.content_dir, settings.allowed_hosts, settings.timezone)
        outcome = Outcome(problems=result.problems + project.problems)
        if errors(outcome.problems):
            return outcome
        renderer = self._renderer_for(project)
        renderer.sealer = None
        if Audience.of(settings).needs_passphrase:
            passphrase = os.environ.get(settings.passphrase_env, "")
            problem = passphrase_problem(passphrase, settings.passphrase_env)
            if problem:
                outcome.problems.append(Problem(display_path(project.config_path), 1, problem))
                return outcome
            renderer.sealer = self._sealer_for(passphrase)
        if self.extra_checks:
            outcome.problems += self.extra_checks(result.roster, settings)
        outcome.roster = result.roster
        contacts = PrivateContacts.of(result.roster.mentors)
        renderer.contacts = contacts  # members-only pages are read before they are sealed
        renderer.sealed_leaks = []
        generated = generated_files(result.roster, settings, renderer, self.photos)
        outcome.problems += generated.problems
        if generated.problems:
            return outcome
        plan, manifest = plan_docs(project.docs_dir, generated.files)
        outcome.problems += plan.problems
        if plan.problems:
            return outcome
        known = (frozenset(contacts.emails), frozenset(contacts.phones))
        # The files already in place passed the scan for the contacts known then: unless a new
        # private contact appeared, only the files about to change need reading.
        fresh = self._scanned is None or not (known[0] <= self._scanned[0] and known[1] <= self._scanned[1])
        leaks = renderer.sealed_leaks + scan_files(generated.files if fresh else plan.write, contacts)
        for leak in leaks:
            # The contact itself is never printed: build logs are often public.
            outcome.problems.append(Problem(display_path(Path(leak.source)), 1,
                                            f"the generated file {leak.file} would hold the private contact {leak.what}; "
                                            "remove it from that page's source, or set contact.public: true in the profile"))
        if leaks:
            return outcome
        outcome.pages = len(generated.urls)
        outcome.sync = apply_plan(project.docs_dir, plan, manifest, generated.urls)
        outcome.problems += outcome.sync.problems
        if not outcome.sync.problems:
            self._scanned = known
        return outcome

    def _renderer_for(self, project: ProjectConfig) -> FragmentRenderer:
        key = (tuple(project.template_dirs), project.settings.site_name)
        if self._renderer is None or self._renderer_key != key:
            self._renderer = FragmentRenderer(project.template_dirs, project.settings.site_name)
            self._renderer_key = key
        return self._renderer

    def _sealer_for(self, passphrase: str) -> Sealer:
        # Deriving the key is slow on purpose (PBKDF2): once per passphrase, not once per save.
        if self._sealer is None or self._sealer[0] != passphrase:
            self._sealer = (passphrase, Sealer.from_passphrase(passphrase))
        return self._sealer[1]
