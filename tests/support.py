"""Shared test helpers: build a real site from a content folder, serve it, write rosters."""

from __future__ import annotations

import functools
import os
import http.server
import shutil
import subprocess
import sys
import threading
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parents[1]
EXAMPLE_CONTENT = PROJECT / "content"
MKDOCS = Path(sys.executable).with_name("mkdocs")
ARTIFACTS = PROJECT / "test-artifacts"
SUBPATH = "/mentor-gallery/"


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


def write_config(tmp: Path, content: Path, *, site_url: str | None = None, plugin: dict | None = None,
                 extra: dict | None = None) -> Path:
    """A mkdocs.yml for a site made of the project's docs and templates and the given content."""
    plugin_config = {"content_dir": str(content)}
    plugin_config.update(plugin if plugin is not None else {
        "request_form": {"url": "https://forms.example.org/request", "method": "get",
                         "fields": {"mentor": "entry.1", "mentor_name": "entry.2", "program": "entry.3"}}})
    config = {
        "site_name": "Test Mentoring",
        "docs_dir": str(PROJECT / "docs"),
        "site_dir": str(tmp / "site"),
        "use_directory_urls": True,
        "theme": {"name": "material", "custom_dir": str(PROJECT / "site-templates"), "font": False,
                  "features": ["navigation.instant"],
                  "palette": [{"scheme": "default", "toggle": {"icon": "material/weather-night", "name": "Dark mode"}},
                              {"scheme": "slate", "toggle": {"icon": "material/weather-sunny", "name": "Light mode"}}]},
        "plugins": ["search", {"mentor-gallery": plugin_config}],
        "markdown_extensions": ["attr_list", "admonition", "tables"],
        "validation": {"links": {"unrecognized_links": "ignore"}},
    }
    if site_url:
        config["site_url"] = site_url
    config.update(extra or {})
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def build_site(tmp: Path, content: Path = EXAMPLE_CONTENT, env: dict[str, str] | None = None, **kwargs) -> Build:
    config = write_config(tmp, content, **kwargs)
    result = subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(config)], capture_output=True, text=True, cwd=tmp,
                            env={**os.environ, **(env or {})})
    return Build(result.returncode, result.stdout + result.stderr, tmp / "site")


def copy_example(dest: Path) -> Path:
    """A writable copy of the example content, for tests that change one thing."""
    shutil.copytree(EXAMPLE_CONTENT, dest)
    return dest


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


TAXONOMY = """
expertise:
  - Finance
  - Strategic Planning
  - {label: Fire/Emergency Medical Services, slug: fire-ems, aliases: [EMS]}
regions:
  - Western
  - Piedmont
"""


def profile(name: str = "Ana Díaz", **keys: str) -> str:
    """A valid profile, with keys replaced or added (values are YAML)."""
    fields = {"name": f'"{name}"', "title": "Town Manager", "organization": "Town of Alder", "region": "Western",
              "expertise": "[Finance]"}
    fields.update(keys)
    front = "\n".join(f"{k}: {v}" for k, v in fields.items() if v is not None)
    return f"---\n{front}\n---\nI have led budgets for twenty years.\n"


def make_roster(root: Path, mentors: dict[str, str], programs: dict[str, str] | None = None,
                taxonomy: str = TAXONOMY) -> Path:
    write(root / "taxonomy.yml", taxonomy)
    for slug, text in mentors.items():
        write(root / "mentors" / f"{slug}.md", text)
    for slug, text in (programs or {}).items():
        write(root / "programs" / f"{slug}.md", text)
    return root


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves a site under SUBPATH, as GitHub Pages serves a project site."""

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(SUBPATH):
            return str(Path(self.directory) / "__not_found__")
        return super().translate_path("/" + clean[len(SUBPATH):])

    def log_message(self, *args) -> None:
        pass


class SiteServer:
    def __init__(self, directory: Path):
        handler = functools.partial(_Handler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{SUBPATH}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def run_cli(capsys, *args) -> tuple[int, str, str]:
    """`mentor-gallery ARGS` in-process: (exit code, stdout, stderr)."""
    from mentor_gallery.cli import main

    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err
