"""Introduction messages for the pairs `match` proposes: one plain-text file per pair, for the
coordinator to review and send. They are committee papers, never published.

A file is a `Subject:` line, a blank line, then the body: it names both people and the
program, asks the mentor to make the first contact, and gives the address of the program's
Statement of Mutual Understanding (the program's guide when it has no agreement).
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from mentor_gallery import routes
from mentor_gallery.content.model import Mentor, Program, Roster
from mentor_gallery.matching.assignment import Proposal
from mentor_gallery.problems import display_path

_ENV_SITE_URL = re.compile(r"^site_url:\s*!ENV\s+(\[[^\]\n]*\]|[A-Za-z_][A-Za-z0-9_]*)", re.MULTILINE)


@dataclass(frozen=True)
class Introduction:
    file_name: str  # <applicant-number>-<mentor-slug>.txt
    text: str


def agreement_address(program: Program | None, site_url: str | None) -> str:
    """The program's agreement page (its guide, without agreement points; the programs' list,
    without a program): absolute under site_url when the site has one, else relative to its root."""
    if program is None:
        path = routes.PROGRAMS
    else:
        path = routes.agreement(program.slug) if program.agreement else routes.program(program.slug)
    return _absolute(path, site_url)


def _absolute(path: str, site_url: str | None) -> str:
    """A site path under site_url when the site has one, else relative to its root."""
    return site_url.rstrip("/") + "/" + path if site_url else path


def site_address(site_url: str | None, config_path: Path | None) -> tuple[str | None, str | None]:
    """The site's address as MkDocs takes site_url (`!ENV` and its default already resolved by
    settings): an http(s) URL with a host, ending in '/'; else why no address can be known."""
    shown = display_path(config_path) if config_path else "mkdocs.yml"
    if site_url:
        parts = urllib.parse.urlsplit(site_url)
        if parts.scheme in ("http", "https") and parts.netloc:
            return site_url.rstrip("/") + "/", None
        return None, (f"{shown}: site_url '{site_url}' is not a web address; write it with https:// and the host, "
                      "e.g. https://ORG.github.io/REPO/")
    variables = _site_url_variables(config_path)
    how = (f"set {' or '.join(variables)} to the published address (e.g. {variables[0]}=https://ORG.github.io/REPO/ "
           "mentor-gallery match ...), or write the address in site_url") if variables else \
        "write the published address in it, e.g. site_url: https://ORG.github.io/REPO/"
    return None, (f"{shown}: site_url gives no address, and the introductions link each program's agreement page by "
                  f"its full address; {how}. No introductions were written.")


def _site_url_variables(config_path: Path | None) -> list[str]:
    """The environment variables site_url reads (`!ENV NAME`, `!ENV [NAME, OTHER, default]`)."""
    try:
        text = config_path.read_text(encoding="utf-8") if config_path else ""
    except (OSError, UnicodeDecodeError):
        return []
    found = _ENV_SITE_URL.search(text)
    if not found:
        return []
    names = [name.strip().strip("'\"") for name in found.group(1).strip("[] ").split(",")]
    if found.group(1).lstrip().startswith("["):
        names = names[:-1]  # the last item is the default
    return [name for name in names if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name)]


def program_for(proposal: Proposal, roster: Roster) -> Program | None:
    """The applicant's program; else the mentor's first program with an agreement; else its first."""
    if proposal.applicant.program:
        return roster.program(proposal.applicant.program.slug)
    programs = [p for p in (roster.program(t.slug) for t in proposal.mentor.programs) if p] if proposal.mentor else []
    return next((p for p in programs if p.agreement), programs[0] if programs else None)


def introductions(proposals: list[Proposal], roster: Roster, site_url: str | None) -> list[Introduction]:
    """One introduction per proposal with a mentor; numbered by the applicant's record (from 1)."""
    mentors = {m.slug: m for m in roster.mentors}
    result = []
    for number, proposal in enumerate(proposals, start=1):
        if proposal.mentor is None:
            continue
        mentor = mentors[proposal.mentor.slug]
        text = introduction_text(proposal, mentor, program_for(proposal, roster), site_url)
        result.append(Introduction(f"{number}-{mentor.slug}.txt", text))
    return result


def introduction_text(proposal: Proposal, mentor: Mentor, program: Program | None, site_url: str | None) -> str:
    """The letter. A program's name is used as written, only where a name stands on its own
    (a subject's tail, a `Program:` line), so that it reads well whether or not it ends in
    "Program"; a title and organization are joined with commas, so that a title with its own
    brackets ("City Manager (retired)") nests none."""
    applicant = proposal.applicant
    mentee = _one_line(applicant.name)
    mentor_name = _one_line(mentor.name)
    email = _one_line(applicant.email)
    mentor_email = _one_line(mentor.contact.email or "") if mentor.contact else ""
    needs = _listing([t.label for t in applicant.needs])
    shared = _listing([t.label for t in proposal.score.shared]) if proposal.score else ""
    program_name = _one_line(program.name) if program else ""
    lines = [
        f"Subject: Introduction: {mentee} and {mentor_name}" + (f", {program_name}" if program_name else ""),
        "",
        f"Dear {mentor_name} and {mentee},",
        "",
        "The mentoring committee is glad to introduce you to each other.",
        "",
    ]
    if program_name:
        lines.append(f"Program: {program_name}")
    lines += _person("Mentor", [mentor_name, _joined(mentor.title, mentor.organization), mentor_email])
    lines += _person("Mentee", [mentee, email])
    lines += [
        "",
        f"{mentee} has asked for a mentor to help them grow in {needs}. "
        f"{mentor_name} is a volunteer mentor whose strengths include {shared or needs}.",
        "",
        f"{mentor_name}, would you make the first contact? Please get in touch with {mentee}"
        + (f" at {email}" if email else "")
        + " within the next two weeks to arrange a first conversation, and together see whether the fit is right.",
        "",
    ]
    if program and program.agreement:
        lines += [
            "If you decide to go ahead, read the program's Statement of Mutual Understanding together and "
            "agree on its points (confidentiality, how long and how often you will meet, what the mentor's role will be). "
            "You can print it from this page:",
            agreement_address(program, site_url),
            "",
        ]
    elif program:
        lines += ["The program's guide explains how it works:", agreement_address(program, site_url), ""]
    else:
        lines += ["If you decide to go ahead, choose the program that suits you; each program's page links its "
                  "Statement of Mutual Understanding, to read and agree on together:", agreement_address(None, site_url), ""]
    if program:
        lines += ["Each of you may also keep a private journal of your conversations; print one from this page "
                  "(nothing written in it is collected):", _absolute(routes.journal(program.slug), site_url), ""]
    lines += [
        "If either of you cannot take part after all, please tell the committee, so that we can propose someone else.",
        "",
        "With thanks,",
        "The mentoring committee",
        "",
    ]
    return "\n".join(lines)


def _person(role: str, parts: list[str]) -> list[str]:
    """`Mentor: name`, then the person's other details each on its own line, aligned under it."""
    parts = [part for part in parts if part]
    indent = " " * (len(role) + 2)
    return [f"{role}: {parts[0]}", *(indent + part for part in parts[1:])]


def _joined(*parts: str) -> str:
    return ", ".join(_one_line(part) for part in parts if part and part.strip())


def _one_line(text: str) -> str:
    """Text typed by applicants on one line: a newline in a name must not start a new header."""
    return " ".join(text.split())


def _listing(labels: list[str]) -> str:
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]
