"""The docs-folder writer behind `mentor-gallery pages`: it rewrites only what changed, deletes
what it wrote before and no longer makes, and never replaces or writes through what it did not write."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mentor_gallery.site.docs_writer import MANIFEST, read_manifest, sync_docs


def files(**pages: str) -> dict[str, bytes]:
    """{'mentors/ana/index.md': b'...'} from keyword names such as mentors__ana."""
    return {name.replace("__", "/") + "/index.md": text.encode() for name, text in pages.items()}


def stamp(path: Path) -> tuple[int, int]:
    info = os.lstat(path)
    return info.st_ino, info.st_mtime_ns


def test_a_first_run_writes_every_file_and_a_manifest_with_their_hashes(tmp_path):
    wanted = {**files(mentors__ana="Ana", mentors="Gallery"), "mentors/ana/photo.png": b"\x89PNG"}
    result = sync_docs(tmp_path, wanted, ["mentors/", "mentors/ana/"])
    assert result.problems == []
    assert sorted(result.written) == sorted(wanted)
    for name, data in wanted.items():
        assert (tmp_path / name).read_bytes() == data
    manifest, problem = read_manifest(tmp_path)
    assert problem is None
    assert set(manifest.files) == set(wanted)
    assert manifest.urls == ["mentors/", "mentors/ana/"]


def test_only_files_whose_bytes_change_are_rewritten(tmp_path):
    sync_docs(tmp_path, files(mentors__ana="Ana", mentors__ben="Ben", mentors="Gallery"), [])
    ana, gallery = tmp_path / "mentors/ana/index.md", tmp_path / "mentors/index.md"
    before = {path: stamp(path) for path in (ana, gallery)}
    result = sync_docs(tmp_path, files(mentors__ana="Ana", mentors__ben="Ben, edited", mentors="Gallery"), [])
    assert result.written == ["mentors/ben/index.md"]
    assert result.unchanged == 2
    assert (tmp_path / "mentors/ben/index.md").read_text() == "Ben, edited"
    assert {path: stamp(path) for path in (ana, gallery)} == before  # not even replaced by an equal copy


def test_a_generated_file_edited_by_hand_is_written_again(tmp_path):
    """The manifest's hash is not trusted over the disk: a changed file is put right."""
    sync_docs(tmp_path, files(mentors__ana="Ana"), [])
    page = tmp_path / "mentors/ana/index.md"
    page.write_text("Someone's edit")
    result = sync_docs(tmp_path, files(mentors__ana="Ana"), [])
    assert result.written == ["mentors/ana/index.md"]
    assert page.read_text() == "Ana"


def test_files_no_longer_made_are_deleted_with_the_folders_they_leave_empty(tmp_path):
    sync_docs(tmp_path, {**files(mentors__ana="Ana", mentors__ben="Ben"), "mentors/ben/photo.png": b"png"}, [])
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide/index.md").write_text("Hand-written")
    result = sync_docs(tmp_path, files(mentors__ana="Ana"), [])
    assert sorted(result.deleted) == ["mentors/ben/index.md", "mentors/ben/photo.png"]
    assert not (tmp_path / "mentors/ben").exists()
    assert (tmp_path / "mentors/ana/index.md").is_file()
    assert (tmp_path / "guide/index.md").read_text() == "Hand-written"
    manifest, _ = read_manifest(tmp_path)
    assert set(manifest.files) == {"mentors/ana/index.md"}


def test_a_hand_written_file_is_never_replaced_and_nothing_is_written(tmp_path):
    (tmp_path / "mentors").mkdir()
    (tmp_path / "mentors/index.md").write_text("Our own gallery page")
    result = sync_docs(tmp_path, files(mentors="Gallery", mentors__ana="Ana"), [])
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert problem.path.endswith("mentors/index.md")
    assert "was not written by 'mentor-gallery pages'" in problem.message and "move or rename it" in problem.message
    assert (tmp_path / "mentors/index.md").read_text() == "Our own gallery page"
    assert not (tmp_path / "mentors/ana").exists()
    assert not (tmp_path / MANIFEST).exists()


def test_a_hand_written_page_at_a_generated_address_is_refused(tmp_path):
    """docs/mentors/ana.md would be published at mentors/ana/, as the generated page is."""
    (tmp_path / "mentors").mkdir()
    (tmp_path / "mentors/ana.md").write_text("# Ana")
    result = sync_docs(tmp_path, files(mentors__ana="Ana"), [])
    assert len(result.problems) == 1 and result.problems[0].path.endswith("mentors/ana.md")
    assert "same address as the generated page mentors/ana/" in result.problems[0].message
    assert not (tmp_path / "mentors/ana").exists()


def test_a_linked_folder_is_never_written_through(tmp_path):
    docs, outside = tmp_path / "docs", tmp_path / "outside"
    docs.mkdir()
    outside.mkdir()
    (docs / "mentors").symlink_to(outside, target_is_directory=True)
    result = sync_docs(docs, files(mentors__ana="Ana"), [])
    assert result.problems and "symbolic link" in result.problems[0].message
    assert list(outside.iterdir()) == []


def test_a_link_in_place_of_a_generated_file_is_refused(tmp_path):
    docs, target = tmp_path / "docs", tmp_path / "target.md"
    target.write_text("keep me")
    docs.mkdir()
    sync_docs(docs, files(mentors__ana="Ana"), [])
    page = docs / "mentors/ana/index.md"
    page.unlink()
    page.symlink_to(target)
    result = sync_docs(docs, files(mentors__ana="Ana, edited"), [])
    assert result.problems and "symbolic link" in result.problems[0].message
    assert target.read_text() == "keep me"


def test_an_interrupted_run_still_knows_its_own_files(tmp_path, monkeypatch):
    """The manifest claims a path before it is written: a run stopped half way leaves nothing
    that the next run would take for a hand-written file."""
    from mentor_gallery.site import docs_writer

    real = docs_writer.write_bytes
    calls = []

    def fail_on_second_page(root, relative, data, mode):
        if relative != MANIFEST:
            calls.append(relative)
            if len(calls) == 2:
                return root / relative, "cannot be written: disk full"
        return real(root, relative, data, mode)

    monkeypatch.setattr(docs_writer, "write_bytes", fail_on_second_page)
    first = sync_docs(tmp_path, files(mentors__ana="Ana", mentors__ben="Ben", mentors__cy="Cy"), [])
    assert [p.message for p in first.problems] == ["cannot be written: disk full"]
    monkeypatch.setattr(docs_writer, "write_bytes", real)
    second = sync_docs(tmp_path, files(mentors__ana="Ana", mentors__ben="Ben", mentors__cy="Cy"), [])
    assert second.problems == []
    assert all((tmp_path / f"mentors/{slug}/index.md").is_file() for slug in ("ana", "ben", "cy"))


def test_a_manifest_naming_a_path_outside_the_docs_folder_is_refused(tmp_path):
    (tmp_path / MANIFEST).write_text(json.dumps({"format": 1, "urls": [], "files": {
        "../outside.md": {"sha256": "0", "size": 1, "mtime_ns": 1}}}))
    result = sync_docs(tmp_path, files(mentors__ana="Ana"), [])
    assert result.problems and "outside the docs folder" in result.problems[0].message
    assert not (tmp_path / "mentors").exists()


@pytest.mark.parametrize("text", ["not json", json.dumps({"files": "nope"})])
def test_an_unreadable_manifest_is_reported_with_what_to_do(tmp_path, text):
    (tmp_path / MANIFEST).write_text(text)
    result = sync_docs(tmp_path, files(mentors__ana="Ana"), [])
    assert result.problems and "delete it and the generated folders" in result.problems[0].message
