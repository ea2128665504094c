"""A pull request cannot leak, run script, mislead or stall: each class, as `check` sees it."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.photos import check_photo, published_bytes
from support import make_roster, profile, write

PRIVATE = "{email: ana@example.org, phone: '555-010-2000'}"


def png_bytes(width: int = 2, height: int = 2) -> bytes:
    """A real PNG, written by hand so the test needs no image library to make one."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def problems(root: Path) -> list[str]:
    return [f"{Path(p.path).name}:{p.line}: {p.message}" for p in load_roster(root).problems if p.severity == "error"]


def roster_with_photo(tmp_path: Path, photo: str = "ana.png") -> Path:
    return make_roster(tmp_path / "c", {"ana": profile(photo=photo), "bo": profile("Bo Lee", contact="{email: bo@example.org}")})


# --- 1. only content files are published ----------------------------------------------------


def test_a_photo_linked_to_another_profile_is_refused_at_its_line(tmp_path):
    root = roster_with_photo(tmp_path)
    (root / "mentors" / "ana.png").symlink_to(root / "mentors" / "bo.md")
    assert any(p.startswith("ana.md:7: photo 'ana.png' is a symbolic link") for p in problems(root)), problems(root)


def test_a_photo_linked_to_the_build_environment_is_refused(tmp_path):
    root = roster_with_photo(tmp_path)
    (root / "mentors" / "ana.png").symlink_to("/proc/self/environ")
    assert any("ana.md:7: photo 'ana.png' is a symbolic link" in p for p in problems(root))


def test_a_photo_in_a_linked_folder_outside_the_content_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "ana.png").write_bytes(png_bytes())
    root = roster_with_photo(tmp_path, photo="pics/ana.png")
    (root / "mentors" / "pics").symlink_to(outside)
    assert any("ana.md:7: photo 'pics/ana.png' resolves outside the content folder" in p for p in problems(root)), problems(root)


def test_profile_guide_form_and_taxonomy_links_are_refused_not_skipped(tmp_path):
    root = make_roster(tmp_path / "c", {"ana": profile()})
    secret = write(tmp_path / "secret.md", profile("Secret Person"))
    (root / "mentors" / "eve.md").symlink_to(secret)
    (root / "programs").mkdir()
    (root / "programs" / "evil.md").symlink_to(secret)
    (root / "forms").mkdir()
    (root / "forms" / "evil.yml").symlink_to("/etc/hostname")
    found = problems(root)
    for name in ("eve.md", "evil.md", "evil.yml"):
        assert any(p.startswith(f"{name}:1: is a symbolic link") for p in found), (name, found)
    assert [m.slug for m in load_roster(root).roster.mentors] == ["ana"]


def test_a_linked_taxonomy_is_refused(tmp_path):
    root = make_roster(tmp_path / "c", {"ana": profile()})
    real = tmp_path / "taxonomy.yml"
    (root / "taxonomy.yml").rename(real)
    (root / "taxonomy.yml").symlink_to(real)
    assert any(p.startswith("taxonomy.yml:1: is a symbolic link") for p in problems(root))


def test_an_empty_profile_and_a_pipe_are_refused_without_hanging(tmp_path):
    root = make_roster(tmp_path / "c", {"ana": profile()})
    (root / "mentors" / "empty.md").write_bytes(b"")
    os.mkfifo(root / "mentors" / "pipe.md")
    found = problems(root)
    assert "empty.md:1: is empty; fill it in or delete it" in found
    assert any(p.startswith("pipe.md:1: is not a regular file") for p in found), found


@pytest.mark.parametrize("name, data, expected", [
    ("ana.jpg", png_bytes(), "is named as a JPEG but its contents are a PNG"),
    ("ana.png", b"<html><script>alert(1)</script></html>", "is named as a PNG but its contents are not an image"),
    ("ana.webp", b"GIF89a" + b"\x00" * 40, "is named as a WebP but its contents are not an image"),
    ("ana.gif", b"GIF89a", "must be an image: a PNG, JPEG, WebP or SVG file"),
])
def test_a_photo_must_be_what_its_name_says(tmp_path, name, data, expected):
    root = roster_with_photo(tmp_path, photo=name)
    (root / "mentors" / name).write_bytes(data)
    assert any(expected in p for p in problems(root)), problems(root)


def test_an_oversized_photo_is_refused(tmp_path):
    root = roster_with_photo(tmp_path)
    (root / "mentors" / "ana.png").write_bytes(png_bytes() + b"\x00" * (3 * 1024 * 1024))
    assert "ana.md:7: photo 'ana.png' file is 3072 KB, over the 2048 KB limit for one photo; export it smaller: 800 px on the longest side is plenty (the site shows it at 400)" in problems(root)


def test_an_over_long_file_name_is_one_line(tmp_path):
    root = make_roster(tmp_path / "c", {"a" * 120: profile()})
    found = problems(root)
    assert found == [f"{'a' * 120}.md:1: file name is 120 characters long; keep it under 100 (it becomes the page's address)"]


# --- 2. a photo never runs script -----------------------------------------------------------

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{}</svg>'


@pytest.mark.parametrize("inner, expected", [
    # foreign-namespace content: an XHTML frame inside foreignObject
    ('<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"/></foreignObject>', "<foreignobject> element"),
    ('<g><html:meta xmlns:html="http://www.w3.org/1999/xhtml" http-equiv="refresh" content="0;url=javascript:alert(1)"/></g>', "<meta> element"),
    # animation that sets a link's target
    ('<a xlink:href="#x"><set attributeName="href" to="javascript:alert(1)"/><circle r="4"/></a>', "<set> element"),
    ('<a><animate attributeName="href" values="javascript:alert(1)"/><circle r="4"/></a>', "<animate> element"),
    # URL-valued attributes pointing out of the drawing
    ('<a xlink:href="javascript:alert(1)"><circle r="4"/></a>', "refers to another file or address"),
    ('<image href="/etc/hosts" width="4" height="4"/>', "refers to another file or address"),
    ('<use href="https://evil.example/x.svg#a"/>', "refers to another file or address"),
])
def test_active_svg_is_refused_with_a_reason(tmp_path, inner, expected):
    root = roster_with_photo(tmp_path, photo="ana.svg")
    (root / "mentors" / "ana.svg").write_text(SVG.format(inner), encoding="utf-8")
    assert any(expected in p for p in problems(root)), problems(root)


def test_an_svg_photo_is_published_as_png_pixels(tmp_path):
    drawing = write(tmp_path / "c" / "ana.svg", SVG.format('<title>A</title><circle cx="5" cy="5" r="5" fill="#123456"/>'))
    published = published_bytes(check_photo(drawing, tmp_path / "c"))
    assert published.startswith(b"\x89PNG\r\n\x1a\n")
    assert b"<svg" not in published and b"title" not in published


def test_a_raster_photo_is_published_without_its_metadata(tmp_path):
    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "write to ana@example.org")
    Image.new("RGB", (900, 600), "#336699").save(tmp_path / "ana.png", pnginfo=info)
    assert b"ana@example.org" in (tmp_path / "ana.png").read_bytes()
    published = published_bytes(check_photo(tmp_path / "ana.png", tmp_path))
    assert b"ana@example.org" not in published
    with Image.open(__import__("io").BytesIO(published)) as image:
        assert image.size == (400, 267)


SECRET = "write to ana@example.org"


def _with_every_metadata_block(path: Path) -> None:
    """A photo carrying each metadata block Pillow writes for its format, each holding SECRET."""
    from PIL import Image, ImageCms, PngImagePlugin

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes() + SECRET.encode()
    exif = Image.Exif()
    exif[0x010E] = SECRET  # ImageDescription
    image = Image.new("RGB", (900, 600), "#336699")
    kind = path.suffix
    if kind == ".png":
        text = PngImagePlugin.PngInfo()
        text.add_text("Comment", SECRET)
        text.add_text("Author", SECRET, zip=True)  # zTXt: compressed
        text.add_itxt("Description", SECRET, zip=True)
        image.save(path, pnginfo=text, icc_profile=profile, exif=exif.tobytes())
    elif kind == ".jpg":
        image.save(path, comment=SECRET, icc_profile=profile, exif=exif.tobytes(), xmp=SECRET.encode())
    else:
        image.save(path, icc_profile=profile, exif=exif.tobytes(), xmp=SECRET.encode())


@pytest.mark.parametrize("name", ["ana.png", "ana.jpg", "ana.webp"])
def test_a_raster_photo_is_published_with_nothing_but_its_pixels(tmp_path, name):
    """Every metadata block (comments, text chunks, EXIF, XMP, colour profiles) is left behind,
    compressed ones too, which no reading of the file's bytes as text could search: a PNG's colour
    profile and a JPEG's comment were carried over by Pillow unless told otherwise."""
    import io
    import zlib

    from PIL import Image

    from mentor_gallery.content.photos import published_photos

    _with_every_metadata_block(tmp_path / name)
    with Image.open(tmp_path / name) as source:  # the source really carries them
        assert source.info.get("icc_profile") and (source.info.get("comment") or source.info.get("Comment") or source.info.get("xmp"))
    for pixels, published in published_photos(check_photo(tmp_path / name, tmp_path)).items():
        assert SECRET.encode() not in published
        with Image.open(io.BytesIO(published)) as image:
            assert max(image.size) == pixels
            assert not image.getexif()
            assert set(image.info) <= {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "progressive",
                                       "progression", "loop", "background", "timestamp", "duration"}, image.info
        if name.endswith(".png"):  # no compressed chunk holds it either
            at = 8
            while at < len(published):
                size = int.from_bytes(published[at:at + 4], "big")
                kind, body = published[at + 4:at + 8], published[at + 8:at + 8 + size]
                if kind in (b"iCCP", b"zTXt", b"iTXt"):
                    raise AssertionError(f"published PNG holds a {kind!r} chunk")
                if kind == b"IDAT":
                    assert SECRET.encode() not in zlib.decompress(body)
                at += 12 + size


def test_a_phone_photo_holding_more_pictures_is_accepted_and_only_its_first_is_published(tmp_path):
    """Phones save some photos as MPO: a JPEG with more pictures after the first (a depth map, a
    preview). It was refused as "not an image Pillow can read"; it is a JPEG, and only the first
    picture, the photo, is published."""
    import io

    from PIL import Image

    photo, depth = Image.new("RGB", (900, 600), "#336699"), Image.new("RGB", (900, 600), "#ff0000")
    photo.save(tmp_path / "ana.jpg", "MPO", save_all=True, append_images=[depth])
    with Image.open(tmp_path / "ana.jpg") as source:
        assert source.format == "MPO" and source.n_frames == 2
    with Image.open(io.BytesIO(published_bytes(check_photo(tmp_path / "ana.jpg", tmp_path)))) as published:
        assert published.format == "JPEG" and getattr(published, "n_frames", 1) == 1
        red, green, blue = published.getpixel((200, 130))
        assert blue > red  # the photo's colour, not the depth map's


def test_a_photo_of_another_kind_is_named_by_its_kind(tmp_path):
    from PIL import Image

    from mentor_gallery.content.photos import PhotoError

    Image.new("RGB", (90, 60), "#336699").save(tmp_path / "ana.png", "GIF")
    with pytest.raises(PhotoError, match="is named as a PNG but its contents are a GIF image; export it again"):
        check_photo(tmp_path / "ana.png", tmp_path)


def test_a_phone_photo_in_heic_is_refused_with_how_to_export_it(tmp_path):
    root = make_roster(tmp_path / "c", {"ana": profile(photo="ana.heic")})
    (root / "mentors" / "ana.heic").write_bytes(b"\x00\x00\x00\x18ftypheic")
    assert any(p.startswith("ana.md:7: photo 'ana.heic' must be an image: a PNG, JPEG, WebP or SVG file; save or export it as JPEG")
               for p in problems(root)), problems(root)


def test_a_palette_photo_keeps_its_transparency(tmp_path):
    import io

    from PIL import Image

    image = Image.new("P", (300, 300), 0)
    image.putpalette([255, 255, 255, 200, 30, 30] + [0] * 762)
    image.paste(1, (100, 100, 200, 200))
    image.save(tmp_path / "ana.png", transparency=0)
    with Image.open(io.BytesIO(published_bytes(check_photo(tmp_path / "ana.png", tmp_path)))) as published:
        assert published.convert("RGBA").getpixel((10, 10))[3] == 0  # the transparent border stays transparent
        assert published.convert("RGBA").getpixel((150, 150))[3] == 255


# --- 3. a private contact cannot be published in disguise -----------------------------------


@pytest.mark.parametrize("statement", [
    "Write to ana&#64;example.org.",                       # an HTML entity
    "Write to ana\\@example.org.",                          # a Markdown escape
    "Write to ana<span></span>@example<!-- x -->.org.",     # markup and a comment
    "Write to ana\u200b@example.org.",                     # a zero-width space
    "Write [to me](mailto:ana%40example%2Eorg).",           # a percent-encoded link target
    "Write to ＡＮＡ＠ｅｘａｍｐｌｅ．ｏｒｇ.",                   # full-width letters
])
def test_a_disguised_private_email_is_refused(tmp_path, statement):
    root = make_roster(tmp_path / "c", {"ana": profile(contact=PRIVATE) + f"\n{statement}\n"})
    found = problems(root)
    assert any(p.startswith("ana.md:11: the statement contains the private contact email") for p in found), found


@pytest.mark.parametrize("statement", [
    "Call ５５５-０１０-２０００ any time.",                   # full-width digits
    "Call 555&#45;010&#8203;-2000 any time.",              # entities and a zero-width space
])
def test_a_disguised_private_phone_is_refused(tmp_path, statement):
    root = make_roster(tmp_path / "c", {"ana": profile(contact=PRIVATE) + f"\n{statement}\n"})
    assert any("the statement contains the private contact phone" in p for p in problems(root)), problems(root)


def test_a_disguised_contact_in_another_field_is_refused(tmp_path):
    root = make_roster(tmp_path / "c", {"ana": profile(contact=PRIVATE, summary='"Reach me: ana&#x40;example.org"')})
    assert any(p.startswith("ana.md:8: summary contains the private contact email") for p in problems(root)), problems(root)


def test_other_numbers_and_addresses_are_not_mistaken_for_the_contact(tmp_path):
    text = profile(contact=PRIVATE) + "\nI served 5,550 residents from 2010 to 2020; write to the clerk@example.org.\n"
    assert problems(make_roster(tmp_path / "c", {"ana": text})) == []


# --- 4. a request goes where the page says --------------------------------------------------


@pytest.mark.parametrize("url, expected", [
    ("https://forms.example.org@evil.example/x", "has user information before '@'"),
    ("https://forms.example.org\\\\@evil.example/x", "contains a backslash or a space"),
    ("mailto:coordinator@example.org?bcc=harvest@evil.example", "may set only subject and body"),
    ("mailto:coordinator@example.org,harvest@evil.example", "must name one address"),
    ("http://forms.example.org/x", "must use https://"),
])
def test_a_misleading_destination_is_refused(tmp_path, url, expected):
    root = make_roster(tmp_path / "c", {"ana": profile()})
    write(root / "forms" / "apply.yml", f'title: Apply\naction: "{url}"\nfields:\n  - {{name: name, label: Name}}\n')
    found = problems(root)
    assert any(p.startswith("apply.yml:2: action") and expected in p for p in found), found


def test_allowed_hosts_limit_where_forms_post(tmp_path):
    root = make_roster(tmp_path / "c", {"ana": profile()})
    write(root / "forms" / "apply.yml", "title: Apply\naction: https://collector.example.net/x\nfields:\n  - {name: name, label: Name}\n")
    assert load_roster(root).ok
    found = [p.message for p in load_roster(root, frozenset({"forms.example.org"})).problems]
    assert any("goes to collector.example.net, which is not in allowed_hosts (forms.example.org)" in m for m in found), found


# --- 5. nothing stalls the build ------------------------------------------------------------


@pytest.mark.timeout(30)
def test_a_statement_of_brackets_is_checked_quickly(tmp_path):
    # Python-Markdown took minutes on this; the renderer now is linear.
    root = make_roster(tmp_path / "c", {"ana": profile() + "[" * 9_900 + "\n" + "<" * 9_900 + "\n"})
    assert problems(root) == []


def test_an_over_long_statement_is_refused_at_its_first_line(tmp_path):
    root = make_roster(tmp_path / "c", {"ana": profile() + "word " * 5_000})
    assert problems(root) == ["ana.md:8: the statement is 25,037 characters long; keep it under 20,000 (about three pages) and link to a longer document"]


def test_a_huge_vocabulary_is_refused(tmp_path):
    taxonomy = "expertise:\n" + "".join(f"  - Area {i}\n" for i in range(3000)) + "regions: [Western]\n"
    root = make_roster(tmp_path / "c", {"ana": profile(expertise="[Area 1]")}, taxonomy=taxonomy)
    assert "taxonomy.yml:2: expertise lists 3,000 labels; keep it to 1,000 or fewer (merge close ones, or use aliases)" in problems(root)


# --- 6. no generated page can be taken over -------------------------------------------------


def test_slugs_of_generated_pages_are_refused_in_every_folder(tmp_path):
    root = make_roster(tmp_path / "c", {"ana": profile(), "all": profile("All"), "role": profile("Role")},
                       programs={"index": "---\nname: X\nsummary: Y\n---\n"})
    write(root / "forms" / "index.yml", "title: X\naction: https://forms.example.org/x\nfields:\n  - {name: a, label: A}\n")
    found = problems(root)
    for name in ("all.md", "role.md", "index.md", "index.yml"):
        assert any(p.startswith(f"{name}:1: '") and "gallery's own pages" in p for p in found), (name, found)


# --- 10. every YAML problem is one line at its real line ------------------------------------


def test_a_control_character_is_reported_at_its_line_and_column(tmp_path):
    root = make_roster(tmp_path / "c", {"ana": profile(title='"Town\x00Manager"')})
    found = problems(root)
    assert found == ["ana.md:3: column 13: the invisible control character U+0000 is not allowed; delete it and retype the text"]


@pytest.mark.parametrize("page", [
    '<p>Write to ana<b></b>@<!-- x -->example.org</p>',                 # split by markup
    '<div data-contact="ana&#64;example.org">Ana</div>',                # in an attribute a reader never sees
    "<meta content=ana@example.org>",                                  # an unquoted attribute
    '<a href="mailto:ana%40example.org">write</a>',                      # a percent-encoded link
    "<p>call 555&#8209;010&#8209;2000</p>",                             # entities between the digits
])
def test_the_last_gate_finds_a_contact_in_any_part_of_a_page(page):
    from mentor_gallery.content.model import Contact
    from mentor_gallery.content.privacy import PrivateContacts
    from mentor_gallery.site.privacy_gate import scan_bytes

    contacts = PrivateContacts()
    contacts.add(Contact("ana@example.org", "555-010-2000", False), "content/mentors/ana.md")
    assert scan_bytes("mentors/ana/index.html", page.encode(), contacts) is not None
    assert scan_bytes("mentors/ana/index.html", b"<p>Ana Diaz, 5 years, 2010</p>", contacts) is None
