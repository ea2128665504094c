"""A program's `rounds` and `timezone`: the application windows, classes, group meetings and
surveys of its calendar, checked at their lines.

Dates are checked against each other (a window that closes after the class starts, a meeting
outside the class, two classes that overlap); whether a survey's form exists is checked by the
loader, which knows every form (`survey_form_problems`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import zoneinfo
from typing import Any, Iterator

from mentor_gallery.content import rules
from mentor_gallery.content.model import SURVEY_AUDIENCES, Meeting, Program, Round, Survey
from mentor_gallery.content.slugs import slugify
from mentor_gallery.problems import Problem, did_you_mean, display_path

ROUND_KEYS = ("name", "applications", "starts", "ends", "places", "meetings", "surveys")
WINDOW_KEYS = ("opens", "closes")
MEETING_KEYS = ("date", "time", "place", "topic", "id")
SURVEY_KEYS = ("form", "after_months", "to")
MAX_ROUNDS = 50
MAX_MEETINGS = 60
_TIMES = re.compile(r"([0-2][0-9]):([0-5][0-9])\s*-\s*([0-2][0-9]):([0-5][0-9])")


def zone_problem(name: Any) -> str | None:
    """Why `name` is not a time zone the build can use, or None."""
    if not isinstance(name, str) or not name.strip():
        return "timezone must be an IANA time zone name, e.g. America/Chicago or Europe/Paris"
    try:
        zoneinfo.ZoneInfo(name.strip())
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        hint = did_you_mean(name.strip(), sorted(zoneinfo.available_timezones()))
        return f"unknown time zone '{name}'{hint or '; use an IANA name such as America/Chicago, America/New_York or UTC'}"
    return None


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the month's last day where it has no such day (Jan 31 + 1: Feb 28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def timezone_from(report: Any, data: dict, default: str | None) -> str:
    """The program's time zone: its own `timezone`, else the site's, else UTC."""
    value = data.get("timezone")
    if value is None:
        return default or "UTC"
    problem = zone_problem(value)
    if problem:
        report.error(("timezone",), problem)
        return default or "UTC"
    return value.strip()


def rounds_from(report: Any, value: Any) -> tuple[Round, ...]:
    """Every round of `rounds:`, each mistake an error at its line; rounds with an error left out."""
    where: tuple = ("rounds",)
    if not isinstance(value, list):
        report.error(where, "rounds must be a list of rounds, each with name, applications {opens, closes}, starts and ends")
        return ()
    if len(value) > MAX_ROUNDS:
        report.error(where, f"rounds lists {len(value)} rounds; keep it to {MAX_ROUNDS} or fewer (remove the oldest)")
        return ()
    found: list[tuple[int, Round]] = []
    for index, entry in enumerate(value):
        round_ = _round(report, entry, where + (index,))
        if round_ is not None:
            found.append((index, round_))
    seen: dict[str, int] = {}
    for index, round_ in found:
        if round_.key in seen:
            report.error(where + (index, "name"), f"two rounds are named '{round_.name}'; give each round its own name")
        seen.setdefault(round_.key, index)
    ordered = sorted(found, key=lambda pair: pair[1].starts)
    for (_, earlier), (index, later) in zip(ordered, ordered[1:]):
        if later.starts <= earlier.ends:
            report.error(where + (index, "starts"), f"round '{later.name}' starts on {later.starts} while round '{earlier.name}' "
                                                    f"runs until {earlier.ends}; rounds may not overlap: move one of the dates")
    return tuple(round_ for _, round_ in ordered)


def _round(report: Any, entry: Any, where: tuple) -> Round | None:
    if not isinstance(entry, dict):
        report.error(where, "a round must be a mapping with name, applications, starts and ends")
        return None
    before = len(report.problems)
    report.unknown_keys(entry, ROUND_KEYS, where)
    name = report.text(entry, "name", where, required=True)
    key = slugify(name) if name else ""
    if name and not key:
        report.error(where + ("name",), f"round name '{name}' has no letters or digits; name it, e.g. '2027 class'")
    window = entry.get("applications")
    opens = closes = None
    if not isinstance(window, dict):
        report.error(where + ("applications",), "applications must give the window as {opens: YYYY-MM-DD, closes: YYYY-MM-DD}")
    else:
        report.unknown_keys(window, WINDOW_KEYS, where + ("applications",))
        opens = _day(report, window, "opens", where + ("applications",))
        closes = _day(report, window, "closes", where + ("applications",))
    starts = _day(report, entry, "starts", where)
    ends = _day(report, entry, "ends", where)
    places = report.count(entry, "places", where)
    if places == 0:
        report.error(where + ("places",), "places must be 1 or more, or left out")
    if opens and closes and closes < opens:
        report.error(where + ("applications", "closes"), f"applications close on {closes}, before they open on {opens}; swap the dates")
    if closes and starts and closes > starts:
        report.error(where + ("applications", "closes"), f"applications close on {closes}, after the round starts on {starts}; "
                                                         "close the window on or before the start")
    if starts and ends and ends < starts:
        report.error(where + ("ends",), f"the round ends on {ends}, before it starts on {starts}")
    meetings = _meetings(report, entry.get("meetings"), where + ("meetings",), starts, ends)
    surveys = _surveys(report, entry.get("surveys"), where + ("surveys",))
    if len(report.problems) > before or not (name and key and opens and closes and starts and ends):
        return None
    return Round(key, name, opens, closes, starts, ends, places, meetings, surveys)


def _day(report: Any, mapping: dict, key: str, where: tuple) -> dt.date | None:
    value = mapping.get(key)
    if value is None:
        report.error(where + (key,) if key in mapping else where, f"{key} is required: a date written YYYY-MM-DD")
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    report.error(where + (key,), f"{key} must be a date written YYYY-MM-DD, not '{value}'")
    return None


def _meetings(report: Any, value: Any, where: tuple, starts: dt.date | None, ends: dt.date | None) -> tuple[Meeting, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > MAX_MEETINGS:
        report.error(where, f"meetings must be a list of at most {MAX_MEETINGS} meetings, "
                            "each {date: YYYY-MM-DD, time: \"HH:MM-HH:MM\", place: ..., topic: ...}")
        return ()
    meetings: list[Meeting] = []
    keys: dict[str, int] = {}
    for index, at, entry in _mappings(report, value, MEETING_KEYS, where, "a meeting must be a mapping with date, time, place and topic"):
        day = _day(report, entry, "date", at)
        times = _times(report, entry, at)
        place = _place(report, entry, at)
        topic = report.text(entry, "topic", at, required=True)
        given = entry.get("id")
        if given is not None and (not isinstance(given, str) or slugify(given) != given):
            report.error(at + ("id",), f"id '{given}' must use only a-z, 0-9 and '-'")
            given = None
        key = given or (slugify(topic) if topic else "")
        if day and starts and ends and not starts <= day <= ends:
            report.error(at + ("date",), f"the meeting on {day} falls outside the round ({starts} to {ends}); "
                                         "move it into the round, or change the round's dates")
        if key and key in keys:
            report.error(at + ("topic",), f"two meetings of this round are known as '{key}'; give one an 'id:' of its own "
                                          "(calendars follow a meeting by it, so it must not change when the meeting moves)")
            continue
        if day and times and place and topic and key:
            keys[key] = index
            meetings.append(Meeting(key, day, times[0], times[1], place, topic))
    return tuple(sorted(meetings, key=lambda m: (m.date, m.start)))


def _mappings(report: Any, value: list, keys: tuple[str, ...], where: tuple, not_mapping: str) -> Iterator[tuple[int, tuple, dict]]:
    """Each entry of the list that is a mapping, with its index and place, its unknown keys reported;
    any other entry is the error `not_mapping` at its line and is skipped."""
    for index, entry in enumerate(value):
        at = where + (index,)
        if not isinstance(entry, dict):
            report.error(at, not_mapping)
            continue
        report.unknown_keys(entry, keys, at)
        yield index, at, entry


def _times(report: Any, entry: dict, where: tuple) -> tuple[dt.time, dt.time] | None:
    value = entry.get("time")
    match = _TIMES.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        report.error(where + ("time",) if "time" in entry else where,
                     f"time must be the start and end in the program's time zone, quoted, e.g. time: \"09:00-12:00\"; not '{value}'")
        return None
    h1, m1, h2, m2 = (int(part) for part in match.groups())
    if h1 > 23 or h2 > 23:
        report.error(where + ("time",), f"time '{value}' names an hour above 23")
        return None
    start, end = dt.time(h1, m1), dt.time(h2, m2)
    if end <= start:
        report.error(where + ("time",), f"time '{value}' ends before it starts; a meeting runs within one day, e.g. \"13:00-16:00\"")
        return None
    return start, end


def _place(report: Any, entry: dict, where: tuple) -> str | None:
    place = report.text(entry, "place", where, required=True)
    if place and re.match(r"[a-z][a-z0-9+.-]*:", place, re.IGNORECASE) and not place.lower().startswith(("https:", "http:")):
        report.error(where + ("place",), f"place '{place}' must be a place in words or a video link starting with https://")
        return None
    if place and place.lower().startswith(("https:", "http:")):
        problem = rules.url_problem("place", place)
        if problem or place.lower().startswith("mailto:"):
            report.error(where + ("place",), problem or "place must be a place in words or an https:// video link")
            return None
    return place


def _surveys(report: Any, value: Any, where: tuple) -> tuple[Survey, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        report.error(where, "surveys must be a list, each {form: FORM-SLUG, after_months: N, to: mentors|mentees|both}")
        return ()
    surveys: list[Survey] = []
    for _, at, entry in _mappings(report, value, SURVEY_KEYS, where, "a survey must be a mapping with form, after_months and to"):
        form = entry.get("form")
        if not isinstance(form, str) or not form.strip():
            report.error(at + ("form",) if "form" in entry else at, "a survey needs 'form:', the slug of a form in content/forms")
            form = None
        after = entry.get("after_months")
        if isinstance(after, bool) or not isinstance(after, int) or not 0 <= after <= 120:
            report.error(at + ("after_months",) if "after_months" in entry else at,
                         f"after_months must be a whole number of months after the round starts (0 to 120), not '{after}'")
            after = None
        to = entry.get("to", "both")
        if to not in SURVEY_AUDIENCES:
            report.error(at + ("to",), f"to must be one of {', '.join(SURVEY_AUDIENCES)}, not '{to}'{did_you_mean(str(to), SURVEY_AUDIENCES)}")
            to = None
        if form and after is not None and to:
            surveys.append(Survey(form.strip(), after, to, report.document.line(*at, "form")))
    return tuple(surveys)


def survey_form_problems(programs: list[Program], form_slugs: set[str]) -> list[Problem]:
    """A survey naming a form that content/forms does not hold: an error at its `form` line."""
    problems = []
    for program in programs:
        for round_ in program.rounds:
            for survey in round_.surveys:
                if survey.form not in form_slugs:
                    hint = did_you_mean(survey.form, sorted(form_slugs)) or (
                        f"; forms: {', '.join(sorted(form_slugs))}" if form_slugs else "; content/forms holds no form yet")
                    problems.append(Problem(display_path(program.path), survey.line,
                                            f"survey form '{survey.form}' does not exist{hint}; add content/forms/{survey.form}.yml or fix the name"))
    return problems
