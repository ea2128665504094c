"""What `pages --watch` notices: files added, removed or changed under the watched folders,
not editors' swap files, and never a walk without end through a linked folder."""

from __future__ import annotations

import os

from mentor_gallery.site.content_watch import changed, snapshot
from support import write


def test_an_added_a_removed_and_a_changed_file_are_noticed_and_nothing_else(tmp_path):
    content = tmp_path / "content"
    kept, edited, removed = write(content / "mentors/kept.md", "a"), write(content / "mentors/edited.md", "b"), write(content / "taxonomy.yml", "c")
    config = write(tmp_path / "mkdocs.yml", "site_name: X\n")
    before = snapshot([content, config])
    assert set(before) == {str(kept), str(edited), str(removed), str(config)}
    edited.write_text("b, longer")
    removed.unlink()
    added = write(content / "forms/new.yml", "d")
    assert changed(before, snapshot([content, config])) == sorted([str(edited), str(removed), str(added)])


def test_a_rewrite_of_the_same_size_is_noticed_by_its_time(tmp_path):
    page = write(tmp_path / "content/mentors/ana.md", "abc")
    before = snapshot([tmp_path / "content"])
    info = os.stat(page)
    page.write_text("xyz")
    os.utime(page, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))
    assert changed(before, snapshot([tmp_path / "content"])) == [str(page)]


def test_swap_files_are_not_content(tmp_path):
    before = snapshot([tmp_path])
    write(tmp_path / "mentors/.ana.md.swp", "x")
    write(tmp_path / "mentors/ana.md~", "x")
    assert changed(before, snapshot([tmp_path])) == []


def test_a_link_back_to_a_parent_folder_is_not_followed(tmp_path):
    write(tmp_path / "mentors/ana.md", "a")
    (tmp_path / "mentors/loop").symlink_to(tmp_path, target_is_directory=True)
    assert set(snapshot([tmp_path])) == {str(tmp_path / "mentors/ana.md"), str(tmp_path / "mentors/loop")}
