"""Introduction messages: the program chosen for a pair, the agreement's address, and text typed
by applicants kept to its line."""

from __future__ import annotations

from pathlib import Path

from mentor_gallery.committee.introductions import agreement_address, introduction_text, introductions, program_for
from mentor_gallery.content.model import Program, Roster, Taxonomy, Term, Vocabulary
from mentor_gallery.matching.assignment import Proposal
from mentor_gallery.matching.scoring import Applicant, Candidate, score
from support import make_roster, profile, run_cli, write

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
    assert lines[0] == "Subject: Introduction: Jo Bcc: everyone@example.org and Ana Díaz, Mentorship Program"
    assert lines[1] == "" and not any(line.startswith("Bcc:") for line in lines)
    assert "        Town Manager, Town of Alder" in lines and "whose strengths include Finance" in text


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
FIRST_YEAR = """---
name: First-Year Manager Mentoring
summary: For managers in their first year.
agreement:
  - "Confidentiality: what we discuss stays between us."
---
The guide.
"""

# The letter for a program whose name does not end in "Program", a mentor whose title has its own
# brackets, and both people's emails.
EXPECTED_LETTER = """\
Subject: Introduction: Jordan Ellis and Dale Hendricks, First-Year Manager Mentoring

Dear Dale Hendricks and Jordan Ellis,

The mentoring committee is glad to introduce you to each other.

Program: First-Year Manager Mentoring
Mentor: Dale Hendricks
        City Manager (retired), City of Alder
        dale@example.org
Mentee: Jordan Ellis
        jordan@example.org

Jordan Ellis has asked for a mentor to help them grow in Finance and Strategic Planning. Dale Hendricks is a volunteer \
mentor whose strengths include Finance and Strategic Planning.

Dale Hendricks, would you make the first contact? Please get in touch with Jordan Ellis at jordan@example.org within the \
next two weeks to arrange a first conversation, and together see whether the fit is right.

If you decide to go ahead, read the program's Statement of Mutual Understanding together and agree on its points \
(confidentiality, how long and how often you will meet, what the mentor's role will be). You can print it from this page:
https://assoc.example.org/mentoring/programs/first-year/agreement/

Each of you may also keep a private journal of your conversations; print one from this page (nothing written in it is \
collected):
https://assoc.example.org/mentoring/programs/first-year/journal/

If either of you cannot take part after all, please tell the committee, so that we can propose someone else.

With thanks,
The mentoring committee
"""


def test_match_writes_the_expected_letter_for_a_program_named_without_program(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ASSOCIATION_SITE", "https://assoc.example.org/mentoring")
    content = make_roster(tmp_path / "content", {
        "dale-hendricks": profile("Dale Hendricks", title='"City Manager (retired)"', organization="City of Alder",
                                  expertise="[Finance, Strategic Planning]", programs="[coaching, first-year]",
                                  contact="{email: dale@example.org}"),
    }, {"first-year": FIRST_YEAR, "coaching": "---\nname: Coaching Program\nsummary: Short talks.\n---\nThe guide.\n"})
    write(tmp_path / "mkdocs.yml", 'site_name: X\nsite_url: !ENV [ASSOCIATION_SITE, ""]\n')
    requests = write(tmp_path / "requests.csv", "name,email,needs,program\n"
                                                "Jordan Ellis,jordan@example.org,Finance; Strategic Planning,First-Year Manager Mentoring\n")
    code, out, err = run_cli(capsys, "match", requests, "--introductions", tmp_path / "letters", content)
    assert code == 0, err
    assert (tmp_path / "letters" / "1-dale-hendricks.txt").read_text(encoding="utf-8") == EXPECTED_LETTER
    assert out.splitlines()[1].endswith(",dale@example.org")  # the proposals carry the mentor's email too
