"""One mkdocs.yml, two engines: the example site built by MkDocs with the plugin and by Zensical
after `mentor-gallery pages` publishes the same addresses with the same gallery, profiles,
programs and forms, and the same data files and photos byte for byte."""

from __future__ import annotations

import difflib
import json
import re
import subprocess
from pathlib import Path

import pytest

from urllib.parse import urlsplit

from engines import build_zensical, main_article, page_title
from html_tree import parse
from mentor_gallery.site.built_check import broken_links
from mentor_gallery.site.docs_writer import MANIFEST, Manifest, read_manifest
from support import MKDOCS, build_site

GENERATED_FOLDERS = ("mentors", "programs", "forms")


@pytest.fixture(scope="module")
def manifest(zensical_site) -> Manifest:
    found, problem = read_manifest(zensical_site.project / "docs")
    assert problem is None and found is not None
    return found


def built_pages(site: Path) -> set[str]:
    """The URLs of every page a site has under the gallery's folders."""
    return {f"{p.parent.relative_to(site).as_posix()}/" for folder in GENERATED_FOLDERS for p in (site / folder).rglob("index.html")}


def test_both_engines_publish_every_generated_address_and_no_other(example_site, zensical_site, manifest):
    expected = set(manifest.urls)
    assert len(expected) > 40
    assert built_pages(example_site.site) == expected
    assert built_pages(zensical_site.site) == expected


def test_every_generated_page_shows_the_same_article_on_both_engines(example_site, zensical_site, manifest):
    different = []
    for url in manifest.urls:
        ours = main_article((example_site.site / url / "index.html").read_text(encoding="utf-8"))
        theirs = main_article((zensical_site.site / url / "index.html").read_text(encoding="utf-8"))
        assert "mg-" in ours, f"{url}: no gallery markup found in the article"
        if ours != theirs:
            different.append(url)
            if len(different) == 1:
                diff = "\n".join(difflib.unified_diff(re.split(r"(?=<)", ours), re.split(r"(?=<)", theirs), "mkdocs", "zensical", n=2, lineterm=""))
                first = f"{url}:\n{diff[:3000]}"
    assert not different, f"{len(different)} page(s) differ, e.g. {first}"


def test_titles_are_the_same_and_escaped_once(example_site, zensical_site, manifest):
    for url in manifest.urls:
        ours = page_title((example_site.site / url / "index.html").read_text(encoding="utf-8"))
        theirs = page_title((zensical_site.site / url / "index.html").read_text(encoding="utf-8"))
        assert ours == theirs, url
        assert "&amp;#" not in theirs and "&amp;amp;" not in theirs and "<" not in theirs, url


def test_data_files_and_photos_are_byte_for_byte_the_same(example_site, zensical_site, manifest):
    others = [name for name in manifest.files if not name.endswith(".md")]
    assert any(name.endswith("search-index.json") for name in others) and any("/photo." in name for name in others)
    for name in others:
        assert (zensical_site.site / name).read_bytes() == (example_site.site / name).read_bytes(), name


def test_the_site_search_indexes_the_same_generated_pages(example_site, zensical_site, manifest):
    """Pages marked `search: exclude` (the gallery, the area pages) are left out by both engines."""
    generated = set(manifest.urls)

    def pages(locations: list[str]) -> set[str]:
        return {location.split("#", 1)[0] for location in locations} & generated

    mkdocs = json.loads((example_site.site / "search/search_index.json").read_text(encoding="utf-8"))
    zensical = json.loads((zensical_site.site / "search.json").read_text(encoding="utf-8"))
    ours, theirs = pages([d["location"] for d in mkdocs["docs"]]), pages([d["location"] for d in zensical["items"]])
    assert "mentors/" not in ours and any(url.startswith("programs/") for url in ours)
    assert ours == theirs


# Tags between which a reader sees words apart (blocks, list items, table cells, options).
_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|dl|dt|dd|div|section|h[1-6]|table|tr|td|th|option|label|br)\b[^>]*>")
_ANY_TAG = re.compile(r"<[^>]*>")


def search_items(site: Path) -> list[dict]:
    """Each engine's search entries, as (location, text)."""
    if (site / "search.json").is_file():
        return json.loads((site / "search.json").read_text(encoding="utf-8"))["items"]
    return json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_search_snippets_keep_a_pages_words_apart(example_site, zensical_site, engine):
    """A search result shows the entry's text with its tags taken out (Zensical's window does
    exactly that): no label of a list of facts, no chip, option or list item runs into the next."""
    site = {"mkdocs": example_site, "zensical": zensical_site}[engine].site
    glued = []
    for item in search_items(site):
        text = item["text"]
        if not item["location"].startswith(GENERATED_FOLDERS):
            continue  # the committee's own pages: their Markdown is the engine's to render
        apart, together = _BLOCK_TAG.sub(" ", text).split(), _ANY_TAG.sub("", text).split()
        if _ANY_TAG.sub("", " ".join(apart)).split() != together:
            glued.append(f"{item['location']}: {' '.join(together)[:120]}")
    assert not glued, f"{len(glued)} entries run words together, e.g. {glued[:3]}"
    # The facts' labels (<dt>), which both engines drop from the index with no space left.
    profile = next(p for p in (site / "mentors").glob("*/index.html") if "mg-facts" in p.read_text(encoding="utf-8"))
    url = f"{profile.parent.relative_to(site).as_posix()}/"
    labels = [dt.text for dt in parse(profile.read_text(encoding="utf-8")).find("dl", class_="mg-facts").find_all("dt")]
    facts = " ".join(item["text"] for item in search_items(site) if item["location"].startswith(url))
    assert labels and all(re.search(re.escape(label) + r"\s", facts) for label in labels), facts[:300]


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_profiles_search_entry_leaves_out_the_initials_and_the_way_back(example_site, zensical_site, engine):
    site = {"mkdocs": example_site, "zensical": zensical_site}[engine].site
    entries = [item for item in search_items(site) if re.fullmatch(r"mentors/[a-z0-9-]+/", item["location"])]
    assert len(entries) > 10
    assert not [e["location"] for e in entries if "Back to the Mentors Gallery" in e["text"]]
    initials = [e["location"] for e in entries if re.match(r"[A-Z]{2} ", e["text"])]
    assert not initials, initials[:5]


def test_the_home_page_has_the_same_title_on_both_engines(example_site, zensical_site):
    ours, theirs = (page_title((site.site / "index.html").read_text(encoding="utf-8")) for site in (example_site, zensical_site))
    assert ours == theirs == "Riverlands Mentoring"


def test_the_zensical_header_has_no_empty_repository_box_and_one_search_label(zensical_site):
    """Without repo_url, Zensical's empty box for the repository link kept the search box from
    the header's right edge; and the search dialog's label was given twice."""
    for page in ("index.html", "programs/index.html"):
        header = parse((zensical_site.site / page).read_text(encoding="utf-8")).find("header")
        assert not [box for box in header.find_all(class_="md-header__source") if not box.children or not box.text], page
        search = header.find("div", class_="md-search")
        assert search.attrs.get("aria-label") == "Search", page
        raw = (zensical_site.site / page).read_text(encoding="utf-8")
        assert raw.count('aria-label="Search" aria-label="Search"') == 0, page


def test_mkdocs_builds_beside_the_written_pages_without_a_clash(zensical_site, tmp_path):
    """The plugin leaves out what the manifest lists and makes the same pages itself; without
    the manifest the same docs folder is two sources for every address."""
    config = zensical_site.project / "mkdocs.yml"
    build = subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(config), "-d", str(tmp_path / "site")],
                           capture_output=True, text=True, cwd=zensical_site.project)
    assert build.returncode == 0, build.stdout + build.stderr
    url = next(u for u in json.loads((zensical_site.project / "docs" / MANIFEST).read_text())["urls"] if u.startswith("forms/") and u != "forms/")
    assert main_article((tmp_path / "site" / url / "index.html").read_text(encoding="utf-8")) == \
        main_article((zensical_site.site / url / "index.html").read_text(encoding="utf-8"))
    manifest_file = zensical_site.project / "docs" / MANIFEST
    saved = manifest_file.read_bytes()
    manifest_file.unlink()
    try:
        clash = subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(config), "-d", str(tmp_path / "clash")],
                               capture_output=True, text=True, cwd=zensical_site.project)
    finally:
        manifest_file.write_bytes(saved)
    assert clash.returncode != 0 and "address clash" in clash.stdout + clash.stderr


# Both audiences, both engines: the same addresses, no link to an address the site does not
# publish, and the same home page (the live summary, the tools, the search example).
SITE_URL = "https://example.org/mentor-gallery/"
MEMBERS = {"access": "members-only", "passphrase_env": "TEST_MEMBER_PASSPHRASE"}
MEMBERS_ENV = {"TEST_MEMBER_PASSPHRASE": "otters in the riverlands"}


@pytest.fixture(scope="module")
def members_sites(tmp_path_factory) -> dict[str, Path]:
    mkdocs_root, zensical_root = tmp_path_factory.mktemp("members-mkdocs"), tmp_path_factory.mktemp("members-zensical")
    (mkdocs_root / "site").mkdir()
    ours = build_site(mkdocs_root, plugin=MEMBERS, site_url=SITE_URL, env=MEMBERS_ENV)
    assert ours.returncode == 0, ours.output
    theirs = build_zensical(zensical_root / "project", site_url=SITE_URL, env=MEMBERS_ENV, plugin=MEMBERS)
    assert theirs.returncode == 0, theirs.output
    return {"mkdocs": ours.site, "zensical": theirs.site}


@pytest.fixture(scope="module")
def sites(example_site, zensical_site, members_sites) -> dict[str, dict[str, Path]]:
    return {"public": {"mkdocs": example_site.site, "zensical": zensical_site.site}, "members-only": members_sites}


def published_files(site: Path) -> set[str]:
    """Every file but each engine's own search and theme assets (their names differ by design)."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
            and not p.relative_to(site).as_posix().startswith(("assets/javascripts/", "assets/stylesheets/", "search"))}


def home_parts(site: Path) -> dict:
    home = parse((site / "index.html").read_text(encoding="utf-8")).find("div", class_="mg-home")
    summaries = home.find_all("div", class_="mg-home__summary")
    return {"summary": " ".join(summaries[0].text.split()) if summaries else None,
            "actions": [(a.attrs.get("href"), a.text.strip()) for a in home.find("p", class_="mg-home__actions").find_all("a")],
            "placeholder": home.find("input", id="mg-home-search").attrs.get("placeholder")}


@pytest.mark.parametrize("audience", ["public", "members-only"])
def test_both_engines_publish_the_same_files(sites, audience):
    ours, theirs = (published_files(sites[audience][engine]) for engine in ("mkdocs", "zensical"))
    assert "sitemap.xml.gz" in ours
    assert ours == theirs, f"only MkDocs: {sorted(ours - theirs)[:10]}; only Zensical: {sorted(theirs - ours)[:10]}"


@pytest.mark.parametrize("audience", ["public", "members-only"])
@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_no_internal_link_reaches_an_unpublished_page(sites, audience, engine):
    site = sites[audience][engine]
    checked, broken = broken_links(site, urlsplit(SITE_URL).path)
    assert checked > 1000 and not broken, broken[:10]


@pytest.mark.parametrize("audience", ["public", "members-only"])
def test_both_engines_show_the_same_home_page(sites, audience):
    ours, theirs = (home_parts(sites[audience][engine]) for engine in ("mkdocs", "zensical"))
    assert ours == theirs
    assert "28" in (ours["summary"] or "") and ours["placeholder"], ours
    tools = [href for href, _ in ours["actions"] if href and href.rstrip("/").endswith(("find", "team"))]
    assert len(tools) == (2 if audience == "public" else 0), ours["actions"]
