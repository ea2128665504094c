"""Building a real site into a temporary folder and reading what it wrote."""

import json
import re
import shutil

from PIL import Image

from html_tree import parse
from mentor_gallery.content.loader import load_roster
from support import EXAMPLE_CONTENT, PROJECT, build_site, copy_example, make_roster, profile, write


def test_example_site_has_a_page_per_mentor_program_form_and_facet(example_build):
    build = example_build
    assert build.returncode == 0, build.output
    roster = load_roster(EXAMPLE_CONTENT).roster
    site = build.site
    gallery = (site / "mentors" / "index.html").read_text(encoding="utf-8")
    assert sorted(re.findall(r'data-mentor="([a-z0-9-]+)"', gallery)) == sorted(m.slug for m in roster.mentors)
    for mentor in roster.mentors:
        page = parse((site / "mentors" / mentor.slug / "index.html").read_text(encoding="utf-8"))
        assert page.find("h1").text == mentor.name
    for program in roster.programs:
        assert (site / "programs" / program.slug / "index.html").is_file()
        assert (site / "programs" / program.slug / "agreement" / "index.html").is_file() == bool(program.agreement)
    for form in roster.forms:
        assert (site / "forms" / form.slug / "index.html").is_file()
    assert roster.taxonomy.roles.terms
    for kind, vocabulary in (("expertise", roster.taxonomy.expertise), ("region", roster.taxonomy.regions), ("role", roster.taxonomy.roles)):
        for term in vocabulary.terms:
            assert (site / "mentors" / kind / term.slug / "index.html").is_file()


def test_profiles_stay_out_of_the_navigation(example_build):
    build = example_build
    assert build.returncode == 0, build.output
    home = parse((build.site / "index.html").read_text(encoding="utf-8"))
    nav = home.find("nav", class_="md-nav--primary").hrefs()
    assert "mentors/" in nav  # the gallery is in the nav...
    profiles = {f"mentors/{m.slug}/" for m in load_roster(EXAMPLE_CONTENT).roster.mentors}
    assert not profiles & {href.removeprefix("./") for href in nav}  # ...but no profile is


def test_a_facet_without_mentors_says_so(tmp_path):
    taxonomy = "expertise: [Finance, Police]\nregions: [Western, Piedmont]\n"
    content = make_roster(tmp_path / "content", {"ana": profile()}, taxonomy=taxonomy)
    build = build_site(tmp_path, content)
    assert build.returncode == 0, build.output
    police = parse((build.site / "mentors" / "expertise" / "police" / "index.html").read_text(encoding="utf-8"))
    assert "No mentor lists Police yet" in police.find("article").text
    piedmont = parse((build.site / "mentors" / "region" / "piedmont" / "index.html").read_text(encoding="utf-8"))
    assert "No mentor is in Piedmont yet" in piedmont.find("article").text


def test_invalid_content_fails_the_build_with_the_check_messages_and_publishes_nothing(tmp_path):
    content = copy_example(tmp_path / "content")
    write(content / "mentors" / "broken.md", profile(region="Westrn"))
    build = build_site(tmp_path, content)
    assert build.returncode != 0
    assert re.search(r"content/mentors/broken\.md:5: unknown region 'Westrn'", build.output), build.output
    assert not (build.site / "mentors").exists()


def test_a_docs_page_clashing_with_a_generated_page_is_an_error(tmp_path):
    docs = shutil.copytree(PROJECT / "docs", tmp_path / "docs")
    write(docs / "mentors" / "index.md", "# My own gallery\n")
    content = make_roster(tmp_path / "content", {"ana": profile()})
    build = build_site(tmp_path, content, docs_dir=docs)
    assert build.returncode != 0
    assert "both make mentors/" in build.output and "docs/mentors/index.md" in build.output


def test_photos_are_published_beside_the_profile(example_build):
    build = example_build
    roster = load_roster(EXAMPLE_CONTENT).roster
    with_photo = [m for m in roster.mentors if m.photo]
    assert with_photo
    for mentor in with_photo:
        # Published as pixels the build drew itself: the example's SVG initials become PNG.
        published = build.site / "mentors" / mentor.slug / f"photo{mentor.photo.suffix}"
        with Image.open(published) as image:
            assert image.format == {".png": "PNG", ".jpg": "JPEG", ".webp": "WEBP"}[published.suffix]
            assert max(image.size) <= 400
        assert b"<svg" not in published.read_bytes()
    assert not list((build.site / "mentors").rglob("*.svg")), "no SVG is published from content"
    # Cards and match results take a small copy, re-encoded the same way, not the profile's photo.
    sources = {img.attrs.get("src") for img in parse((build.site / "mentors" / "index.html").read_text(encoding="utf-8")).find_all("img")}
    data = json.loads((build.site / "mentors" / "match-data.json").read_text(encoding="utf-8"))
    thumbs = {m["slug"]: m["card"]["photo"] for m in data["mentors"]}
    for mentor in with_photo:
        small = build.site / "mentors" / mentor.slug / f"photo-small{mentor.photo.suffix}"
        with Image.open(small) as image:
            assert max(image.size) <= 144
        assert small.stat().st_size < (build.site / "mentors" / mentor.slug / f"photo{mentor.photo.suffix}").stat().st_size
        assert f"../mentors/{mentor.slug}/photo-small{mentor.photo.suffix}" in sources
        assert thumbs[mentor.slug] == f"mentors/{mentor.slug}/photo-small{mentor.photo.suffix}"
    assert all(thumbs[m.slug] is None for m in roster.mentors if not m.photo)
