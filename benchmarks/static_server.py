"""A local static server for the built sites, under a subpath as GitHub Pages serves a project.

One server for the whole run (so every site can be built with its final site_url); `site` says
which folder it serves now. It answers a bounded number of requests and only on 127.0.0.1.
"""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

SUBPATH = "/mentor-gallery/"
MAX_REQUESTS = 20_000


class _Handler(http.server.SimpleHTTPRequestHandler):
    server: "StaticServer._HTTPServer"

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        site = self.server.site
        if site is None or not clean.startswith(SUBPATH):
            return "/nonexistent"
        self.directory = str(site)
        return super().translate_path("/" + clean[len(SUBPATH):])

    def handle_one_request(self) -> None:
        with self.server.lock:
            self.server.served += 1
            over = self.server.served > MAX_REQUESTS
        if over:
            self.close_connection = True
            return
        super().handle_one_request()

    def log_message(self, *args) -> None:
        pass


class StaticServer:
    class _HTTPServer(http.server.ThreadingHTTPServer):
        daemon_threads = True
        site: Path | None = None
        served = 0
        lock = threading.Lock()

    def __init__(self) -> None:
        self.httpd = self._HTTPServer(("127.0.0.1", 0), _Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "StaticServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    def serve(self, site: Path) -> None:
        self.httpd.site = site

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{SUBPATH}"

    def path_of(self, url: str) -> Path | None:
        """The file a URL of this server maps to (a folder's index.html), if it exists."""
        if not url.startswith(self.url) or self.httpd.site is None:
            return None
        relative = url[len(self.url):].split("?", 1)[0].split("#", 1)[0]
        path = self.httpd.site / relative
        if path.is_dir():
            path = path / "index.html"
        return path if path.is_file() else None
