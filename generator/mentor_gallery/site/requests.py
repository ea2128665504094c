"""The "request this mentor" controls: what each one sends, to which handler, and how.

A handler is reached three ways: `get` is a link with the mapped fields prefilled in its query
string (hosted-form prefill), `post` is a small HTML form of hidden fields, and a `mailto:` URL
is a link that opens a message naming the mentor. No engine, no I/O: pages.py hands the
controls to the templates.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from mentor_gallery import routes
from mentor_gallery.content.model import Mentor, Program, RequestHandler, Roster
from mentor_gallery.problems import Problem, counted, display_path
from mentor_gallery.settings import SiteSettings

# Used when a handler maps no fields at all: the handler then receives our own names.
DEFAULT_FIELD_NAMES = {"mentor": "mentor", "mentor_name": "mentor_name", "program": "program"}


@dataclass(frozen=True)
class RequestControl:
    label: str
    kind: str  # "link" (get or mailto) or "form" (post)
    url: str  # the link's href, or the form's action
    fields: tuple[tuple[str, str], ...] = ()  # the posted (name, value) pairs of a form
    program: Program | None = None
    disabled_reason: str | None = None
    destination: str = ""  # where the request goes, for the note beside the control
    by_email: bool = False

    @property
    def disabled(self) -> bool:
        return self.disabled_reason is not None

    @property
    def program_url(self) -> str | None:
        return routes.program(self.program.slug) if self.program else None


def request_values(handler: RequestHandler, mentor: Mentor | None, program: Program | None) -> list[tuple[str, str]]:
    """The handler's field names with this request's values, in a stable order (mentor, name, program)."""
    names = handler.fields or DEFAULT_FIELD_NAMES
    values = {
        "mentor": mentor.slug if mentor else None,
        "mentor_name": mentor.name if mentor else None,
        "program": program.slug if program else None,
    }
    return [(names[key], value) for key, value in values.items() if key in names and value is not None]


def destination(url: str) -> str:
    """What a member is told about where their data goes: the host, or the email address."""
    if url.lower().startswith("mailto:"):
        return urlsplit(url).path
    return urlsplit(url).hostname or url


def mail_subject(mentor: Mentor | None, program: Program | None) -> str:
    names = [part for part in (mentor.name if mentor else None, program.name if program else None) if part]
    return "Mentoring request: " + " – ".join(names) if names else "Mentoring request"


def _with_query(url: str, pairs: list[tuple[str, str]]) -> str:
    """The URL with the pairs added to its query (replacing same-named ones), before any #fragment."""
    parts = urlsplit(url)
    ours = {name for name, _ in pairs}
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in ours]
    # %20 rather than '+' for spaces: every decoder reads %20 as a space, not every one reads '+'.
    query = urlencode(kept + pairs, quote_via=quote)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def mail_body(mentor: Mentor | None, program: Program | None, pairs: list[tuple[str, str]]) -> str:
    """A request that reads as a letter: a greeting, the request in words, a place for the member
    to introduce themselves, then the `field: value` lines the coordinator's records need."""
    whom = f"{mentor.name} to be my mentor" if mentor else "a mentor"
    where = f" in the {program.name}" if program else ""
    lines = [
        "Hello,",
        "",
        f"I would like to ask {whom}{where}.",
        "",
        "About me (my name, position and organization, and what I hope to learn):",
        "",
        "",
        "Thank you.",
        "",
        "-- For the coordinator --",
        *(f"{name}: {value}" for name, value in pairs),
    ]
    # RFC 6068: line breaks in a mailto body are CRLF (%0D%0A once encoded).
    return "\r\n".join(lines) + "\r\n"


def handler_url(handler: RequestHandler, mentor: Mentor | None, program: Program | None) -> str:
    """The href of a get or mailto control."""
    pairs = request_values(handler, mentor, program)
    if handler.is_mailto:
        return _with_query(handler.url, [("subject", mail_subject(mentor, program)), ("body", mail_body(mentor, program, pairs))])
    return _with_query(handler.url, pairs) if pairs else handler.url


def control(handler: RequestHandler, label: str, mentor: Mentor | None, program: Program | None) -> RequestControl:
    if handler.method == "post" and not handler.is_mailto:
        kind, url, fields = "form", handler.url, tuple(request_values(handler, mentor, program))
    else:
        kind, url, fields = "link", handler_url(handler, mentor, program), ()
    return RequestControl(label, kind, url, fields, program=program, disabled_reason=mentor.unavailable_reason if mentor else None,
                          destination=destination(handler.url), by_email=handler.is_mailto)


def controls_for(mentor: Mentor, programs: dict[str, Program], site_handler: RequestHandler | None) -> list[RequestControl]:
    """One control per program of the mentor that has a handler (its own, else the site's);
    the site's handler alone when the mentor belongs to no program."""
    own = [programs[slug] for slug in mentor.programs if slug in programs]
    if not own:
        return [control(site_handler, f"Request {mentor.name} as your mentor", mentor, None)] if site_handler else []
    return [control(handler, f"Request {mentor.name} ({program.name})", mentor, program)
            for program in own if (handler := program.request_form or site_handler)]


def program_control(program: Program, site_handler: RequestHandler | None) -> RequestControl | None:
    """A program page's control: ask the program for a mentor without naming one."""
    handler = program.request_form or site_handler
    return control(handler, "Ask for a mentor in this program", None, program) if handler else None


def handler_warnings(roster: Roster, settings: SiteSettings) -> list[Problem]:
    """Profiles that will show no request control, because no handler reaches them."""
    with_handler = {p.slug for p in roster.programs if p.request_form}
    if settings.request_form:
        return []
    orphans = [m for m in roster.mentors if not (set(m.programs) & with_handler)]
    if not orphans:
        return []
    where = display_path(settings.config_path) if settings.config_path and settings.config_path.is_file() else "mkdocs.yml"
    if not with_handler:
        message = "no request handler is configured, so profiles show no request control; set request_form under the mentor-gallery plugin in mkdocs.yml"
    else:
        message = (f"{counted(len(orphans), 'profile')} {'belongs' if len(orphans) == 1 else 'belong'} to no program with a request_form and the site has none, so {'it shows' if len(orphans) == 1 else 'they show'} "
                   f"no request control (e.g. {orphans[0].slug}); set request_form under the mentor-gallery plugin in mkdocs.yml")
    return [Problem(where, 1, message, "warning")]
