"""A published photo carries no colour profile, so browsers show its pixels as sRGB: a photo with
a profile of another RGB space (a phone's Display P3) is converted to sRGB first, and keeps its
colours. The profile used here tells a conversion from leaving pixels alone beyond doubt: it is
sRGB with its red and green primaries swapped, so pure red in it is pure green in sRGB."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from mentor_gallery.content.photos import PUBLISHED_SIZES, check_photo, published_photos

RED = (255, 0, 0)


def srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def red_and_green_swapped() -> bytes:
    """sRGB with the tag table's rXYZ and gXYZ entries exchanged: each names the other's primary."""
    profile = bytearray(srgb_profile())
    for index in range(struct.unpack(">I", profile[128:132])[0]):
        at = 132 + 12 * index
        swap = {b"rXYZ": b"gXYZ", b"gXYZ": b"rXYZ"}.get(bytes(profile[at:at + 4]))
        if swap:
            profile[at:at + 4] = swap
    return bytes(profile)


def published_pixels(tmp_path: Path, name: str, image: Image.Image, profile: bytes | None) -> list[tuple[int, ...]]:
    """The centre pixel of each published size, after checking the photo as a build does."""
    options = {"icc_profile": profile} if profile else {}
    image.save(tmp_path / name, **options)
    out = []
    for pixels, data in sorted(published_photos(check_photo(tmp_path / name, tmp_path)).items()):
        with Image.open(io.BytesIO(data)) as published:
            assert "icc_profile" not in published.info
            assert max(published.size) == pixels
            out.append(published.getpixel((published.width // 2, published.height // 2)))
    assert len(out) == len(PUBLISHED_SIZES)
    return out


@pytest.mark.parametrize("name", ["ana.jpg", "ana.png", "ana.webp"])
def test_a_photo_in_another_rgb_space_is_published_in_srgb(tmp_path, name):
    for red, green, blue, *_ in published_pixels(tmp_path, name, Image.new("RGB", (900, 600), RED), red_and_green_swapped()):
        assert green > 240 and red < 15 and blue < 15, (red, green, blue)


def test_transparency_stays_when_the_colours_are_converted(tmp_path):
    image = Image.new("RGBA", (900, 600), RED + (100,))
    for pixel in published_pixels(tmp_path, "ana.png", image, red_and_green_swapped()):
        assert pixel[1] > 240 and pixel[0] < 15 and pixel[3] == 100, pixel


@pytest.mark.parametrize("profile", [None, srgb_profile(), b"not a colour profile " * 20,
                                     ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()],
                         ids=["none", "srgb", "unreadable", "not-rgb"])
def test_other_photos_keep_their_pixels(tmp_path, profile):
    """No profile, an sRGB one, one that cannot be read or one of another colour space: the pixels
    go on as they are (an unreadable profile is left behind as before, and fails nothing)."""
    colour = (200, 100, 50)
    for pixel in published_pixels(tmp_path, "ana.png", Image.new("RGB", (900, 600), colour), profile):
        assert all(abs(a - b) <= 1 for a, b in zip(pixel, colour)), pixel
