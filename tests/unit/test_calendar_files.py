"""Programs' calendars: every .ics file parses as RFC 5545 with a real iCalendar parser, times
carry their zone, and a meeting keeps its UID when it moves."""

from __future__ import annotations

import datetime as dt

import icalendar

from mentor_gallery import routes
from mentor_gallery.content.loader import load_roster
from mentor_gallery.settings import SiteSettings
from mentor_gallery.site.calendar_files import calendar_files
from mentor_gallery.site.pages import data_files
from round_program import ROUND, round_roster
from support import EXAMPLE_CONTENT

STAMP = dt.datetime(2026, 12, 3, 12, tzinfo=dt.timezone.utc)


def feed(tmp_path, text: str = ROUND, site_url: str | None = "https://mentors.example.org/") -> icalendar.Calendar:
    content = round_roster(tmp_path / "content", text)
    result = load_roster(content)
    assert result.ok, result.problems
    files = calendar_files(result.roster.programs, STAMP, site_url)
    return icalendar.Calendar.from_ical(files[routes.calendar("partnership")])


def events(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_a_meeting_starts_at_its_local_time_in_its_zone(tmp_path):
    calendar = feed(tmp_path)
    [zone] = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "America/Chicago"
    meeting = events(calendar)["meeting-setting-goals.2027-class.partnership@mentors.example.org"]
    start = meeting.decoded("DTSTART")
    assert meeting["DTSTART"].params["TZID"] == "America/Chicago"
    # 09:00 in Chicago in September (CDT, UTC-5) is 14:00 UTC; in December (CST, UTC-6) 13:00 is 19:00 UTC.
    assert start.astimezone(dt.timezone.utc) == dt.datetime(2027, 9, 10, 14, 0, tzinfo=dt.timezone.utc)
    winter = events(calendar)["meeting-budget-season.2027-class.partnership@mentors.example.org"]
    assert winter.decoded("DTSTART").astimezone(dt.timezone.utc) == dt.datetime(2027, 12, 3, 19, 0, tzinfo=dt.timezone.utc)
    assert str(winter["URL"]) == "https://video.example.org/r"


def test_application_dates_and_the_start_are_all_day_events(tmp_path):
    found = events(feed(tmp_path))
    close = found["applications-close.2027-class.partnership@mentors.example.org"]
    assert close.decoded("DTSTART") == dt.date(2027, 7, 31) and close.decoded("DTEND") == dt.date(2027, 8, 1)
    assert "last day to apply" in str(close["SUMMARY"])
    assert found["starts.2027-class.partnership@mentors.example.org"].decoded("DTSTART") == dt.date(2027, 8, 15)
    assert len(found) == 5


def test_a_moved_meeting_keeps_its_uid_with_the_new_time(tmp_path):
    before = events(feed(tmp_path / "before"))
    moved = ROUND.replace('{date: 2027-09-10, time: "09:00-12:00"', '{date: 2027-09-17, time: "14:00-17:00"')
    after = events(feed(tmp_path / "after", moved))
    assert set(before) == set(after)
    uid = "meeting-setting-goals.2027-class.partnership@mentors.example.org"
    assert after[uid].decoded("DTSTART") == dt.datetime(2027, 9, 17, 14, 0, tzinfo=after[uid].decoded("DTSTART").tzinfo)
    assert after[uid].decoded("DTSTART") != before[uid].decoded("DTSTART")


def test_each_meeting_file_holds_that_meeting_with_the_feeds_uid(tmp_path):
    content = round_roster(tmp_path / "content")
    files = calendar_files(load_roster(content).roster.programs, STAMP, None)
    single = icalendar.Calendar.from_ical(files[routes.meeting_calendar("partnership", "2027-class", "budget-season")])
    [event] = single.walk("VEVENT")
    assert str(event["UID"]) == "meeting-budget-season.2027-class.partnership@mentor-gallery.invalid"
    assert [z["TZID"] for z in single.walk("VTIMEZONE")] == ["America/Chicago"]


def test_every_calendar_the_example_site_publishes_parses(tmp_path):
    result = load_roster(EXAMPLE_CONTENT, timezone="America/New_York")
    files = {uri: data for uri, data in data_files(result.roster, SiteSettings(site_url="https://example.org/")).items() if uri.endswith(".ics")}
    assert routes.calendar("partnership") in files and len(files) > 3
    for uri, data in files.items():
        calendar = icalendar.Calendar.from_ical(data)
        assert calendar["VERSION"] == "2.0" and calendar["PRODID"], uri
        zones = {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")}
        for event in calendar.walk("VEVENT"):
            assert event["UID"] and event["DTSTAMP"], uri
            start = event["DTSTART"]
            if isinstance(start.dt, dt.datetime):
                assert start.params["TZID"] in zones, uri


def test_the_zensical_path_writes_the_same_calendar_files_and_journal_pages(tmp_path):
    from mentor_gallery.site.page_files import generated_files
    from mentor_gallery.site.render import FragmentRenderer
    from support import PROJECT

    result = load_roster(EXAMPLE_CONTENT, timezone="America/New_York")
    settings = SiteSettings(site_url="https://example.org/")
    out = generated_files(result.roster, settings, FragmentRenderer(PROJECT / "site-templates" / "mentor-gallery"))
    published = {uri for uri in data_files(result.roster, settings) if uri.endswith(".ics")}
    assert published and published <= set(out.files)
    assert all(f"programs/{p.slug}/journal/index.md" in out.files for p in result.roster.programs)
