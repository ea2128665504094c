"""A site's own custom_dir overrides the packaged templates, scripts and styles by path and holds
nothing else; without any, the packaged ones build the whole site."""

from __future__ import annotations

import os
import subprocess

import yaml

from support import MKDOCS, PROJECT, _TagKeepingDumper, make_roster, profile, shipped_config
from html_tree import parse


def _build(tmp, custom_dir):
    """The shipped mkdocs.yml, whole (INHERIT could not take custom_dir away), with this custom_dir."""
    content = make_roster(tmp / "content", {"ana-diaz": profile()})
    config = shipped_config()
    config.update(site_dir=str(tmp / "site"), docs_dir=str(PROJECT / "docs"), watch=[str(content)])
    config["theme"].pop("custom_dir")
    if custom_dir is not None:
        config["theme"]["custom_dir"] = str(custom_dir)
    for entry in config["plugins"]:
        if isinstance(entry, dict) and "mentor-gallery" in entry:
            entry["mentor-gallery"]["content_dir"] = str(content)
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.dump(config, Dumper=_TagKeepingDumper, sort_keys=False, allow_unicode=True), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "REPO_URL")}
    result = subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(path)], capture_output=True, text=True, cwd=tmp, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp / "site"


def test_a_file_of_the_sites_folder_replaces_the_packaged_one_by_path(tmp_path):
    own = tmp_path / "site-templates"
    packaged_profile = (PROJECT / "site-templates" / "mentor-gallery" / "profile.html").read_text(encoding="utf-8")
    (own / "mentor-gallery").mkdir(parents=True)
    (own / "mentor-gallery" / "profile.html").write_text(
        packaged_profile.replace("<h1>", "<p class=own-marker>Our own profile layout</p><h1>", 1), encoding="utf-8")
    (own / "assets" / "mentor-gallery").mkdir(parents=True)
    (own / "assets" / "mentor-gallery" / "print.css").write_text("/* our own paper rules */\n", encoding="utf-8")
    (own / "README.md").write_text("# Our overrides\n", encoding="utf-8")
    site = _build(tmp_path, own)
    assert "Our own profile layout" in (site / "mentors" / "ana-diaz" / "index.html").read_text(encoding="utf-8")
    assert (site / "assets" / "mentor-gallery" / "print.css").read_text() == "/* our own paper rules */\n"
    # Everything else from the package: another stylesheet, the gallery's template, the home page.
    assert (site / "assets" / "mentor-gallery" / "gallery.js").is_file()
    assert "data-gallery" in (site / "mentors" / "index.html").read_text(encoding="utf-8")
    assert "mg-home" in (site / "index.html").read_text(encoding="utf-8")
    assert not (site / "README.md").exists() and not (site / "README" / "index.html").exists()


def test_no_custom_dir_at_all_builds_from_the_package(tmp_path):
    site = _build(tmp_path, None)
    assert "mg-home" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "assets" / "mentor-gallery" / "gallery.css").is_file()
    page = (site / "mentors" / "ana-diaz" / "index.html").read_text(encoding="utf-8")
    tree = parse(page)
    assert any(link.attrs.get("href", "").endswith("assets/mentor-gallery/profile.css") for link in tree.find_all("link", rel="stylesheet"))
    assert tree.find_all(aria_label="Search")  # main.html's hook
