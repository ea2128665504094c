"""Finding a private contact in text, whatever it is dressed in.

One definition serves `check` (every content file, compared with every private contact) and the
build's last gate (every file the site writes, and every members-only page before it is sealed).
Text is compared in `text.reader_form` (entities, escapes and percent-encoding decoded, full-width
forms folded, direction controls resolved, invisible characters removed, lowercase); pages are
first read by `text.reader_text`, as laid out.

An address is found by its shape: around each "@", whatever punctuation stands before or after
it, compared as a Unicode TS #39 skeleton so look-alike letters of another script match the real
ones. A phone is found as a run of digits, whatever the separators and spacing between them.
Both are linear in the text: each "@" is read within an address's length, and the digit pattern
cannot backtrack across a separator.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from mentor_gallery.content.model import Contact, Mentor

MIN_PHONE_DIGITS = 7  # shorter numbers (an extension, a year) would match ordinary text
# What people put between the groups of a phone number: spaces (any number: a page shows them as
# one), and up to three of dots, dashes of any width, the minus sign, brackets, plus, slash (as
# written in German-speaking countries), underscore, middle dots and bullets. Commas and colons
# are not in it: they separate numbers in lists and data files, which must not run together.
PHONE_SEPARATORS = "().\\-+/_~*\u00b7\u2010-\u2015\u2212\u2022\u2219\u22c5\u30fb\uff65"
_DIGIT_RUN = re.compile(rf"\d(?:\s*(?:[{PHONE_SEPARATORS}]\s*){{0,3}}\d)*")
MAX_LOCAL_CHARS = 100  # read this far before an "@" (RFC 5321 allows 64 in the part before it)
MAX_DOMAIN_CHARS = 255  # and this far after it
_SPACES_AROUND_AT = 3  # "ana @ example.org" is read as the address a reader sees
# ASCII other than letters, digits, "-", ".", "_" and "|" (which a reader may take for an "l").
_NOT_IN_DOMAIN = re.compile(r"[\x00-\x2c/\x3a-\x40\x5b-\x5e`{\x7d-\x7f]")


def phone_digits(text: str) -> str:
    """The digits of a phone number, in ASCII, whatever script they were written in."""
    if text.isascii():  # most text: only 0-9 are digits there
        # The runs picked out and joined: a statement is mostly letters, and removing each of
        # them one by one cost several times more.
        return "".join(_ASCII_DIGITS.findall(text))
    return "".join(str(unicodedata.digit(ch)) for ch in text if unicodedata.digit(ch, None) is not None)


_ASCII_DIGITS = re.compile(r"[0-9]+")


def phone_keys(phone: str) -> set[str]:
    """The digit strings a page could show for this phone: as written, and without the country
    code or trunk zero a page may leave out ("+1 919 555 0142" shown as "919-555-0142",
    "030 1234567" as "+49 30 1234567"). Only those of at least MIN_PHONE_DIGITS digits."""
    digits = phone_digits(phone)
    keys = {digits}
    written = phone.strip()
    if written.startswith("+") or digits.startswith("00"):
        national = digits[2:] if digits.startswith("00") else digits
        keys |= {national[cut:] for cut in range(0, 4)}  # country codes have 1 to 3 digits
    if digits.startswith("0"):
        keys.add(digits[1:])
    return {key for key in keys if len(key) >= MIN_PHONE_DIGITS}


# --- skeletons (Unicode TS #39) ----------------------------------------------------------------


@functools.cache
def _prototypes() -> dict[int, str]:
    """Each confusable character -> the prototype of its class, from the confusables data that
    confusable-homoglyphs ships (Unicode's confusables.txt). That data lists each pair both ways;
    every class is a star around its prototype, so the prototype is the member with more than one
    look-alike, and of a lone pair the ASCII (or longer) member. Loaded on the first "@" read."""
    from confusable_homoglyphs.confusables import confusables_data  # type: ignore[import-untyped]

    def plain(text: str) -> str:
        return text.replace("\u200e", "")  # the data wraps right-to-left characters in LRM marks

    table: dict[int, str] = {}
    for char, entries in confusables_data.items():
        char = plain(char)
        if len(char) != 1 or len(entries) != 1:
            continue  # a prototype (many look-alikes) stays as it is
        other = plain(entries[0]["c"])
        if len(confusables_data.get(entries[0]["c"], ())) == 1 and not _preferred(other, char):
            continue  # a lone pair: this member is the prototype
        table[ord(char)] = other
    return table


def _preferred(a: str, b: str) -> bool:
    """Of a lone confusable pair, whether a is the prototype: ASCII first, then the longer, then
    the lower code point, so the choice is the same every run."""
    return (a.isascii(), len(a), -ord(a[0])) > (b.isascii(), len(b), -ord(b[0]))


@functools.lru_cache(maxsize=1 << 16)  # a site shows the same public addresses on many pages
def skeleton(text: str) -> str:
    """The TS #39 skeleton: NFD, each character replaced by its prototype, NFD again. Two strings
    a reader cannot tell apart have the same skeleton ("аna" in Cyrillic and "ana")."""
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", text).translate(_prototypes()))


_JOINERS = frozenset(".-_+")  # inside an address when a letter or digit stands on both sides


def _starts(text: str) -> Iterator[int]:
    """Where the part before an "@" may start: its beginning, or after any character that is not
    a letter or digit ("«ana", "*ana", "(ana"), except a dot, dash, underscore or plus that joins
    two parts of a longer address ("x.ana" is not "ana")."""
    yield 0
    for index in range(1, len(text)):
        before = text[index - 1]
        if not before.isalnum() and not (before in _JOINERS and index > 1 and text[index - 2].isalnum()):
            yield index


def _ends(text: str) -> Iterator[int]:
    """Where the part after an "@" may end: its end, or before any character that is not a
    letter or digit ("example.org»", "example.org.", "example.org!"), except a dot or dash that
    joins two labels ("example.org.uk" is not "example.org")."""
    yield len(text)
    for index in range(len(text) - 1, 0, -1):
        char = text[index]
        if not char.isalnum() and not (char in _JOINERS and index + 1 < len(text) and text[index + 1].isalnum()):
            yield index


@dataclass
class PrivateContacts:
    """The contacts that must not be published, keyed to where they come from."""

    emails: dict[str, str] = field(default_factory=dict)  # lowercase address -> source file
    phones: dict[str, str] = field(default_factory=dict)  # digits (see phone_keys) -> source file
    phone_lengths: set[int] = field(default_factory=set)  # how many digits each key has
    phone_heads: set[str] = field(default_factory=set)  # the first MIN_PHONE_DIGITS digits of each key
    # skeleton of the part after "@" -> skeleton of the part before it -> source file
    domains: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def of(cls, mentors: Iterable[Mentor]) -> "PrivateContacts":
        found = cls()
        for mentor in mentors:
            found.add(mentor.contact, str(mentor.path))
        return found

    def add(self, contact: Contact | None, source: str) -> None:
        if not contact or contact.public:
            return
        if contact.email and "@" in contact.email:
            address = contact.email.strip().lower()
            self.emails[address] = source
            local, _, domain = address.rpartition("@")
            self.domains.setdefault(skeleton(domain), {})[skeleton(local)] = source
        if contact.phone:
            for key in phone_keys(contact.phone):
                self.phones.setdefault(key, source)
                self.phone_lengths.add(len(key))
                self.phone_heads.add(key[:MIN_PHONE_DIGITS])

    def __bool__(self) -> bool:
        return bool(self.emails or self.phones)

    def may_show_phone(self, text: str) -> bool:
        """Whether the digits of text, read as one run whatever stands between them, hold the
        start of a private phone: a quick test that a text shows no phone (false) or may."""
        digits = phone_digits(text)
        heads = self.phone_heads or {p[:MIN_PHONE_DIGITS] for p in self.phones}
        return any(digits[start:start + MIN_PHONE_DIGITS] in heads for start in range(len(digits) - MIN_PHONE_DIGITS + 1))

    def find(self, text: str) -> tuple[str, str] | None:
        """(what, source) of the first private contact in text (already in reader form), or None."""
        return next(self.find_all(text), None)

    def find_all(self, text: str) -> Iterator[tuple[str, str]]:
        """(what, source) of each private contact in text (already in reader form), in the order
        found; a contact may be named more than once. Linear in the text whatever the number of
        contacts: candidates are picked out once and looked up, not searched for one by one."""
        if self.domains and "@" in text:
            yield from self._emails(text)
        if self.phones:
            yield from self._phones(text)

    def _emails(self, text: str) -> Iterator[tuple[str, str]]:
        at = text.find("@")
        while at != -1:
            before = at
            while before > 0 and at - before < _SPACES_AROUND_AT and text[before - 1] == " ":
                before -= 1
            after = at + 1
            while after < len(text) and after - at <= _SPACES_AROUND_AT and text[after] == " ":
                after += 1
            # The words touching the "@" (or its spaces), cut at whitespace and at another "@",
            # each read within an address's length: str methods, not a loop over characters.
            if before > 0 and after < len(text) and not text[before - 1].isspace() and not text[after].isspace():
                local = text[max(0, before - MAX_LOCAL_CHARS):before].rsplit(None, 1)[-1].rpartition("@")[2]
                domain = text[after:after + MAX_DOMAIN_CHARS].split(None, 1)[0].partition("@")[0]
                # ASCII punctuation that no domain holds, nor stands for a letter in one, ends it
                # here: in a page's data ("ana@example.org","phone":...) every quote and comma
                # would otherwise be one more place the domain might end.
                if cut := _NOT_IN_DOMAIN.search(domain):
                    domain = domain[:cut.start()]
                if local and domain:
                    found = self._address(local, domain)
                    if found is not None:
                        yield "email", found
            at = text.find("@", at + 1)

    def _address(self, local_text: str, domain_text: str) -> str | None:
        # Where the address may start and end is read in the text as written: a skeleton turns
        # some punctuation into letters ("|" into "l"). Each candidate is then compared as a skeleton.
        for end in _ends(domain_text):
            locals_ = self.domains.get(skeleton(domain_text[:end]))
            if locals_ is None:
                continue
            for start in _starts(local_text):
                source = locals_.get(skeleton(local_text[start:]))
                if source is not None:
                    return source
        return None

    def _phones(self, text: str) -> Iterator[tuple[str, str]]:
        # Kept as phones are added: computed here, it made the gate quadratic in the roster.
        lengths = sorted(self.phone_lengths or {len(p) for p in self.phones})
        heads = self.phone_heads or {p[:MIN_PHONE_DIGITS] for p in self.phones}
        for run in _DIGIT_RUN.findall(text):  # one list from C: far fewer calls than match objects
            if len(run) < MIN_PHONE_DIGITS:  # fewer characters than a phone has digits (most runs)
                continue
            digits = phone_digits(run)
            # One look-up per position for the first digits; only a known start is read further.
            for start in range(len(digits) - MIN_PHONE_DIGITS + 1):
                if digits[start:start + MIN_PHONE_DIGITS] not in heads:
                    continue
                for size in lengths:
                    source = self.phones.get(digits[start:start + size]) if start + size <= len(digits) else None
                    if source is not None:
                        yield "phone", source


class ContactMatcher:
    """One profile's private contact, ready to look for in many texts."""

    def __init__(self, contact: Contact | None):
        self.contacts = PrivateContacts()
        self.contacts.add(contact, "")

    def __bool__(self) -> bool:
        return bool(self.contacts)

    @property
    def email(self) -> bool:
        return bool(self.contacts.emails)

    @property
    def phone(self) -> bool:
        return bool(self.contacts.phones)

    def find(self, text: str) -> list[str]:
        """Which parts ('email', 'phone') appear in text (already in reader form)."""
        found = {what for what, _ in self.contacts.find_all(text)}
        return [what for what in ("email", "phone") if what in found]


def contacts_in(text: str, contact: Contact | None) -> list[str]:
    """Which of this one private contact's parts ('email', 'phone') appear in text (in reader form)."""
    return ContactMatcher(contact).find(text)
