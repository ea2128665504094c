"""The benchmark's synthetic rosters (benchmarks/synthetic.py) are valid, sized and varied."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
import yaml

from mentor_gallery.content.loader import load_roster
from mentor_gallery.problems import errors

PROJECT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT))

from benchmarks.sites import baseline_page, write_baseline  # noqa: E402
from benchmarks.synthetic import frontmatter_yaml, write_roster  # noqa: E402


@pytest.fixture(scope="module")
def roster(tmp_path_factory):
    """One varied roster for the tests that look at the mix (photos made common enough to appear)."""
    root = tmp_path_factory.mktemp("synthetic") / "content"
    return write_roster(root, 150, seed=7, photo_share=0.1)


@pytest.mark.parametrize("size", [1, 12, 40])
def test_a_roster_of_the_requested_size_passes_check(tmp_path, size):
    synthetic = write_roster(tmp_path / "content", size, seed=size)
    loaded = load_roster(tmp_path / "content")
    assert errors(loaded.problems) == []
    assert len(loaded.roster.mentors) == size
    assert sorted(m.slug for m in loaded.roster.mentors) == sorted(p.slug for p in synthetic.profiles)


def test_the_varied_roster_passes_check(roster):
    loaded = load_roster(roster.root)
    assert errors(loaded.problems) == []
    assert len(loaded.roster.mentors) == 150
    # The example association's programs and forms come along, so every kind of page is built.
    assert {p.slug for p in loaded.roster.programs} == {p.stem for p in (PROJECT / "content" / "programs").glob("*.md")}
    assert loaded.roster.forms


def test_the_same_seed_gives_the_same_roster_and_another_seed_another(tmp_path):
    first = write_roster(tmp_path / "a", 20, seed=5)
    again = write_roster(tmp_path / "b", 20, seed=5)
    other = write_roster(tmp_path / "c", 20, seed=6)
    assert [p.markdown() for p in first.profiles] == [p.markdown() for p in again.profiles]
    assert [p.slug for p in first.profiles] != [p.slug for p in other.profiles]


def test_profiles_mix_fields_as_a_real_roster_does(roster):
    mentors = load_roster(roster.root).roster.mentors
    words = [len(p.statement.replace("**", "").split()) for p in roster.profiles]
    assert min(words) >= 80 and max(words) <= 300 + 40  # the last sentence may run past the aim
    assert {len(m.expertise) for m in mentors} == {1, 2, 3}
    assert any(not m.name.isascii() for m in mentors)
    assert any(any(alias in p.frontmatter["expertise"] for alias in ("HR", "EMS", "Fire/EMS", "IT", "Teamwork", "Outsourcing"))
               for p in roster.profiles)
    contacts = [m.contact for m in mentors if m.contact]
    assert any(c.public for c in contacts) and any(not c.public for c in contacts)
    assert any(m.contact is None for m in mentors)
    assert any(m.photo for m in mentors) and any(m.photo is None for m in mentors)
    assert {m.photo.format for m in mentors if m.photo} == {"JPEG", "SVG"}  # photographs, and drawn initials
    assert {m.capacity for m in mentors} >= {None, 0, 1, 2}
    assert any(not m.available for m in mentors) and any(m.available for m in mentors)
    assert any(m.updated is None for m in mentors) and len({m.updated for m in mentors}) > 50
    assert any(m.frequency is None for m in mentors) and len({m.frequency for m in mentors if m.frequency}) == 4
    assert any(len(m.programs) == 0 for m in mentors) and any(len(m.programs) >= 2 for m in mentors)


def test_frontmatter_survives_values_that_need_quoting():
    front = {"name": "Zoë Ñúñez", "title": "Chief: Operations", "organization": "yes", "expertise": ["Fire/EMS", "A, B"],
             "contact": {"email": "z@example.org", "phone": "555-0100", "public": False}, "capacity": 0,
             "updated": dt.date(2025, 2, 3), "summary": "#1 in \"budgets\"", "accepting": True}
    assert yaml.safe_load(frontmatter_yaml(front)) == front


def test_the_baseline_is_plain_markdown_kept_out_of_the_nav(tmp_path, roster):
    config = write_baseline(tmp_path, roster.profiles[:3])
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert settings["not_in_nav"] == "/mentors/" and settings["plugins"] == ["search"]
    for profile in roster.profiles[:3]:
        page = (tmp_path / "docs" / "mentors" / f"{profile.slug}.md").read_text(encoding="utf-8")
        assert page == baseline_page(profile)
        assert page.startswith(f"# {profile.name}\n") and "---" not in page
        assert profile.statement in page


def test_photos_are_photographs_of_a_phone_export_and_the_baseline_publishes_them_as_they_are(tmp_path, roster):
    """The build's cost per photo (decoding, scaling, the privacy gate's reading of what it
    publishes) is only measured when the photos are as large and as detailed as real ones."""
    import io

    from PIL import Image

    from benchmarks.synthetic import PHOTO_SIZE

    photographed = [p for p in roster.profiles if p.photo and p.photo.endswith(".jpg")]
    sizes = [(roster.mentors_dir / p.photo).stat().st_size for p in photographed]
    assert len(photographed) >= 5 and min(sizes) > 200_000  # grain, as a camera's: not flat colour
    assert len({(roster.mentors_dir / p.photo).read_bytes() for p in photographed}) == len(photographed)
    assert Image.open(io.BytesIO((roster.mentors_dir / photographed[0].photo).read_bytes())).size == PHOTO_SIZE
    write_baseline(tmp_path, photographed[:2], photos=roster.mentors_dir)
    for profile in photographed[:2]:
        copied = tmp_path / "docs" / "mentors" / profile.photo
        assert copied.read_bytes() == (roster.mentors_dir / profile.photo).read_bytes()
        assert f"]({profile.photo})" in (tmp_path / "docs" / "mentors" / f"{profile.slug}.md").read_text(encoding="utf-8")


def test_no_two_profiles_share_a_phone_number(tmp_path):
    """One mentor's public phone must not be another's private one: the build's privacy gate
    would rightly refuse the roster, and the benchmark would measure a failed build."""
    write_roster(tmp_path / "content", 400, seed=3)
    phones = [m.contact.phone for m in load_roster(tmp_path / "content").roster.mentors if m.contact and m.contact.phone]
    assert len(phones) > 200
    assert len(set(phones)) == len(phones)
