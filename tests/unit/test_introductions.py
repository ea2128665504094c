"""Introduction messages: the program chosen for a pair, the agreement's address, and text typed
by applicants kept to its line."""

from __future__ import annotations

from pathlib import Path

from mentor_gallery.committee.introductions import agreement_address, introduction_text, introductions, program_for
from mentor_gallery.content.model import Program, Roster, Taxonomy, Term, Vocabulary
from mentor_gallery.matching.assignment import Proposal
from mentor_gallery.matching.scoring import Applicant, Candidate, score

FINANCE = Term("Finance", "finance")
WEST = Term("Western", "western")


def program(slug: str, name: str, agreement: bool) -> Program:
    return Program(slug, Path(f"{slug}.md"), name, "Summary.", agreement=["Point."] if agreement else [])


PROGRAMS = [program("coaching", "Coaching Program", False), program("mentorship", "Mentorship Program", True)]


def proposal(applicant_program: Term | None = None, mentor_programs=("coaching", "mentorship"), name="Jo Park") -> Proposal:
    candidate = Candidate("ana", "Ana Díaz", (FINANCE,), WEST, programs=tuple(Term(p.name, p.slug) for p in PROGRAMS if p.slug in mentor_programs))
    applicant = Applicant(name, (FINANCE,), program=applicant_program, email="jo@example.org")
    return Proposal(applicant, candidate, score(candidate, applicant))


def test_the_address_is_the_agreement_page_or_else_the_guide():
    assert agreement_address(PROGRAMS[1], "https://x.org/site") == "https://x.org/site/programs/mentorship/agreement/"
    assert agreement_address(PROGRAMS[1], "https://x.org/site/") == "https://x.org/site/programs/mentorship/agreement/"
    assert agreement_address(PROGRAMS[0], None) == "programs/coaching/"
    assert agreement_address(None, "https://x.org/") == "https://x.org/programs/"


def test_the_program_is_the_applicants_else_the_mentors_first_with_an_agreement():
    roster = Roster(Taxonomy(Vocabulary("expertise", [FINANCE]), Vocabulary("regions", [WEST])), [], PROGRAMS, [])
    assert program_for(proposal(Term("Coaching Program", "coaching")), roster).slug == "coaching"
    assert program_for(proposal(), roster).slug == "mentorship"
    assert program_for(proposal(mentor_programs=("coaching",)), roster).slug == "coaching"
    assert program_for(proposal(mentor_programs=()), roster) is None


def test_a_newline_in_a_typed_name_cannot_add_a_header_line(tmp_path):
    from mentor_gallery.content.model import Mentor

    mentor = Mentor("ana", tmp_path / "ana.md", "Ana Díaz", "Town Manager", "Town of Alder", WEST, [FINANCE])
    text = introduction_text(proposal(name="Jo\nBcc: everyone@example.org"), mentor, PROGRAMS[1], None)
    lines = text.splitlines()
    assert lines[0] == "Subject: Introduction: Jo Bcc: everyone@example.org and Ana Díaz, the Mentorship Program"
    assert lines[1] == "" and not any(line.startswith("Bcc:") for line in lines)
    assert "Town Manager, Town of Alder" in text and "whose strengths include Finance" in text


def test_unplaced_applicants_get_no_introduction_and_numbers_follow_the_records(tmp_path):
    from mentor_gallery.content.model import Mentor

    mentor = Mentor("ana", tmp_path / "ana.md", "Ana Díaz", "Town Manager", "Town of Alder", WEST, [FINANCE], programs=["mentorship"])
    roster = Roster(Taxonomy(Vocabulary("expertise", [FINANCE]), Vocabulary("regions", [WEST])), [mentor], PROGRAMS, [])
    nobody = Proposal(Applicant("Lee", (FINANCE,)), None, None, "no place left")
    made = introductions([nobody, proposal()], roster, None)
    assert [m.file_name for m in made] == ["2-ana.txt"]


def test_the_letter_links_the_programs_private_journal():
    from mentor_gallery.content.model import Mentor

    mentor = Mentor("ana", Path("ana.md"), "Ana Díaz", "Town Manager", "Town of Alder", WEST, [FINANCE])
    text = introduction_text(proposal(), mentor, PROGRAMS[1], "https://x.org/site/")
    assert "https://x.org/site/programs/mentorship/journal/" in text.splitlines()
    assert "nothing written in it is collected" in text
