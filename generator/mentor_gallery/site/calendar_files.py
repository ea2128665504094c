"""A program's calendar as RFC 5545 files: the feed `programs/<slug>/calendar.ics` and one file
per group meeting ("Add to calendar").

Times carry the program's time zone (TZID, with its VTIMEZONE), so a calendar in another zone
shows them right, daylight saving included. Every event's UID is made from what identifies it
(program, round, meeting), never from its date or time: a subscribed calendar that reads the
feed again after a meeting moves updates that meeting instead of adding a second one.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from mentor_gallery import routes
from mentor_gallery.content.model import Meeting, Program, Round

PRODUCT = "-//Mentor Gallery//Program calendar//EN"
# Where a UID says it comes from when the site states no address of its own.
DEFAULT_DOMAIN = "mentor-gallery.invalid"


def uid_domain(site_url: str | None) -> str:
    """The site's host name: UIDs then cannot clash with another association's."""
    host = urlsplit(site_url).hostname if site_url else None
    return host or DEFAULT_DOMAIN


def meeting_uid(program: Program, round_: Round, meeting: Meeting, domain: str) -> str:
    return f"meeting-{meeting.key}.{round_.key}.{program.slug}@{domain}"


def milestone_uid(program: Program, round_: Round, what: str, domain: str) -> str:
    return f"{what}.{round_.key}.{program.slug}@{domain}"


def _calendar(name: str, zone: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", zone)
    return calendar


def _meeting_event(program: Program, round_: Round, meeting: Meeting, stamp: dt.datetime, domain: str) -> Event:
    zone = zoneinfo.ZoneInfo(program.timezone)
    event = Event()
    event.add("uid", meeting_uid(program, round_, meeting, domain))
    event.add("dtstamp", stamp)
    event.add("dtstart", dt.datetime.combine(meeting.date, meeting.start, zone))
    event.add("dtend", dt.datetime.combine(meeting.date, meeting.end, zone))
    event.add("summary", f"{program.name}: {meeting.topic}")
    event.add("location", meeting.place)
    if meeting.online:
        event.add("url", meeting.place)
    # Only the host of site_url goes into a file (in the UID): a file stays the same wherever
    # under that host the site is served.
    event.add("description", f"Group meeting of the {round_.name} ({program.name}).")
    return event


def _day_event(uid: str, day: dt.date, summary: str, stamp: dt.datetime) -> Event:
    """An all-day event: a date, not a time, so it stays on its day in every time zone."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    return event


def _finish(calendar: Calendar, days: list[dt.date]) -> bytes:
    # The zone's rules for the years the calendar covers, not for 1970 onwards.
    if days:
        calendar.add_missing_timezones(first_date=dt.date(min(days).year - 1, 1, 1), last_date=dt.date(max(days).year + 2, 1, 1))
    return calendar.to_ical()


def program_feed(program: Program, stamp: dt.datetime, site_url: str | None) -> bytes:
    """Every round's application dates and start, and every group meeting."""
    domain = uid_domain(site_url)
    calendar = _calendar(program.name, program.timezone)
    days: list[dt.date] = []
    for round_ in program.rounds:
        name = f"{program.name}, {round_.name}"
        calendar.add_component(_day_event(milestone_uid(program, round_, "applications-open", domain), round_.opens,
                                          f"{name}: applications open", stamp))
        calendar.add_component(_day_event(milestone_uid(program, round_, "applications-close", domain), round_.closes,
                                          f"{name}: last day to apply", stamp))
        calendar.add_component(_day_event(milestone_uid(program, round_, "starts", domain), round_.starts,
                                          f"{name} starts", stamp))
        for meeting in round_.meetings:
            calendar.add_component(_meeting_event(program, round_, meeting, stamp, domain))
            days.append(meeting.date)
    return _finish(calendar, days)


def meeting_file(program: Program, round_: Round, meeting: Meeting, stamp: dt.datetime, site_url: str | None) -> bytes:
    """One meeting, with the same UID as in the feed: importing both never makes two."""
    calendar = _calendar(f"{program.name}: {meeting.topic}", program.timezone)
    calendar.add_component(_meeting_event(program, round_, meeting, stamp, uid_domain(site_url)))
    return _finish(calendar, [meeting.date])


def calendar_files(programs: list[Program], stamp: dt.datetime, site_url: str | None) -> dict[str, bytes]:
    """The feed of every program with rounds, and a file per meeting, by URI."""
    files: dict[str, bytes] = {}
    for program in programs:
        if not program.rounds:
            continue
        files[routes.calendar(program.slug)] = program_feed(program, stamp, site_url)
        for round_ in program.rounds:
            for meeting in round_.meetings:
                files[routes.meeting_calendar(program.slug, round_.key, meeting.key)] = meeting_file(program, round_, meeting, stamp, site_url)
    return files
