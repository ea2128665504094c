"""After an engine built the site from the written pages: is every generated address there?

An engine that does not run our plugin (Zensical) publishes whatever the docs folder holds and,
even in strict mode, says nothing about a page it skipped. The writer's manifest lists every URL
and file it wrote; each must be in the built site, and the built site must hold no private
contact (the engine made its own search index and sitemap from our pages).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from mentor_gallery.content.privacy import PrivateContacts
from mentor_gallery.site.docs_writer import Manifest
from mentor_gallery.site.privacy_gate import Leak, scan_site


@dataclass
class BuiltSiteReport:
    missing: list[str] = field(default_factory=list)  # site-relative paths the engine did not write
    leaks: list[Leak] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.missing and not self.leaks


def expected_paths(manifest: Manifest) -> list[str]:
    """What the built site must hold: each page's index.html and every other file as written."""
    paths = [f"{url}index.html" for url in manifest.urls]
    paths += [name for name in manifest.files if PurePosixPath(name).suffix != ".md"]
    return sorted(set(paths))


def check_built_site(site: Path, manifest: Manifest, contacts: PrivateContacts) -> BuiltSiteReport:
    report = BuiltSiteReport()
    report.missing = [path for path in expected_paths(manifest) if not (site / path).is_file()]
    if site.is_dir():
        report.leaks = scan_site(site, contacts)
    return report
