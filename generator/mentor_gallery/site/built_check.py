"""After an engine built the site from the written pages: is every generated address there?

An engine that does not run our plugin (Zensical) publishes whatever the docs folder holds and,
even in strict mode, says nothing about a page it skipped. The writer's manifest lists every URL
and file it wrote; each must be in the built site, and the built site must hold no private
contact (the engine made its own search index and sitemap from our pages).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from mentor_gallery.content.privacy import PrivateContacts
from mentor_gallery.site.docs_writer import Manifest
from mentor_gallery.site.privacy_gate import Leak, scan_site


@dataclass
class BuiltSiteReport:
    missing: list[str] = field(default_factory=list)  # site-relative paths the engine did not write
    leaks: list[Leak] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)  # "PAGE: REFERENCE" for each internal link that reaches no file

    @property
    def ok(self) -> bool:
        return not self.missing and not self.leaks and not self.broken


def expected_paths(manifest: Manifest) -> list[str]:
    """What the built site must hold: each page's index.html and every other file as written."""
    paths = [f"{url}index.html" for url in manifest.urls]
    paths += [name for name in manifest.files if PurePosixPath(name).suffix != ".md"]
    return sorted(set(paths))


def check_built_site(site: Path, manifest: Manifest, contacts: PrivateContacts, base_path: str = "/") -> BuiltSiteReport:
    report = BuiltSiteReport()
    report.missing = [path for path in expected_paths(manifest) if not (site / path).is_file()]
    if site.is_dir():
        report.leaks = scan_site(site, contacts)
        report.broken = broken_links(site, base_path)[1]
    return report


class _References(HTMLParser):
    """The href and src values of a page, entities decoded."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value.strip() for name, value in attrs if name in ("href", "src") and value is not None]


_HOST = "https://site.invalid"  # any host: only a reference that stays on it is the site's own


def _origin_and_path(base: str) -> tuple[str, str]:
    """The origin references must stay on and the path the site is served under: base is that
    path, or the whole site_url, whose own absolute addresses (a canonical link) are then checked too."""
    parts = urlsplit(base)
    if parts.scheme and parts.netloc:
        base, origin = parts.path or "/", f"{parts.scheme}://{parts.netloc}"
    else:
        origin = _HOST
    return origin, base if base.endswith("/") else base + "/"


def internal_target(site: Path, page: Path, reference: str, base_path: str = "/") -> Path | None:
    """The file of the site a reference of `page` asks for, or None when it leaves the site
    (another host, mailto:, data:) or stays on the page (a fragment). base_path is where the
    site is served (site_url's path, or site_url itself), for references that start with /."""
    if not reference or reference.startswith("#"):
        return None
    origin, base = _origin_and_path(base_path)
    target = urlsplit(urljoin(origin + base + page.relative_to(site).as_posix(), reference))
    if f"{target.scheme}://{target.netloc}" != origin:
        return None
    path = unquote(target.path)
    # Outside the subpath is outside the site: a path that cannot resolve.
    inside = path[len(base):] if path.startswith(base) else "../" + path
    return site / inside


def broken_links(site: Path, base_path: str = "/") -> tuple[int, list[str]]:
    """(internal references checked, 'PAGE: REFERENCE' for each that reaches no file of the site)."""
    checked, broken = 0, []
    root = site.resolve()
    for page in sorted(site.rglob("*.html")):
        parser = _References()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        for reference in parser.found:
            target = internal_target(site, page, reference, base_path)
            if target is None:
                continue
            checked += 1
            if target.is_dir():  # a folder is served as its index.html
                target = target / "index.html"
            if not target.resolve().is_relative_to(root) or not target.is_file():
                broken.append(f"{page.relative_to(site).as_posix()}: {reference}")
    return checked, broken


def gzip_sitemap(site: Path) -> bool:
    """sitemap.xml.gz beside sitemap.xml, as MkDocs publishes it (an engine that writes only the
    plain file leaves it out); False when there is no sitemap."""
    plain = site / "sitemap.xml"
    if not plain.is_file():
        return False
    # mtime 0: the same sitemap always makes the same bytes.
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(plain.read_bytes(), mtime=0))
    return True
