"""Incremental work in `mkdocs serve`: how long after saving a profile the served page shows it.

What `make serve` runs (`mkdocs serve --livereload`) on a synthetic roster; the server is a child
process on a free 127.0.0.1 port, polled a bounded number of times, and stopped at the end.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .process import stop

MKDOCS = Path(sys.executable).with_name("mkdocs")
POLL_S = 0.1
STARTUP_TIMEOUT_S = 600
REBUILD_TIMEOUT_S = 300


@dataclass
class LiveReload:
    mentors: int
    startup_s: float | None = None  # start -> first page served (includes the first full build)
    rebuild_s: float | None = None  # profile saved -> its served page shows the change
    polls: int = 0
    error: str = ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    """A page's text from a local server, or None while it does not answer."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def time_live_reload(config: Path, profile: Path, slug: str, mentors: int) -> LiveReload:
    result = LiveReload(mentors)
    port = free_port()
    url = f"http://127.0.0.1:{port}/mentors/{slug}/"
    marker = f"Edited for the benchmark at {time.time_ns()}."

    def wait_until(predicate, timeout: float) -> float | None:
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            result.polls += 1
            if predicate():
                return time.perf_counter() - start
            time.sleep(POLL_S)
        return None

    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen([str(MKDOCS), "serve", "--livereload", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=config.parent, stdout=log, stderr=subprocess.STDOUT)
        try:
            result.startup_s = wait_until(lambda: fetch(url) is not None or server.poll() is not None, STARTUP_TIMEOUT_S)
            if server.poll() is not None or result.startup_s is None:
                log.seek(0)
                result.error = "mkdocs serve did not start: " + log.read().decode("utf-8", "replace")[-2000:]
                return result
            time.sleep(1.0)  # let the file watcher settle after the first build
            text = profile.read_text(encoding="utf-8")
            head, _, body = text.partition("\n---\n")
            profile.write_text(f"{head}\n---\n{marker}\n\n{body}", encoding="utf-8")
            result.rebuild_s = wait_until(lambda: marker in (fetch(url) or ""), REBUILD_TIMEOUT_S)
            if result.rebuild_s is None:
                result.error = f"the edit did not show within {REBUILD_TIMEOUT_S} s"
        finally:
            stop(server)
    return result
