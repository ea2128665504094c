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


# ---- Email tokens: the regex's findall, found from each "@" ---------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from mentor_gallery.content.privacy import _EMAIL_TOKEN, email_tokens  # noqa: E402

PIECES = st.sampled_from(["a", "b", "x.y", "@", " ", "\u00a0", "/", "?", "#", "&", "=", "-", ".", "<", ">", '"', "'",
                          "(", ")", ",", ";", ":", "[", "]", "\\", "\n", "é", "0", "ana@example.org", "@@"])


@settings(max_examples=600, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_email_tokens_are_what_the_regex_finds(text):
    assert list(email_tokens(text)) == _EMAIL_TOKEN.findall(text)


def test_email_tokens_in_a_page_and_a_script():
    page = ('<a href="mailto:ana@example.org">ana@example.org</a> x@y/z@w a@b?c@d "q@r" long' + "k" * 5000 + "@host.org "
            + "var a=b@c;d@e&f@g=h@i#j@k" + "@" * 5)
    assert list(email_tokens(page)) == _EMAIL_TOKEN.findall(page)


def test_phone_digits_read_any_script_and_ascii_alike():
    from mentor_gallery.content.privacy import phone_digits

    assert phone_digits("+1 (919) 555-0142") == "19195550142"
    assert phone_digits("٩١٩ ٥٥٥ ٠١٤٢") == phone_digits("９１９-５５５-０１４２") == "9195550142"
    assert phone_digits("no digits here") == ""
