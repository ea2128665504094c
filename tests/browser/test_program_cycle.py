"""A program year end to end, as a coordinator runs it: mentees apply through the site's form (in
Chromium, with and without JavaScript) -> the answers come back as a form service exports them ->
`match` proposes mentors and writes the introductions, whose agreement links open on the site;
mentors log their sessions -> `hours` credits them by the rules, against totals worked out by hand."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import DESKTOP, axe_violations, close_page, open_page, screenshot
from mentor_gallery.content.loader import load_roster
from mentor_gallery.matching.assignment import assign
from mentor_gallery.matching.scoring import Applicant, Candidate
from mentor_gallery.settings import read_settings
from recording import QUIET, RecordingServer
from support import SiteServer, build_site, copy_example

TOOL = Path(sys.executable).with_name("mentor-gallery")


class Cycle:
    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.recorder = RecordingServer()
        self.content = copy_example(tmp / "content")
        for slug in ("mentee-application", "mentoring-log"):  # both forms post to the recorder
            form = self.content / "forms" / f"{slug}.yml"
            text = form.read_text(encoding="utf-8")
            form.write_text(text.replace(f"https://forms.example.org/{slug}", f"{self.recorder.url}/{slug}"), encoding="utf-8")
        (tmp / "site").mkdir()
        self.server = SiteServer(tmp / "site")
        build = build_site(tmp, self.content, site_url=self.server.url)
        assert build.returncode == 0, build.output
        self.roster = load_roster(self.content).roster

    def form(self, slug: str):
        return next(f for f in self.roster.forms if f.slug == slug)

    def export(self, slug: str, answers: list[list[tuple[str, str]]]) -> Path:
        """The answers as a form service exports them: a timestamp, then one column per field
        headed by its label; several values of a field joined with ', '."""
        fields = self.form(slug).fields
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["Timestamp", *(f.label for f in fields)])
        for number, posted in enumerate(answers, start=1):
            cells = [", ".join(value for name, value in posted if name == f.name) for f in fields]
            writer.writerow([f"2026-09-{number:02d} 09:30:00", *cells])
        path = self.tmp / f"{slug}-responses.csv"
        path.write_text(out.getvalue(), encoding="utf-8")
        return path

    def run(self, *args) -> subprocess.CompletedProcess:
        return subprocess.run([str(TOOL), *map(str, args)], capture_output=True, text=True, cwd=self.tmp)


@pytest.fixture(scope="module")
def cycle(tmp_path_factory):
    made = Cycle(tmp_path_factory.mktemp("cycle"))
    yield made
    made.server.close()
    made.recorder.close()


def send(page, cycle: Cycle, count: int):
    page.get_by_role("button", name="Send").click()
    return cycle.recorder.wait_for(count, page=page)[-1]


def fill_applicant(page, name: str, email: str) -> None:
    page.locator("#f-name").fill(name)
    page.locator("#f-organization").fill("Town of Alder")
    page.locator("#f-title").fill("Assistant to the Manager")
    page.locator("#f-email").fill(email)
    page.locator("#f-why_interested").fill("I want to lead a city one day.")
    page.locator("#f-hopes").fill("Advice on budgets & council work")
    page.locator("#f-frequency").select_option(label="Monthly")


def test_applications_become_proposals_and_introductions_that_link_the_agreement(cycle, page, browser):
    cycle.recorder.received.clear()
    # With JavaScript, choosing the places with the keyboard only.
    page.goto(cycle.server.url + "forms/mentee-application/")
    fill_applicant(page, "Jo Park", "jo@example.org")
    page.get_by_label("1st choice").focus()
    page.keyboard.type("Strategic")
    page.keyboard.press("Tab")
    page.keyboard.type("Fin")
    page.keyboard.press("Tab")
    page.keyboard.type("Strat")  # the 1st choice again
    page.locator("#f-region").select_option(label="Central")
    page.get_by_role("checkbox", name="Video").check()
    page.get_by_role("button", name="Send").click()
    page.wait_for_timeout(QUIET * 1000)
    assert cycle.recorder.received == [], "a repeated choice must be refused"
    third = page.get_by_label("3rd choice")
    assert page.evaluate("document.activeElement.id") == "f-needs-3"
    assert third.evaluate("el => el.validationMessage").startswith("You already chose Strategic Planning as your 1st choice")
    third.focus()
    page.keyboard.type("No choice")
    expect(third).to_have_value("")
    jo = send(page, cycle, 1)
    needs = [value for name, value in jo.form if name == "needs"]
    assert needs == ["Strategic Planning", "Finance"], "the chosen labels, in order, and no empty place"

    # Without JavaScript: empty places are sent empty and a repetition cannot be refused; match copes.
    plain = open_page(browser, java_script_enabled=False, **DESKTOP)
    try:
        plain.goto(cycle.server.url + "forms/mentee-application/")
        fill_applicant(plain, "Lee, Chan", "lee@example.org")
        plain.get_by_label("1st choice").select_option(label="Police")
        plain.get_by_label("3rd choice").select_option(label="Police")
        lee = send(plain, cycle, 2)
    finally:
        close_page(plain)
    assert [value for name, value in lee.form if name == "needs"] == ["Police", "", "Police"]

    export = cycle.export("mentee-application", [jo.form, lee.form])
    intros = cycle.tmp / "introductions"
    result = cycle.run("match", export, "--introductions", intros, cycle.content)
    assert result.returncode == 0, result.stderr
    assert "not used: 'Timestamp', 'Organization', 'Title'" in result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert [(r["applicant"], r["email"]) for r in rows] == [("Jo Park", "jo@example.org"), ("Lee, Chan", "lee@example.org")]

    # The same proposals as the assignment of what was typed, worked out here from the roster.
    roster = cycle.roster
    areas, regions = roster.taxonomy.expertise, roster.taxonomy.regions
    frequency, meeting = roster.taxonomy.vocabulary("frequency"), roster.taxonomy.vocabulary("meeting")
    typed = [Applicant("Jo Park", (areas.find("Strategic Planning"), areas.find("Finance")), regions.find("Central"), None,
                       frequency.find("Monthly"), (meeting.find("Video"),)),
             Applicant("Lee, Chan", (areas.find("Police"),), None, None, frequency.find("Monthly"))]
    programs = {p.slug: p for p in roster.programs}
    candidates = [Candidate.from_mentor(m, programs) for m in sorted(roster.mentors, key=lambda m: m.slug)]
    expected = assign(typed, candidates, read_settings(cycle.tmp / "mkdocs.yml").weights, roster.taxonomy.max_expertise)
    names = {m.slug: m.name for m in roster.mentors}
    for row, proposal in zip(rows, expected):
        assert proposal.mentor is not None
        assert (row["mentor"], row["score"], row["reasons"]) == (proposal.mentor.slug, str(proposal.score.value), proposal.reasons)
        assert row["mentor_name"] == names[row["mentor"]]
        assert row["alternative_1_name"] == names.get(row["alternative_1"], "")

    files = sorted(intros.iterdir())
    assert [f.name for f in files] == [f"1-{rows[0]['mentor']}.txt", f"2-{rows[1]['mentor']}.txt"]
    for path, row in zip(files, rows):
        subject, blank, *body = path.read_text(encoding="utf-8").splitlines()
        assert subject.startswith("Subject: ") and row["applicant"] in subject and row["mentor_name"] in subject
        assert blank == ""
        text = "\n".join(body)
        assert f"{row['mentor_name']}, would you make the first contact?" in text and row["email"] in text
        # The agreement's address, and (with a program) the program's private journal after it.
        address, *journal = [line for line in body if line.startswith(cycle.server.url)]
        assert all(line.endswith("/journal/") for line in journal) and len(journal) <= 1
        mentor = next(m for m in roster.mentors if m.slug == row["mentor"])
        agreements = [p for p in (roster.program(slug) for slug in mentor.programs) if p.agreement]
        if not agreements:  # a mentor outside every program: the programs' list, each linking its agreement
            assert address == cycle.server.url + "programs/"
            page.goto(address)
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            continue
        # The mentor's first program with an agreement (the applicant named none): its printable page.
        assert address == cycle.server.url + f"programs/{agreements[0].slug}/agreement/" and agreements[0].name in text
        page.goto(address)
        expect(page.get_by_role("heading", level=1)).to_have_text("Statement of Mutual Understanding")
        expect(page.locator(".mg-agreement__program")).to_contain_text(agreements[0].name)


def test_the_ranked_field_passes_axe_fits_a_phone_and_prints_its_options(cycle, page, phone):
    page.goto(cycle.server.url + "forms/mentee-application/")
    needs = page.locator("fieldset[data-ranked]")
    expect(needs.locator("legend")).to_contain_text("up to 3, most important first")
    expect(needs.get_by_role("combobox")).to_have_count(cycle.roster.taxonomy.max_expertise)
    assert axe_violations(page) == []
    needs.scroll_into_view_if_needed()
    screenshot(page, "ranked-field")
    page.emulate_media(media="print")
    expect(needs.get_by_role("combobox").first).to_be_hidden()
    expect(needs.locator(".mg-print-options li")).to_have_count(len(cycle.roster.taxonomy.expertise.labels))
    phone.goto(cycle.server.url + "forms/mentee-application/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


# The log by hand: (mentor, mentee, position, kind, start, date, hours, employee, formal) and what
# the rules make of it. Ana's 2026 in date order, counting towards 20 together:
#   Jan 10 Bo 6 -> 6 | Feb 15 Eve: her employee, no program | Mar 1 Dee: 2 months only | Mar 10 Bo 6 -> 12
#   Apr 1 Dee: still 2 months | Apr 20 Gus coaching 1.5 (posted through the form) -> 13.5
#   May 10 Bo 6 -> 19.5 (Bo's relationship reaches 6 months: Nov 1 to May 10) | Jun 1 Fay 4 -> 0.5 of it
# Zed coaches Hal and Ivy 3 h a month: 12 for Hal, then Ivy 3 + 3 + 2 of 3 + 0 of 3 (coaching cap 20).
ANA, ZED = ("ana@example.org", "Ana Díaz"), ("zed@example.org", "Zed Obi")
LOG = [
    (ANA, "Bo Chen", "Budget Analyst", "Mentoring", "2025-11-01", "2025-12-01", "2", "", ""),
    (ANA, "Bo Chen", "Budget Analyst", "Mentoring", "2025-11-01", "2026-01-10", "6", "", ""),
    (ANA, "Eve Ruiz", "Deputy Clerk", "Mentoring", "2025-01-01", "2026-02-15", "3", "yes", ""),
    (ANA, "Dee Park", "Intern", "Mentoring", "2026-02-01", "2026-03-01", "2", "", ""),
    (ANA, "Bo Chen", "Budget Analyst", "Mentoring", "2025-11-01", "2026-03-10", "6", "", ""),
    (ANA, "Dee Park", "Intern", "Mentoring", "2026-02-01", "2026-04-01", "2", "", ""),
    (ANA, "Bo Chen", "Senior Budget Analyst", "Mentoring", "2025-11-01", "2026-05-10", "6", "", ""),
    (ANA, "Fay Obi", "Management Fellow", "Mentoring", "2025-06-01", "2026-06-01", "4", "yes", "yes"),
    *((ZED, "Hal Berg", "Analyst", "Coaching", "2026-01-05", f"2026-0{m}-05", "3", "", "") for m in (1, 2, 3, 4)),
    *((ZED, "Ivy Lund", "Planner", "Coaching", "2026-05-05", f"2026-0{m}-05", "3", "", "") for m in (5, 6, 7, 8)),
]
# (mentor email, mentee) -> kind, months (mentoring's rule only), sessions, hours logged, hours credited, in 2026
EXPECTED_2026 = {
    ("ana@example.org", "Bo Chen"): ("mentoring", "6", "3", "18", "18"),
    ("ana@example.org", "Eve Ruiz"): ("mentoring", "13", "1", "3", "0"),
    ("ana@example.org", "Dee Park"): ("mentoring", "2", "2", "4", "0"),
    ("ana@example.org", "Gus Hill"): ("coaching", "", "1", "1.5", "1.5"),
    ("ana@example.org", "Fay Obi"): ("mentoring", "12", "1", "4", "0.5"),
    ("zed@example.org", "Hal Berg"): ("coaching", "", "4", "12", "12"),
    ("zed@example.org", "Ivy Lund"): ("coaching", "", "4", "12", "8"),
}


def test_the_mentoring_log_becomes_the_credentialing_report(cycle, page):
    cycle.recorder.received.clear()
    page.goto(cycle.server.url + "forms/mentoring-log/")
    page.locator("#f-mentor_name").fill("Ana Díaz")
    page.locator("#f-mentor_email").fill("ana@example.org")
    page.locator("#f-mentee_name").fill("Gus Hill")
    page.locator("#f-mentee_position").fill("Planner")
    page.locator("#f-kind").select_option(label="Coaching")
    page.locator("#f-relationship_start").fill("2026-04-20")
    page.locator("#f-date").fill("2026-04-20")
    page.locator("#f-hours").fill("1.5")
    page.locator("#f-subjects").fill("Preparing for a job interview")
    posted = send(page, cycle, 1)
    assert ("hours", "1.5") in posted.form and not any(name == "mentee_is_employee" for name, _ in posted.form)

    names = ("mentor_email", "mentor_name", "mentee_name", "mentee_position", "kind", "relationship_start", "date", "hours",
             "mentee_is_employee", "formal_program")
    by_hand = [list(zip(names, (mentor[0], mentor[1], *rest))) + [("subjects", f"Topic {i}")]
               for i, (mentor, *rest) in enumerate(LOG)]
    export = cycle.export("mentoring-log", [posted.form, *by_hand])

    result = cycle.run("hours", export, "--year", "2026", "--format", "csv", cycle.content)
    assert result.returncode == 0, result.stderr
    rows = {(r["mentor_email"], r["mentee_name"]): r for r in csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff")))}
    found = {k: (r["kind"], r["months"], r["sessions"], r["hours_logged"], r["hours_credited"]) for k, r in rows.items()}
    assert found == EXPECTED_2026
    assert {r["year"] for r in rows.values()} == {"2026"}
    assert rows[("ana@example.org", "Bo Chen")]["mentee_position"] == "Senior Budget Analyst"  # the latest given
    notes = {k[1]: r["note"] for k, r in rows.items()}
    assert notes["Bo Chen"] == notes["Gus Hill"] == notes["Hal Berg"] == ""
    assert notes["Dee Park"] == ("the relationship spans 2 months, and mentoring counts from 6: 4 h not credited "
                                 "(2 h on 2026-03-01, 2 h on 2026-04-01)")
    assert notes["Eve Ruiz"].startswith("the mentee is the mentor's employee, outside a formal program: 3 h not credited")
    assert notes["Fay Obi"].startswith("the year's cap of 20 hours of mentoring and coaching together was reached: 3.5 h")
    assert notes["Ivy Lund"].startswith("the year's cap of 20 coaching hours was reached: 4 h not credited "
                                        "(1 of 3 h on 2026-07-05, 3 h on 2026-08-05)")

    every_year = cycle.run("hours", export, "--format", "csv", cycle.content)
    earlier = [r for r in csv.DictReader(io.StringIO(every_year.stdout.removeprefix("\ufeff"))) if r["year"] == "2025"]
    assert [(r["mentee_name"], r["hours_credited"]) for r in earlier] == [("Bo Chen", "2")]  # six months reached in 2026

    pages = cycle.tmp / "hours-pages"
    result = cycle.run("hours", export, "--year", "2026", "--format", "html", "--out", pages, cycle.content)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in pages.iterdir()) == ["2026-ana-diaz.html", "2026-zed-obi.html"]
    page.goto((pages / "2026-ana-diaz.html").as_uri())
    expect(page.locator(".lead")).to_contain_text("20 of 30.5 hours logged are credited")
    assert page.evaluate("document.scripts.length") == 0
