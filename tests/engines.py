"""Building the shipped site with Zensical, as `make build ENGINE=zensical` does, for tests that
compare it with the MkDocs build (support.build_site) or open it in a browser.

Zensical reads one mkdocs.yml (no INHERIT) and panics on an absolute docs_dir, so each build gets
a project folder of its own: the shipped mkdocs.yml with only the content, site_url and template
paths changed, and a copy of the project's hand-written docs for the writer to add to.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from support import EXAMPLE_CONTENT, PLUGIN, PROJECT, Build, _TagKeepingDumper, shipped_config

BIN = Path(sys.executable).parent
ZENSICAL = BIN / "zensical"
MENTOR_GALLERY = BIN / "mentor-gallery"
# What `mentor-gallery pages` writes into docs/: never copied from the developer's own docs folder.
GENERATED = {"mentors", "programs", "forms", "schema", ".mentor-gallery-manifest.json"}


def zensical_project(root: Path, content: Path = EXAMPLE_CONTENT, site_url: str | None = None, plugin: dict | None = None) -> Path:
    """root/mkdocs.yml beside a copy of the docs folder; returns the configuration file."""
    config = shipped_config()
    for entry in config["plugins"]:
        if isinstance(entry, dict) and PLUGIN in entry:
            entry[PLUGIN] = {**(entry[PLUGIN] or {}), "content_dir": str(content), **(plugin or {})}
    config["theme"]["custom_dir"] = str(PROJECT / "site-templates")
    config["docs_dir"] = "docs"
    config["watch"] = [str(content), str(PROJECT / "site-templates")]  # MkDocs checks that they exist
    config["site_dir"] = "site"
    if site_url:
        config["site_url"] = site_url
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(PROJECT / "docs", root / "docs", ignore=lambda folder, names: GENERATED & set(names)
                    if Path(folder) == PROJECT / "docs" else set())
    path = root / "mkdocs.yml"
    path.write_text(yaml.dump(config, Dumper=_TagKeepingDumper, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def run_steps(config: Path, steps: list[list[str]], env: dict[str, str] | None = None) -> Build:
    """Run commands in the project folder one after another, stopping at the first that fails."""
    inherited = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "REPO_URL")}
    output, code = [], 0
    for step in steps:
        result = subprocess.run(step, capture_output=True, text=True, cwd=config.parent, env={**inherited, **(env or {})})
        output.append(f"$ {' '.join(Path(step[0]).name if i == 0 else part for i, part in enumerate(step))}\n{result.stdout}{result.stderr}")
        code = result.returncode
        if code:
            break
    return Build(code, "\n".join(output), config.parent / "site")


def build_zensical(root: Path, content: Path = EXAMPLE_CONTENT, site_url: str | None = None,
                   env: dict[str, str] | None = None, plugin: dict | None = None) -> Build:
    """What `make build ENGINE=zensical` runs: the writer, then the engine into a staging folder,
    checked before it becomes site/."""
    config = zensical_project(root, content, site_url, plugin)
    return run_steps(config, [
        [str(MENTOR_GALLERY), "pages", "--config", str(config)],
        [str(MENTOR_GALLERY), "pages", "--config", str(config), "--build-with", str(ZENSICAL), "build", "--strict"],
    ], env)


# What each engine wraps around or takes out of the same page, undone before comparing.
_ENGINE_WRAPPERS = [
    re.compile(r'<a id="__skip" tabindex="-1"></a>'),  # Zensical: the skip link's target
    re.compile(r" data-search-exclude(?=[\s>])"),  # Zensical drops the marker once its index is built
]
_ARTICLE_TAG = re.compile(r"<article\b|</article>")
_MAIN_ARTICLE = '<article class="md-content__inner md-typeset">'


def main_article(html: str) -> str:
    """The page's main article, its engine's own wrappers removed and whitespace normalised."""
    start = html.index(_MAIN_ARTICLE) + len(_MAIN_ARTICLE)
    depth = 1
    for tag in _ARTICLE_TAG.finditer(html, start):
        depth += 1 if tag.group() == "<article" else -1
        if depth == 0:
            inner = html[start:tag.start()]
            break
    else:
        raise ValueError("the main article is not closed")
    for wrapper in _ENGINE_WRAPPERS:
        inner = wrapper.sub("", inner)
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", inner)).strip()


def page_title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    return found.group(1).strip() if found else ""
