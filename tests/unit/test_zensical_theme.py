"""How `pages` lets Zensical reach the packaged theme: a site's custom_dir extends the installed
theme `mentor-gallery` (mkdocs_theme.yml), written when missing, never replaced."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mentor_gallery import packaged
from mentor_gallery.site.zensical_theme import THEME_FILE, theme_hook, write_theme_hook

CONFIG = Path("mkdocs.yml")


@pytest.fixture
def installed(monkeypatch, tmp_path):
    """As in an installed package: the theme is the package's own folder."""
    folder = tmp_path / "package" / "theme"
    folder.mkdir(parents=True)
    (folder / "main.html").write_text("")
    monkeypatch.setattr(packaged, "PACKAGE", folder.parent)
    return folder


def test_the_repositorys_own_folder_needs_nothing():
    assert theme_hook(packaged.theme_dir(), CONFIG, 5) == ([], None)


def test_an_empty_folder_gets_the_file_that_extends_the_package(installed, tmp_path):
    own = tmp_path / "site-templates"
    own.mkdir()
    problems, hook = theme_hook(own, CONFIG, 5)
    assert problems == [] and hook == own / THEME_FILE
    write_theme_hook(hook)
    assert yaml.safe_load(hook.read_text())["extends"] == packaged.THEME_NAME
    assert theme_hook(own, CONFIG, 5) == ([], None)  # in place: nothing more to do


def test_a_file_that_extends_something_else_is_named_with_the_fix(installed, tmp_path):
    own = tmp_path / "site-templates"
    own.mkdir()
    (own / THEME_FILE).write_text("extends: material\n")
    [problem], hook = theme_hook(own, CONFIG, 5)
    assert hook is None and f"extends: {packaged.THEME_NAME}" in problem.message and problem.path.endswith(THEME_FILE)


def test_no_custom_dir_is_an_error_at_the_theme_line(installed):
    [problem], hook = theme_hook(None, CONFIG, 7)
    assert (problem.line, hook) == (7, None) and "custom_dir: site-templates" in problem.message


def test_a_checkout_without_packaged_copies_says_so(tmp_path):
    own = tmp_path / "site-templates"
    own.mkdir()
    [problem], _ = theme_hook(own, CONFIG, 1)
    assert "source checkout" in problem.message


def test_the_hook_is_never_written_through_a_link(installed, tmp_path):
    own = tmp_path / "site-templates"
    own.mkdir()
    (own / THEME_FILE).symlink_to(tmp_path / "elsewhere.yml")
    [problem], hook = theme_hook(own, CONFIG, 1)
    assert hook is None and "symbolic link" in problem.message
    with pytest.raises(FileExistsError):
        write_theme_hook(own / THEME_FILE)
    assert not (tmp_path / "elsewhere.yml").exists()
