"""`mkdocs serve` (what `make serve` runs) rebuilds when a profile changes."""

import socket
import subprocess
import time
import urllib.request

from support import MKDOCS, copy_example, write_config


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
