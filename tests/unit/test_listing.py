"""Listing a content folder: the quick look (no subfolders) and the walk (subfolders) list the
same files in the same order, and check names the same files."""

import os
import stat

from mentor_gallery.content.loader import _listing, load_roster
from support import make_roster, profile


def walked(folder):
    return [(path, stat.S_ISDIR(path.lstat().st_mode)) for path in sorted(folder.rglob("*"))]


def test_a_flat_folder_is_listed_as_the_walk_lists_it(tmp_path):
    root = make_roster(tmp_path / "c", {"ana": profile(), "bo": profile("Bo Lee"), "Cy": profile("Cy")})
    mentors = root / "mentors"
    (mentors / "notes.txt").write_text("x")
    (mentors / ".hidden.md").write_text("x")
    (mentors / "README.md").write_text("x")
    os.symlink(tmp_path, mentors / "linked-folder")
    os.symlink(mentors / "ana.md", mentors / "linked.md")
    assert _listing(mentors) == walked(mentors)
    problems = [str(p) for p in load_roster(root).problems]
    assert any("linked.md" in p and "symbolic link" in p for p in problems), problems
    assert any("Cy.md" in p and "not a valid slug" in p for p in problems), problems


def test_a_folder_with_subfolders_is_walked(tmp_path):
    root = make_roster(tmp_path / "c", {"ana": profile()})
    mentors = root / "mentors"
    (mentors / "old").mkdir()
    (mentors / "old" / "bo.md").write_text(profile("Bo Lee"))
    assert _listing(mentors) == walked(mentors)
    problems = [str(p) for p in load_roster(root).problems]
    assert any("old/bo.md" in p and "subfolders" in p for p in problems), problems
    assert [m.slug for m in load_roster(root).roster.mentors] == ["ana"]
