"""What each audience may see of a mentor, built once from the model and already formatted.

Templates receive these views, never a `Mentor`: a members-only card cannot print an availability
or a title, because `roster_card` never puts one in it. Every wording that appears in more than
one place (availability, the role line, a place) is decided here once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mentor_gallery import routes
from mentor_gallery.content.model import Mentor, Program, Term
from mentor_gallery.content.text import first_sentence_html, long_date
from mentor_gallery.site.per_mentor import PerMentor
from mentor_gallery.site.requests import RequestControl


@dataclass(frozen=True)
class Link:
    label: str
    url: str = ""  # site-relative (a template prefixes the page's root)
    external: str = ""  # a full address (mailto:, https:) used as it is


@dataclass(frozen=True)
class Availability:
    open: bool
    text: str


def availability(mentor: Mentor) -> Availability:
    return Availability(mentor.available, mentor.availability_text)


def area_links(terms: list[Term]) -> tuple[Link, ...]:
    """Area chips lead to the gallery filtered by that area."""
    return tuple(Link(t.label, routes.filtered_gallery("expertise", t.slug)) for t in terms)


def role_links(terms: list[Term]) -> tuple[Link, ...]:
    """Role chips (the ways a mentor helps) lead to the gallery filtered by that role."""
    return tuple(Link(t.label, routes.filtered_gallery("role", t.slug)) for t in terms)


def facet_data(mentor: Mentor) -> dict[str, str]:
    """The data- attributes of the public facets (areas, region, roles), on every kind of card.
    data-role is left out for a mentor without roles: most rosters list none."""
    data = {"expertise": " ".join(t.slug for t in mentor.expertise), "region": mentor.region.slug}
    if mentor.roles:
        data["role"] = " ".join(t.slug for t in mentor.roles)
    return data


AVATAR_TONES = 6  # colours of initials avatars (profile.css): a gallery is not a wall of one blue


def avatar_tone(name: str) -> int:
    """A stable colour for a name's initials (the same on every build and every page)."""
    return sum(ord(ch) for ch in name) % AVATAR_TONES


@dataclass(frozen=True)
class CardView:
    """A gallery card. The public card fills every field; the members-only roster card only the
    name, region, areas and roles (and the data- attributes of those)."""

    slug: str
    name: str
    url: str
    region: str
    areas: tuple[Link, ...]
    data: tuple[tuple[str, str], ...]  # the data- attributes the gallery's filters read
    initials: str
    role_line: str | None = None
    place_detail: str | None = None
    summary: str | None = None
    photo_url: str | None = None
    availability: Availability | None = None
    roles: tuple[Link, ...] = ()

    @property
    def tone(self) -> int:
        return avatar_tone(self.name)


def _public_card(mentor: Mentor) -> CardView:
    status = availability(mentor)
    data = {
        **facet_data(mentor),
        "program": " ".join(mentor.programs),
        "frequency": mentor.frequency.slug if mentor.frequency else "",
        "meeting": " ".join(t.slug for t in mentor.meeting),
        "accepting": "1" if status.open else "0",
        "updated": mentor.updated.isoformat() if mentor.updated else "",
    }
    return CardView(
        slug=mentor.slug, name=mentor.name, url=routes.profile(mentor.slug), region=mentor.region.label,
        areas=area_links(mentor.expertise), data=tuple(data.items()), initials=mentor.initials,
        role_line=f"{mentor.title}, {mentor.organization}", place_detail=mentor.location or None,
        summary=mentor.summary or first_sentence_html(mentor.statement_html) or None,
        photo_url=routes.thumbnail(mentor.slug, mentor.photo.suffix) if mentor.photo else None,
        availability=status, roles=role_links(mentor.roles))


def _roster_card(mentor: Mentor) -> CardView:
    """The public roster of a members-only site: name, region, areas and roles, nothing more."""
    return CardView(slug=mentor.slug, name=mentor.name, url=routes.profile(mentor.slug), region=mentor.region.label,
                    areas=area_links(mentor.expertise), data=tuple(facet_data(mentor).items()), initials=mentor.initials,
                    roles=role_links(mentor.roles))



# Drawn once per Mentor object: an unchanged profile keeps its object between rebuilds (serve).
public_card = PerMentor(_public_card)
roster_card = PerMentor(_roster_card)

@dataclass(frozen=True)
class Fact:
    label: str
    text: str = ""
    links: tuple[Link, ...] = ()
    datetime: str | None = None  # a <time> element's machine-readable value


@dataclass(frozen=True)
class ProfileView:
    """Everything a profile page shows (members-only sites show it after unlocking)."""

    slug: str
    name: str
    role_line: str
    region: Link
    place_detail: str | None
    availability: Availability
    areas: tuple[Link, ...]
    initials: str
    facts: tuple[Fact, ...]
    requests: tuple[RequestControl, ...]
    photo_src: str | None = None  # relative to the profile page, or a data: URI inside a sealed page
    photo_alt: str = ""
    edit_url: str | None = None
    gallery_url: str = routes.GALLERY
    program_links: tuple[Link, ...] = field(default_factory=tuple)
    roles: tuple[Link, ...] = ()
    similar: tuple[Link, ...] = ()  # available mentors like this one, offered when it takes no requests

    @property
    def tone(self) -> int:
        return avatar_tone(self.name)


def _long_date(mentor: Mentor) -> str:
    return long_date(mentor.updated) if mentor.updated else ""


def profile_view(mentor: Mentor, programs: dict[str, Program], requests: list[RequestControl],
                 edit_url: str | None, photo_src: str | None, similar: tuple[Link, ...] = ()) -> ProfileView:
    own = [programs[slug] for slug in mentor.programs if slug in programs]
    program_links = tuple(Link(p.name, routes.program(p.slug)) for p in own)
    facts: list[Fact] = []

    def add(label: str, value: object, text: str | None = None) -> None:
        if value not in (None, [], ""):
            facts.append(Fact(label, text if text is not None else str(value)))

    add("Years in local government", mentor.years_in_local_government)
    add("Years as a manager", mentor.years_as_manager)
    add("Preferred frequency", mentor.frequency, mentor.frequency.label if mentor.frequency else None)
    add("Meets by", mentor.meeting, ", ".join(t.label for t in mentor.meeting))
    add("Languages", mentor.languages, ", ".join(mentor.languages))
    add("Education", mentor.education, "; ".join(mentor.education))
    add("Credentials", mentor.credentials, ", ".join(mentor.credentials))
    add("Memberships", mentor.memberships, ", ".join(mentor.memberships))
    add("Has mentored before", mentor.mentored_before, "Yes" if mentor.mentored_before else "No")
    if program_links:
        facts.append(Fact("Programs", links=program_links))
    contact = mentor.public_contact  # only a contact its owner chose to publish
    if contact and contact.email:
        facts.append(Fact("Email", links=(Link(contact.email, external=f"mailto:{contact.email}"),)))
    if contact and contact.phone:
        facts.append(Fact("Phone", contact.phone))
    if mentor.updated:
        facts.append(Fact("Profile reviewed", _long_date(mentor), datetime=mentor.updated.isoformat()))
    return ProfileView(
        slug=mentor.slug, name=mentor.name, role_line=f"{mentor.title}, {mentor.organization}",
        region=Link(mentor.region.label, routes.facet("region", mentor.region.slug)), place_detail=mentor.location or None,
        availability=availability(mentor), areas=area_links(mentor.expertise), initials=mentor.initials,
        facts=tuple(facts), requests=tuple(requests), photo_src=photo_src, photo_alt=mentor.photo_alt or mentor.name,
        edit_url=edit_url, program_links=program_links, roles=role_links(mentor.roles), similar=similar)


@dataclass(frozen=True)
class LockedProfileView:
    """A members-only profile before unlocking: the public roster's fields only."""

    name: str
    region: Link
    areas: tuple[Link, ...]
    roles: tuple[Link, ...] = ()


def locked_profile_view(mentor: Mentor) -> LockedProfileView:
    return LockedProfileView(mentor.name, Link(mentor.region.label, routes.facet("region", mentor.region.slug)),
                             tuple(Link(t.label, routes.facet("expertise", t.slug)) for t in mentor.expertise),
                             tuple(Link(t.label, routes.facet("role", t.slug)) for t in mentor.roles))
