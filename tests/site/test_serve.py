"""`mkdocs serve` (what `make serve` runs) rebuilds when a profile changes, and a rebuild that
fails leaves it serving the last site that built."""

import os
import subprocess
import threading
import time
import urllib.request

from support import MKDOCS, copy_example, free_port, write_config


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def test_editing_a_profile_reloads_the_served_page(tmp_path):
    content = copy_example(tmp_path / "content")
    config = write_config(tmp_path, content)
    port = free_port()
    server = subprocess.Popen([str(MKDOCS), "serve", "--livereload", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=tmp_path)
    try:
        url = f"http://127.0.0.1:{port}/mentors/bjorn-agren/"
        assert wait_for(lambda: fetch(url) is not None, 60), "mkdocs serve did not start"
        assert "livereload" in fetch(url)  # the page carries the reload script
        profile = content / "mentors" / "bjorn-agren.md"
        profile.write_text(profile.read_text(encoding="utf-8").replace("\n---\n", "\n---\nFRESHLY EDITED STATEMENT.\n\n", 1), encoding="utf-8")
        assert wait_for(lambda: "FRESHLY EDITED STATEMENT" in (fetch(url) or ""), 60)
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_members_only_without_the_passphrase_keeps_the_last_site_served(tmp_path):
    content = copy_example(tmp_path / "content")
    config = write_config(tmp_path, content)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "MENTOR_GALLERY_PASSPHRASE"}
    server = subprocess.Popen([str(MKDOCS), "serve", "--livereload", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=tmp_path, env=env, text=True)
    output: list[str] = []
    threading.Thread(target=lambda: output.extend(server.stdout), daemon=True).start()
    try:
        url = f"http://127.0.0.1:{port}/mentors/bjorn-agren/"
        assert wait_for(lambda: fetch(url) is not None, 60), "mkdocs serve did not start"
        before = fetch(url)
        write_config(tmp_path, content, plugin={"access": "members-only"})  # the committee switches it on
        assert wait_for(lambda: "goes on serving the last site that built" in "".join(output), 60), "".join(output)
        log = "".join(output)
        assert "access: members-only needs the member passphrase in the environment variable MENTOR_GALLERY_PASSPHRASE" in log
        assert "MENTOR_GALLERY_PASSPHRASE='…' make serve" in log
        assert "Traceback" not in log and "appear stuck" not in log
        # Not stuck: the last good site answers at once, as it was.
        started = time.monotonic()
        page = fetch(url)
        assert page is not None and time.monotonic() - started < 2
        assert page.split("livereload(")[0] == before.split("livereload(")[0]
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_rebuild_prints_again_only_the_warnings_of_changed_files(tmp_path):
    content = copy_example(tmp_path / "content")
    unqualified = content / "mentors" / "elena-petrova-marsh.md"
    unqualified.write_text(unqualified.read_text(encoding="utf-8").replace("\nmemberships:", "\nprograms: [mentorship]\nmemberships:", 1),
                           encoding="utf-8")
    warning = "elena-petrova-marsh.md:21: warning: mentorship: Mentorship Program requires memberships including RCCMA"
    config = write_config(tmp_path, content)
    port = free_port()
    server = subprocess.Popen([str(MKDOCS), "serve", "--livereload", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=tmp_path, text=True)
    output: list[str] = []
    threading.Thread(target=lambda: output.extend(server.stdout), daemon=True).start()

    def saved(slug: str, text: str) -> str:
        """What the server printed for one save, up to the page served with it."""
        start = len(output)
        profile = content / "mentors" / f"{slug}.md"
        profile.write_text(profile.read_text(encoding="utf-8").replace("\n---\n", f"\n---\n{text}\n\n", 1), encoding="utf-8")
        assert wait_for(lambda: text in (fetch(f"http://127.0.0.1:{port}/mentors/{slug}/") or ""), 60), "".join(output)
        assert wait_for(lambda: "Documentation built in" in "".join(output[start:]), 60)  # the rebuild's whole log
        return "".join(output[start:])

    try:
        assert wait_for(lambda: fetch(f"http://127.0.0.1:{port}/mentors/bjorn-agren/") is not None, 60), "mkdocs serve did not start"
        assert warning in "".join(output)
        printed = saved("bjorn-agren", "ANOTHER PROFILE SAVED.")
        assert warning not in printed
        assert "mentor-gallery: 1 warning printed before, about files unchanged since, not repeated" in printed
        printed = saved("elena-petrova-marsh", "THE UNQUALIFIED PROFILE SAVED.")
        assert warning in printed and "not repeated" not in printed
    finally:
        server.terminate()
        server.wait(timeout=20)
