"""The "request this mentor" controls a profile shows: one per program with a handler."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, urlencode, urlsplit

from .model import Mentor, Program, RequestHandler

DEFAULT_FIELD_NAMES = {"mentor": "mentor", "mentor_name": "mentor_name", "program": "program"}


@dataclass(frozen=True)
class RequestControl:
    label: str
    kind: str  # "link" (get or mailto) or "form" (post)
    url: str
    fields: list[tuple[str, str]] = field(default_factory=list)  # posted (name, value) pairs
    program: Program | None = None
    disabled_reason: str | None = None
    host: str = ""

    @property
    def disabled(self) -> bool:
        return self.disabled_reason is not None


def request_values(handler: RequestHandler, mentor: Mentor, program: Program | None) -> list[tuple[str, str]]:
    """The handler's field names with this request's values, in a stable order."""
    names = handler.fields or DEFAULT_FIELD_NAMES
    values = {"mentor": mentor.slug, "mentor_name": mentor.name, "program": program.slug if program else None}
    return [(names[key], value) for key, value in values.items() if key in names and value is not None]


def handler_url(handler: RequestHandler, mentor: Mentor, program: Program | None) -> str:
    pairs = request_values(handler, mentor, program)
    joiner = "&" if "?" in handler.url else "?"
    if handler.is_mailto:
        subject = f"Mentoring request: {mentor.name}" + (f" ({program.name})" if program else "")
        body = "\n".join(f"{name}: {value}" for name, value in pairs) + "\n"
        # mailto takes %20, not '+', for spaces (RFC 6068).
        return f"{handler.url}{joiner}subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    return f"{handler.url}{joiner}{urlencode(pairs)}" if pairs else handler.url


def controls_for(mentor: Mentor, programs: dict[str, Program], site_handler: RequestHandler | None) -> list[RequestControl]:
    """One control per program of the mentor that has a handler (its own, else the site's);
    the site's handler alone when the mentor belongs to no program."""
    targets: list[tuple[RequestHandler, Program | None]] = []
    for slug in mentor.programs:
        program = programs.get(slug)
        handler = (program.request_form if program else None) or site_handler
        if program and handler:
            targets.append((handler, program))
    if not mentor.programs and site_handler:
        targets.append((site_handler, None))
    controls = []
    for handler, program in targets:
        label = f"Request {mentor.name}" + (f" through {program.name}" if program else " as a mentor")
        host = "email" if handler.is_mailto else (urlsplit(handler.url).hostname or "")
        if handler.method == "post" and not handler.is_mailto:
            controls.append(RequestControl(label, "form", handler.url, request_values(handler, mentor, program), program, mentor.unavailable_reason, host))
        else:
            controls.append(RequestControl(label, "link", handler_url(handler, mentor, program), [], program, mentor.unavailable_reason, host))
    return controls
