"""One program with one round (two meetings, one survey), as the rounds and calendar tests load it."""

from __future__ import annotations

from pathlib import Path

from support import make_roster, profile

SURVEY_FORM = "title: Midpoint\naction: https://forms.example.org/s\nfields:\n  - {name: q, label: Q, type: scale}\n"

# Lines: 1 ---, 2 name, 3 summary, 4 timezone, 5 rounds:, 6 - name, 7 applications, 8 starts, 9 ends,
# 10 places, 11 meetings:, 12 first meeting, 13 second meeting, 14 surveys:, 15 first survey
ROUND = """\
---
name: Partnership
summary: A class a year.
timezone: America/Chicago
rounds:
  - name: 2027 class
    applications: {opens: 2027-05-01, closes: 2027-07-31}
    starts: 2027-08-15
    ends: 2028-04-15
    places: 30
    meetings:
      - {date: 2027-09-10, time: "09:00-12:00", place: "Springfield, Room 2", topic: Setting goals}
      - {date: 2027-12-03, time: "13:00-16:00", place: "https://video.example.org/r", topic: Budget season}
    surveys:
      - {form: midpoint, after_months: 3, to: both}
---
Guide.
"""


def round_roster(root: Path, text: str = ROUND, forms: dict[str, str] | None = None) -> Path:
    """A content folder at root: one mentor, the program `partnership` written as text, and the
    survey form its round names (forms, when given, instead)."""
    return make_roster(root, {"ana": profile()}, {"partnership": text},
                       forms={"midpoint": SURVEY_FORM} if forms is None else forms)
