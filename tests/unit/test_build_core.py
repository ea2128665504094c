"""The build core (site/build.py): one result that both engine adapters consume.

The MkDocs plugin reports the handler warnings `check` and `pages` report; the gallery's cards are
drawn once per build; and the plugin and `pages` give every generated page the same meta."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from mkdocs.config import load_config

from engines import zensical_project
from mentor_gallery import routes
from mentor_gallery.settings import SiteSettings
from mentor_gallery.site import gallery_data
from mentor_gallery.site.audience import Audience
from mentor_gallery.site.build import BuildCore, page_meta
from mentor_gallery.site.docs_build import DocsBuilder
from mentor_gallery.site.page_files import page_path
from mentor_gallery.site.project_config import read_project
from mentor_gallery.site.render import FragmentRenderer
from support import EXAMPLE_CONTENT, PROJECT, make_roster, profile, write_config

TEMPLATES = PROJECT / "site-templates" / "mentor-gallery"


def plugin_after_pre_build(tmp_path: Path, content: Path, **options):
    """The MkDocs adapter of the shipped configuration (its plugin options changed by `options`),
    its hooks run up to on_pre_build."""
    (tmp_path / "site").mkdir(parents=True, exist_ok=True)
    config = load_config(str(write_config(tmp_path, content, plugin=options)))
    config = config.plugins.on_config(config)
    plugin = config.plugins["mentor-gallery"]
    try:
        plugin.on_pre_build(config=config)
    finally:
        plugin.on_build_error(None)  # the staging folder on_config made
    return plugin, config


def test_the_mkdocs_build_reports_the_handler_warning_as_advice(tmp_path, caplog):
    content = make_roster(tmp_path / "content", {"ana": profile()})
    logger = logging.getLogger("mkdocs.plugins.mentor_gallery")
    logger.addHandler(caplog.handler)  # MkDocs' own logging setup may stop records short of the root
    try:
        with caplog.at_level(logging.INFO, logger=logger.name):
            plugin, _ = plugin_after_pre_build(tmp_path, content, request_form=None)  # the shipped site names one
    finally:
        logger.removeHandler(caplog.handler)
    said = [record for record in caplog.records if "no request handler is configured" in record.getMessage()]
    assert said, caplog.text
    # Advice, as `check` gives it: never a failure, not even under --strict (which counts warnings).
    assert all(record.levelno == logging.INFO and "warning:" in record.getMessage() for record in said)
    assert plugin.site.ok and [page.spec.url for page in plugin.site.pages]


def test_the_core_reports_the_handler_warning_that_check_reports(tmp_path):
    content = make_roster(tmp_path / "content", {"ana": profile()})
    site = BuildCore().build(content, SiteSettings(), FragmentRenderer(TEMPLATES))
    assert site.ok
    assert [p.severity for p in site.problems if "no request handler is configured" in p.message] == ["warning"]


@pytest.mark.parametrize("access", ["public", "members-only"])
def test_each_mentors_card_is_drawn_once_per_build(monkeypatch, access):
    calls: list[str] = []
    card = Audience.card

    def counted(self, mentor):
        calls.append(mentor.slug)
        return card(self, mentor)

    monkeypatch.setattr(Audience, "card", counted)
    # A windowed gallery, whose cards are also published as gallery-cards.json.
    monkeypatch.setattr(gallery_data, "WINDOW_ABOVE", 10)
    monkeypatch.setenv("TEST_PASSPHRASE", "otters in the riverlands")
    settings = SiteSettings(access=access, passphrase_env="TEST_PASSPHRASE")
    site = BuildCore().build(EXAMPLE_CONTENT, settings, FragmentRenderer(TEMPLATES))
    assert site.ok, site.problems
    assert routes.GALLERY_CARDS in site.data
    assert sorted(calls) == sorted(m.slug for m in site.roster.mentors)  # once each: pages and data files share them


def test_the_plugin_and_pages_give_the_same_pages_the_same_meta(tmp_path):
    """Both adapters of one content folder: the same page set, and the meta the plugin sets on
    each page is the front matter `pages` writes for it."""
    plugin, config = plugin_after_pre_build(tmp_path / "mkdocs", EXAMPLE_CONTENT)
    set_by_plugin = {}
    for built in plugin.site.pages:
        page = SimpleNamespace(file=SimpleNamespace(src_uri=built.spec.src_uri), meta={})
        assert plugin.on_page_markdown("", page=page, config=config, files=None) == ""
        set_by_plugin[built.spec.url] = page.meta
    project = read_project(zensical_project(tmp_path / "zensical", EXAMPLE_CONTENT))
    outcome = DocsBuilder(project, EXAMPLE_CONTENT).build()
    assert outcome.sync is not None, outcome.problems
    written = {}
    for built in plugin.site.pages:
        text = (project.docs_dir / page_path(built.spec)).read_text(encoding="utf-8")
        written[built.spec.url] = yaml.safe_load(text.split("---\n", 2)[1])
    assert set_by_plugin == written
    assert len(written) == outcome.pages
    # The home page's live parts: the same value for either engine.
    assert config.extra["mentor_gallery"] == outcome.home


def test_a_title_is_escaped_once_in_the_meta():
    spec = SimpleNamespace(title="Ana 'Rock' <Díaz> & Co", hide=["navigation", "toc"], searchable=False)
    assert page_meta(spec) == {"title": "Ana &#39;Rock&#39; &lt;Díaz&gt; &amp; Co", "hide": ["navigation", "toc"],
                               "search": {"exclude": True}}


def test_the_engine_configuration_is_rewritten_only_when_the_home_summary_changes(tmp_path):
    """The watcher writes it once more after a change (Zensical reloads the whole site on it): a
    change that leaves the summary alone must not count as one."""
    content = make_roster(tmp_path / "content", {"ana": profile(accepting="true"), "ben": profile("Ben Ode")})
    builder = DocsBuilder(read_project(zensical_project(tmp_path / "zensical", content)), content)
    first = builder.build()
    assert first.engine_config_changed and first.home is not None, first.problems
    ana = content / "mentors" / "ana.md"
    ana.write_text(ana.read_text(encoding="utf-8") + "\nA new line of her statement.\n", encoding="utf-8")
    statement = builder.build()
    assert statement.sync is not None and statement.sync.written, statement.problems
    assert not statement.engine_config_changed and statement.home == first.home
    ana.write_text(ana.read_text(encoding="utf-8").replace("accepting: true", "accepting: false", 1), encoding="utf-8")
    full = builder.build()
    assert full.engine_config_changed and full.home != first.home


def test_the_renderer_is_kept_while_its_templates_and_the_site_name_are_the_same(tmp_path):
    core = BuildCore()
    kept = core.renderer_for([TEMPLATES], "Our Association")
    assert core.renderer_for([TEMPLATES], "Our Association") is kept
    assert core.renderer_for([TEMPLATES], "Another Association") is not kept
    assert core.renderer_for([tmp_path, TEMPLATES], "Another Association") is not core.renderer_for([TEMPLATES], "Another Association")


def test_under_watch_the_saved_profiles_page_is_written_before_the_rest_is_drawn(tmp_path, monkeypatch):
    """Zensical redraws what changes close together in one go: the page being edited goes first,
    as soon as the roster has passed its checks, and the gallery and the lists its card is on
    follow once drawn. The page written first is the very page the run draws."""
    from mentor_gallery.site import build

    content = make_roster(tmp_path / "content", {"ana": profile(), "ben": profile("Ben Ode")})
    builder = DocsBuilder(read_project(zensical_project(tmp_path / "zensical", content)), content)
    assert builder.build().sync is not None
    docs = builder.project.docs_dir
    ana = content / "mentors" / "ana.md"
    head, _, body = ana.read_text(encoding="utf-8").partition("\n---\n")
    ana.write_text(f"{head}\n---\nA new first sentence.\n\n{body}", encoding="utf-8")
    seen: dict[str, bool] = {}
    draw = build.render_site

    def drawing_starts(*args, **kwargs):
        seen["profile"] = "A new first sentence." in (docs / "mentors" / "ana" / "index.md").read_text(encoding="utf-8")
        seen["gallery"] = "A new first sentence." in (docs / "mentors" / "index.md").read_text(encoding="utf-8")
        return draw(*args, **kwargs)

    monkeypatch.setattr(build, "render_site", drawing_starts)
    outcome = builder.build(saved=[str(ana)], between=lambda: seen.setdefault("paused", True))
    assert outcome.sync is not None, outcome.problems
    assert seen == {"profile": True, "gallery": False}  # no pause either: drawing the rest is one
    assert outcome.ahead == ["mentors/ana/index.md"] and "mentors/ana/index.md" not in outcome.sync.written
    assert "mentors/index.md" in outcome.sync.written
    assert "A new first sentence." in (docs / "mentors" / "index.md").read_text(encoding="utf-8")
    assert builder.build().sync.written == []  # what went first is byte for byte what the run made


def test_under_watch_a_saved_photo_is_published_again_and_nothing_else(tmp_path):
    from PIL import Image

    content = make_roster(tmp_path / "content", {"ana": profile(photo="ana.png"), "ben": profile("Ben Ode")})
    photo = content / "mentors" / "ana.png"
    Image.new("RGB", (300, 300), "#336699").save(photo)
    builder = DocsBuilder(read_project(zensical_project(tmp_path / "zensical", content)), content)
    assert builder.build().sync is not None, builder.build().problems
    Image.new("RGB", (300, 300), "#993366").save(photo)
    order: list[str] = []
    outcome = builder.build(saved=[str(photo)], between=lambda: order.append("pause"))
    assert outcome.sync is not None and outcome.ahead == []
    written = outcome.sync.written
    assert sorted(written) == ["mentors/ana/photo-small.png", "mentors/ana/photo.png"] and order == []
