"""What the program page and the home page show of programs' rounds, as of the build.

The build's moment is SOURCE_DATE_EPOCH when set (reproducible builds, tests), else now. The
page is right without JavaScript on the day it was built; rounds.js decides the Apply control
again from the reader's date, in the program's time zone, and the daily rebuild moves the rest.
"""

from __future__ import annotations

import datetime as dt
import os
import zoneinfo
from dataclasses import dataclass

from mentor_gallery import routes
from mentor_gallery.content.model import Form, Meeting, Program, Round


def build_moment() -> dt.datetime:
    """The build's time, in UTC, to the second."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def local_day(moment: dt.datetime, zone: str) -> dt.date:
    """The date it is at `moment` where the program is."""
    return moment.astimezone(zoneinfo.ZoneInfo(zone)).date()


def long_date(day: dt.date) -> str:
    """September 10, 2027: no leading zero, the same in every locale the build runs in."""
    return f"{day:%B} {day.day}, {day.year}"


def iso(day: dt.date) -> str:
    return day.isoformat()


@dataclass(frozen=True)
class MeetingView:
    topic: str
    when: str  # Friday, September 10, 2027, 9:00 to 12:00 EDT
    place: str
    online: bool
    calendar_url: str  # its .ics file


@dataclass(frozen=True)
class ApplyWindow:
    """The Apply control of one round: open or closed as of the build; rounds.js decides again."""

    opens: str  # ISO dates, for the script
    closes: str
    timezone: str
    url: str | None  # the mentee application, where the site has one
    label: str
    state: str  # before, during or after the window, as of the build
    before: str  # the status line in each state
    during: str
    after: str

    @property
    def open_now(self) -> bool:
        return self.state == "during"

    @property
    def status(self) -> str:
        return {"before": self.before, "during": self.during, "after": self.after}[self.state]


@dataclass(frozen=True)
class RoundView:
    key: str
    name: str
    applications: str  # May 3 to July 30, 2027
    runs: str
    places: int | None
    apply: ApplyWindow
    meetings: tuple[MeetingView, ...]


def _hours(time: dt.time) -> str:
    return f"{time.hour}:{time.minute:02d}"


def meeting_view(program: Program, round_: Round, meeting: Meeting) -> MeetingView:
    zone = zoneinfo.ZoneInfo(program.timezone)
    start = dt.datetime.combine(meeting.date, meeting.start, zone)
    end = dt.datetime.combine(meeting.date, meeting.end, zone)
    when = f"{start:%A}, {long_date(meeting.date)}, {_hours(meeting.start)} to {_hours(meeting.end)} {end:%Z}"
    return MeetingView(meeting.topic, when, meeting.place, meeting.online,
                       routes.meeting_calendar(program.slug, round_.key, meeting.key))


def _span(first: dt.date, last: dt.date) -> str:
    if first.year == last.year:
        return f"{first:%B} {first.day} to {long_date(last)}"
    return f"{long_date(first)} to {long_date(last)}"


def apply_window(round_: Round, program: Program, today: dt.date, application: Form | None) -> ApplyWindow:
    key = "during" if round_.taking_applications(today) else ("after" if today > round_.closes else "before")
    return ApplyWindow(
        opens=iso(round_.opens), closes=iso(round_.closes), timezone=program.timezone,
        url=routes.form(application.slug) if application else None,
        label=f"Apply for the {round_.name}",
        state=key,
        before=f"Applications open on {long_date(round_.opens)}.",
        during=f"Applications are open until {long_date(round_.closes)}.",
        after=f"Applications closed on {long_date(round_.closes)}.",
    )


def round_views(program: Program, moment: dt.datetime, application: Form | None) -> tuple[RoundView, ...]:
    """The current round and the next, as of the build, where the program is."""
    today = local_day(moment, program.timezone)
    return tuple(
        RoundView(r.key, r.name, _span(r.opens, r.closes), _span(r.starts, r.ends), r.places,
                  apply_window(r, program, today, application),
                  tuple(meeting_view(program, r, m) for m in r.meetings))
        for r in program.upcoming_rounds(today))


def mentee_application(forms: list[Form]) -> Form | None:
    """The form members apply with: the one that asks for their needs (as `match` reads it)."""
    return next((f for f in forms if any(field.name == "needs" for field in f.fields)), None)


def open_rounds(programs: list[Program], moment: dt.datetime) -> list[dict]:
    """The rounds taking applications on the build's day, for the home page."""
    found = []
    for program in programs:
        today = local_day(moment, program.timezone)
        for round_ in program.rounds:
            if round_.taking_applications(today):
                found.append({"program": program.name, "round": round_.name, "url": routes.program(program.slug),
                              "closes": long_date(round_.closes), "opens_iso": iso(round_.opens),
                              "closes_iso": iso(round_.closes), "timezone": program.timezone})
    return found
