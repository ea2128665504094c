"""No content can stall the build: what would cost the build time or space is refused by `check`,
with the reason and the limit, at its line (issue: Hardening II)."""

from __future__ import annotations

import functools
import time
from pathlib import Path

import pytest

from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.photos import check_photo, published_bytes
from support import make_roster, profile, write


def problems(root: Path) -> list[str]:
    return [f"{Path(p.path).name}:{p.line}: {p.message}" for p in load_roster(root).problems if p.severity == "error"]


def roster_with_photo(tmp_path: Path, name: str = "ana.svg") -> Path:
    return make_roster(tmp_path / "c", {"ana": profile(photo=name)})


# --- SVG photos: a drawing budget ----------------------------------------------------------

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">{}</svg>'
# About 1 KB: a blur whose region is far larger than the picture, on a square that <use>
# repeats 4 x 4 x 4 times. resvg takes minutes to draw it; a few more levels, hours.
STALLING = SVG.format(
    '<defs><filter id="f" filterUnits="userSpaceOnUse" x="-100" y="-100" width="300" height="300">'
    '<feGaussianBlur stdDeviation="30"/><feGaussianBlur stdDeviation="30"/><feGaussianBlur stdDeviation="30"/></filter>'
    '<rect id="a" width="10" height="10" filter="url(#f)"/>'
    '<g id="b"><use href="#a"/><use href="#a"/><use href="#a"/><use href="#a"/></g>'
    '<g id="c"><use href="#b"/><use href="#b"/><use href="#b"/><use href="#b"/></g>'
    '<g id="d"><use href="#c"/><use href="#c"/><use href="#c"/><use href="#c"/></g></defs><use href="#d"/>')


def test_the_stalling_svg_is_refused_by_check_in_under_a_second(tmp_path):
    root = roster_with_photo(tmp_path)
    write(root / "mentors" / "ana.svg", STALLING)
    # CPU time, not wall time: a guard against a stall that a busy machine cannot trip
    started = time.process_time()
    found = problems(root)
    assert time.process_time() - started < 1.0
    assert any(p.startswith("ana.md:7: photo 'ana.svg' uses filters that would take about") and "at most 40 million" in p
               for p in found), found


@pytest.mark.parametrize("inner, expected", [
    # <use> fan-out without any filter: ten to the fourth squares from 40 elements
    ('<defs><rect id="a" width="100" height="100"/>'
     + "".join(f'<g id="{n}">' + f'<use href="#{p}"/>' * 10 + "</g>" for p, n in zip("abcd", "bcde"))
     + '</defs><use href="#e"/>', "draws more than 4,000 elements once every <use> and reference is expanded"),
    # one primitive that costs its radius squared per pixel
    ('<filter id="f"><feMorphology radius="30"/></filter><rect width="100" height="100" filter="url(#f)"/>',
     "uses filters that would take about"),
    # a filter region a thousand times the picture, through a transform
    ('<filter id="f" filterUnits="userSpaceOnUse" width="100" height="100"><feGaussianBlur stdDeviation="9"/></filter>'
     '<g transform="scale(40)"><rect width="1" height="1" filter="url(#f)"/></g>', "uses filters that would take about"),
    # a pattern that draws itself
    ('<pattern id="p" width="10" height="10"><rect width="5" height="5" fill="url(#p)"/></pattern>'
     '<rect width="100" height="100" fill="url(#p)"/>', "refers to '#p' from inside itself"),
    # a style sheet can put a filter on every element at once
    ('<style>rect { filter: url(#f) }</style><filter id="f"><feGaussianBlur stdDeviation="2"/></filter><rect width="9" height="9"/>',
     "sets a filter in a <style> sheet"),
])
def test_a_costly_svg_is_refused_with_the_reason(tmp_path, inner, expected):
    root = roster_with_photo(tmp_path)
    write(root / "mentors" / "ana.svg", SVG.format(inner))
    found = problems(root)
    assert any(p.startswith("ana.md:7: photo 'ana.svg' ") and expected in p for p in found), found


def test_an_ordinary_drawing_with_a_drop_shadow_and_reuse_is_accepted_and_drawn(tmp_path):
    drawing = write(tmp_path / "c" / "ana.svg", SVG.format(
        '<defs><filter id="s"><feGaussianBlur in="SourceAlpha" stdDeviation="2"/><feOffset dx="2" dy="2"/>'
        '<feMerge><feMergeNode/><feMergeNode in="SourceGraphic"/></feMerge></filter>'
        '<circle id="dot" r="4" fill="#246"/></defs>'
        '<circle cx="50" cy="50" r="40" fill="#8ac" filter="url(#s)"/>'
        + "".join(f'<use href="#dot" x="{10 * i}" y="90"/>' for i in range(10))))
    # CPU time, not wall time: a guard against a stall that a busy machine cannot trip
    started = time.process_time()
    published = published_bytes(check_photo(drawing, tmp_path / "c"))
    assert published.startswith(b"\x89PNG")
    assert time.process_time() - started < 2.0


# --- broken raster photos: decoded by check ------------------------------------------------


def jpeg_bytes() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (300, 200), "#336699").save(out, "JPEG")
    return out.getvalue()


def damaged_png() -> bytes:
    """A PNG whose chunks and checksums are all correct but whose compressed pixels are not."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    stream = bytearray(zlib.compress(b"".join(b"\x00" + bytes(range(90)) for _ in range(30))))
    stream[10] ^= 0xFF
    stream[11] ^= 0x55
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 30, 30, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", bytes(stream)) + chunk(b"IEND", b""))


@pytest.mark.parametrize("name, data", [
    ("ana.jpg", jpeg_bytes()[: len(jpeg_bytes()) // 2]),  # cut off half way, as an interrupted upload is
    ("ana.png", damaged_png()),
])
def test_a_broken_raster_photo_is_refused_at_its_line(tmp_path, name, data):
    root = roster_with_photo(tmp_path, name)
    (root / "mentors" / name).write_bytes(data)
    found = problems(root)
    assert any(p.startswith(f"ana.md:7: photo '{name}' is damaged: its pixels cannot be read") for p in found), found


@functools.cache  # made once: drawing four megapixels of noise is the slow part
def phone_sized_jpeg(width: int = 2400, height: int = 1600, orientation: int | None = None) -> bytes:
    """A photo as a phone takes it: large, full of detail (noise compresses as badly as a face)."""
    import io

    from PIL import Image

    image = Image.merge("RGB", [Image.effect_noise((width, height), sigma) for sigma in (30, 50, 70)])
    out = io.BytesIO()
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation  # the Orientation tag a phone writes when held upright
    image.save(out, "JPEG", quality=60, exif=exif.tobytes())
    return out.getvalue()


def test_a_large_jpeg_cut_off_half_way_is_refused_at_its_line(tmp_path):
    # Decoded at a reduced scale (see the next test), a cut-off stream must still be found.
    root = roster_with_photo(tmp_path, "ana.jpg")
    data = phone_sized_jpeg()
    (root / "mentors" / "ana.jpg").write_bytes(data[: len(data) // 2])
    assert any(p.startswith("ana.md:7: photo 'ana.jpg' is damaged: its pixels cannot be read") for p in problems(root))


def test_a_large_jpeg_is_decoded_once_by_check_and_once_by_the_build_at_a_reduced_scale(tmp_path, monkeypatch):
    """A phone photo is decoded at a reduced scale (at least DECODE_GAP times the largest published
    side), not at its 4 megapixels, and the build makes both published sizes from one decoding:
    ten thousand mentors with photos must not cost the build minutes of decoding."""
    import io

    from PIL import Image, ImageFile

    from mentor_gallery.content.photos import PUBLISHED_SIZES, published_photos

    decoded: list[tuple[int, int]] = []
    load = ImageFile.ImageFile.load

    def recording_load(image):
        decoding = bool(image.tile)  # what is left to decode; a loaded image has none
        result = load(image)
        if decoding:
            decoded.append(image.size)
        return result

    monkeypatch.setattr(ImageFile.ImageFile, "load", recording_load)
    photo = tmp_path / "c" / "ana.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(phone_sized_jpeg())
    checked = check_photo(photo, tmp_path / "c")
    published = published_photos(checked)
    assert decoded == [(1200, 800), (1200, 800)], decoded  # check's, then the build's: 1/2 scale
    assert sorted(published) == sorted(PUBLISHED_SIZES)
    for pixels, data in published.items():
        assert max(Image.open(io.BytesIO(data)).size) == pixels
        # Huffman tables made for the picture: fewer bytes than the standard tables give its pixels
        plain = io.BytesIO()
        Image.open(io.BytesIO(data)).save(plain, "JPEG", quality=85)
        assert len(data) < 0.97 * len(plain.getvalue())


def test_the_build_publishes_each_photo_from_one_decoding(tmp_path, monkeypatch):
    from mentor_gallery.content import photos
    from mentor_gallery.site.build import PhotoCache

    opened: list[str] = []
    real = photos.published_photos
    monkeypatch.setattr(photos, "published_photos", lambda photo, sizes=photos.PUBLISHED_SIZES: opened.append(photo.source.name) or real(photo, sizes))
    monkeypatch.setattr("mentor_gallery.site.build.published_photos", photos.published_photos)
    source = tmp_path / "c" / "ana.jpg"
    source.parent.mkdir(parents=True)
    source.write_bytes(phone_sized_jpeg())
    cache = PhotoCache()
    checked = check_photo(source, tmp_path / "c")
    both = {pixels: cache(checked, pixels) for pixels in photos.PUBLISHED_SIZES}
    assert opened == ["ana.jpg"] and both == real(checked)


def test_a_photo_taken_upright_is_published_upright(tmp_path):
    import io

    from PIL import Image

    photo = tmp_path / "c" / "ana.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(phone_sized_jpeg(2400, 1600, orientation=6))  # stored sideways, shown rotated
    published = Image.open(io.BytesIO(published_bytes(check_photo(photo, tmp_path / "c"))))
    assert published.size == (267, 400)
    assert not published.getexif()  # and the metadata, orientation included, is not published


def test_a_photo_broken_after_check_is_a_message_from_the_build_not_a_traceback(tmp_path):
    from mentor_gallery.content.photos import PhotoError

    photo = write(tmp_path / "c" / "ana.jpg", "")
    photo.write_bytes(jpeg_bytes())
    checked = check_photo(photo, tmp_path / "c")
    photo.write_bytes(jpeg_bytes()[:300])
    with pytest.raises(PhotoError, match="cannot be read"):
        published_bytes(checked)


# --- names longer than a file system holds ---------------------------------------------------


@pytest.mark.parametrize("name, size", [("a" * 260 + ".png", 264), ("é" * 130 + ".png", 264)])
def test_a_photo_name_over_the_file_system_limit_is_a_message_at_its_line(tmp_path, name, size):
    root = roster_with_photo(tmp_path, name)
    found = problems(root)
    assert [p for p in found if p.startswith("ana.md:7: ")] == [
        f"ana.md:7: photo '{name[:40]}...' has a name of {size} bytes; file systems allow 255: rename the file to something short, e.g. ana.png"]


def test_a_command_line_name_over_the_file_system_limit_is_a_message(tmp_path, capsys):
    from support import run_cli

    code, _, err = run_cli(capsys, "check", tmp_path / ("c" * 300))
    assert code == 1
    assert ":1: a name in this path is 300 bytes long; file systems allow 255 per name" in err and "Traceback" not in err


# --- ranked places and options: pages stay linear --------------------------------------------


def test_max_expertise_has_an_upper_limit_stated_in_the_message(tmp_path):
    from support import TAXONOMY

    root = make_roster(tmp_path / "c", {"ana": profile()}, taxonomy=TAXONOMY + "max_expertise: 20000\n")
    found = problems(root)
    assert len(found) == 1 and found[0].startswith("taxonomy.yml:") and "max_expertise is 20000; keep it to 10 or fewer" in found[0], found


FORM = "title: Apply\naction: https://forms.example.org/apply\nfields:\n{}"


@pytest.mark.parametrize("field, expected", [
    # N options and max N: N drop-downs of N options each
    ("  - {{name: pick, label: Pick, type: ranked, options: [{}], max: 1500}}\n".format(", ".join(f"o{i}" for i in range(1500))),
     "4: 1,500 options; keep them to 1,000 or fewer"),
    ("  - {{name: pick, label: Pick, type: ranked, options: [{}], max: 30}}\n".format(", ".join(f"o{i}" for i in range(30))),
     "4: max must be a whole number from 1 to 10 (at most 10: each place is a drop-down of every option), not '30'"),
    ("  - {{name: pick, label: Pick, type: choice, options: [{}]}}\n".format(", ".join(f"o{i}" for i in range(1001))),
     "4: 1,001 options; keep them to 1,000 or fewer"),
])
def test_a_form_that_would_render_a_quadratic_page_is_refused(tmp_path, field, expected):
    root = make_roster(tmp_path / "c", {"ana": profile()}, forms={"apply": FORM.format(field)})
    found = problems(root)
    assert any(p.startswith(f"apply.yml:{expected}") for p in found), found


def test_a_ranked_field_without_max_offers_at_most_ten_places(tmp_path):
    options = ", ".join(f"o{i}" for i in range(40))
    root = make_roster(tmp_path / "c", {"ana": profile()},
                       forms={"apply": FORM.format(f"  - {{name: pick, label: Pick, type: ranked, options: [{options}]}}\n")})
    result = load_roster(root)
    assert result.ok, result.problems
    assert result.roster.forms[0].fields[0].max == 10


# --- vocabularies: 1,000 labels, and a refused one does not cascade ---------------------------


def vocabulary(count: int, aliases: int = 0, word: str = "Area") -> str:
    def entry(i: int) -> str:
        if not aliases:
            return f"  - {word} {i}\n"
        return f"  - {{label: {word} {i}, aliases: [{', '.join(f'{word} {i} {chr(97 + j)}' for j in range(aliases))}]}}\n"
    return "".join(entry(i) for i in range(count))


def test_a_vocabulary_of_1000_labels_with_aliases_is_accepted_in_linear_time(tmp_path):
    taxonomy = "expertise:\n" + vocabulary(1000, 5) + "regions:\n" + vocabulary(1000, 5, "Region")
    mentors = {f"m{i}": profile(f"Mentor {i}", expertise=f"[Area {i}, Area {i + 1} b]", region=f"Region {i}") for i in range(50)}
    root = make_roster(tmp_path / "c", mentors, taxonomy=taxonomy)
    # CPU time, not wall time: a guard against a stall that a busy machine cannot trip
    started = time.process_time()
    result = load_roster(root)
    seconds = time.process_time() - started
    assert result.ok, result.problems[:3]
    assert len(result.roster.taxonomy.expertise.terms) == 1000
    assert seconds < 10, f"check took {seconds:.1f} s"


@pytest.mark.parametrize("expertise", ["\n" + vocabulary(1001), " Finance\n"])
def test_a_refused_vocabulary_is_reported_once_not_again_at_every_profile(tmp_path, expertise):
    taxonomy = f"expertise:{expertise}regions:\n" + vocabulary(1200, word="Region")
    mentors = {f"m{i}": profile(f"Mentor {i}", expertise="[Area 1]", region="Region 1") for i in range(30)}
    found = problems(make_roster(tmp_path / "c", mentors, taxonomy=taxonomy))
    assert [p.split(":")[0] for p in found] == ["taxonomy.yml", "taxonomy.yml"], found
    assert "regions lists 1,200 labels; keep it to 1,000 or fewer" in found[-1]


def test_a_missing_taxonomy_is_reported_once(tmp_path):
    root = make_roster(tmp_path / "c", {f"m{i}": profile(f"Mentor {i}") for i in range(5)})
    (root / "taxonomy.yml").unlink()
    assert [p.split(":")[0] for p in problems(root)] == ["taxonomy.yml"]
