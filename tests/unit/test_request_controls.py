"""Request controls: what each handler receives, under which names, and when a control is disabled."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest

from mentor_gallery.content.model import Mentor, Program, RequestHandler, Term
from mentor_gallery.site.requests import (
    DEFAULT_FIELD_NAMES,
    controls_for,
    destination,
    handler_url,
    program_control,
    request_values,
)

HARD_NAME = 'Zoë "Z" D\'Arcy & Søn + Co'
FIELDS = {"mentor": "entry.1", "mentor_name": "entry.2", "program": "entry.3"}


def mentor(slug: str = "zoe-darcy", name: str = HARD_NAME, **keys) -> Mentor:
    return Mentor(slug=slug, path=Path(f"mentors/{slug}.md"), name=name, title="Town Manager", organization="Town of Alder",
                  region=Term("Western", "western"), expertise=[Term("Finance", "finance")], **keys)


def program(slug: str, name: str, handler: RequestHandler | None = None) -> Program:
    return Program(slug=slug, path=Path(f"programs/{slug}.md"), name=name, summary="A program.", request_form=handler)


SITE = RequestHandler("https://forms.example.org/request", "get", FIELDS)


def query(url: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(url).query, keep_blank_values=True)


# --- get: a prefilled link ---------------------------------------------------------------------


def test_get_link_prefills_the_handlers_field_names_with_slug_name_and_program():
    coaching = program("coaching", "Coaching Program")
    url = handler_url(SITE, mentor(), coaching)
    assert url.startswith("https://forms.example.org/request?")
    assert query(url) == [("entry.1", "zoe-darcy"), ("entry.2", HARD_NAME), ("entry.3", "coaching")]


@pytest.mark.parametrize("name", [HARD_NAME, "Łukasz Wiśniewski", "A+B", "Ann & Bo", "O'Neil \"Red\"", "100% = #1?"])
def test_get_link_carries_any_name_intact(name):
    values = dict(query(handler_url(SITE, mentor(name=name), None)))
    assert values["entry.2"] == name


def test_get_link_encodes_spaces_as_percent_20_and_plus_as_2b():
    # %20 is read as a space by every decoder; a literal '+' would turn into a space in some.
    url = handler_url(SITE, mentor(name="A + B"), None)
    raw = urlsplit(url).query
    assert "A%20%2B%20B" in raw
    assert "+" not in raw


def test_get_link_keeps_the_handlers_own_query_and_fragment():
    handler = RequestHandler("https://docs.example.org/forms/d/abc/viewform?usp=pp_url#start", "get", FIELDS)
    url = handler_url(handler, mentor(), None)
    parts = urlsplit(url)
    assert parts.fragment == "start"
    assert query(url) == [("usp", "pp_url"), ("entry.1", "zoe-darcy"), ("entry.2", HARD_NAME)]


def test_a_field_the_handler_already_names_in_its_url_is_replaced_not_doubled():
    handler = RequestHandler("https://forms.example.org/r?entry.1=placeholder", "get", FIELDS)
    assert query(handler_url(handler, mentor(), None)).count(("entry.1", "zoe-darcy")) == 1
    assert ("entry.1", "placeholder") not in query(handler_url(handler, mentor(), None))


def test_a_handler_that_maps_no_fields_receives_our_own_names():
    handler = RequestHandler("https://forms.example.org/r", "get", {})
    values = dict(query(handler_url(handler, mentor(), program("coaching", "Coaching"))))
    assert values == {DEFAULT_FIELD_NAMES["mentor"]: "zoe-darcy", DEFAULT_FIELD_NAMES["mentor_name"]: HARD_NAME,
                      DEFAULT_FIELD_NAMES["program"]: "coaching"}


def test_a_handler_receives_only_the_fields_it_maps():
    handler = RequestHandler("https://forms.example.org/r", "get", {"mentor_name": "who"})
    assert request_values(handler, mentor(), program("coaching", "Coaching")) == [("who", HARD_NAME)]


def test_the_program_field_is_left_out_when_no_program_is_known():
    assert [name for name, _ in request_values(SITE, mentor(), None)] == ["entry.1", "entry.2"]


# --- post: a form of hidden fields -------------------------------------------------------------


def test_post_handler_gives_a_form_posting_the_mapped_fields_to_the_handler_url():
    handler = RequestHandler("https://formspree.example.org/f/xyz", "post", {"mentor": "mentor_slug", "mentor_name": "mentor"})
    [control] = controls_for(mentor(), {}, handler)
    assert control.kind == "form"
    assert control.url == "https://formspree.example.org/f/xyz"
    assert control.fields == (("mentor_slug", "zoe-darcy"), ("mentor", HARD_NAME))
    assert control.destination == "formspree.example.org"


# --- mailto: a message naming the mentor ---------------------------------------------------------


def mail_parts(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    return parts.path, dict(parse_qsl(parts.query, keep_blank_values=True))


def test_mailto_subject_names_mentor_and_program_and_body_lists_the_fields():
    handler = RequestHandler("mailto:coaching@example.org", "get", FIELDS)
    [control] = controls_for(mentor(programs=["coaching"]), {"coaching": program("coaching", "Coaching Program", handler)}, SITE)
    address, message = mail_parts(control.url)
    assert control.kind == "link" and control.by_email
    assert address == "coaching@example.org"
    assert HARD_NAME in message["subject"] and "Coaching Program" in message["subject"]
    lines = message["body"].split("\r\n")
    # A letter first (a greeting, the request naming mentor and program, room to introduce oneself)...
    assert lines[0] == "Hello,"
    assert f"I would like to ask {HARD_NAME} to be my mentor in the Coaching Program." in lines
    assert any(line.startswith("About me") for line in lines)
    # ...then the handler's fields as `field: value` lines, last.
    assert lines[-4:] == ["entry.1: zoe-darcy", f"entry.2: {HARD_NAME}", "entry.3: coaching", ""]
    assert control.destination == "coaching@example.org"


def test_mailto_uses_percent_20_and_crlf_as_rfc_6068_asks():
    handler = RequestHandler("mailto:a@example.org", "get", {})
    raw = urlsplit(handler_url(handler, mentor(name="Ann Bo"), None)).query
    assert "+" not in raw
    assert "%0D%0A" in raw
    assert unquote(raw.split("subject=")[1].split("&")[0]) == "Mentoring request: Ann Bo"


def test_mailto_keeps_a_cc_written_in_the_handler_url():
    handler = RequestHandler("mailto:a@example.org?cc=b@example.org", "get", {})
    address, message = mail_parts(handler_url(handler, mentor(), None))
    assert address == "a@example.org"
    assert message["cc"] == "b@example.org"
    assert HARD_NAME in message["subject"]


def test_a_post_mailto_handler_is_still_a_mail_link():
    handler = RequestHandler("mailto:a@example.org", "post", {})
    [control] = controls_for(mentor(), {}, handler)
    assert control.kind == "link" and control.url.startswith("mailto:a@example.org?subject=")


# --- which controls a profile shows ------------------------------------------------------------


def test_one_control_per_program_with_the_programs_own_handler_else_the_sites():
    own = RequestHandler("mailto:coaching@example.org", "get", {})
    programs = {"coaching": program("coaching", "Coaching Program", own), "mentorship": program("mentorship", "Mentorship Program")}
    controls = controls_for(mentor(programs=["mentorship", "coaching"]), programs, SITE)
    assert [c.program.slug for c in controls] == ["mentorship", "coaching"]
    assert controls[0].url.startswith("https://forms.example.org/request?") and ("entry.3", "mentorship") in query(controls[0].url)
    assert controls[1].url.startswith("mailto:coaching@example.org?")
    assert "Mentorship Program" in controls[0].label and "Coaching Program" in controls[1].label


def test_a_mentor_of_no_program_gets_the_sites_handler_alone():
    [control] = controls_for(mentor(), {"coaching": program("coaching", "Coaching Program")}, SITE)
    assert control.program is None
    assert "entry.3" not in dict(query(control.url))


def test_programs_without_any_handler_give_no_control():
    programs = {"coaching": program("coaching", "Coaching"), "mentorship": program("mentorship", "Mentorship", SITE)}
    assert [c.program.slug for c in controls_for(mentor(programs=["coaching", "mentorship"]), programs, None)] == ["mentorship"]
    assert controls_for(mentor(programs=["coaching"]), programs, None) == []
    assert controls_for(mentor(), programs, None) == []


@pytest.mark.parametrize("keys, reason", [
    ({"accepting": False}, "Not accepting"),
    ({"capacity": 0}, "Full"),
    ({"accepting": False, "capacity": 2}, "Not accepting"),
])
def test_an_unavailable_mentor_keeps_a_disabled_control_with_the_reason(keys, reason):
    [control] = controls_for(mentor(**keys), {}, SITE)
    assert control.disabled and control.disabled_reason.startswith(reason)


@pytest.mark.parametrize("capacity", [None, 1, 3])
def test_an_available_mentor_has_an_enabled_control(capacity):
    [control] = controls_for(mentor(capacity=capacity), {}, SITE)
    assert not control.disabled and control.disabled_reason is None


# --- a program page's control ------------------------------------------------------------------


def test_a_program_control_asks_the_program_without_naming_a_mentor():
    control = program_control(program("coaching", "Coaching Program"), SITE)
    assert query(control.url) == [("entry.3", "coaching")]
    assert not control.disabled


def test_a_program_without_any_handler_has_no_control():
    assert program_control(program("coaching", "Coaching Program"), None) is None


def test_a_program_mail_control_names_the_program():
    control = program_control(program("coaching", "Coaching Program", RequestHandler("mailto:c@example.org")), None)
    _, message = mail_parts(control.url)
    assert message["subject"] == "Mentoring request: Coaching Program"


@pytest.mark.parametrize("url, shown", [
    ("https://forms.example.org/a?b=c", "forms.example.org"),
    ("http://127.0.0.1:8080/x", "127.0.0.1"),
    ("mailto:team@example.org?subject=x", "team@example.org"),
])
def test_destination_names_the_host_or_the_address(url, shown):
    assert destination(url) == shown


# --- a handler as a program writes it -----------------------------------------------------------


def program_problems(tmp_path, request_form: str) -> list[str]:
    from mentor_gallery.content.loader import load_roster
    from support import make_roster, profile

    guide = f"---\nname: Coaching\nsummary: Short sessions.\nrequest_form:\n{request_form}---\nGuide.\n"  # request_form: line 4
    result = load_roster(make_roster(tmp_path / "content", {"ana": profile(programs="[coaching]")}, {"coaching": guide}))
    return [f"{p.line}: {p.message}" for p in result.problems if p.severity == "error"]


@pytest.mark.parametrize("request_form, expected", [
    ("  url: https://forms.example.org/r\n  fields: {mentor: who, mentor_name: who}\n", "6: fields: mentor and mentor_name both map to 'who'"),
    ("  url: https://forms.example.org/r\n  method: put\n", "6: method must be get or post, not 'put'"),
    ("  url: javascript:alert(1)\n", "5: url 'javascript:alert(1)' must start with https:// or mailto:"),
    ("  url: https://forms.example.org/r\n  fields: {mentor: a, slug: b}\n", "6: unknown field 'slug'"),
    ("  method: get\n", "5: request_form needs a 'url:'"),
])
def test_a_programs_handler_mistake_is_reported_at_its_line(tmp_path, request_form, expected):
    messages = program_problems(tmp_path, request_form)
    assert any(m.startswith(expected) for m in messages), messages


def test_a_valid_programs_handler_loads(tmp_path):
    assert program_problems(tmp_path, "  url: mailto:c@example.org\n  fields: {mentor: m, program: p}\n") == []
