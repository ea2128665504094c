"""Shared test helpers: build a real site from a content folder, serve it, write rosters."""

from __future__ import annotations

import functools
import os
import http.server
import shutil
import socket
import struct
import subprocess
import sys
import threading
import textwrap
import zlib
from dataclasses import dataclass
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parents[1]
EXAMPLE_CONTENT = PROJECT / "content"
MKDOCS = Path(sys.executable).with_name("mkdocs")
ARTIFACTS = PROJECT / "test-artifacts"
SUBPATH = "/mentor-gallery/"
SHIPPED_CONFIG = PROJECT / "mkdocs.yml"
PLUGIN = "mentor-gallery"


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


class _Tagged:
    """A YAML value with a tag (mkdocs.yml's `!ENV`), carried through unchanged: MkDocs resolves it."""

    def __init__(self, tag: str, node: yaml.Node, loader: yaml.SafeLoader):
        self.tag = tag
        self.value = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else loader.construct_scalar(node)


class _TagKeepingLoader(yaml.SafeLoader):
    pass


class _TagKeepingDumper(yaml.SafeDumper):
    pass


_TagKeepingLoader.add_multi_constructor("!", lambda loader, suffix, node: _Tagged("!" + suffix, node, loader))
_TagKeepingDumper.add_representer(
    _Tagged, lambda dumper, tagged: (dumper.represent_sequence if isinstance(tagged.value, list) else dumper.represent_scalar)(tagged.tag, tagged.value))


def shipped_config() -> dict:
    """The project's own mkdocs.yml, its `!ENV` tags kept as tags."""
    return yaml.load(SHIPPED_CONFIG.read_text(encoding="utf-8"), Loader=_TagKeepingLoader)


def write_config(tmp: Path, content: Path, *, site_url: str | None = None, plugin: dict | None = None,
                 docs_dir: Path = PROJECT / "docs") -> Path:
    """A mkdocs.yml that inherits the project's own and changes only where the site comes from and
    goes: the content, site_url, site_dir, and the docs and templates as absolute paths (relative
    ones would resolve beside this file). `plugin` sets mentor-gallery options over the shipped ones."""
    plugins = []
    for entry in shipped_config()["plugins"]:
        if isinstance(entry, dict) and PLUGIN in entry:
            # MkDocs' INHERIT replaces lists whole: the plugins list is repeated, with the shipped options.
            entry = {PLUGIN: {**(entry[PLUGIN] or {}), "content_dir": str(content), **(plugin or {})}}
        plugins.append(entry)
    config = {
        "INHERIT": str(SHIPPED_CONFIG),
        "site_dir": str(tmp / "site"),
        "docs_dir": str(docs_dir),
        "theme": {"custom_dir": str(PROJECT / "site-templates")},
        # The folders a test edits while serving (the shipped mkdocs.yml lists none: the plugin and
        # the theme folder are watched anyway).
        "watch": [str(content), str(PROJECT / "site-templates")],
        "plugins": plugins,
    }
    if site_url:
        config["site_url"] = site_url
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.dump(config, Dumper=_TagKeepingDumper, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def build_site(tmp: Path, content: Path = EXAMPLE_CONTENT, env: dict[str, str] | None = None, **kwargs) -> Build:
    """`mkdocs build --strict` of the shipped configuration (see write_config) into tmp/site.
    SITE_URL and REPO_URL (read by the shipped mkdocs.yml) come only from `env`, not from the shell."""
    config = write_config(tmp, content, **kwargs)
    inherited = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "REPO_URL")}
    result = subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(config)], capture_output=True, text=True, cwd=tmp,
                            env={**inherited, **(env or {})})
    return Build(result.returncode, result.stdout + result.stderr, tmp / "site")


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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
                taxonomy: str = TAXONOMY, forms: dict[str, str] | None = None) -> Path:
    write(root / "taxonomy.yml", taxonomy)
    for slug, text in mentors.items():
        write(root / "mentors" / f"{slug}.md", text)
    for slug, text in (programs or {}).items():
        write(root / "programs" / f"{slug}.md", text)
    for slug, text in (forms or {}).items():
        write(root / "forms" / f"{slug}.yml", text)
    return root


def png(width: int = 4, height: int = 4, rgb: tuple[int, int, int] = (90, 60, 160)) -> bytes:
    """A valid PNG of one colour, for a profile photo."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


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
