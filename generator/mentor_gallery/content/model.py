"""The content model: what a validated roster is. Plain dataclasses, no engine, no I/O."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from mentor_gallery.content.formats import FIELD_TYPES, OPTION_TYPES  # noqa: F401  declared with their help there
from mentor_gallery.content.slugs import fold

if TYPE_CHECKING:
    from mentor_gallery.content.photos import Photo


@dataclass(frozen=True)
class Term:
    """One entry of a controlled vocabulary: shown as `label`, addressed by `slug`."""

    label: str
    slug: str
    aliases: tuple[str, ...] = ()


def spelling_key(text: str) -> str:
    """How two spellings of a label compare: case and surrounding spaces ignored."""
    return text.strip().casefold()


@dataclass
class Vocabulary:
    name: str
    terms: list[Term]
    # The list in taxonomy.yml was refused (or is missing): that is reported there, once, and
    # profiles are not also told that each of their labels is unknown.
    refused: bool = False

    def __post_init__(self) -> None:
        self._by_spelling: dict[str, Term] = {}
        self._by_case: dict[str, Term] = {}
        for term in self.terms:
            for spelling in (term.label, *term.aliases):
                self._by_spelling.setdefault(spelling, term)
                self._by_case.setdefault(spelling_key(spelling), term)
        self._by_slug = {term.slug: term for term in self.terms}

    def find(self, spelling: str) -> Term | None:
        """The term a profile means by a label or alias, in any case: `check` and `match` read
        "finance" as Finance alike, so a label never works in one tool and fails in the other."""
        return self._by_spelling.get(spelling) or self._by_case.get(spelling_key(spelling))

    def find_loose(self, text: str) -> Term | None:
        """For tools that take typed input (match CSV): label, alias or slug, any case or accents."""
        exact = self.find(text) or self._by_slug.get(text)
        if exact:
            return exact
        folded = fold(text.strip())
        for spelling, term in self._by_spelling.items():
            if fold(spelling) == folded:
                return term
        from mentor_gallery.content.slugs import slugify

        return self._by_slug.get(slugify(text))

    def by_slug(self, slug: str) -> Term | None:
        return self._by_slug.get(slug)

    @property
    def spellings(self) -> list[str]:
        return list(self._by_spelling)

    @property
    def labels(self) -> list[str]:
        return [t.label for t in self.terms]


FREQUENCY = Vocabulary("frequency", [
    Term("Monthly", "monthly"),
    Term("Every other month", "every-other-month"),
    Term("Quarterly", "quarterly"),
    Term("Semi-annually", "semi-annually"),
])
MEETING = Vocabulary("meeting", [
    Term("In person", "in-person"),
    Term("Phone", "phone"),
    Term("Video", "video"),
    Term("Email", "email"),
])


@dataclass
class Taxonomy:
    expertise: Vocabulary
    regions: Vocabulary
    max_expertise: int = 3
    # The ways a mentor can help (coach, connector, sponsor...): optional, empty when not used.
    roles: Vocabulary = field(default_factory=lambda: Vocabulary("roles", []))

    def vocabulary(self, name: str) -> Vocabulary | None:
        return {"expertise": self.expertise, "regions": self.regions, "roles": self.roles,
                "frequency": FREQUENCY, "meeting": MEETING}.get(name)


VOCABULARY_NAMES = ("expertise", "regions", "roles", "frequency", "meeting")


@dataclass(frozen=True)
class Contact:
    email: str | None = None
    phone: str | None = None
    public: bool = False


@dataclass(frozen=True)
class RequestHandler:
    """An external handler that receives mentor requests (a hosted form, an endpoint, mailto)."""

    url: str
    method: str = "get"  # get: prefilled link; post: an HTML form
    fields: dict[str, str] = field(default_factory=dict)  # our field -> the handler's field name

    @property
    def is_mailto(self) -> bool:
        return self.url.lower().startswith("mailto:")


@dataclass
class Mentor:
    slug: str
    path: Path
    name: str
    title: str
    organization: str
    region: Term
    expertise: list[Term]
    city: str | None = None
    state: str | None = None
    years_in_local_government: int | None = None
    years_as_manager: int | None = None
    education: list[str] = field(default_factory=list)
    frequency: Term | None = None
    meeting: list[Term] = field(default_factory=list)
    accepting: bool = True
    capacity: int | None = None
    programs: list[str] = field(default_factory=list)
    credentials: list[str] = field(default_factory=list)
    memberships: list[str] = field(default_factory=list)
    mentored_before: bool | None = None
    photo: "Photo | None" = None  # checked; published as re-encoded pixels (photos.py)
    contact: Contact | None = None
    updated: dt.date | None = None
    summary: str | None = None
    languages: list[str] = field(default_factory=list)
    photo_alt: str | None = None
    roles: list[Term] = field(default_factory=list)
    body: str = ""
    body_line: int = 1
    raw: dict[str, Any] = field(default_factory=dict)  # frontmatter as written, for export

    @property
    def is_full(self) -> bool:
        return self.capacity == 0

    @property
    def available(self) -> bool:
        """Accepting and with room: only these can be requested or matched."""
        return self.accepting and not self.is_full

    @functools.cached_property
    def statement_html(self) -> str:
        """The statement rendered and sanitised, once: by check when it had to look inside, else
        on first use by the site."""
        from mentor_gallery.content.text import render_markdown  # the model stays light to import

        return render_markdown(self.body) if self.body.strip() else ""

    @property
    def availability_text(self) -> str:
        """The one wording of availability: cards, profiles and disabled request controls use it."""
        if not self.accepting:
            return "Not accepting new mentees"
        if self.is_full:
            return "Full: no open places"
        if self.capacity:
            return f"Accepting new mentees ({self.capacity} open place{'s' if self.capacity != 1 else ''})"
        return "Accepting new mentees"

    @property
    def unavailable_reason(self) -> str | None:
        return None if self.available else self.availability_text

    @property
    def places(self) -> int:
        """Open places for matching: a profile that states none counts as one."""
        return 1 if self.capacity is None else self.capacity

    @property
    def public_contact(self) -> Contact | None:
        return self.contact if self.contact and self.contact.public else None

    @property
    def location(self) -> str:
        return ", ".join(part for part in (self.city, self.state) if part)

    @property
    def initials(self) -> str:
        words = [w for w in self.name.replace("-", " ").split() if w[:1].isalpha()]
        letters = [w[0] for w in words[:1] + words[1:][-1:]]
        return "".join(letters).upper() or "?"


# How the program page words what `requires` asks on each profile key (validate.py reads the keys).
REQUIREMENT_WORDING = {
    "years_in_local_government": "At least {n} year{s} in local government",
    "years_as_manager": "At least {n} year{s} as a manager",
    "education": "Education: {value}",
    "credentials": "Credential: {value}",
    "memberships": "Member of {value}",
    "languages": "Mentors in {value}",
    "expertise": "Area of expertise: {value}",
    "roles": "Helps as: {value}",
}


@dataclass(frozen=True)
class Requirement:
    """What a program asks of its mentors on one profile key (`requires`): a minimum of a whole
    number, or one value the mentor's list must hold (a label, for a vocabulary)."""

    key: str
    minimum: int | None = None
    value: str | None = None

    @property
    def text(self) -> str:
        n = self.minimum if self.minimum is not None else 0
        return REQUIREMENT_WORDING[self.key].format(n=n, s="" if n == 1 else "s", value=self.value)


SURVEY_AUDIENCES = ("mentors", "mentees", "both")


@dataclass(frozen=True)
class Meeting:
    """A group meeting of a round's whole class, in the program's time zone."""

    key: str  # its identity in the round (its `id`, else its topic's slug): calendar UIDs keep it
    date: dt.date
    start: dt.time
    end: dt.time
    place: str  # a place, or a video link (https)
    topic: str

    @property
    def online(self) -> bool:
        return self.place.startswith("https://") or self.place.startswith("http://")


@dataclass(frozen=True)
class Survey:
    form: str  # a form slug of content/forms
    after_months: int  # due this many months after the round starts (or the pair's own start)
    to: str  # SURVEY_AUDIENCES
    line: int = 1  # where `form` is written, for the check that the form exists

    @property
    def roles(self) -> tuple[str, ...]:
        return ("mentor", "mentee") if self.to == "both" else (self.to[:-1],)


@dataclass(frozen=True)
class Round:
    """One class of a program: its application window, its run, its group meetings and surveys."""

    key: str  # the name's slug: calendar UIDs and file names keep it
    name: str
    opens: dt.date
    closes: dt.date
    starts: dt.date
    ends: dt.date
    places: int | None = None
    meetings: tuple[Meeting, ...] = ()
    surveys: tuple[Survey, ...] = ()

    def taking_applications(self, day: dt.date) -> bool:
        return self.opens <= day <= self.closes

    def over(self, day: dt.date) -> bool:
        return day > self.ends


@dataclass
class Program:
    slug: str
    path: Path
    name: str
    summary: str
    sponsor: str | None = None
    duration_months: tuple[int, int] | None = None
    cadence: Term | None = None
    mentor_criteria: list[str] = field(default_factory=list)
    request_form: RequestHandler | None = None
    agreement: list[str] = field(default_factory=list)
    body: str = ""
    body_line: int = 1
    body_html: str = ""  # the guide rendered and sanitised once
    requires: tuple[Requirement, ...] = ()
    timezone: str = "UTC"  # IANA name: the program's own, else the site's, else UTC
    rounds: tuple[Round, ...] = ()

    def upcoming_rounds(self, day: dt.date, count: int = 2) -> tuple[Round, ...]:
        """The current round and the next (those not over on `day`), in date order."""
        return tuple(r for r in self.rounds if not r.over(day))[:count]


# The hidden field honeypot: true adds to a form (form.html); the name Formspree-style services read.
HONEYPOT_FIELD = "_gotcha"


@dataclass
class FormField:
    name: str
    label: str
    type: str
    required: bool = False
    options: list[str] = field(default_factory=list)
    help: str | None = None
    group: str | None = None
    max: int | None = None  # ranked: how many options may be chosen, in order; scale: its top
    # The names the form service expects (`post_as`): none (post under `name`), one, or for a
    # ranked field one per place.
    post_as: tuple[str, ...] = ()
    min: int | None = None  # scale: the bottom (max is its top)
    labels: tuple[str, str] | None = None  # scale: what its two ends mean ("Not at all", "Very much")

    @property
    def post_name(self) -> str:
        """The name the answer is posted under."""
        return self.post_as[0] if self.post_as else self.name

    def place_name(self, place: int) -> str:
        """A ranked field's name for its place 1, 2, ...: its own where post_as gives one per place."""
        return self.post_as[place - 1] if len(self.post_as) > 1 else self.post_name

    @property
    def post_names(self) -> tuple[str, ...]:
        """Every name the field posts under (a ranked field with one per place has several)."""
        return self.post_as if len(self.post_as) > 1 else (self.post_name,)


@dataclass
class Form:
    slug: str
    path: Path
    title: str
    action: str
    method: str
    fields: list[FormField]
    description: str | None = None
    honeypot: bool = False  # adds a hidden field named HONEYPOT_FIELD that people leave empty

    @property
    def kept_query(self) -> list[tuple[str, str]]:
        """A get form's action query (`?id=...` of a Microsoft form): a browser sending a get form
        replaces the action's query with the answers, so these go along as hidden fields."""
        if self.method != "get" or self.action.lower().startswith("mailto:"):
            return []
        return parse_qsl(urlsplit(self.action).query, keep_blank_values=True)


@dataclass
class Roster:
    taxonomy: Taxonomy
    mentors: list[Mentor]
    programs: list[Program]
    forms: list[Form]

    def program(self, slug: str) -> Program | None:
        return next((p for p in self.programs if p.slug == slug), None)
