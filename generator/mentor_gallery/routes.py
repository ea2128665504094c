"""Every address the gallery publishes, in one place.

URLs are site-relative folders ("mentors/ana-diaz/"); a page links to another by prefixing the
path back to the site root (`root_of`), so the site works under any subpath. Templates and views
ask here for a link and never build one; the engine adapters ask here for the source file name
an engine expects for a URL (`source_uri`).
"""

from __future__ import annotations

from urllib.parse import quote

HOME = ""
GALLERY = "mentors/"
FIND = "mentors/find/"
TEAM = "mentors/team/"
PROGRAMS = "programs/"
FORMS = "forms/"
# The gallery's word index: a small manifest, fetched on the first search, naming the chunks
# (search_chunk) that hold the words of each range; a query fetches only the chunks it needs.
SEARCH_INDEX = "mentors/search-index.json"
# Every card of a roster too long for one page (above gallery_data.WINDOW_ABOVE mentors): the
# data the gallery's script draws cards and filters from.
GALLERY_CARDS = "mentors/gallery-cards.json"
# The plain list of every mentor, in pages, for a roster too long for the gallery page (all_mentors).
ALL_MENTORS = "mentors/all/"
MATCH_DATA = "mentors/match-data.json"
# The committee's guide: docs pages of the site's own, kept out of the members' search and, on a
# members-only site, out of the members' navigation.
GUIDE = "guide/"
PROFILE_SCHEMA = "schema/mentor-profile.json"
# The gallery's list of every area, region and role (gallery.html carries this id).
BROWSE = "mentors/#mg-browse"

# Folders whose slugs would land on one of the gallery's own pages (the loader refuses them).
RESERVED_SLUGS = {
    "mentors": frozenset({"index", "all", "find", "team", "expertise", "region", "role"}),
    "programs": frozenset({"index"}),
    "forms": frozenset({"index"}),
}
# The query-string key of each facet that has a plain page per label.
FACET_KINDS = ("expertise", "region", "role")
# A label's page is mentors/<kind>/<slug>/; the slug index would make it mentors/<kind>/ instead.
RESERVED_TERM_SLUGS = frozenset({"index"})


def reserved_slug_problem(folder: str, slug: str) -> str | None:
    """Why a file slug in content/<folder>/ cannot be used (it is one of the gallery's own
    addresses), or None. The loader and `import` ask here, so both apply the same rule."""
    if slug not in RESERVED_SLUGS.get(folder, frozenset()):
        return None
    return f"'{slug}' is the address of one of the gallery's own pages ({folder}/{'' if slug == 'index' else slug + '/'})"


def profile(slug: str) -> str:
    return f"mentors/{slug}/"


def photo(slug: str, suffix: str) -> str:
    """A profile's published photo, beside its page: `suffix` is the published type's (.png, .jpg, .webp)."""
    return f"mentors/{slug}/photo{suffix}"


def thumbnail(slug: str, suffix: str) -> str:
    """The small copy of a profile's photo that cards and match results show (photos.THUMBNAIL_PIXELS)."""
    return f"mentors/{slug}/photo-small{suffix}"


def facet(kind: str, slug: str) -> str:
    """The plain page of one area (kind "expertise"), region ("region") or role ("role")."""
    return f"mentors/{kind}/{slug}/"


def filtered_gallery(key: str, value: str) -> str:
    """The gallery with one filter set, as a member would share it."""
    return f"{GALLERY}?{key}={quote(value)}"


def all_mentors(page: int = 1) -> str:
    """Page `page` (from 1) of the plain list of every mentor: mentors/all/, mentors/all/2/, ..."""
    if page < 1:
        raise ValueError(f"page numbers start at 1, not {page}")
    return ALL_MENTORS if page == 1 else f"{ALL_MENTORS}{page}/"


def search_chunk(number: int) -> str:
    """One chunk of the gallery's word index. A file beside the gallery, not a folder: a mentor's
    slug can never end in .json, so it cannot collide with a profile."""
    return f"mentors/search-index-{number}.json"


def program(slug: str) -> str:
    return f"programs/{slug}/"


def agreement(slug: str) -> str:
    return f"programs/{slug}/agreement/"


def journal(slug: str) -> str:
    """The program's printable private journal for a pair."""
    return f"programs/{slug}/journal/"


def calendar(slug: str) -> str:
    """The program's calendar feed (RFC 5545): its rounds, application dates and group meetings."""
    return f"programs/{slug}/calendar.ics"


def meeting_calendar(slug: str, round_key: str, meeting_key: str) -> str:
    """One group meeting as a calendar file ("Add to calendar"). Keys are slugs, which never hold
    "--", so the file name is one meeting's alone."""
    return f"programs/{slug}/meetings/{round_key}--{meeting_key}.ics"


def form(slug: str) -> str:
    return f"forms/{slug}/"


def root_of(url: str) -> str:
    """The relative path from the page at url back to the site root ("../../" for mentors/ana/)."""
    folder = url.split("?", 1)[0].split("#", 1)[0]
    return "../" * folder.count("/")


def source_uri(url: str) -> str:
    """The Markdown source an engine expects for a page URL: mentors/ana/ <- mentors/ana.md,
    mentors/ <- mentors/index.md (MkDocs with use_directory_urls)."""
    if url == HOME:
        return "index.md"
    stem = url.rstrip("/")
    return f"{stem}/index.md" if url in (GALLERY, PROGRAMS, FORMS) else f"{stem}.md"


def url_of_source(src_uri: str) -> str:
    """The inverse of source_uri."""
    stem = src_uri[: -len(".md")]
    if stem == "index":
        return HOME
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"
