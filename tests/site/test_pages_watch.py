"""`mentor-gallery pages --watch`, as `make serve ENGINE=zensical` runs it beside the server:
a saved profile reaches its page, only files whose bytes change are rewritten, a broken save is
reported without stopping the watcher, and the watcher stops with the process that started it."""

from __future__ import annotations

import io
import os
import subprocess
import time
from pathlib import Path

import pytest
from PIL import Image

from engines import MENTOR_GALLERY, zensical_project
from mentor_gallery.site.docs_writer import MANIFEST
from support import copy_example

WAIT_S = 60  # a bound on waiting for the watcher, not a measure of its speed (that is `make bench`)


def wait_for(predicate, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    pytest.fail(f"gave up waiting for {what}")


def stamp(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_ino, info.st_mtime_ns


def gone(pid: int) -> bool:
    """Exited (a zombie that nobody has reaped yet counts: it runs no more)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (FileNotFoundError, ProcessLookupError):
        return True


@pytest.fixture
def project(tmp_path):
    content = copy_example(tmp_path / "content")
    return zensical_project(tmp_path / "project", content)


@pytest.fixture
def watcher(project, tmp_path):
    log = (tmp_path / "watch.log").open("w+")
    process = subprocess.Popen([str(MENTOR_GALLERY), "pages", "--watch", "--interval", "0.1", "--config", str(project)],
                               cwd=project.parent, stdout=log, stderr=subprocess.STDOUT)
    process.log = log
    wait_for(lambda: (project.parent / "docs" / MANIFEST).is_file() and "watching" in (tmp_path / "watch.log").read_text(),
             "the first write")
    yield process
    process.terminate()
    process.wait(timeout=30)
    log.close()


def save_with(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_saved_profile_reaches_its_page_and_nothing_else_is_rewritten(project, watcher):
    docs, content = project.parent / "docs", project.parent.parent / "content"
    profiles = sorted((content / "mentors").glob("*.md"))
    edited, other = profiles[0], profiles[1]
    page = docs / "mentors" / edited.stem / "index.md"
    untouched = [docs / "mentors" / other.stem / "index.md", docs / "forms/index.md", docs / "programs/index.md"]
    before = {path: stamp(path) for path in untouched}
    # A sentence at the end of the statement: the card's summary (its first sentence) stays as it was.
    marker = f"Saved while watching {time.time_ns()}."
    edited.write_text(edited.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
    wait_for(lambda: marker in page.read_text(encoding="utf-8"), "the edit in the written page")
    assert {path: stamp(path) for path in untouched} == before
    assert watcher.poll() is None


def test_a_broken_save_is_reported_and_the_next_good_one_is_written(project, watcher, tmp_path):
    docs, content = project.parent / "docs", project.parent.parent / "content"
    profile = sorted((content / "mentors").glob("*.md"))[0]
    page = docs / "mentors" / profile.stem / "index.md"
    written = page.read_bytes()
    save_with(profile, "region:", "regoin:")
    wait_for(lambda: "regoin" in (tmp_path / "watch.log").read_text(), "the problem report")
    assert page.read_bytes() == written and watcher.poll() is None
    save_with(profile, "regoin:", "region:")
    marker = f"Fixed while watching {time.time_ns()}."
    profile.write_text(profile.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
    wait_for(lambda: marker in page.read_text(encoding="utf-8"), "the fixed profile's page")


def test_the_watcher_stops_when_the_process_that_started_it_ends(project):
    """make serve starts it in the background with --stop-with its shell's id; should the shell
    end without stopping the watcher (killed with the server), the watcher stops by itself."""
    shell = subprocess.run(["sh", "-c", '"$0" pages --watch --interval 0.1 --stop-with $$ --config "$1" >/dev/null 2>&1 & echo $!; sleep 1',
                            str(MENTOR_GALLERY), str(project)], capture_output=True, text=True, timeout=60)
    pid = int(shell.stdout.split()[0])
    wait_for(lambda: gone(pid), "the orphaned watcher to stop")


def test_a_broken_photo_is_reported_and_the_watcher_keeps_watching(project, watcher, tmp_path):
    mentors = project.parent.parent / "content" / "mentors"
    profile = next(p for p in sorted(mentors.glob("*.md")) if "\nphoto:" not in p.read_text(encoding="utf-8"))
    image = io.BytesIO()
    Image.new("RGB", (300, 200), "#336699").save(image, "JPEG")
    (mentors / "broken.jpg").write_bytes(image.getvalue()[: len(image.getvalue()) // 2])  # an interrupted copy
    save_with(profile, "\nregion:", "\nphoto: broken.jpg\nregion:")
    wait_for(lambda: "broken.jpg" in (tmp_path / "watch.log").read_text(), "the problem report")
    time.sleep(0.5)
    assert watcher.poll() is None, (tmp_path / "watch.log").read_text()
    assert "Traceback" not in (tmp_path / "watch.log").read_text()


def test_a_warning_is_printed_again_only_when_its_file_changes(project, watcher, tmp_path):
    """A roster's standing advice is not printed on every save: the save's own warnings are."""
    docs, content = project.parent / "docs", project.parent.parent / "content"
    log = tmp_path / "watch.log"
    unqualified, other = content / "mentors" / "elena-petrova-marsh.md", content / "mentors" / "bjorn-agren.md"
    warning = "elena-petrova-marsh.md:21: warning: mentorship: Mentorship Program requires memberships including RCCMA"
    save_with(unqualified, "\nmemberships:", "\nprograms: [mentorship]\nmemberships:")
    wait_for(lambda: warning in log.read_text(), "the warning of the saved profile")

    def after_save(profile: Path, what: str) -> str:
        """What the watcher printed for one save, up to its page written."""
        start = len(log.read_text())
        marker = f"Saved while watching {time.time_ns()}."
        profile.write_text(profile.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
        page = docs / "mentors" / profile.stem / "index.md"
        wait_for(lambda: marker in page.read_text(encoding="utf-8") and "file(s) written" in log.read_text()[start:], what)
        return log.read_text()[start:]

    printed = after_save(other, "another profile's save")
    assert warning not in printed
    assert "pages: 1 warning printed before, about files unchanged since, not repeated ('mentor-gallery check' lists every one)" in printed
    printed = after_save(unqualified, "the unqualified profile's save")
    assert warning in printed and "not repeated" not in printed
