"""The home page's live summary under `make serve ENGINE=zensical`, as under MkDocs: `pages` and its
watcher hand Zensical the summary, and a saved profile changes the served home page."""

from __future__ import annotations

import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from engines import MENTOR_GALLERY, ZENSICAL, zensical_project
from html_tree import parse
from mentor_gallery.content.loader import load_roster
from mentor_gallery.site.staged_build import ENGINE_CONFIG
from support import copy_example, free_port

WAIT_S = 90  # a bound on waiting for the server, not a measure of its speed


def summary(url: str) -> dict | None:
    """The home page's count line and program names, as served; None while it is not served."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            html = response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None
    found = parse(html).find_all("div", class_="mg-home__summary")
    if not found:
        return {"count": None, "programs": []}
    home = found[0]
    programs = home.find("ul", class_="mg-home__programs")
    return {"count": " ".join(home.find("p", class_="mg-home__count").text.split()),
            "programs": [a.text.strip() for a in programs.find_all("a")] if programs else []}


def wait_for(read, predicate, what: str, log: Path):
    deadline, value = time.monotonic() + WAIT_S, None
    while time.monotonic() < deadline:
        value = read()
        if value is not None and predicate(value):
            return value
        time.sleep(0.2)
    pytest.fail(f"gave up waiting for {what}; last seen: {value}\n{log.read_text(encoding='utf-8')[-3000:]}")


@pytest.fixture
def served(tmp_path):
    """What `make serve ENGINE=zensical` runs: pages, then the watcher beside the server."""
    content = copy_example(tmp_path / "content")
    config = zensical_project(tmp_path / "project", content)
    first = subprocess.run([str(MENTOR_GALLERY), "pages", "--config", str(config)], cwd=config.parent,
                           capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    port = free_port()
    log = (tmp_path / "serve.log").open("w+")
    watcher = subprocess.Popen([str(MENTOR_GALLERY), "pages", "--watch", "--interval", "0.1", "--config", str(config)],
                               cwd=config.parent, stdout=log, stderr=subprocess.STDOUT)
    server = subprocess.Popen([str(ZENSICAL), "serve", "-f", ENGINE_CONFIG, "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=config.parent, stdout=log, stderr=subprocess.STDOUT)
    try:
        yield content, f"http://127.0.0.1:{port}/", tmp_path / "serve.log"
    finally:
        for process in (server, watcher):
            process.terminate()
            process.wait(timeout=30)
        log.close()


def test_the_served_home_page_shows_the_live_summary_and_follows_a_saved_profile(served):
    content, url, log = served
    roster = load_roster(content).roster
    accepting, total = sum(1 for m in roster.mentors if m.available), len(roster.mentors)
    assert 0 < accepting < total
    shown = wait_for(lambda: summary(url), lambda s: s["count"] is not None, "the home page's summary", log)
    assert shown["count"] == f"{accepting} of {total} mentors accept new mentees now."
    assert shown["programs"] == [p.name for p in roster.programs] and shown["programs"]
    # One accepting mentor becomes full: the served summary follows, as MkDocs' serve does.
    profile = next(m.path for m in roster.mentors if m.available and "\naccepting: true" in Path(m.path).read_text(encoding="utf-8"))
    text = Path(profile).read_text(encoding="utf-8")
    Path(profile).write_text(text.replace("\naccepting: true", "\naccepting: false", 1), encoding="utf-8")
    wait_for(lambda: summary(url), lambda s: s["count"] == f"{accepting - 1} of {total} mentors accept new mentees now.",
             "the saved profile in the served summary", log)
