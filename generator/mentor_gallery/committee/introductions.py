"""Introduction messages for the pairs `match` proposes: one plain-text file per pair, for the
coordinator to review and send. They are committee papers, never published.

A file is a `Subject:` line, a blank line, then the body: it names both people and the
program, asks the mentor to make the first contact, and gives the address of the program's
Statement of Mutual Understanding (the program's guide when it has no agreement).
"""

from __future__ import annotations

from dataclasses import dataclass

from mentor_gallery import routes
from mentor_gallery.content.model import Mentor, Program, Roster
from mentor_gallery.matching.assignment import Proposal


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
    return site_url.rstrip("/") + "/" + path if site_url else path


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
    applicant = proposal.applicant
    mentee = _one_line(applicant.name)
    mentor_name = _one_line(mentor.name)
    through = f"the {program.name}" if program else "the association's mentoring program"
    email = _one_line(applicant.email)
    needs = _listing([t.label for t in applicant.needs])
    shared = _listing([t.label for t in proposal.score.shared]) if proposal.score else ""
    where = f"{mentor.title}, {mentor.organization}"
    lines = [
        f"Subject: Introduction: {mentee} and {mentor_name}, {through}",
        "",
        f"Dear {mentor_name} and {mentee},",
        "",
        f"The mentoring committee is glad to introduce you to each other through {through}.",
        "",
        f"{mentee} has asked for a mentor to help them grow in {needs}. "
        f"{mentor_name} ({where}) is a volunteer mentor whose strengths include {shared or needs}.",
        "",
        f"{mentor_name}, would you make the first contact? Please get in touch with {mentee}"
        + (f" at {email}" if email else "")
        + " within the next two weeks to arrange a first conversation, and together see whether the fit is right.",
        "",
    ]
    if program and program.agreement:
        lines += [
            f"If you decide to go ahead, read the {program.name}'s Statement of Mutual Understanding together and "
            "agree on its points (confidentiality, how long and how often you will meet, what the mentor's role will be). "
            "You can print it from this page:",
            agreement_address(program, site_url),
            "",
        ]
    elif program:
        lines += [f"The {program.name}'s guide explains how it works:", agreement_address(program, site_url), ""]
    else:
        lines += ["If you decide to go ahead, choose the program that suits you; each program's page links its "
                  "Statement of Mutual Understanding, to read and agree on together:", agreement_address(None, site_url), ""]
    if program:
        journal = routes.journal(program.slug)
        lines += ["Each of you may also keep a private journal of your conversations; print one from this page "
                  "(nothing written in it is collected):", site_url.rstrip("/") + "/" + journal if site_url else journal, ""]
    lines += [
        "If either of you cannot take part after all, please tell the committee, so that we can propose someone else.",
        "",
        "With thanks,",
        "The mentoring committee",
        "",
    ]
    return "\n".join(lines)


def _one_line(text: str) -> str:
    """Text typed by applicants on one line: a newline in a name must not start a new header."""
    return " ".join(text.split())


def _listing(labels: list[str]) -> str:
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]
