"""No content can stall the build: what would cost the build time or space is refused by `check`,
with the reason and the limit, at its line (issue: Hardening II)."""

from __future__ import annotations

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
    started = time.perf_counter()
    found = problems(root)
    assert time.perf_counter() - started < 1.0
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
    started = time.perf_counter()
    published = published_bytes(check_photo(drawing, tmp_path / "c"))
    assert published.startswith(b"\x89PNG")
    assert time.perf_counter() - started < 2.0


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
