"""A roster with a dozen different mistakes: `check` reports each at its line with a fix and
exits 1; `mkdocs build` fails with the same messages."""

import subprocess
import sys

from support import build_site, make_roster, profile, write

TAXONOMY = """expertise:
  - Finance
  - C
  - C#
regions: [Western, Piedmont]
"""
PROGRAM = "---\nname: Coaching\nsummary: Short sessions.\ncadence: weekly\n---\nGuide.\n"
FORM = """title: Mentee application
action: https://forms.example.org/mentee
fields:
  - {name: name, label: Name, type: text}
  - {name: needs, label: Needs, type: multichoice, options: expertize}
  - {name: when, label: When, type: datetime}
"""

# (path, line, a fragment of the message) for each planted mistake.
EXPECTED = [
    ("content/taxonomy.yml", 3, "share the slug 'c'"),
    ("content/taxonomy.yml", 4, "share the slug 'c'"),
    ("content/programs/coaching.md", 4, "unknown cadence 'weekly'"),
    ("content/forms/mentee.yml", 5, "unknown vocabulary 'expertize'; did you mean 'expertise'?"),
    ("content/forms/mentee.yml", 6, "unknown field type 'datetime'"),
    ("content/mentors/ana.md", 5, "unknown region 'Westrn'; did you mean 'Western'?"),
    ("content/mentors/ana.md", 6, "unknown expertise 'Finanse'; did you mean 'Finance'?"),
    ("content/mentors/ana.md", 7, "unknown frequency 'monthy'; did you mean 'monthly'?"),
    ("content/mentors/bob.md", 3, "title is required"),
    ("content/mentors/bob.md", 7, "unknown key 'colour'"),
    ("content/mentors/cy.md", 7, "photo 'cy.jpg' does not exist"),
    ("content/mentors/cy.md", 8, "unknown program 'coching'; did you mean 'coaching'?"),
    ("content/mentors/dee.md", 3, "invalid YAML"),
    ("content/mentors/eve.md", 11, "the statement contains the private contact email"),
]


def plant(root):
    content = make_roster(root / "content", {
        "ana": profile(region="Westrn", expertise="[Finanse]", frequency="monthy"),
        "bob": profile(title="", colour="blue"),
        "cy": profile(photo="cy.jpg", programs="[coching]"),
        "dee": "---\nname: Dee\ntitle: [unclosed\n---\nBody.\n",
        "eve": profile(contact="{email: eve@example.org}") + "\nWrite to eve@example.org.\n",
        "fine": profile(),
    }, {"coaching": PROGRAM}, taxonomy=TAXONOMY)
    write(content / "forms" / "mentee.yml", FORM)
    return content


def test_check_reports_every_mistake_at_its_line_and_exits_1(tmp_path):
    plant(tmp_path)
    result = subprocess.run([sys.executable, "-m", "mentor_gallery.cli", "check"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("content/")]
    for path, line, fragment in EXPECTED:
        assert any(shown.startswith(f"{path}:{line}: ") and fragment in shown for shown in lines), (path, line, fragment, lines)
    assert len(lines) == len(EXPECTED), lines


def test_mkdocs_build_fails_on_the_same_roster_with_the_same_messages(tmp_path):
    content = plant(tmp_path)
    check = subprocess.run([sys.executable, "-m", "mentor_gallery.cli", "check", str(content)], capture_output=True, text=True, cwd=tmp_path)
    build = build_site(tmp_path, content)
    assert build.returncode != 0
    messages = [line.split(": ", 1)[1] for line in check.stderr.splitlines() if line.startswith("content/") or "/content/" in line]
    assert messages and all(message in build.output for message in messages)
    assert not (build.site / "mentors").exists()
