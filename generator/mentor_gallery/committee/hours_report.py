"""The credentialing report in three forms: CSV for a spreadsheet, text for reading, and one
printable HTML page per mentor and year (autoescaped, print styles inline, no script)."""

from __future__ import annotations

import jinja2

from mentor_gallery.committee.hours import MentorYear, Relationship, Rules, hours_text
from mentor_gallery.committee.spreadsheet import csv_text
from mentor_gallery.content.slugs import slugify
from mentor_gallery.content.text import long_date

CSV_COLUMNS = ("mentor_email", "mentor_name", "year", "mentee_name", "mentee_position", "kind", "months", "sessions",
               "hours_logged", "hours_credited", "subjects", "note")
LIST_SEPARATOR = "; "


def csv_rows(report: list[MentorYear]) -> list[dict[str, str]]:
    rows = []
    for mentor in report:
        for r in mentor.relationships:
            rows.append({
                "mentor_email": mentor.mentor_email, "mentor_name": mentor.mentor_name, "year": str(mentor.year),
                "mentee_name": r.mentee_name, "mentee_position": r.mentee_position, "kind": LIST_SEPARATOR.join(r.kinds),
                "months": _span(r), "sessions": str(r.sessions), "hours_logged": hours_text(r.hours_logged),
                "hours_credited": hours_text(r.hours_credited), "subjects": LIST_SEPARATOR.join(r.subjects), "note": r.note,
            })
    return rows


def csv_report(report: list[MentorYear]) -> str:
    """One record per mentor, year and relationship; every cell defused (names are typed by members)."""
    return csv_text(CSV_COLUMNS, ([row[column] for column in CSV_COLUMNS] for row in csv_rows(report)))


def text_report(report: list[MentorYear], rules: Rules, association: str = "") -> str:
    lines = [f"{association}: c" if association else "C"]
    lines[0] += (f"redentialing hours (mentoring counts from {rules.min_months} months; a year's caps: "
             f"mentoring {hours_text(rules.mentoring_cap)}, coaching {hours_text(rules.coaching_cap)}, "
             f"together {hours_text(rules.total_cap)})")
    lines.append("")
    if not report:
        lines.append("No entries.")
    for mentor in report:
        lines.append(f"{_who(mentor)}, {mentor.year}: {hours_text(mentor.credited())} of {hours_text(mentor.logged())} "
                     f"hours credited (mentoring {hours_text(mentor.credited('mentoring'))}, coaching {hours_text(mentor.credited('coaching'))})")
        for r in mentor.relationships:
            span = f", {_months(r.months)}" if _span(r) else ""
            lines.append(f"  {_mentee(r)}: {' and '.join(r.kinds)}{span}, {r.sessions} session{'s' if r.sessions != 1 else ''}, "
                         f"{hours_text(r.hours_logged)} h logged, {hours_text(r.hours_credited)} h credited")
            if r.subjects:
                lines.append(f"    Subjects: {LIST_SEPARATOR.join(r.subjects)}")
            if r.note:
                lines.append(f"    Not credited: {r.note_with(long_date)}")
        lines.append("")
    return "\n".join(_one_line(line) for line in lines).rstrip("\n") + "\n"


def _who(mentor: MentorYear) -> str:
    return f"{mentor.mentor_name} <{mentor.mentor_email}>" if mentor.mentor_name else mentor.mentor_email


def _mentee(r: Relationship) -> str:
    return f"{r.mentee_name} ({r.mentee_position})" if r.mentee_position else r.mentee_name


def _span(r: Relationship) -> str:
    """The relationship's months, which only the mentoring rule reads: empty for coaching alone."""
    return str(r.months) if "mentoring" in r.kinds else ""


def _months(months: int) -> str:
    return f"{months} month{'s' if months != 1 else ''}"


def _one_line(text: str) -> str:
    # A subject typed over several lines stays on its own line of the report.
    return " ".join(text.split("\n")).replace("\r", "")


# --- html -----------------------------------------------------------------------------------

# One sheet for a typical year (three relationships, thirty sessions): every session in one table
# with the person's name, rather than a table per person, and compact print styles.
_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ association }}: mentoring and coaching hours {{ mentor.year }}, {{ mentor.mentor_name or mentor.mentor_email }}</title>
<style>
  body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; background: #fff; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
  .issuer { margin: 0; font-weight: 600; }
  h1 { font-size: 1.5rem; margin: 0 0 0.25rem; }
  h2 { font-size: 1.1rem; margin: 1.5rem 0 0.25rem; }
  .lead { margin: 0 0 1rem; }
  .table { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
  caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
  th, td { border: 1px solid #555; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
  th { background: #eee; }
  td.number, th.number { text-align: right; white-space: nowrap; }
  td.date { white-space: nowrap; }
  .notes { margin: 0.25rem 0 1rem; padding-left: 1.25rem; }
  .rules, .signature { font-size: 0.9rem; }
  .signature { margin-top: 3rem; display: flex; gap: 3rem; }
  .signature span { flex: 1; border-top: 1px solid #111; padding-top: 0.25rem; }
  @media print {
    @page { margin: 1.2cm 1.5cm; }
    body { margin: 0; max-width: none; padding: 0; font-size: 8.5pt; line-height: 1.2; }
    h1 { font-size: 13pt; }
    h2 { font-size: 9.5pt; margin: 0.4rem 0 0.1rem; }
    .lead { margin-bottom: 0.3rem; }
    table { margin: 0.15rem 0 0.4rem; }
    caption { padding: 0.1rem 0; }
    th, td { padding: 0.05rem 0.3rem; }
    th { background: none; }
    td.date, td.person { white-space: nowrap; }
    .notes { margin: 0.1rem 0 0.4rem; }
    .rules, .signature { font-size: 8pt; margin: 0.3rem 0; }
    tr, .signature { break-inside: avoid; }
    .signature { margin-top: 1.5rem; }
  }
</style>
</head>
<body>
<main>
<p class="issuer">{{ association }}</p>
<h1>Mentoring and coaching hours, {{ mentor.year }}</h1>
<p class="lead"><strong>{{ mentor.mentor_name or mentor.mentor_email }}</strong>{% if mentor.mentor_name %} &lt;{{ mentor.mentor_email }}&gt;{% endif %}:
  {{ h(mentor.credited()) }} of {{ h(mentor.logged()) }} hours logged are credited
  (mentoring {{ h(mentor.credited("mentoring")) }}, coaching {{ h(mentor.credited("coaching")) }}).</p>
<div class="table">
<table>
  <caption>Relationships</caption>
  <thead><tr><th scope="col">Person</th><th scope="col">Position</th><th scope="col">Kind</th>{% if mentoring %}<th scope="col" class="number">Months mentored</th>{% endif %}<th scope="col" class="number">Sessions</th><th scope="col" class="number">Hours logged</th><th scope="col" class="number">Hours credited</th></tr></thead>
  <tbody>
  {% for r in mentor.relationships %}
  <tr><th scope="row">{{ r.mentee_name }}</th><td>{{ r.mentee_position }}</td><td>{{ r.kinds | join(", ") }}</td>{% if mentoring %}<td class="number">{{ span(r) }}</td>{% endif %}<td class="number">{{ r.sessions }}</td><td class="number">{{ h(r.hours_logged) }}</td><td class="number">{{ h(r.hours_credited) }}</td></tr>
  {% endfor %}
  </tbody>
</table>
</div>
<div class="table">
<table>
  <caption>Sessions in {{ mentor.year }}</caption>
  <thead><tr><th scope="col">Date</th><th scope="col">Person</th><th scope="col">Kind</th><th scope="col" class="number">Hours</th><th scope="col" class="number">Credited</th><th scope="col">Subjects</th></tr></thead>
  <tbody>
  {% for c in sessions %}
  <tr><td class="date">{{ date(c.entry.date) }}</td><td class="person">{{ c.entry.mentee_name }}</td><td>{{ c.entry.kind }}</td><td class="number">{{ h(c.entry.hours) }}</td><td class="number">{{ h(c.hours) }}</td><td>{{ c.entry.subjects }}</td></tr>
  {% endfor %}
  </tbody>
</table>
</div>
{% if notes %}
<h2>Hours not credited</h2>
<ul class="notes">
{% for name, note in notes %}
  <li><strong>{{ name }}:</strong> {{ note }}</li>
{% endfor %}
</ul>
{% endif %}
<p class="rules">Rules applied: mentoring counts once a relationship has lasted {{ rules.min_months }} months, and mentoring one's own employee only within a formal program; in a calendar year at most {{ h(rules.mentoring_cap) }} mentoring hours, {{ h(rules.coaching_cap) }} coaching hours and {{ h(rules.total_cap) }} hours together are credited, in date order.</p>
<p class="signature"><span>Mentor's signature and date</span><span>Reviewed for {{ association }}</span></p>
</main>
</body>
</html>
"""

_ENV = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
_TEMPLATE = _ENV.from_string(_PAGE)


def html_pages(report: list[MentorYear], rules: Rules, association: str) -> dict[str, str]:
    """File name -> page: `<year>-<mentor>.html`, the mentor's name as a slug (or the email's),
    numbered when two mentors share one. association: who issues the report (settings)."""
    pages: dict[str, str] = {}
    for mentor in report:
        stem = f"{mentor.year}-{slugify(mentor.mentor_name) or slugify(mentor.mentor_email) or 'mentor'}"[:100]
        name, count = f"{stem}.html", 1
        while name in pages:
            count += 1
            name = f"{stem}-{count}.html"
        sessions = sorted((c for r in mentor.relationships for c in r.credits), key=lambda c: (c.entry.date, c.entry.record))
        notes = [(r.mentee_name, r.note_with(long_date)) for r in mentor.relationships if r.note]
        pages[name] = _TEMPLATE.render(mentor=mentor, rules=rules, h=hours_text, date=long_date, span=_span, sessions=sessions,
                                       notes=notes, association=association,
                                       mentoring=any("mentoring" in r.kinds for r in mentor.relationships))
    return pages
