"""Profile photos: checked as untrusted files, published as fresh raster images.

A photo arrives in a pull request like any other file. Only its pixels are published:
- PNG, JPEG and WebP are decoded and encoded again by Pillow with nothing but their pixels: every
  metadata block (EXIF locations, comments, text chunks, colour profiles, thumbnails) where a
  contact or anything else could hide is left behind (an RGB colour profile once its colours
  are applied: the pixels go on in sRGB, which browsers assume of a photo without one);
- SVG, a document that can run script, is cleaned by an allowlist sanitiser (py-svg-hush),
  stripped of every reference to another file, and drawn to PNG by resvg.
So a published photo is always a PNG, JPEG or WebP that the build wrote itself: opening its URL
runs nothing and loads nothing.
"""

from __future__ import annotations

import functools
import io
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mentor_gallery.content.source import SourceError, read_content_bytes
from mentor_gallery.content.svg_cost import DrawingTooCostly, measure

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage
    from PIL.ImageCms import ImageCmsTransform

MAX_PHOTO_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 25_000_000  # a 5000 x 5000 photo; larger ones are decompression bombs or mistakes
MAX_SVG_ELEMENTS = 2_000  # bounds the drawing work of one photo (no <use> fan-out bombs)
PUBLISHED_PIXELS = 400  # the longest side of a published photo: sharp at 128 px on a 3x screen
THUMBNAIL_PIXELS = 144  # the longest side of a card's copy: sharp at 48 px on a 3x screen
PUBLISHED_SIZES = (PUBLISHED_PIXELS, THUMBNAIL_PIXELS)
# A JPEG is decoded at a reduced scale no smaller than this many times the largest published side:
# the scaling inside the decoder smooths as it reduces, and the final resize keeps this much room.
DECODE_GAP = 1.5
# A photo straight from a phone's camera is the usual one over MAX_PHOTO_BYTES.
TOO_LARGE_FIX = f"export it smaller: {PUBLISHED_PIXELS * 2} px on the longest side is plenty (the site shows it at {PUBLISHED_PIXELS})"
# A phone's own format (HEIC) is the usual other kind: how to get one the site takes.
OTHER_KIND_FIX = "save or export it as JPEG (a phone's HEIC photo: share or export it as JPEG, or set the camera to 'Most Compatible')"
SUFFIX_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP", ".svg": "SVG"}
PUBLISHED_SUFFIX = {"PNG": ".png", "JPEG": ".jpg", "WEBP": ".webp", "SVG": ".png"}
# How each kind is encoded. A JPEG's optimize: Huffman tables made for the picture, the same
# pixels in about 15% fewer bytes for a phone to fetch and the privacy gate to read.
SAVE_OPTIONS: dict[str, dict[str, int | bool]] = {"JPEG": {"quality": 85, "optimize": True}, "WEBP": {"quality": 85},
                                                  "PNG": {"optimize": True}}
MEDIA_TYPE = {".png": "image/png", ".jpg": "image/jpeg", ".webp": "image/webp"}
# What an SVG may still point at after sanitising: its own elements, or an embedded raster image.
_SAFE_REFERENCE = re.compile(r"\s*(#[\w.\-:]*|data:image/(png|jpeg|webp);base64,[A-Za-z0-9+/=\s]*)\s*")
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


@dataclass(frozen=True)
class Photo:
    """A checked photo: its source file and the bytes the site will publish."""

    source: Path
    format: str  # PNG, JPEG, WEBP or SVG (the source's type)
    clean_svg: bytes | None = None  # the sanitised drawing, for SVG sources

    @property
    def suffix(self) -> str:
        """The published file's suffix: an SVG is published as PNG."""
        return PUBLISHED_SUFFIX[self.format]

    @property
    def media_type(self) -> str:
        return MEDIA_TYPE[self.suffix]


class PhotoError(ValueError):
    pass


def check_photo(path: Path, root: Path) -> Photo:
    """Read and check a photo file; raises PhotoError with what is wrong and the fix."""
    expected = SUFFIX_FORMATS.get(path.suffix.lower())
    if expected is None:
        raise PhotoError(f"must be a PNG, JPEG, WebP or SVG file (its name ends in '{path.suffix}'); {OTHER_KIND_FIX}")
    try:
        data = read_content_bytes(path, root, MAX_PHOTO_BYTES, what="photo", too_large=TOO_LARGE_FIX)
    except SourceError as exc:
        raise PhotoError(exc.message) from None
    if len(data) > MAX_PHOTO_BYTES:
        raise PhotoError(f"is over {MAX_PHOTO_BYTES // (1024 * 1024)} MB; {TOO_LARGE_FIX}")
    if expected == "SVG":
        return Photo(path, "SVG", clean_svg(data))
    found = _raster_format(data)
    if found == "MPO":  # a phone's JPEG with more pictures after the first (a depth map, a preview)
        found = "JPEG"  # it is one: the first picture is the photo, and only it is published
    if found != expected:
        named = {"JPEG": "a JPEG", "PNG": "a PNG", "WEBP": "a WebP"}
        what = named.get(found, f"a {found} image") if found else "not an image Pillow can read"
        raise PhotoError(f"is named as {named[expected]} but its contents are {what}; export it again or rename it to match")
    _decode(data)
    return Photo(path, expected)


def _decode(data: bytes) -> None:
    """Decode every pixel, as the build will: a truncated file or a damaged image stream passes
    the header checks and would fail only then."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            _reduce_while_decoding(image, PUBLISHED_PIXELS)
            image.load()
    except Exception as exc:  # Pillow raises OSError, SyntaxError, ValueError... for damaged data
        reason = str(exc) or type(exc).__name__
        raise PhotoError(f"is damaged: its pixels cannot be read ({reason}); export it again from the original") from None


def _raster_format(data: bytes) -> str | None:
    from PIL import Image  # imported on use: check of a roster without photos need not load it

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise PhotoError(f"is {width} x {height} pixels; resize it to at most {PUBLISHED_PIXELS * 2} px on the longest side")
            image.verify()
            return image.format
    except PhotoError:
        raise
    except Exception:  # Pillow raises many types for a damaged or foreign file
        return None


def clean_svg(data: bytes) -> bytes:
    """The drawing with script and outside references removed, or PhotoError."""
    import py_svg_hush

    if b"<!ENTITY" in data or b"<!DOCTYPE" in data.upper():
        raise PhotoError("declares a DOCTYPE or XML entities; export it again as plain SVG, or as PNG/JPEG")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise PhotoError(f"is not a valid SVG file ({exc}); export it again or use PNG/JPEG") from None
    if root.tag.rsplit("}", 1)[-1] != "svg":
        raise PhotoError("is not an SVG drawing (its first element is not <svg>); export it again or use PNG/JPEG")
    count = sum(1 for _ in root.iter())
    if count > MAX_SVG_ELEMENTS:
        raise PhotoError(f"has {count} elements; simplify it to under {MAX_SVG_ELEMENTS} or export it as PNG/JPEG")
    for element in root.iter():
        _refuse_active(element)
    try:
        cleaned = py_svg_hush.filter_svg(data)
    except Exception as exc:  # the sanitiser's parser is stricter than ElementTree on some input
        raise PhotoError(f"could not be read as SVG ({exc}); export it again or use PNG/JPEG") from None
    # Belt and braces: whatever the sanitiser kept must not point outside the drawing either,
    # since the renderer would read local files for <image href="/...">.
    root = ElementTree.fromstring(cleaned)
    for element in root.iter():
        for name in ("href", _XLINK_HREF):
            value = element.get(name)
            if value is not None and not _SAFE_REFERENCE.fullmatch(value):
                del element.attrib[name]
    # What is drawn is what was cleaned: measure that, before the build draws it.
    try:
        measure(root, _canvas_pixels(root), _viewport(root))
    except DrawingTooCostly as exc:
        raise PhotoError(str(exc)) from None
    return ElementTree.tostring(root)


_ACTIVE_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "set", "animate"}


def _refuse_active(element: ElementTree.Element) -> None:
    """Name the plainly active parts of a drawing, so a committee sees the red flag in the pull
    request. This is advice, not the defence: what is published is sanitised and drawn to PNG."""
    namespace, _, tag = element.tag.rpartition("}")
    tag = tag.lower()
    # XHTML inside SVG brings frames, forms and meta refresh; editors' own namespaces are inert.
    if tag in _ACTIVE_ELEMENTS or namespace.lstrip("{") == "http://www.w3.org/1999/xhtml":
        raise PhotoError(f"contains a <{tag}> element, which could run code; export it as PNG/JPEG or remove it")
    for name in element.attrib:
        local = name.rsplit("}", 1)[-1].lower()
        if local.startswith("on"):
            raise PhotoError(f"has an event-handler attribute ({local}), which could run code; export it as PNG/JPEG")
    for name in ("href", _XLINK_HREF):
        value = element.get(name)
        if value is not None and not _SAFE_REFERENCE.fullmatch(value):
            raise PhotoError("refers to another file or address; embed what it shows, or export it as PNG/JPEG")


def published_photos(photo: Photo, sizes: tuple[int, ...] = PUBLISHED_SIZES) -> dict[int, bytes]:
    """The photo as the site publishes it, at most each of `sizes` pixels on its longest side:
    re-encoded pixels, no metadata. A raster photo is decoded once for every size, at a reduced
    scale, and each smaller copy is scaled from the one before."""
    if photo.format == "SVG":
        return {pixels: _draw_svg(photo.clean_svg or b"", pixels) for pixels in sizes}
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(photo.source.read_bytes())) as opened:
            _reduce_while_decoding(opened, max(sizes))
            profile = opened.info.get("icc_profile")
            image = ImageOps.exif_transpose(opened)  # keep the orientation the EXIF block asked for
            image.thumbnail((max(sizes),) * 2)
            image = in_srgb(image, profile)  # on the fewest pixels that still make every size
            # Pillow writes some of what it read back out by default (a PNG's colour profile,
            # zlib-compressed where no text search sees it; a JPEG's comment): only the pixels,
            # and which of them are transparent, go on.
            image.info = {key: value for key, value in image.info.items() if key == "transparency"}
            published = {}
            for pixels in sorted(sizes, reverse=True):
                image.thumbnail((pixels, pixels))
                encoded = image.convert("RGB") if photo.format == "JPEG" and image.mode not in ("RGB", "L") else image
                out = io.BytesIO()
                encoded.save(out, format=photo.format, **SAVE_OPTIONS[photo.format])  # no exif=, no pnginfo=: metadata is dropped
                published[pixels] = out.getvalue()
            return published
    except Exception as exc:  # changed or removed since it was checked: a message, not a traceback
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise PhotoError(f"cannot be read ({reason}); export it again and run check") from None


def in_srgb(image: "PILImage", profile: bytes | None) -> "PILImage":
    """The pixels in sRGB, the colours a browser assumes of a photo that carries no colour profile:
    a phone's wide-gamut photo (Display P3) keeps its colours once its profile is left behind,
    instead of looking duller. A profile that cannot be read, or that is not an RGB one, leaves
    the pixels as they are, as if there were none."""
    if not profile or image.mode not in ("RGB", "RGBA") or "transparency" in image.info:
        return image  # (a colour that marks transparent pixels would no longer match them)
    transform = _to_srgb(profile, image.mode)
    return transform.apply(image) if transform is not None else image


# Photos from one kind of phone carry the same profile: its transform is made once (a few ms).
@functools.lru_cache(maxsize=8)
def _to_srgb(profile: bytes, mode: str) -> "ImageCmsTransform | None":
    from PIL import ImageCms

    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        if source.profile.xcolor_space.strip() != "RGB":
            return None
        return ImageCms.buildTransform(source, ImageCms.createProfile("sRGB"), mode, mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None


def published_bytes(photo: Photo, pixels: int = PUBLISHED_PIXELS) -> bytes:
    """The photo as the site publishes it at one size (see published_photos)."""
    return published_photos(photo, (pixels,))[pixels]


def _reduce_while_decoding(image: "PILImage", pixels: int) -> None:
    """Let a JPEG decode at the largest of 1/2, 1/4 or 1/8 scale that keeps DECODE_GAP times
    `pixels` on both sides: a 12-megapixel phone photo is then decoded at a sixteenth of its
    pixels. Every byte of the compressed stream is still read, so a damaged or cut-off file fails
    as it would at full size. Other formats decode whole."""
    image.draft(None, (round(pixels * DECODE_GAP),) * 2)


def _draw_svg(svg: bytes, pixels: int) -> bytes:
    import resvg_py

    width, height = _canvas_pixels(ElementTree.fromstring(svg), pixels)
    try:
        return bytes(resvg_py.svg_to_bytes(svg_string=svg.decode("utf-8"), width=width, height=height))
    except Exception as exc:
        raise PhotoError(f"could not be drawn ({exc}); export it as PNG/JPEG") from None


def _canvas_pixels(root: ElementTree.Element, pixels: int = PUBLISHED_PIXELS) -> tuple[int, int]:
    """The published photo's size in pixels: `pixels` on its longest side (the budget is measured
    at the largest size published)."""
    width, height = _svg_size(root)
    scale = pixels / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _viewport(root: ElementTree.Element) -> tuple[float, float]:
    """The drawing's own size in user units: its viewBox, else width and height, else 100 x 100."""
    box = (root.get("viewBox") or "").replace(",", " ").split()
    sizes = [_number(v) for v in box[2:]] if len(box) == 4 else [_number(root.get("width")), _number(root.get("height"))]
    return (sizes[0] or 100.0, sizes[1] or 100.0)


def _number(value: str | None) -> float | None:
    match = re.match(r"\s*([0-9]*\.?[0-9]+)", value or "")
    return float(match.group(1)) if match and float(match.group(1)) > 0 else None


def _svg_size(root: ElementTree.Element) -> tuple[float, float]:
    """The drawing's aspect from width/height or viewBox, kept within 1:4 so a photo stays a photo."""
    width, height = _number(root.get("width")), _number(root.get("height"))
    if not (width and height):
        box = (root.get("viewBox") or "").replace(",", " ").split()
        width, height = (_number(box[2]), _number(box[3])) if len(box) == 4 else (None, None)
    ratio = max(0.25, min(4.0, width / height)) if width and height else 1.0
    return (ratio, 1.0) if ratio >= 1 else (1.0, 1 / ratio)
