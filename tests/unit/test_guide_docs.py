"""The committee guide keeps up with the code: its tables name every profile key, its pages are
in the navigation, and the messages it quotes are the ones `check` and `import` print."""

import re

import pytest
import yaml

from mentor_gallery.cli import build_parser, main
from mentor_gallery.content.profile_fields import PROFILE_FIELDS
from support import PROJECT, make_roster, profile

GUIDE = PROJECT / "docs" / "guide"


def table_rows(markdown: str, first_header: str) -> list[list[str]]:
    """The rows of the first table whose header starts with `first_header`."""
    lines = markdown.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_header} |"))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return rows


def test_profile_fields_page_lists_every_key_in_table_order_with_required():
    rows = table_rows((GUIDE / "profile-fields.md").read_text(encoding="utf-8"), "key")
    assert [(r[0].strip("`"), r[1]) for r in rows] == [(f.key, "yes" if f.required else "no") for f in PROFILE_FIELDS]


def test_contributing_names_every_key_and_which_are_required():
    rows = table_rows((PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8"), "key")
    named = {key.strip("` "): row[1] for row in rows for key in row[0].split(",")}
    assert named == {f.key: "yes" if f.required else "no" for f in PROFILE_FIELDS}


def test_every_guide_page_is_in_the_navigation_and_every_command_has_a_page():
    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    listed = set(re.findall(r"guide/[a-z-]+\.md", str(config["nav"])))
    assert listed == {f"guide/{p.name}" for p in GUIDE.glob("*.md")}
    commands = build_parser()._subparsers._group_actions[0].choices
    index = (GUIDE / "index.md").read_text(encoding="utf-8")
    for name in commands:
        assert f"[`{name}`](" in index, f"the guide's index has no page for `{name}`"


# (profile change, message quoted in the guide) -> check prints that message
QUOTED = [
    ({"expertise": "[Finanse]"}, "unknown expertise 'Finanse'; did you mean 'Finance'?"),
    ({"organisation": "x"}, "unknown key 'organisation'; did you mean 'organization'?"),
    ({"expertise": "[Finance, Strategic Planning, EMS, Western]"}, "expertise lists 4 areas; choose your 3 strongest"),
    ({"updated": "3/4/2025"}, "updated must be a date written YYYY-MM-DD, not '3/4/2025'"),
    ({"capacity": "two"}, "capacity must be a whole number of 0 or more, not 'two'"),
    ({"accepting": "yes please"}, "accepting must be true or false, not 'yes please'"),
    ({"programs": "[coching]", "__program": "coaching"}, "unknown program 'coching'; did you mean 'coaching'?"),
    ({"frequency": "Monthly"}, "unknown frequency 'Monthly'; did you mean 'monthly'?"),
]


@pytest.mark.parametrize("change, message", QUOTED, ids=[m for _, m in QUOTED])
def test_messages_quoted_in_the_guide_are_what_check_prints(tmp_path, monkeypatch, capsys, change, message):
    guide = (GUIDE / "check.md").read_text(encoding="utf-8") + (GUIDE / "edit-on-github.md").read_text(encoding="utf-8")
    assert message in guide
    change = dict(change)
    program = change.pop("__program", None)
    programs = {program: "---\nname: Coaching\nsummary: Short talks.\n---\n"} if program else {}
    monkeypatch.chdir(tmp_path)
    content = make_roster(tmp_path / "content", {"ana-diaz": profile(**change)}, programs)
    assert main(["check", str(content)]) == 1
    assert message in capsys.readouterr().err
