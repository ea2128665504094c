"""`mentor-gallery match REQUESTS.csv [--out FILE] [--introductions DIR] [CONTENT_DIR]`: propose a
mentor to each applicant.

REQUESTS.csv is either a sheet with the columns of COLUMNS or the mentee application's
responses as a form service exports them (columns by field name or label, others set aside;
see committee/form_responses.py). Reads every record first and reports each bad one as
FILE:RECORD: message; writes nothing unless all are good. The assignment itself is
`matching.assign`; the score is `scoring.score`; introductions are committee/introductions.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mentor_gallery.commands.check import print_problems
from mentor_gallery.commands.options import options_first
from mentor_gallery.commands.private_output import input_text, refused, write_files, write_out
from mentor_gallery.committee.form_responses import Record, form_columns, read_responses, split_choices
from mentor_gallery.committee.introductions import introductions, site_address
from mentor_gallery.committee.spreadsheet import csv_text
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.model import FREQUENCY, MEETING, Roster, Term, Vocabulary
from mentor_gallery.content.slugs import fold
from mentor_gallery.matching.assignment import ALTERNATIVES, Proposal, assign
from mentor_gallery.matching.places import round_of, within_places
from mentor_gallery.matching.scoring import Applicant, Candidate
from mentor_gallery.problems import did_you_mean, display_path, errors
from mentor_gallery.settings import find_config, read_settings

COLUMNS = ("name", "email", "region", "needs", "frequency", "meeting", "program", "remote")
REQUIRED = ("name", "needs")
ALTERNATIVE_COLUMNS = tuple(f"alternative_{i + 1}" for i in range(ALTERNATIVES))
OUTPUT_COLUMNS = ("applicant", "mentor", "score", "reasons", *ALTERNATIVE_COLUMNS,
                  "mentor_name", "email", *(f"{column}_name" for column in ALTERNATIVE_COLUMNS), "mentor_email")
_INTRODUCTION_NAME = re.compile(r"[0-9]+-[a-z0-9-]+\.txt")


@dataclass
class Requests:
    applicants: list[Applicant] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "FILE:RECORD: message"
    notes: list[str] = field(default_factory=list)  # "FILE:header: ..." columns set aside


def read_requests(text: str, shown: str, roster: Roster) -> Requests:
    """Applicants from REQUESTS.csv text; every bad record reported, none skipped silently."""
    # The mentee application's labels name the columns of a form service's export.
    columns = form_columns(COLUMNS, roster.forms, marker="needs", numbered=["needs"])
    responses = read_responses(text, columns, REQUIRED)
    result = Requests(notes=[f"{shown}:{note}" for note in responses.notes])
    result.problems += [f"{shown}:{message}" for message in responses.problems]
    for record in responses.records:
        messages: list[str] = []
        applicant = _applicant(record, roster, messages)
        result.problems += [f"{shown}:{record.number}: {m}" for m in messages]
        if applicant and not messages:
            result.applicants.append(applicant)
    return result


def _applicant(record: Record, roster: Roster, messages: list[str]) -> Applicant | None:
    name = record.text("name")
    if not name:
        messages.append("name is empty; give the applicant's name")
    expertise = roster.taxonomy.expertise
    needs = _terms(record.parts("needs"), expertise, "need", expertise.labels, messages)
    if not any(split_choices(part, expertise) for part in record.parts("needs")):
        messages.append("needs is empty; list the applicant's developmental needs, most important first, separated by ';'")
    region = None
    if record.text("region"):
        region = roster.taxonomy.regions.find_loose(record.text("region"))
        if region is None:
            messages.append(_unknown("region", record.text("region"), roster.taxonomy.regions.labels))
    frequency = None
    if record.text("frequency"):
        frequency = FREQUENCY.find_loose(record.text("frequency"))
        if frequency is None:
            messages.append(_unknown("frequency", record.text("frequency"), [t.slug for t in FREQUENCY.terms]))
    meeting = _terms(record.parts("meeting"), MEETING, "meeting mode", [t.slug for t in MEETING.terms], messages)
    program = None
    if record.text("program"):
        program = _program(record.text("program"), roster)
        if program is None:
            messages.append(_unknown("program", record.text("program"), [p.slug for p in roster.programs]))
    remote_text = record.text("remote").lower()
    remote = {"yes": True, "no": False, "": None}.get(remote_text)
    if remote_text not in ("yes", "no", ""):
        messages.append(f"remote must be yes, no or empty, not '{record.text('remote')}'")
    if remote is False and not record.text("region"):
        messages.append("remote is 'no' but region is empty; give the applicant's region, or leave remote empty")
    if messages:
        return None
    return Applicant(name=name, needs=tuple(needs), region=region, remote=remote, frequency=frequency,
                     meeting=tuple(meeting), program=program, email=record.text("email"))


def _terms(cells: tuple[str, ...], vocabulary: Vocabulary, what: str, choices: list[str], messages: list[str]) -> list[Term]:
    """The terms of a multichoice or ranked answer, in order; a repeated one counts at its first place."""
    found: list[Term] = []
    for cell in cells:
        for part in split_choices(cell, vocabulary):
            term = vocabulary.find_loose(part)
            if term is None:
                messages.append(_unknown(what, part, choices))
            elif term not in found:
                found.append(term)
    return found


def _program(text: str, roster: Roster) -> Term | None:
    folded = fold(text.strip())
    for program in roster.programs:
        if folded in (program.slug, fold(program.name)):
            return Term(program.name, program.slug)
    return None


def _unknown(what: str, value: str, choices: list[str]) -> str:
    hint = did_you_mean(value, choices) or f"; choose one of: {', '.join(choices)}"
    return f"unknown {what} '{value}'{hint}"


def proposals_csv(proposals: list[Proposal], mentor_emails: dict[str, str] | None = None) -> str:
    """The proposals as CSV; every cell defused, since applicants' names are typed by strangers.
    mentor_emails: the proposed mentors' contact emails by slug (the committee's to know)."""
    mentor_emails = mentor_emails or {}
    rows = []
    for p in proposals:
        padding = [""] * (ALTERNATIVES - len(p.alternatives))
        cells = [p.applicant.name, p.mentor.slug if p.mentor else "", str(p.score.value) if p.score else "", p.reasons,
                 *[c.slug for c in p.alternatives], *padding,
                 p.mentor.name if p.mentor else "", p.applicant.email, *[c.name for c in p.alternatives], *padding,
                 mentor_emails.get(p.mentor.slug, "") if p.mentor else ""]
        rows.append(cells)
    return csv_text(OUTPUT_COLUMNS, rows)


def mentor_emails(roster: Roster) -> dict[str, str]:
    """Each mentor's contact email by slug, public or not: the proposals are the committee's."""
    return {m.slug: m.contact.email for m in roster.mentors if m.contact and m.contact.email}


def run(args: argparse.Namespace) -> int:
    content = Path(args.content_dir)
    requests_path = Path(args.requests)
    shown = display_path(requests_path)
    result = load_roster(content)
    config = find_config(content, args.config)
    settings = read_settings(config)
    problems = errors(result.problems + settings.problems)
    if problems:
        print_problems(problems)
        print(f"{len(problems)} problem(s) in {content} or its mkdocs.yml; run 'mentor-gallery check' and fix them first.", file=sys.stderr)
        return 1
    # The proposals name applicants and mentors side by side: never where the site is built from.
    if refused(args.out, content, config) or refused(args.introductions, content, config):
        return 1
    # Known before anything is written: no letters with a path for an address.
    site_url, site_problem = site_address(settings.site_url, config) if args.introductions else (None, None)
    text = input_text(requests_path, shown)
    if text is None:
        return 1
    requests = read_requests(text, shown, result.roster)
    for note in requests.notes:
        print(note, file=sys.stderr)
    if requests.problems:
        for message in requests.problems:
            print(message, file=sys.stderr)
    if site_problem:
        print(site_problem, file=sys.stderr)
    if requests.problems or site_problem:
        places = [shown] * bool(requests.problems) + [display_path(config)] * bool(site_problem)
        print(f"{len(requests.problems) + bool(site_problem)} problem(s) in {' and '.join(places)}; nothing was matched.", file=sys.stderr)
        return 1
    roster = result.roster
    programs = {p.slug: p for p in roster.programs}
    candidates = [Candidate.from_mentor(m, programs) for m in sorted(roster.mentors, key=lambda m: m.slug)]
    proposals = assign(requests.applicants, candidates, settings.weights, roster.taxonomy.max_expertise)
    proposals = _limit_to_places(proposals, args.places, requests.applicants, roster)
    output = proposals_csv(proposals, mentor_emails(roster))
    if not write_out(args.out, output):
        return 1
    placed = sum(1 for p in proposals if p.mentor)
    print(f"placed {placed} of {len(proposals)} applicant(s)", file=sys.stderr)
    pool = [p.applicant.name for p in proposals if p.mentor is None]
    if pool:
        print(f"pool for the next round ({len(pool)}): {'; '.join(pool)}", file=sys.stderr)
    if args.introductions:
        return _write_introductions(Path(args.introductions), proposals, roster, site_url)
    return 0


def _limit_to_places(proposals: list[Proposal], places: int | None, applicants: list[Applicant], roster: Roster) -> list[Proposal]:
    """At most `places` placed (--places, else the places of the round the applicants apply for)."""
    if places is None:
        found = round_of(applicants, roster, dt.date.today())
        if found is None or found[1].places is None:
            return proposals
        places = found[1].places
        print(f"{found[0].name}, {found[1].name}: {places} place(s)", file=sys.stderr)
    return within_places(proposals, places)


def _write_introductions(folder: Path, proposals: list[Proposal], roster: Roster, site_url: str | None) -> int:
    written = introductions(proposals, roster, site_url)
    if not write_files(folder, {item.file_name: item.text for item in written}, str(folder)):
        return 1
    print(f"wrote {len(written)} introduction(s) into {folder}", file=sys.stderr)
    # A file of an earlier round would read as current: say so rather than delete it.
    names = {item.file_name for item in written}
    earlier = sorted(p.name for p in folder.iterdir() if _INTRODUCTION_NAME.fullmatch(p.name) and p.name not in names)
    if earlier:
        print(f"{folder} also holds {len(earlier)} introduction(s) this run did not write: {', '.join(earlier)}", file=sys.stderr)
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("match", help="propose a mentor to each applicant of a requests CSV")
    parser.add_argument("requests", metavar="REQUESTS.csv",
                        help=f"one applicant per record; columns: {', '.join(COLUMNS)}, or the mentee application's labels")
    parser.add_argument("content_dir", nargs="?", default="content", metavar="CONTENT_DIR")
    parser.add_argument("--out", metavar="FILE", help="write the proposals here instead of stdout")
    parser.add_argument("--introductions", metavar="DIR", help="also write an introduction message per proposed pair into DIR")
    parser.add_argument("--config", type=Path, default=None, help="mkdocs.yml with the matching weights (default: beside CONTENT_DIR)")
    parser.add_argument("--places", type=_places, default=None, metavar="N",
                        help="place at most N applicants (default: the places of the round they apply for); the others are the pool for the next round")
    parser.set_defaults(run=run)
    options_first(parser, valued={"--out", "--introductions", "--config", "--places"})


def _places(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"--places must be a whole number of 1 or more, not '{text}'")
    return int(text)
