"""A load that reuses an earlier load's per-file results (serve, --watch) finds exactly what a
cold load of the same folder finds: the same roster, the same problems in the same order."""

import os
import shutil
from pathlib import Path

from mentor_gallery.content.loader import LoadCache, load_roster
from support import PROJECT as ROOT, profile

HOSTS = frozenset({"forms.example.org"})


def save(path: Path, text: str) -> None:
    """Write and move the file's time on, as an editor's save a moment later would."""
    path.write_text(text, encoding="utf-8")
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 2_000_000_000))


def same_as_cold(content: Path, cache: LoadCache):
    warm = load_roster(content, HOSTS, "UTC", cache=cache)
    cold = load_roster(content, HOSTS, "UTC")
    assert [str(p) for p in warm.problems] == [str(p) for p in cold.problems]
    assert warm.roster == cold.roster
    return warm


def test_edits_additions_and_removals_match_a_cold_load(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    mentors = content / "mentors"
    cache = LoadCache()
    first = same_as_cold(content, cache)
    assert cache.hits == 0
    count = len(first.roster.mentors)

    # One profile edited: only it is read again.
    amara = mentors / "amara-diallo.md"
    save(amara, amara.read_text(encoding="utf-8").replace("Deputy City Manager", "City Manager"))
    warm = same_as_cold(content, cache)
    assert cache.hits == count - 1
    assert next(m for m in warm.roster.mentors if m.slug == "amara-diallo").title == "City Manager"

    # A new profile that shows another mentor's private contact, and one with an error.
    save(mentors / "zed-new.md", profile("Zed New") + "Write to amara.diallo@example.org.\n")
    save(mentors / "bad-yaml.md", "---\nname: [Bad\n---\nBody.\n")
    warm = same_as_cold(content, cache)
    assert any("zed-new.md" in str(p) and "private contact" in str(p) for p in warm.problems)
    assert any("bad-yaml.md" in str(p) for p in warm.problems)

    # The contact made public: the other file's problem goes, though that file did not change.
    save(amara, amara.read_text(encoding="utf-8").replace("public: false", "public: true", 1))
    warm = same_as_cold(content, cache)
    assert not any("zed-new.md" in str(p) and "private contact" in str(p) for p in warm.problems)

    # A duplicate name and a removal.
    save(mentors / "amara-diallo-2.md", amara.read_text(encoding="utf-8"))
    (mentors / "bad-yaml.md").unlink()
    warm = same_as_cold(content, cache)
    assert "bad-yaml" not in {m.slug for m in warm.roster.mentors}
    assert not any("bad-yaml.md" in str(p) for p in warm.problems)


def test_a_taxonomy_edit_reads_every_profile_again(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    cache = LoadCache()
    same_as_cold(content, cache)
    taxonomy = content / "taxonomy.yml"
    text = taxonomy.read_text(encoding="utf-8")
    # An area some profiles name is gone: they must now be errors, as a cold load finds them.
    area = "Police"
    assert f"  - {area}\n" in text
    save(taxonomy, text.replace(f"  - {area}\n", "", 1))
    warm = same_as_cold(content, cache)
    assert cache.hits == 0
    assert any(area in str(p) and p.severity == "error" for p in warm.problems)


def test_a_photo_change_reads_the_profiles_again(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    cache = LoadCache()
    same_as_cold(content, cache)
    photo = next((content / "mentors").glob("*.svg"))
    photo.unlink()
    warm = same_as_cold(content, cache)
    assert cache.hits == 0
    assert any(photo.name in str(p) for p in warm.problems)
