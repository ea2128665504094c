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
