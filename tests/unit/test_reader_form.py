"""reader_form drops exactly the invisible format characters, by a regex class built from the
same table it once translated with."""

from __future__ import annotations

import unicodedata

from mentor_gallery.content.privacy import Contact, PrivateContacts
from mentor_gallery.content.text import _DROP_FORMAT, _FORMAT_CHARACTERS, reader_form


def test_the_class_removes_every_format_character_and_nothing_else():
    everything = "".join(chr(c) for block in (range(0x20000), range(0xE0000, 0xE0080)) for c in block
                         if not 0xD800 <= c <= 0xDFFF)
    assert _FORMAT_CHARACTERS.sub("", everything) == everything.translate(_DROP_FORMAT)
    assert all(unicodedata.category(chr(c)) == "Cf" for c in _DROP_FORMAT)


def test_a_phone_hidden_by_zero_width_characters_is_still_found():
    contacts = PrivateContacts()
    contacts.add(Contact("ana@example.org", "919-555-0142", False), "ana.md")
    disguised = "call 919\u200b-555\u2060-01\u00ad42 today"
    assert contacts.find(reader_form(disguised)) == ("phone", "ana.md")
    assert contacts.find(reader_form("year 2024, page 12, 555 0142")) is None  # short runs are not phones


# ---- Addresses: found around each "@", within an address's length ------------------------------

import time  # noqa: E402


def test_addresses_are_found_in_a_page_and_a_script_and_pathological_text_stays_fast():
    contacts = PrivateContacts()
    contacts.add(Contact("ana@example.org", None, False), "ana.md")
    page = ('<a href="mailto:x@y.org">x@y.org</a> x@y/z@w a@b?c@d "q@r" long' + "k" * 5000 + "@host.org "
            + "var a=b@c;d@e&f@g=h@i#j@k" + "@" * 5)
    assert contacts.find(reader_form(page)) is None
    assert contacts.find(reader_form(page + " var to='ana@example.org';")) == ("email", "ana.md")
    for hostile in ("@" * 200_000, "a@" * 100_000, "a" * 200_000 + "@" + "b." * 100_000, ("x" * 99 + "@") * 2_000):
        # CPU time, not wall time: a guard against a stall that a busy machine cannot trip
        started = time.process_time()
        assert contacts.find(reader_form(hostile)) is None
        assert time.process_time() - started < 2.0


def test_phone_digits_read_any_script_and_ascii_alike():
    from mentor_gallery.content.privacy import phone_digits

    assert phone_digits("+1 (919) 555-0142") == "19195550142"
    assert phone_digits("٩١٩ ٥٥٥ ٠١٤٢") == phone_digits("９１９-５５５-０１４２") == "9195550142"
    assert phone_digits("no digits here") == ""


# ---- Latin-1 text: folded one character at a time ----------------------------------------------


def _folded_by_nfkc(text: str) -> str:
    """reader_form's definition for text that nothing reorders: escapes decoded, NFKC, invisible
    format characters dropped, lowercase."""
    from mentor_gallery.content.text import decode_escapes

    folded = unicodedata.normalize("NFKC", decode_escapes(text))
    return "".join(char for char in folded if unicodedata.category(char) != "Cf").lower()


LATIN1 = [chr(code) for code in range(0x100)] + ["\ufffd"]


def test_latin1_text_reads_as_nfkc_reads_it_for_every_pair_of_characters():
    """Latin-1 text (most accented prose, a binary file read byte for byte) is folded character by
    character instead of by NFKC: every pair, including a character that decomposes to a space
    and a combining mark after a letter it could join, reads as NFKC reads it."""
    differ = [a + b for a in LATIN1 for b in LATIN1 if reader_form(a + b) != _folded_by_nfkc(a + b)]
    assert differ == []


def test_latin1_text_with_escapes_reads_as_nfkc_reads_it():
    import random

    rng = random.Random(5)
    pieces = LATIN1 + ["&amp;", "&sup2", "&#178;", "&#x5d0;", "&#128;", "%C2%B2", "%ff", "\\u00b2", "&nbsp", "&shy;", "@"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 16)))
        if not any(0x0590 <= ord(char) <= 0x08FF for char in _folded_by_nfkc(text)):  # nothing to read as displayed
            assert reader_form(text) == _folded_by_nfkc(text), repr(text)


def test_a_contact_in_a_photo_read_byte_for_byte_is_found_through_latin1_folds():
    contacts = PrivateContacts()
    contacts.add(Contact("ana@example.org", "919-555-0142", False), "ana.md")
    noise = bytes(range(0x80, 0x100)) * 4
    # a soft hyphen, no-break spaces, a superscript digit: each folds to what a reader takes it for
    for hidden in (b"ana\xad@example.org", b"919\xa0555\xa00142", b"9\xb99-555-0142"):
        assert contacts.find(reader_form((noise + b" " + hidden + b" " + noise).decode("latin-1"))) is not None, hidden


def test_latin1_text_is_folded_without_unicode_normalisation(monkeypatch):
    """The per-character fold is the one taken for Latin-1 text (a photo's bytes read one by one):
    the pair tests above hold its result, this holds that it runs (NFKC is several times slower)."""
    from types import SimpleNamespace

    from mentor_gallery.content import text

    def refuse(form, value):
        raise AssertionError(f"NFKC of {value!r}")

    photo_bytes = bytes(range(256)).decode("latin-1") * 4 + "\ufffd"
    expected = _folded_by_nfkc(photo_bytes)
    monkeypatch.setattr(text, "unicodedata", SimpleNamespace(normalize=refuse))  # in this module only
    assert reader_form(photo_bytes) == expected
