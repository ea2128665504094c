"""What Find my mentor and Build your advisory team show of each mentor beside the score: the
card's header (photo or initials, availability) and the profile's request controls.

match.js draws a result from these, element for element as _card.html draws the header and
_request.html the controls (a browser test compares a result's control with the profile's), so
a member requests from the result exactly as from the profile. Public facts only: the controls
name the association's handler, as the profile does, never a mentor's contact.
"""

from __future__ import annotations

from typing import Any

from mentor_gallery.content.model import Mentor, Program, RequestHandler
from mentor_gallery.site.requests import RequestControl, controls_for
from mentor_gallery.site.views import CardView, public_card


def control_json(control: RequestControl) -> dict[str, Any]:
    program = control.program
    return {
        "label": control.label, "kind": control.kind, "url": control.url, "fields": [list(pair) for pair in control.fields],
        "reason": control.disabled_reason, "destination": control.destination, "by_email": control.by_email,
        "program": {"name": program.name, "url": control.program_url} if program else None,
    }


def match_card(mentor: Mentor, card: CardView, requests: list[RequestControl]) -> dict[str, Any]:
    availability = card.availability
    return {
        # The profile's address (routes.profile): match.js links to it as given, never building one.
        "url": card.url, "photo": card.photo_url, "initials": card.initials, "tone": card.tone,
        "availability": availability.text if availability else mentor.availability_text,
        "requests": [control_json(c) for c in requests],
    }


def match_cards(mentors: list[Mentor], programs: dict[str, Program], site_handler: RequestHandler | None) -> dict[str, dict[str, Any]]:
    """Per mentor slug, the `card` entry of mentors/match-data.json (public sites only)."""
    return {m.slug: match_card(m, public_card(m), controls_for(m, programs, site_handler)) for m in mentors}
