"""`mentor-gallery match REQUESTS.csv [--out FILE] [CONTENT_DIR]`: propose a mentor to each applicant.

Reads every record first and reports each bad one as FILE:RECORD: message; writes nothing
unless all are good. The assignment itself is `matching.assign`; the score is `scoring.score`.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mentor_gallery.commands.check import print_problems
from mentor_gallery.committee.spreadsheet import defuse, read_rows
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.model import FREQUENCY, MEETING, Roster, Term
from mentor_gallery.content.slugs import fold
from mentor_gallery.matching.assignment import ALTERNATIVES, Proposal, assign
from mentor_gallery.matching.scoring import Applicant, Candidate
from mentor_gallery.problems import did_you_mean, display_path, errors
from mentor_gallery.settings import find_config, read_settings

COLUMNS = ("name", "email", "region", "needs", "frequency", "meeting", "program", "remote")
REQUIRED = ("name", "needs")
OUTPUT_COLUMNS = ("applicant", "mentor", "score", "reasons") + tuple(f"alternative_{i + 1}" for i in range(ALTERNATIVES))
MAX_BYTES = 10 * 1024 * 1024


@dataclass
class Requests:
    applicants: list[Applicant] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "FILE:RECORD: message"


def read_requests(text: str, shown: str, roster: Roster) -> Requests:
    """Applicants from REQUESTS.csv text; every bad record reported, none skipped silently."""
    result = Requests()
    read, stop = read_rows(text.lstrip("\ufeff"))
    rows = [row for row in read if any(cell.strip() for cell in row)]  # records count the rows that are not blank
    if stop:
        result.problems.append(f"{shown}:{len(rows) or 'header'}: {stop.message}")
        return result
    if not rows:
        result.problems.append(f"{shown}:header: the file is empty; its first line must be the header: {', '.join(COLUMNS)}")
        return result
    header = [cell.strip().lower() for cell in rows[0]]
    header_problems = _header_problems(header)
    if header_problems:
        result.problems += [f"{shown}:header: {message}" for message in header_problems]
        return result
    for number, row in enumerate(rows[1:], start=1):
        if len(row) > len(header):
            result.problems.append(f"{shown}:{number}: {len(row)} cells but the header has {len(header)} columns; quote cells that contain a comma")
            continue
        record = {key: value.strip() for key, value in zip(header, row)}
        messages: list[str] = []
        applicant = _applicant(record, roster, messages)
        result.problems += [f"{shown}:{number}: {m}" for m in messages]
        if applicant and not messages:
            result.applicants.append(applicant)
    return result


def _header_problems(header: list[str]) -> list[str]:
    messages = []
    for name in dict.fromkeys(header):
        if not name:
            messages.append("a column has no name; remove the empty column or name it")
        elif name not in COLUMNS:
            hint = did_you_mean(name, COLUMNS) or f"; the columns are {', '.join(COLUMNS)}"
            messages.append(f"unknown column '{name}'{hint}")
        elif header.count(name) > 1:
            messages.append(f"column '{name}' appears {header.count(name)} times; keep one")
    for name in REQUIRED:
        if name not in header:
            messages.append(f"the header has no '{name}' column; the columns are {', '.join(COLUMNS)}")
    return messages


def _applicant(record: dict[str, str], roster: Roster, messages: list[str]) -> Applicant | None:
    name = record.get("name", "")
    if not name:
        messages.append("name is empty; give the applicant's name")
    needs = _terms(record.get("needs", ""), roster.taxonomy.expertise.find_loose, "need", roster.taxonomy.expertise.labels, messages)
    if not record.get("needs", "").strip(" ;"):
        messages.append("needs is empty; list the applicant's developmental needs, most important first, separated by ';'")
    region = None
    if record.get("region"):
        region = roster.taxonomy.regions.find_loose(record["region"])
        if region is None:
            messages.append(_unknown("region", record["region"], roster.taxonomy.regions.labels))
    frequency = None
    if record.get("frequency"):
        frequency = FREQUENCY.find_loose(record["frequency"])
        if frequency is None:
            messages.append(_unknown("frequency", record["frequency"], [t.slug for t in FREQUENCY.terms]))
    meeting = _terms(record.get("meeting", ""), MEETING.find_loose, "meeting mode", [t.slug for t in MEETING.terms], messages)
    program = None
    if record.get("program"):
        program = _program(record["program"], roster)
        if program is None:
            messages.append(_unknown("program", record["program"], [p.slug for p in roster.programs]))
    remote_text = record.get("remote", "").lower()
    remote = {"yes": True, "no": False, "": None}.get(remote_text)
    if remote_text not in ("yes", "no", ""):
        messages.append(f"remote must be yes, no or empty, not '{record['remote']}'")
    if remote is False and not record.get("region"):
        messages.append("remote is 'no' but region is empty; give the applicant's region, or leave remote empty")
    if messages:
        return None
    return Applicant(name=name, needs=tuple(needs), region=region, remote=remote, frequency=frequency,
                     meeting=tuple(meeting), program=program, email=record.get("email", ""))


def _terms(text: str, find, what: str, choices: list[str], messages: list[str]) -> list[Term]:
    found: list[Term] = []
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        term = find(part)
        if term is None:
            hint = "; separate several with ';'" if "," in part else ""
            messages.append(_unknown(what, part, choices) + hint)
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


def proposals_csv(proposals: list[Proposal]) -> str:
    """The proposals as CSV; every cell defused, since applicants' names are typed by strangers."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(OUTPUT_COLUMNS)
    for p in proposals:
        alternatives = [c.slug for c in p.alternatives] + [""] * (ALTERNATIVES - len(p.alternatives))
        cells = [p.applicant.name, p.mentor.slug if p.mentor else "", str(p.score.value) if p.score else "", p.reasons, *alternatives]
        writer.writerow([defuse(cell) for cell in cells])
    return out.getvalue()


def run(args: argparse.Namespace) -> int:
    content = Path(args.content_dir)
    requests_path = Path(args.requests)
    shown = display_path(requests_path)
    result = load_roster(content)
    settings = read_settings(find_config(content, args.config))
    problems = errors(result.problems + settings.problems)
    if problems:
        print_problems(problems)
        print(f"{len(problems)} problem(s) in {content} or its mkdocs.yml; run 'mentor-gallery check' and fix them first.", file=sys.stderr)
        return 1
    try:
        if requests_path.stat().st_size > MAX_BYTES:
            print(f"{shown}: larger than {MAX_BYTES // (1024 * 1024)} MB; split it", file=sys.stderr)
            return 1
        text = requests_path.read_bytes().decode("utf-8")
    except OSError as exc:
        print(f"{shown}: cannot read the file: {exc.strerror}", file=sys.stderr)
        return 1
    except UnicodeDecodeError:
        print(f"{shown}: not UTF-8 text; save the spreadsheet as CSV UTF-8", file=sys.stderr)
        return 1
    requests = read_requests(text, shown, result.roster)
    if requests.problems:
        for message in requests.problems:
            print(message, file=sys.stderr)
        print(f"{len(requests.problems)} problem(s) in {shown}; nothing was matched.", file=sys.stderr)
        return 1
    roster = result.roster
    programs = {p.slug: p for p in roster.programs}
    candidates = [Candidate.from_mentor(m, programs) for m in sorted(roster.mentors, key=lambda m: m.slug)]
    proposals = assign(requests.applicants, candidates, settings.weights, roster.taxonomy.max_expertise)
    output = proposals_csv(proposals)
    if args.out:
        try:
            Path(args.out).write_text(output, encoding="utf-8")
        except OSError as exc:
            print(f"{args.out}: cannot write the file: {exc.strerror}", file=sys.stderr)
            return 1
    else:
        sys.stdout.write(output)
    placed = sum(1 for p in proposals if p.mentor)
    print(f"placed {placed} of {len(proposals)} applicant(s)", file=sys.stderr)
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("match", help="propose a mentor to each applicant of a requests CSV")
    parser.add_argument("requests", metavar="REQUESTS.csv", help=f"one applicant per record; columns: {', '.join(COLUMNS)}")
    parser.add_argument("content_dir", nargs="?", default="content", metavar="CONTENT_DIR")
    parser.add_argument("--out", metavar="FILE", help="write the proposals here instead of stdout")
    parser.add_argument("--config", type=Path, default=None, help="mkdocs.yml with the matching weights (default: beside CONTENT_DIR)")
    parser.set_defaults(run=run)
    _options_first(parser, valued={"--out", "--config"})


def _options_first(parser: argparse.ArgumentParser, valued: set[str]) -> None:
    """Accept an option between the two positionals (`REQUESTS.csv --out FILE CONTENT_DIR`).

    argparse gives an optional positional its default as soon as it meets an
    option, then rejects the folder that follows; moving the options first avoids that.
    """
    parse = parser.parse_known_args

    def parse_known_args(args=None, namespace=None):
        options: list[str] = []
        positionals: list[str] = []
        tokens = iter(sys.argv[1:] if args is None else args)
        for token in tokens:
            if token == "--":
                positionals += [token, *tokens]
            elif token in valued:
                value = next(tokens, None)
                options += [token] if value is None else [token, value]
            elif token.startswith("-") and token != "-":
                options.append(token)
            else:
                positionals.append(token)
        return parse(options + positionals, namespace)

    parser.parse_known_args = parse_known_args  # type: ignore[method-assign]
