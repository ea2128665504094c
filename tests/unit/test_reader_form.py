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
