"""`export` for a spreadsheet and `import --update` back without noise: a BOM for Excel, and only
the values that changed are written, each on its own line in the file's own style."""

from __future__ import annotations

import csv
import difflib
import io
import json

import pytest

from mentor_gallery.committee.profile_edit import updated_profile
from mentor_gallery.committee.roster_csv import frontmatter_from_cells
from mentor_gallery.committee.spreadsheet import restore
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.profile_fields import csv_columns
from support import EXAMPLE_CONTENT, copy_example, make_roster, profile, run_cli


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(content) -> dict[str, bytes]:
    return {str(p.relative_to(content)): p.read_bytes() for p in sorted(content.rglob("*")) if p.is_file()}


def export(capsys, content) -> str:
    code, out, err = run_cli(capsys, "export", content)
    assert code == 0, err
    return out


def changed_lines(before: bytes, after: bytes) -> list[str]:
    diff = difflib.unified_diff(before.decode("utf-8").splitlines(), after.decode("utf-8").splitlines(), n=0, lineterm="")
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def with_cell(text: str, slug: str, column: str, value: str) -> str:
    """The exported CSV with one cell changed, written back as a spreadsheet would save it."""
    records = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    record = next(r for r in records if r["slug"] == slug)
    assert record[column] != value
    record[column] = value
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=csv_columns(), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue()


def test_the_csv_export_starts_with_a_bom_and_json_does_not(here, capsys):
    raw = export(capsys, EXAMPLE_CONTENT).encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbfslug,name,")
    code, out, _ = run_cli(capsys, "export", "--format", "json", EXAMPLE_CONTENT)
    assert code == 0 and out.startswith("[") and json.loads(out)


@pytest.mark.parametrize("bom", [True, False], ids=["with a BOM", "without"])
def test_import_reads_the_csv_with_or_without_a_bom(here, capsys, bom):
    text = export(capsys, EXAMPLE_CONTENT)
    (here / "roster.csv").write_text(text if bom else text.removeprefix("\ufeff"), encoding="utf-8")
    copy = copy_example(here / "copy")
    for path in (copy / "mentors").glob("*.md"):
        path.unlink()
    code, _, err = run_cli(capsys, "import", "roster.csv", "--content", copy)
    assert code == 0, err
    original = {m.slug: (m.raw, m.body) for m in load_roster(EXAMPLE_CONTENT).roster.mentors}
    assert {m.slug: (m.raw, m.body) for m in load_roster(copy).roster.mentors} == original


def test_reimporting_an_unchanged_export_changes_no_byte_of_any_file(here, capsys):
    copy = copy_example(here / "copy")
    before = snapshot(copy)
    (here / "roster.csv").write_text(export(capsys, copy), encoding="utf-8")
    code, _, err = run_cli(capsys, "import", "roster.csv", "--update", "--content", copy)
    assert code == 0, err
    assert "imported 28 profiles: 0 created, 0 updated, 28 unchanged." in err
    assert snapshot(copy) == before


# (profile, column, new cell, the one line of the file after the change)
ONE_CELL = [
    ("amara-diallo", "title", "City Manager", "title: City Manager"),
    ("amara-diallo", "capacity", "1", "capacity: 1"),
    ("amara-diallo", "meeting", "in-person; video; phone", "meeting: [in-person, video, phone]"),
    ("amara-diallo", "expertise", "Executive Staff Relations/Teamwork; Management; Finance", "  - Finance"),
    ("amara-diallo", "contact_phone", "555-0199", '  phone: "555-0199"'),
    ("amara-diallo", "roles", "Sounding board; Sponsor; Coach", "roles: [Sounding board, Sponsor, Coach]"),
    ("amara-diallo", "updated", "2027-01-15", "updated: 2027-01-15"),
    ("grace-liang", "summary", "Data for decisions: dashboards, measures and budgets.", None),
]


@pytest.mark.parametrize("slug, column, value, line", ONE_CELL, ids=[f"{c[0]} {c[1]}" for c in ONE_CELL])
def test_one_changed_cell_changes_one_line_of_one_file(here, capsys, slug, column, value, line):
    copy = copy_example(here / "copy")
    before = snapshot(copy)
    (here / "roster.csv").write_text(with_cell(export(capsys, copy), slug, column, value), encoding="utf-8")
    code, _, err = run_cli(capsys, "import", "roster.csv", "--update", "--content", copy)
    assert code == 0, err
    assert "1 updated, 27 unchanged" in err
    after = snapshot(copy)
    name = f"mentors/{slug}.md"
    assert {path for path in after if after[path] != before[path]} == {name}
    changes = changed_lines(before[name], after[name])
    assert len(changes) == 2 and changes[0].startswith("-") and changes[1].startswith("+"), changes
    if line is not None:
        assert changes[1] == "+" + line
    mentor = next(m for m in load_roster(copy).roster.mentors if m.slug == slug)
    record = next(r for r in csv.DictReader(io.StringIO(export(capsys, copy).removeprefix("\ufeff"))) if r["slug"] == slug)
    assert record[column] == value, mentor.raw


HAND_WRITTEN = (
    "\ufeff---\r\n"
    "# Reviewed with Ana in March.\r\n"
    "name: 'Ana Díaz'\r\n"
    "title: Town Manager        # since 2019\r\n"
    "organization: \"Town of Alder\"\r\n"
    "region: Western\r\n"
    "expertise: Finance   # one area, no brackets\r\n"
    "education:\r\n"
    "    - MPA\r\n"
    "    - BA   # history\r\n"
    "contact: {email: ana@example.org, public: false}\r\n"
    "---\r\n"
    "I have led budgets for twenty years.\r\n"
)


def record_for(text: str, **cells: str) -> tuple[list[str], dict, str]:
    """(columns, data, body) of an export record of the profile above, with cells changed."""
    base = {"slug": "ana-diaz", "name": "Ana Díaz", "title": "Town Manager", "organization": "Town of Alder",
            "region": "Western", "expertise": "Finance", "education": "MPA; BA", "contact_email": "ana@example.org",
            "contact_phone": "", "contact_public": "no", "body": "I have led budgets for twenty years.\n"}
    base.update(cells)
    data, body, problems = frontmatter_from_cells(base)
    assert not problems
    return list(base), data, body


def test_unchanged_values_keep_their_spelling_quotes_comments_and_line_ends():
    assert updated_profile(HAND_WRITTEN, *record_for(HAND_WRITTEN)) == HAND_WRITTEN


def test_changed_values_are_written_in_the_files_own_style():
    text = updated_profile(HAND_WRITTEN, *record_for(HAND_WRITTEN, organization="Town of Alder Creek", education="MPA; BA; PhD",
                                                     title="County Manager", contact_public="yes", expertise="Finance; EMS"))
    assert text.startswith("\ufeff---\r\n# Reviewed with Ana in March.\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.removeprefix("\ufeff").split("\r\n")
    assert lines[3] == "title: County Manager        # since 2019"  # the comment stays
    assert lines[4] == 'organization: "Town of Alder Creek"'  # double quotes, as written
    assert lines[6] == "expertise: [Finance, EMS]   # one area, no brackets"
    assert lines[7:11] == ["education:", "    - MPA", "    - BA   # history", "    - PhD"]  # the list's own indentation
    assert lines[11] == "contact: {email: ana@example.org, public: true}"


def test_an_emptied_cell_removes_its_line_and_a_filled_one_adds_a_line_in_table_order():
    text = updated_profile(HAND_WRITTEN, *record_for(HAND_WRITTEN, education="", city="Alder"))
    lines = text.removeprefix("\ufeff").split("\r\n")
    assert lines[1:9] == ["# Reviewed with Ana in March.", "name: 'Ana Díaz'", "title: Town Manager        # since 2019",
                          "organization: \"Town of Alder\"", "region: Western", "city: Alder",
                          "expertise: Finance   # one area, no brackets", "contact: {email: ana@example.org, public: false}"]


def test_a_column_the_csv_leaves_out_keeps_its_value(here, capsys):
    content = make_roster(here / "content", {"ana-diaz": profile(city="Alder", state="NC")})
    path = content / "mentors" / "ana-diaz.md"
    before = path.read_text(encoding="utf-8")
    (here / "some.csv").write_text("slug,title\nana-diaz,County Manager\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "import", "some.csv", "--update")
    assert code == 0, err
    assert path.read_text(encoding="utf-8") == before.replace("title: Town Manager", "title: County Manager")


def test_shorter_lists_lose_their_last_items_in_either_style():
    text = HAND_WRITTEN.replace("expertise: Finance   # one area, no brackets", "expertise: [Finance, EMS]  # two")
    updated = updated_profile(text, *record_for(text, expertise="Finance", education="MPA"))
    lines = updated.removeprefix("\ufeff").split("\r\n")
    assert lines[6:10] == ["expertise: [Finance]  # two", "education:", "    - MPA", "contact: {email: ana@example.org, public: false}"]


# Values a committee might type in each column (empty: the key is removed).
TYPED = {
    "text": ["New text: with a colon", "#1 in the county", "yes", "2024-01-01", "Zoë's 'quoted' name", ""],
    "texts": ["MPA; BA History", "One item", "", "'quoted'; [brackets]; a: b"],
    "count": ["0", "7", "12", ""],
    "bool": ["yes", "no", ""],
    "date": ["2026-02-28", ""],
}


def typed_value(chance, roster, column: str, slug: str = "") -> str:
    from mentor_gallery.content.model import MEETING
    from mentor_gallery.content.profile_fields import PROFILE_FIELDS

    kinds = {f.key: f.kind for f in PROFILE_FIELDS}
    vocabularies = {"expertise": roster.taxonomy.expertise.labels, "roles": roster.taxonomy.roles.labels,
                    "meeting": [t.slug for t in MEETING.terms], "programs": [p.slug for p in roster.programs]}
    if column in vocabularies:
        return "; ".join(chance.sample(vocabularies[column], chance.randint(1, min(3, len(vocabularies[column])))))
    if column == "region":
        return chance.choice(roster.taxonomy.regions.labels)
    if column == "frequency":
        return chance.choice(["monthly", "quarterly", ""])
    # A contact of its own for each profile: one profile's public contact may not be another's
    # private one (check refuses that), so no two edits give two profiles the same.
    number = sorted(r.slug for r in roster.mentors).index(slug) if slug in {m.slug for m in roster.mentors} else 0
    if column == "contact_email":
        return chance.choice([f"{slug or 'someone'}.new@example.org", ""])
    if column == "contact_phone":
        return chance.choice([f"555-09{number:02d}", f"+1 555 09{number:02d}", ""])
    if column == "contact_public":
        return chance.choice(["yes", "no"])
    if column == "body":
        return chance.choice(["A new statement.\n", "Two paragraphs.\n\nThe second one.\n"])
    kind = kinds[column]
    choices = [v for v in TYPED.get(kind, TYPED["text"]) if v or not next(f for f in PROFILE_FIELDS if f.key == column).required]
    return chance.choice(choices)


@pytest.mark.parametrize("seed", range(12))
def test_any_edit_of_a_few_cells_imports_to_exactly_what_the_csv_says(here, capsys, seed):
    import random

    chance = random.Random(seed)
    copy = copy_example(here / "copy")
    roster = load_roster(copy).roster
    before = snapshot(copy)
    text = export(capsys, copy)
    records = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    edited: dict[str, set[str]] = {}
    for _ in range(4):
        record = chance.choice(records)
        column = chance.choice([c for c in csv_columns() if c not in ("slug", "photo", "photo_alt")])
        record[column] = typed_value(chance, roster, column, record["slug"])
        edited.setdefault(record["slug"], set()).add(column)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=csv_columns(), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    (here / "roster.csv").write_text(out.getvalue(), encoding="utf-8")
    code, _, err = run_cli(capsys, "import", "roster.csv", "--update", "--content", copy)
    assert code == 0, err
    after = snapshot(copy)
    assert {p for p in after if after[p] != before[p]} <= {f"mentors/{slug}.md" for slug in edited}
    again = {r["slug"]: r for r in csv.DictReader(io.StringIO(export(capsys, copy).removeprefix("\ufeff")))}
    for record in records:
        # Cells as typed: the export guards formula-like ones with a ' that import takes off again.
        assert {k: restore(v) for k, v in again[record["slug"]].items()} == {k: restore(v) for k, v in record.items()}, \
            (record["slug"], edited.get(record["slug"]))
    for slug, columns in edited.items():
        name = f"mentors/{slug}.md"
        lines = changed_lines(before[name], after[name])
        # A cell is one line, except a list written one item a line, a contact block or the statement.
        assert len([added for added in lines if added.startswith("+")]) <= 3 * len(columns) + (20 if "body" in columns else 0), lines


def spreadsheet_rewrite(text: str, date_style: str = "mdy") -> str:
    """The export as a spreadsheet in a US (mdy) or European (dmy) locale saves it back: dates as
    the locale shows them, list cells joined with ';', a BOM, CRLF line ends; in Europe the
    cells are separated by ';' too."""
    from mentor_gallery.committee.roster_csv import KINDS, LIST_KINDS

    records = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    for record in records:
        for column, value in record.items():
            if KINDS.get(column) == "date" and value:
                year, month, day = (int(part) for part in value.split("-"))
                record[column] = f"{month}/{day}/{year}" if date_style == "mdy" else f"{day}/{month}/{year}"
            elif KINDS.get(column) in LIST_KINDS:
                record[column] = ";".join(item.strip() for item in value.split(";"))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=csv_columns(), lineterminator="\r\n", delimiter="," if date_style == "mdy" else ";")
    writer.writeheader()
    writer.writerows(records)
    return "\ufeff" + out.getvalue()


@pytest.mark.parametrize("style", ["mdy", "dmy"])
def test_an_export_saved_back_by_a_spreadsheet_reimports_with_no_change(here, capsys, style):
    copy = copy_example(here / "copy")
    before = snapshot(copy)
    rewritten = spreadsheet_rewrite(export(capsys, copy), style)
    assert "9/14/2026" in rewritten if style == "mdy" else "14/9/2026" in rewritten
    separator = "," if style == "mdy" else ";"
    assert rewritten.startswith(f"\ufeffslug{separator}name{separator}")
    expertise = [r["expertise"] for r in csv.DictReader(io.StringIO(rewritten.removeprefix("\ufeff")), delimiter=separator)]
    assert "\r\n" in rewritten and all(";" in cell and "; " not in cell for cell in expertise if "Finance" in cell)
    (here / "roster.csv").write_bytes(rewritten.encode("utf-8"))
    code, _, err = run_cli(capsys, "import", "roster.csv", "--update", "--content", copy)
    assert code == 0, err
    assert "imported 28 profiles: 0 created, 0 updated, 28 unchanged." in err
    assert snapshot(copy) == before


def test_a_changed_spreadsheet_date_is_written_as_iso(here, capsys):
    copy = copy_example(here / "copy")
    text = with_cell(export(capsys, copy), "amara-diallo", "updated", "2027-01-15")
    (here / "roster.csv").write_text(spreadsheet_rewrite(text), encoding="utf-8")
    code, _, err = run_cli(capsys, "import", "roster.csv", "--update", "--content", copy)
    assert code == 0, err
    assert "1 updated, 27 unchanged" in err
    assert "updated: 2027-01-15\n" in (copy / "mentors" / "amara-diallo.md").read_text(encoding="utf-8")


def test_an_unsettled_date_column_is_one_message_naming_the_option(here, capsys):
    make_roster(here / "content", {"ana-diaz": profile()})
    rows = [f"{slug},{slug.title()},Town Manager,Town of Alder,Western,Finance,{date}" for slug, date in
            [("bo-lind", "3/4/2026"), ("cy-moss", "5/6/2026"), ("di-park", "46062")]]
    (here / "new.csv").write_text("slug,name,title,organization,region,expertise,updated\n" + "\n".join(rows) + "\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "import", "new.csv")
    assert code == 1 and not (here / "content" / "mentors" / "bo-lind.md").exists()
    assert err.splitlines()[0] == ("new.csv:header: column 'updated' has no date with a day above 12, so a date such as "
                                   "3/4/2026 could be month/day or day/month; say which with --dates mdy (month first, "
                                   "as in the US) or --dates dmy (day first)")
    assert len(err.splitlines()) == 2  # the message and the summary: none per record
    code, _, err = run_cli(capsys, "import", "new.csv", "--dates", "dmy")
    assert code == 0, err
    written = {slug: (here / "content" / "mentors" / f"{slug}.md").read_text(encoding="utf-8") for slug in ("bo-lind", "cy-moss", "di-park")}
    assert [text.split("updated: ")[1].split("\n")[0] for text in written.values()] == ["2026-04-03", "2026-06-05", "2026-02-09"]


def test_a_profile_written_by_import_ends_with_a_line_break(here, capsys):
    make_roster(here / "content", {"ana-diaz": profile()})
    (here / "new.csv").write_text("slug,name,title,organization,region,expertise,body\r\n"
                                  "bo-lind,Bo Lind,Town Manager,Town of Alder,Western,Finance,I lead budgets.\r\n"
                                  "cy-moss,Cy Moss,Town Manager,Town of Alder,Western,Finance,\r\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "import", "new.csv")
    assert code == 0, err
    assert (here / "content" / "mentors" / "bo-lind.md").read_text(encoding="utf-8").endswith("---\nI lead budgets.\n")
    assert (here / "content" / "mentors" / "cy-moss.md").read_text(encoding="utf-8").endswith("---\n")
    # A spreadsheet that trims the cell's final line break changes nothing on --update.
    text = export(capsys, here / "content").replace("budgets for twenty years.\n", "budgets for twenty years.")
    (here / "roster.csv").write_text(text, encoding="utf-8")
    code, _, err = run_cli(capsys, "import", "roster.csv", "--update")
    assert code == 0 and "0 updated, 3 unchanged" in err, err
