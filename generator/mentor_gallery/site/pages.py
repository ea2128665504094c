"""Page generation: from a validated Roster to the list of pages the site shows.

Each PageSpec says where a page lives, which fragment template draws it and with what;
the engine adapter (plugin.py) only hands these to the site engine.
"""

from __future__ import annotations

import base64
import heapq
import itertools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from mentor_gallery import routes
from mentor_gallery.committee.scaffold import profile_template, roster_hints
from mentor_gallery.content.json_schema import schema_json
from mentor_gallery.content.model import FREQUENCY, MEETING, Mentor, Roster, Term
from mentor_gallery.content.photos import PUBLISHED_PIXELS, THUMBNAIL_PIXELS, Photo, published_bytes
from mentor_gallery.content.slugs import EXTRA_FOLDS
from mentor_gallery.content.text import first_sentence, plain_text, search_words
from mentor_gallery.matching.scoring import MAX_TEAM_AREAS, NEED_POSITION_WEIGHTS, Applicant, Candidate, match_data, ranked
from mentor_gallery.problems import display_path
from mentor_gallery.settings import SiteSettings
from mentor_gallery.site.audience import Audience
from mentor_gallery.site.calendar_files import calendar_files
from mentor_gallery.site.schedule import build_moment, mentee_application, open_rounds, round_views
from mentor_gallery.site.gallery_data import ALL_PAGE_SIZE, FIRST_CARDS, all_pages, cards_json, is_windowed
from mentor_gallery.site.match_cards import match_cards
from mentor_gallery.site.per_mentor import PerMentor
from mentor_gallery.site.requests import controls_for, destination, program_control
from mentor_gallery.site.views import CardView, Link, locked_profile_view, profile_view
from mentor_gallery.site.word_index import word_index_files


@dataclass
class PageSpec:
    src_uri: str  # the virtual source file, e.g. "mentors/ana-diaz.md"
    title: str
    template: str  # fragment template in site-templates/mentor-gallery/
    context: dict[str, Any] = field(default_factory=dict)
    body_html: str = ""  # the statement or guide, rendered and sanitised by the core
    body_line: int = 1
    in_nav: bool = False  # listed in mkdocs.yml's nav (the indexes); the rest are reached from them
    searchable: bool = False  # in the site search (profiles are found through the gallery)
    source: str = "the content folder"  # the content file it is made from, for messages

    @property
    def url(self) -> str:
        return routes.url_of_source(self.src_uri)

    @property
    def hide(self) -> list[str]:
        """Theme parts the page leaves out: every generated page lays out its own content, and a
        sidebar would hold nothing but the page's own name."""
        return ["navigation", "toc"]

    @property
    def root(self) -> str:
        """Relative path from this page to the site root: links work under any subpath."""
        return routes.root_of(self.url)


@dataclass(frozen=True)
class FacetKind:
    """One kind of plain facet page (mentors/<key>/<slug>/) and how its pages word it."""

    key: str  # routes.FACET_KINDS: the URL folder and the gallery's query key
    plural: str  # "Areas of expertise": the breadcrumb, and the link to the list of all
    lead: str  # "{count} with expertise in {label}." reads "3 mentors with expertise in Finance."
    none_yet: str  # "No mentor lists {label} yet."


FACET_PAGES = {
    "expertise": FacetKind("expertise", "Areas of expertise", "with expertise in", "No mentor lists {label} yet."),
    "region": FacetKind("region", "Regions", "in the region", "No mentor is in {label} yet."),
    "role": FacetKind("role", "Ways of helping", "who can be your", "No mentor offers to be your {label} yet."),
}


@dataclass(frozen=True)
class Facet:
    key: str  # the query-string key
    label: str
    options: list[tuple[str, str, int]]  # (slug, label, mentors with it)


def facets(roster: Roster, sealed: bool = False) -> list[Facet]:
    mentors = roster.mentors

    def count(terms: list[Term], values) -> list[tuple[str, str, int]]:
        return [(t.slug, t.label, sum(1 for m in mentors if t.slug in values(m))) for t in terms]

    # What members use most comes first: availability, then region, then areas and roles; the
    # details a members-only site does not publish follow on a public one only.
    region = Facet("region", "Region", count(roster.taxonomy.regions.terms, lambda m: {m.region.slug}))
    areas = Facet("expertise", "Area of expertise", count(roster.taxonomy.expertise.terms, lambda m: {t.slug for t in m.expertise}))
    roles = Facet("role", "Ways of helping", count(roster.taxonomy.roles.terms, lambda m: {t.slug for t in m.roles}))
    if sealed:
        return [region, areas, roles]
    return [
        # accepting=1: accepting and not full, as the cards' data-accepting says
        Facet("accepting", "Availability", [("1", "Accepting new mentees", sum(1 for m in mentors if m.available))]),
        region, areas, roles,
        Facet("program", "Program", [(p.slug, p.name, sum(1 for m in mentors if p.slug in m.programs)) for p in roster.programs]),
        Facet("frequency", "Meeting frequency", count(FREQUENCY.terms, lambda m: {m.frequency.slug} if m.frequency else set())),
        Facet("meeting", "Meeting mode", count(MEETING.terms, lambda m: {t.slug for t in m.meeting})),
    ]


def _mentor_words(mentor: Mentor, sealed: bool = False) -> str:
    """The words the gallery's free-text search matches for one card (word_index inverts them).
    A sealed site indexes only its public roster: name, region and areas."""
    m = mentor
    areas = (" ".join(t.label for t in m.expertise), " ".join(a for t in m.expertise for a in t.aliases))
    if sealed:
        return search_words(m.name, m.region.label, *areas)
    return search_words(m.name, m.title, m.organization, m.city or "", *areas, " ".join(m.languages), m.summary or "",
                        plain_text(m.statement_html))  # the words the statement shows, not its raw Markdown


mentor_words = PerMentor(_mentor_words)  # once per Mentor object: see per_mentor


def gallery_order(roster: Roster, sealed: bool = False) -> list[Mentor]:
    """The gallery's default order, which its cards, gallery-cards.json and the word index share."""
    return Audience(sealed).order(roster.mentors)


@dataclass(frozen=True)
class Gallery:
    """The roster in the gallery's order with each mentor's card, as the audience decides them:
    computed once per build and shared by the pages and the data files."""

    order: list[Mentor]
    cards: dict[str, CardView]  # by slug

    @classmethod
    def of(cls, roster: Roster, settings: SiteSettings) -> Gallery:
        audience = Audience.of(settings)
        order = audience.order(roster.mentors)
        return cls(order, {m.slug: audience.card(m) for m in order})

    def listed(self) -> list[CardView]:
        return [self.cards[m.slug] for m in self.order]


# Up to this many profiles, the site search finds mentors by name too; above it, its index
# (fetched whole before the first result) would grow by about 1 KB gzip a profile.
SEARCH_PROFILES_UP_TO = 500


def searchable_profiles(settings: SiteSettings, count: int) -> bool:
    decided = Audience.of(settings).profiles_searchable
    if decided is not None:
        return decided
    if settings.search_profiles == "auto":
        return count <= SEARCH_PROFILES_UP_TO
    return settings.search_profiles is True


def _page(url: str, title: str, template: str, context: dict[str, Any], **options: Any) -> PageSpec:
    return PageSpec(routes.source_uri(url), title, template, context, **options)


def site_pages(roster: Roster, settings: SiteSettings, gallery: Gallery | None = None) -> list[PageSpec]:
    audience = Audience.of(settings)
    gallery = gallery or Gallery.of(roster, settings)
    mentors, cards = gallery.order, gallery.cards
    profiles_searchable = searchable_profiles(settings, len(mentors))
    common = _common(roster, settings, audience)
    # Above WINDOW_ABOVE mentors the gallery holds the first cards and its script draws the rest
    # (gallery_data); mentors/all/ lists everyone for readers without JavaScript.
    listed = gallery.listed()
    windowed = is_windowed(len(listed))
    pages: list[PageSpec] = [
        _page(routes.GALLERY, "Mentors Gallery", "gallery.html",
              {**common, "cards": listed[:FIRST_CARDS] if windowed else listed, "windowed": windowed,
               "all_pages": all_pages(len(listed)), "facets": facets(roster, audience.sealed), "total": len(mentors),
               # gallery.js folds search queries with the very table the index was folded with
               "extra_folds": json.dumps(EXTRA_FOLDS, ensure_ascii=False),
               "propose_url": _propose_url(roster, settings)}, in_nav=True),
    ]
    for number in range(1, all_pages(len(listed)) + 1):
        part = listed[(number - 1) * ALL_PAGE_SIZE:number * ALL_PAGE_SIZE]
        pages.append(_page(routes.all_mentors(number), f"All mentors, page {number} of {all_pages(len(listed))}", "all.html",
                           {**common, "cards": part, "page_number": number, "pages": all_pages(len(listed)),
                            "first": (number - 1) * ALL_PAGE_SIZE + 1, "total": len(listed)}))
    # The matching tools score in the browser (match.js) with the weights `mentor-gallery match` uses.
    tools = {**common, "weights": json.dumps(settings.weights.to_json()), "frequencies": FREQUENCY.terms, "meetings": MEETING.terms,
             "need_weights": NEED_POSITION_WEIGHTS, "max_team_areas": MAX_TEAM_AREAS}
    tool_templates = {routes.FIND: "find.html", routes.TEAM: "team.html"}
    pages += [_page(tool.url, tool.label, tool_templates[tool.url], tools) for tool in audience.tools]
    profile = ProfilePages(roster, settings, common)
    pages += [profile.of(mentor, profiles_searchable) for mentor in mentors]
    for kind, vocabulary, of in (("expertise", roster.taxonomy.expertise, lambda m: m.expertise),
                                 ("region", roster.taxonomy.regions, lambda m: [m.region]),
                                 ("role", roster.taxonomy.roles, lambda m: m.roles)):
        for term in vocabulary.terms:
            members = [cards[m.slug] for m in mentors if term in of(m)]
            pages.append(_page(routes.facet(kind, term.slug), f"{term.label}: mentors", "facet.html",
                               {**common, "kind": FACET_PAGES[kind], "term": term, "cards": members}))
    # Who is in which program is a detail in members-only mode: no counts, no member lists.
    counts = None if audience.sealed else {p.slug: sum(1 for m in mentors if p.slug in m.programs) for p in roster.programs}
    pages.append(_page(routes.PROGRAMS, "Programs", "programs.html", {**common, "counts": counts}, in_nav=True, searchable=True))
    moment, application = build_moment(), mentee_application(roster.forms)
    for program in roster.programs:
        members = [] if audience.sealed else [cards[m.slug] for m in mentors if program.slug in m.programs]
        pages.append(_page(routes.program(program.slug), program.name, "program.html",
                           {**common, "program": program, "cards": members,
                            "request": program_control(program, settings.request_form),
                            "rounds": round_views(program, moment, application)},
                           body_html=program.body_html, body_line=program.body_line, searchable=True,
                           source=display_path(program.path)))
        if program.agreement:
            pages.append(_page(routes.agreement(program.slug), f"{program.name}: Statement of Mutual Understanding",
                               "agreement.html", {**common, "program": program}))
        pages.append(_page(routes.journal(program.slug), f"{program.name}: private journal", "journal.html",
                           {**common, "program": program, "needs": journal_needs(roster.taxonomy.expertise.labels)}))
    # Always published, like the programs index: the shipped nav lists both, whatever the roster holds.
    pages.append(_page(routes.FORMS, "Forms", "forms.html", {**common, "forms": roster.forms}, in_nav=True, searchable=True))
    for form in roster.forms:
        pages.append(_page(routes.form(form.slug), form.title, "form.html",
                           {**common, "form": form, "destination": destination(form.action)},
                           searchable=True, source=display_path(form.path)))
    return pages


class ProfilePages:
    """Each mentor's profile page, as site_pages lists it; alone, for the profile a watcher writes
    before the rest of the site (profile_pages)."""

    def __init__(self, roster: Roster, settings: SiteSettings, common: dict[str, Any]):
        self.programs = {p.slug: p for p in roster.programs}
        self.settings, self.common = settings, common
        self.sealed = Audience.of(settings).sealed
        self.similar = SimilarMentors(roster, settings)

    def of(self, mentor: Mentor, searchable: bool) -> PageSpec:
        programs, settings, common = self.programs, self.settings, self.common
        requests = controls_for(mentor, programs, settings.request_form)
        edit_url = _edit_url(mentor.path, settings)
        others = self.similar.to(mentor) if not mentor.available else ()
        if self.sealed:
            # The whole profile is drawn, then sealed inside a page that shows only the roster's fields.
            full = profile_view(mentor, programs, requests, edit_url, photo_data_uri(mentor), others)
            context = {**common, "locked": locked_profile_view(mentor), "profile": full, "sealed_template": "profile.html"}
            template = "profile_locked.html"
        else:
            photo = routes.photo(mentor.slug, mentor.photo.suffix) if mentor.photo else None
            # Relative to the profile's own folder, where the photo is published.
            context = {**common, "profile": profile_view(mentor, programs, requests, edit_url, photo and photo.rsplit("/", 1)[1], others)}
            template = "profile.html"
        return _page(routes.profile(mentor.slug), mentor.name, template, context,
                     body_html=mentor.statement_html, body_line=mentor.body_line, searchable=searchable,
                     source=display_path(mentor.path))


def profile_pages(roster: Roster, settings: SiteSettings, mentors: list[Mentor]) -> list[PageSpec]:
    """The profile pages of the given mentors of a validated roster, each the very spec site_pages makes."""
    audience = Audience.of(settings)
    common = _common(roster, settings, audience)
    profile = ProfilePages(roster, settings, common)
    searchable = searchable_profiles(settings, len(roster.mentors))
    return [profile.of(mentor, searchable) for mentor in mentors]


def _common(roster: Roster, settings: SiteSettings, audience: Audience) -> dict[str, Any]:
    """What every page's view has."""
    return {"taxonomy": roster.taxonomy, "programs": roster.programs, "repo_url": settings.repo_url, "audience": audience}


class SimilarMentors:
    """Up to three available mentors to suggest on a profile that takes no requests, ranked by the
    scoring of Find my mentor as if the member needed this mentor's areas, in this mentor's region.

    Only a pool is scored: the candidates sharing the most areas, ties by slug. It comes from an
    index by area and by pair of areas, so a profile looks at the few mentors sharing two or more
    of its areas and then at the first of those sharing one, never at every mentor of an area."""

    POOL = 24  # candidates scored per profile, so a big roster stays linear

    def __init__(self, roster: Roster, settings: SiteSettings):
        programs = {p.slug: p for p in roster.programs}
        self.weights, self.max_areas = settings.weights, roster.taxonomy.max_expertise
        self.by_area: dict[str, list[Candidate]] = {}  # each in slug order
        self.by_pair: dict[tuple[str, str], list[Candidate]] = {}
        self.areas: dict[str, frozenset[str]] = {}
        for mentor in sorted(roster.mentors, key=lambda m: m.slug):
            if mentor.available:
                candidate = Candidate.from_mentor(mentor, programs)
                areas = sorted({term.slug for term in mentor.expertise})
                self.areas[candidate.slug] = frozenset(areas)
                for index, area in enumerate(areas):
                    self.by_area.setdefault(area, []).append(candidate)
                    for other in areas[index + 1:]:
                        self.by_pair.setdefault((area, other), []).append(candidate)

    def to(self, mentor: Mentor, count: int = 3) -> tuple[Link, ...]:
        best = ranked(self.pool(mentor), self.applicant(mentor), self.weights, self.max_areas)
        return tuple(Link(c.name, routes.profile(c.slug)) for c, _ in best if c.slug != mentor.slug)[:count]

    def pool(self, mentor: Mentor) -> list[Candidate]:
        """The POOL candidates sharing the most of mentor's areas, ties by slug."""
        areas = sorted({term.slug for term in mentor.expertise})
        # Sharing two or more: few, each counted exactly.
        several = {c.slug: c for i, a in enumerate(areas) for b in areas[i + 1:] for c in self.by_pair.get((a, b), ())}
        mine = frozenset(areas)
        pool = sorted(several.values(), key=lambda c: (-len(self.areas[c.slug] & mine), c.slug))[: self.POOL]
        if len(pool) < self.POOL:
            # Then those sharing one area, in slug order: each is in exactly one of these lists.
            merged = heapq.merge(*(self.by_area.get(a, ()) for a in areas), key=lambda c: c.slug)
            pool += itertools.islice((c for c in merged if c.slug not in several), self.POOL - len(pool))
        return pool

    @staticmethod
    def applicant(mentor: Mentor) -> Applicant:
        return Applicant(mentor.name, tuple(mentor.expertise), mentor.region, None, mentor.frequency, tuple(mentor.meeting))


def home_part(roster: Roster, settings: SiteSettings) -> PageSpec:
    """The home page's facts (how many mentors accept now, the programs), for the theme's
    home.html to show above the association's own text."""
    accepting = sum(1 for m in roster.mentors if m.available) if Audience.of(settings).shows_details else None
    lines = [{"name": p.name, "url": routes.program(p.slug), "line": first_sentence(p.summary, 140)} for p in roster.programs]
    return _page(routes.HOME, "", "home_summary.html", {"accepting": accepting, "total": len(roster.mentors), "programs": lines,
                                                        "open_rounds": open_rounds(roster.programs, build_moment())})


# A journal lists the areas a mentee may work on as boxes to tick while they fit on its sheet;
# a longer vocabulary leaves a line to write them on instead.
JOURNAL_NEEDS_UP_TO = 24


def journal_needs(labels: list[str]) -> list[str]:
    return labels if len(labels) <= JOURNAL_NEEDS_UP_TO else []


def search_example(roster: Roster) -> str:
    """The home search box's placeholder, from the site's own lists and roster (an area, a region,
    a mentor's first name), so no other association's words appear; '' when there is nothing."""
    parts = roster.taxonomy.expertise.labels[:1] + roster.taxonomy.regions.labels[:1]
    if roster.mentors:
        first = min(roster.mentors, key=lambda m: m.slug).name.split()
        parts += first[:1]
    return f"e.g. {', '.join(parts)}" if parts else ""


def _edit_url(path: Path, settings: SiteSettings) -> str | None:
    """Where 'Edit this profile' points: the file on the repository host, when repo_url is set."""
    if not settings.repo_url or not settings.config_path:
        return None
    try:
        relative = path.resolve().relative_to(settings.config_path.resolve().parent).as_posix()
    except ValueError:
        return None
    return f"{settings.repo_url.rstrip('/')}/edit/{settings.edit_branch}/{relative}"


def _propose_url(roster: Roster, settings: SiteSettings) -> str | None:
    """'Propose a mentor': a new file in the profiles folder on the repository host, prefilled with
    the `new` template, so a committee member starts from every key; None without repo_url."""
    if not settings.repo_url or not settings.config_path:
        return None
    root = settings.config_path.resolve().parent
    # Every profile sits in one folder; with none yet, the plugin's default content folder.
    folder = roster.mentors[0].path.resolve().parent if roster.mentors else root / "content" / "mentors"
    try:
        relative = folder.relative_to(root).as_posix()
    except ValueError:
        return None
    template = profile_template(None, roster_hints(roster.taxonomy, [p.slug for p in roster.programs]))
    query = urlencode({"filename": "new-mentor.md", "value": template}, quote_via=quote)
    return f"{settings.repo_url.rstrip('/')}/new/{settings.edit_branch}/{relative}?{query}"


def data_files(roster: Roster, settings: SiteSettings, gallery: Gallery | None = None) -> dict[str, bytes]:
    audience = Audience.of(settings)
    gallery = gallery or Gallery.of(roster, settings)
    order = gallery.order
    files = word_index_files([mentor_words(m, audience.sealed) for m in order])
    files[routes.PROFILE_SCHEMA] = schema_json(roster.taxonomy, [p.slug for p in roster.programs]).encode("utf-8")
    if is_windowed(len(order)):
        files[routes.GALLERY_CARDS] = cards_json(gallery.listed())
    if audience.tools:  # the matching tools' data: only where they are published
        programs = {p.slug: p for p in roster.programs}
        files[routes.MATCH_DATA] = match_data(roster, match_cards(roster.mentors, programs, settings.request_form))
    # Stamped with the build's day, not its second: a rebuild of unchanged content on the same day
    # (`pages --watch`, serve) writes the very same calendar files.
    day = build_moment().replace(hour=0, minute=0, second=0)
    files.update(calendar_files(roster.programs, day, settings.site_url))
    return files


def asset_files(roster: Roster, settings: SiteSettings) -> dict[str, tuple[Path, Photo, int]]:
    """The photos to publish, by URI, with their profile and longest side: each photo whole for
    its profile and small for cards and match results. Their bytes come from photos.published_photos."""
    if not Audience.of(settings).shows_details:
        return {}  # photos travel inside the sealed profile instead
    files: dict[str, tuple[Path, Photo, int]] = {}
    for m in roster.mentors:
        if m.photo:
            files[routes.photo(m.slug, m.photo.suffix)] = (m.path, m.photo, PUBLISHED_PIXELS)
            files[routes.thumbnail(m.slug, m.photo.suffix)] = (m.path, m.photo, THUMBNAIL_PIXELS)
    return files


def photo_data_uri(mentor: Mentor) -> str | None:
    """A photo inside the sealed profile of a members-only site: no public file to fetch."""
    if not mentor.photo:
        return None
    data = base64.b64encode(published_bytes(mentor.photo)).decode("ascii")
    return f"data:{mentor.photo.media_type};base64,{data}"
