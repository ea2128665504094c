"""A stand-in for the external request handlers, and a small site whose requests go to it.

RecordingServer listens on 127.0.0.1 (port 0) and records every request the browser sends:
method, path, query and form body. handler_site() builds a roster whose site-wide handler
(get), one program's own handler (post), another's (mailto) and a form all point at it.
"""

from __future__ import annotations

import http.server
import json
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from support import SiteServer, build_site, make_roster, write

QUIET = 0.8  # seconds to wait before concluding that nothing was sent
HARD_NAME = 'Zoë "Z" D\'Arcy & Søn + Co'  # non-ASCII, quotes, & and + and spaces


@dataclass
class Received:
    method: str
    path: str
    query: list[tuple[str, str]]
    form: list[tuple[str, str]]


class _Recorder(http.server.BaseHTTPRequestHandler):
    def _record(self, body: bytes) -> None:
        parts = urlsplit(self.path)
        if parts.path != "/favicon.ico":  # the browser's own request, not the member's
            self.server.received.append(Received(self.command, parts.path, parse_qsl(parts.query, keep_blank_values=True),
                                                 parse_qsl(body.decode("utf-8"), keep_blank_values=True)))
        page = b"<!doctype html><html lang='en'><title>Received</title><h1>Received</h1></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        self.wfile.write(page)

    def do_GET(self) -> None:
        self._record(b"")

    def do_POST(self) -> None:
        self._record(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

    def log_message(self, *args) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A browser that has moved on (its context closed) drops the connection before the
        # answer is written: not a failure of the request, which was recorded already.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class RecordingServer:
    def __init__(self) -> None:
        self.httpd = _QuietServer(("127.0.0.1", 0), _Recorder)
        self.httpd.received = []
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def received(self) -> list[Received]:
        return self.httpd.received

    def wait_for(self, count: int = 1, timeout: float = 5.0, page=None) -> list[Received]:
        """The requests received, once there are `count` (or the timeout has passed). With the
        page that sent them, also wait until it has arrived at this server's answer: a test that
        ends mid-navigation can leave Chromium hanging when its context closes."""
        deadline = time.monotonic() + timeout
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        if page is not None and self.received:
            page.wait_for_url(f"{self.url}/**", wait_until="load", timeout=timeout * 1000)
        return list(self.received)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _profile(name: str, **keys: str) -> str:
    fields = {"name": json.dumps(name, ensure_ascii=False), "title": "Town Manager", "organization": "Town of Alder",
              "region": "Western", "expertise": "[Finance]", **keys}
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in fields.items()) + "---\nI have led budgets for twenty years.\n"


def _program(name: str, handler: str = "") -> str:
    return f"---\nname: {name}\nsummary: {name} pairs members with mentors.\nduration_months: [3, 6]\ncadence: monthly\n{handler}---\nThe guide.\n"


FORM = """
title: Test application
action: {recorder}/apply
method: post
honeypot: true
fields:
  - {{name: name, label: Your name, type: text, required: true, group: About you}}
  - {{name: email, label: Email, type: email, required: true, group: About you}}
  - {{name: phone, label: Phone, type: tel, group: About you}}
  - {{name: frequency, label: How often, type: choice, options: frequency, required: true, group: Preferences}}
  - name: needs
    label: Developmental needs
    type: multichoice
    options: expertise
    required: true
    group: Preferences
    help: Choose the areas where you most want to grow.
  - {{name: meeting, label: How to meet, type: multichoice, options: meeting, group: Preferences}}
  - {{name: start, label: Start date, type: date}}
  - {{name: about, label: Anything else, type: textarea}}
  - {{name: consent, label: I agree to be contacted, type: checkbox, required: true}}
"""


@dataclass
class HandlerSite:
    recorder: RecordingServer
    server: SiteServer
    site: Path

    @property
    def url(self) -> str:
        return self.server.url


def handler_site(tmp: Path) -> HandlerSite:
    """Mentors who reach the site's get handler, a program's post handler, a program's mailto
    handler and a program without its own handler; one not accepting, one full; one form."""
    recorder = RecordingServer()
    alpha = (f"request_form:\n  url: {recorder.url}/alpha\n  method: post\n"
             "  fields: {mentor: mentor_slug, mentor_name: who, program: prog}\n")
    beta = "request_form:\n  url: mailto:beta@example.org\n  fields: {mentor: mentor, mentor_name: name, program: program}\n"
    content = make_roster(tmp / "content", {
        "zoe": _profile(HARD_NAME),
        "ana-diaz": _profile("Ana Díaz", programs="[alpha, beta, gamma]"),
        "closed": _profile("Carl Closed", accepting="false", programs="[alpha]"),
        "full": _profile("Fay Full", capacity="0"),
    }, {"alpha": _program("Alpha Program", alpha), "beta": _program("Beta Program", beta), "gamma": _program("Gamma Program")})
    write(content / "forms" / "apply.yml", FORM.format(recorder=recorder.url))
    (tmp / "site").mkdir()
    server = SiteServer(tmp / "site")
    site_handler = {"url": f"{recorder.url}/request", "method": "get",
                    "fields": {"mentor": "entry.1", "mentor_name": "entry.2", "program": "entry.3"}}
    build = build_site(tmp, content, plugin={"request_form": site_handler}, site_url=server.url)
    assert build.returncode == 0, build.output
    return HandlerSite(recorder, server, build.site)
