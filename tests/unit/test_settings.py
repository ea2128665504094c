"""The gallery's settings: one declaration, read the same way by the CLI and the plugin."""

from __future__ import annotations

import pytest

from mentor_gallery.settings import OPTIONS, read_settings
from support import write

BASE = """
site_name: Base
plugins:
  - search
  - mentor-gallery:
      content_dir: content
      request_form:
        url: !ENV [FORM_URL, "https://forms.example.org/default"]
        fields: {mentor: entry.1}
      allowed_hosts: [forms.example.org, env.example.org]
"""


def test_inherit_brings_the_parents_plugin_options(tmp_path, monkeypatch):
    monkeypatch.delenv("FORM_URL", raising=False)
    write(tmp_path / "base.yml", BASE)
    child = write(tmp_path / "mkdocs.yml", "INHERIT: base.yml\nsite_name: Child\n")
    settings = read_settings(child)
    assert settings.problems == []
    assert settings.site_name == "Child"
    assert settings.request_form is not None and settings.request_form.url == "https://forms.example.org/default"
    assert settings.request_form.fields == {"mentor": "entry.1"}


def test_env_tags_are_resolved_as_mkdocs_resolves_them(tmp_path, monkeypatch):
    monkeypatch.setenv("FORM_URL", "https://env.example.org/request")
    write(tmp_path / "base.yml", BASE)
    child = write(tmp_path / "mkdocs.yml", "INHERIT: base.yml\n")
    assert read_settings(child).request_form.url == "https://env.example.org/request"


def test_a_bad_value_from_the_environment_is_checked_like_a_written_one(tmp_path, monkeypatch):
    monkeypatch.setenv("FORM_URL", "https://collector.example.net/x")
    config = write(tmp_path / "mkdocs.yml", BASE)
    messages = [f"{p.line}: {p.message}" for p in read_settings(config).problems]
    assert messages == ["7: url 'https://collector.example.net/x' goes to collector.example.net, which is not in allowed_hosts "
                        "(env.example.org, forms.example.org); use an allowed handler or add the host in mkdocs.yml"]


def test_a_child_replaces_the_plugins_list_whole(tmp_path, monkeypatch):
    monkeypatch.delenv("FORM_URL", raising=False)
    write(tmp_path / "base.yml", BASE)
    child = write(tmp_path / "mkdocs.yml", "INHERIT: base.yml\nplugins:\n  - mentor-gallery:\n      access: members-only\n")
    settings = read_settings(child)
    assert settings.members_only and settings.request_form is None


@pytest.mark.parametrize("options, expected", [
    ("access: secret", "4: access must be one of public, members-only, not 'secret'"),
    ("search_profiles: sometimes", "4: search_profiles must be true, false or auto, not 'sometimes'"),
    ("search_guide: maybe", "4: search_guide must be true or false, not 'maybe'"),
    ("committee_guide: 1", "4: committee_guide must be true or false, not '1'"),
    ("acess: public", "4: unknown mentor-gallery option 'acess'; did you mean 'access'?"),
    ("allowed_hosts: forms.example.org", "4: allowed_hosts must be a list of host names, e.g. [docs.google.com, formspree.io]"),
])
def test_each_bad_option_is_named_at_its_line(tmp_path, options, expected):
    config = write(tmp_path / "mkdocs.yml", f"site_name: X\nplugins:\n  - mentor-gallery:\n      {options}\n")
    assert [f"{p.line}: {p.message}" for p in read_settings(config).problems] == [expected]


def test_every_option_is_documented_in_the_guide():
    from support import PROJECT

    guide = (PROJECT / "docs" / "guide" / "site-settings.md").read_text(encoding="utf-8")
    for option in OPTIONS:
        assert f"`{option.name}`" in guide, option.name


def test_the_association_is_the_option_else_the_copyrights_holder_else_the_site_name(tmp_path):
    from mentor_gallery.settings import copyright_holder

    assert copyright_holder("© 2024–2026 <a href='/'>Alder Town &amp; County Managers</a> · Privacy") == "Alder Town & County Managers"
    assert copyright_holder("Copyright (c) 2026 by Alder Managers | Committee: x@example.org") == "Alder Managers"
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Alder Mentoring\ncopyright: '&copy; 2026 Alder Managers · Contact'\n", encoding="utf-8")
    assert read_settings(config).association == "Alder Managers"
    config.write_text("site_name: Alder Mentoring\n", encoding="utf-8")
    assert read_settings(config).association == "Alder Mentoring"
    config.write_text("site_name: Alder Mentoring\ncopyright: x\nplugins:\n  - mentor-gallery:\n      association: Alder Association\n",
                      encoding="utf-8")
    assert read_settings(config).association == "Alder Association"
