"""`mentor-gallery new SLUG --name NAME`: a blank profile that `check` reads and names the gaps of."""

import re

import pytest

from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.profile_fields import PROFILE_FIELDS
from mentor_gallery.content.slugs import MAX_SLUG_CHARS
from mentor_gallery.content.source import read_frontmatter_file
from support import copy_example, make_roster, profile, run_cli


def run(capsys, *args) -> tuple[int, str, str]:
    return run_cli(capsys, *args)


@pytest.fixture
def roster(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return make_roster(tmp_path / "content", {"ana-diaz": profile()})


def test_new_then_check_names_exactly_the_empty_required_keys_at_their_lines(roster, capsys):
    code, _, err = run(capsys, "new", "bo-lind", "--name", "Bo Lind", "--content", roster)
    assert code == 0, err
    path = roster / "mentors" / "bo-lind.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    line_of = {m.group(1): n for n, text in enumerate(lines, start=1) if (m := re.match(r"(\w+):", text))}
    empty = [f.key for f in PROFILE_FIELDS if f.required and f.key != "name"]

    code, _, err = run(capsys, "check", roster)
    assert code == 1
    reported = [line for line in err.splitlines() if line.startswith("content/mentors/bo-lind.md:")]
    assert len(reported) == len(empty), err
    for key, line in zip(empty, reported):
        assert line.startswith(f"content/mentors/bo-lind.md:{line_of[key]}: {key} is required and empty"), line


def test_every_key_is_in_the_file_in_table_order_optional_ones_commented(roster, capsys):
    assert run(capsys, "new", "bo-lind", "--name", "Bo Lind", "--content", roster)[0] == 0
    text = (roster / "mentors" / "bo-lind.md").read_text(encoding="utf-8")
    keys = re.findall(r"^(#? ?)([a-z_]+):", text, flags=re.M)
    assert [key for _, key in keys] == [f.key for f in PROFILE_FIELDS]
    for (prefix, key), spec in zip(keys, PROFILE_FIELDS):
        assert (prefix == "# ") == (not spec.required and key != "updated"), key  # updated is filled in
    for spec in PROFILE_FIELDS:
        # name is filled in; region, expertise and programs name the roster's own values instead
        assert spec.help in text or spec.key in ("name", "region", "expertise", "programs"), spec.key
    assert "one of: Western, Piedmont" in text  # the roster's own regions


def test_the_name_is_filled_in_and_reads_back_exactly(roster, capsys):
    name = "Zoë O'Brien-Núñez: #1"
    assert run(capsys, "new", "zoe", "--name", name, "--content", roster)[0] == 0
    parsed = read_frontmatter_file(roster / "mentors" / "zoe.md")
    assert parsed.document.data["name"] == name
    assert parsed.document.data["title"] is None and parsed.body == ""


def test_filled_in_the_new_profile_is_valid(roster, capsys):
    assert run(capsys, "new", "bo-lind", "--name", "Bo Lind", "--content", roster)[0] == 0
    path = roster / "mentors" / "bo-lind.md"
    text = path.read_text(encoding="utf-8")
    for key, value in {"title": "Town Manager", "organization": "Town of Alder", "region": "Piedmont", "expertise": "[Finance]"}.items():
        text = re.sub(rf"^{key}:.*$", f"{key}: {value}", text, flags=re.M)
    text = text.replace("# capacity: 2", "capacity: 2")
    path.write_text(text + "Statement.\n", encoding="utf-8")
    result = load_roster(roster)
    assert result.ok, result.problems
    mentor = next(m for m in result.roster.mentors if m.slug == "bo-lind")
    assert (mentor.region.label, mentor.capacity, mentor.body) == ("Piedmont", 2, "Statement.\n")


def test_a_taken_slug_is_refused_and_the_profile_left_alone(roster, capsys):
    before = (roster / "mentors" / "ana-diaz.md").read_bytes()
    code, _, err = run(capsys, "new", "ana-diaz", "--name", "Someone Else", "--content", roster)
    assert code == 1
    assert "content/mentors/ana-diaz.md already exists" in err and "ana-diaz-2" in err
    assert (roster / "mentors" / "ana-diaz.md").read_bytes() == before


@pytest.mark.parametrize("slug", ["Ana-Diaz", "ana diaz", "ana_diaz", "../ana", "ana.md", "ána"])
def test_an_invalid_slug_is_refused_without_writing(roster, capsys, slug):
    code, _, err = run(capsys, "new", slug, "--name", "Ana Díaz", "--content", roster)
    assert code == 1
    assert f"'{slug}' is not a valid slug" in err and "nothing was written" in err
    assert sorted(p.name for p in (roster / "mentors").iterdir()) == ["ana-diaz.md"]
    assert not (roster.parent / "ana.md").exists()


def test_an_empty_name_is_refused(roster, capsys):
    code, _, err = run(capsys, "new", "bo-lind", "--name", "  ", "--content", roster)
    assert code == 1 and "--name is empty" in err
    assert not (roster / "mentors" / "bo-lind.md").exists()


def test_a_folder_that_is_not_a_content_folder_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "new", "bo-lind", "--name", "Bo Lind", "--content", tmp_path / "nowhere")
    assert code == 1 and "not a content folder" in err
    assert not (tmp_path / "nowhere").exists()


def test_new_in_the_example_roster_lists_its_programs(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    content = copy_example(tmp_path / "content")
    assert run(capsys, "new", "bo-lind", "--name", "Bo Lind")[0] == 0  # default --content: ./content
    text = (content / "mentors" / "bo-lind.md").read_text(encoding="utf-8")
    assert "# programs: []" in text and "any of: coaching, mentorship, partnership, senior-partners" in text


def test_a_link_named_like_the_new_profile_is_never_followed(roster, capsys):
    outside = roster.parent / "outside.md"
    outside.write_text("not a profile\n", encoding="utf-8")
    (roster / "mentors" / "bo-lind.md").symlink_to(outside)
    (roster / "mentors" / "cy-moss.md").symlink_to(roster.parent / "nowhere.md")  # dangling
    for slug in ("bo-lind", "cy-moss"):
        code, _, err = run(capsys, "new", slug, "--name", "Bo Lind", "--content", roster)
        assert code == 1
        assert err.startswith(f"content/mentors/{slug}.md:1: is a symbolic link;") and "nothing was written" in err, err
        assert len(err.splitlines()) == 1
    assert outside.read_text(encoding="utf-8") == "not a profile\n"
    assert not (roster.parent / "nowhere.md").exists()


def test_a_profiles_folder_that_links_outside_the_content_folder_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    content = make_roster(tmp_path / "content", {})
    (tmp_path / "elsewhere").mkdir()
    (content / "mentors").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    code, _, err = run(capsys, "new", "bo-lind", "--name", "Bo Lind", "--content", content)
    assert code == 1
    assert err.startswith("content/mentors:1: is a symbolic link to a folder outside the content folder"), err
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_an_over_long_slug_is_one_message_naming_the_limit(roster, capsys):
    slug = "a" * 300
    code, _, err = run(capsys, "new", slug, "--name", "Ana Díaz", "--content", roster)
    assert code == 1
    assert err.startswith(f"content/mentors/{slug}.md:1: the slug has 300 characters, over the limit of {MAX_SLUG_CHARS}")
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert sorted(p.name for p in (roster / "mentors").iterdir()) == ["ana-diaz.md"]
    # The limit itself is allowed.
    assert run(capsys, "new", "b" * MAX_SLUG_CHARS, "--name", "Bo Lind", "--content", roster)[0] == 0
    assert (roster / "mentors" / f"{'b' * MAX_SLUG_CHARS}.md").is_file()


def test_updated_is_the_day_the_profile_was_written(roster, capsys):
    import datetime as dt

    before = dt.date.today()
    assert run(capsys, "new", "bo-lind", "--name", "Bo Lind", "--content", roster)[0] == 0
    parsed = read_frontmatter_file(roster / "mentors" / "bo-lind.md")
    assert before <= parsed.document.data["updated"] <= dt.date.today()
