"""Finding a private contact in text, whatever it is dressed in.

One definition serves `check` (a profile's fields and rendered statement) and the build's last
gate (every file the site writes). Text is compared in `text.reader_form`: entities, escapes and
percent-encoding decoded, full-width forms folded, invisible characters removed, lowercase.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

from mentor_gallery.content.model import Contact, Mentor

MIN_PHONE_DIGITS = 7  # shorter numbers (an extension, a year) would match ordinary text
# Digits that a reader would read as one number: separated by at most three spaces, dots,
# dashes, brackets or plus signs ("555 - 0100", "(555) 0100", "+1.555.0100").
_DIGIT_RUN = re.compile(r"\d(?:[\s().\-\u2010-\u2015+]{0,3}\d)*")
_EMAIL_TOKEN = re.compile(r"[^\s@<>\"'(),;:\[\]\\]+@[^\s@<>\"'(),;:\[\]\\/?#&=]+")
_NOT_IN_ADDRESS = frozenset("@<>\"'(),;:[]\\")  # with whitespace: what ends the part before "@"


def email_tokens(text: str) -> Iterable[str]:
    """What _EMAIL_TOKEN.findall(text) finds, found from each "@" outwards: the regex alone tries
    every position of every long run of text (a script, an icon's path) and is quadratic in it."""
    resume = 0  # where the previous token ended: findall starts its next match there at the earliest
    at = text.find("@")
    while at != -1:
        start = at
        while start > resume and not text[start - 1].isspace() and text[start - 1] not in _NOT_IN_ADDRESS:
            start -= 1
        found = _EMAIL_TOKEN.match(text, start) if start < at else None
        if found:
            yield found.group()
            resume = found.end()
        at = text.find("@", max(at + 1, resume))


_NOT_ASCII_DIGIT = re.compile(r"[^0-9]")


def phone_digits(text: str) -> str:
    """The digits of a phone number, in ASCII, whatever script they were written in."""
    if text.isascii():  # most text: only 0-9 are digits there
        return _NOT_ASCII_DIGIT.sub("", text)
    return "".join(str(unicodedata.digit(ch)) for ch in text if unicodedata.digit(ch, None) is not None)


@dataclass
class PrivateContacts:
    """The contacts that must not be published, keyed to where they come from."""

    emails: dict[str, str] = field(default_factory=dict)  # lowercase address -> source file
    phones: dict[str, str] = field(default_factory=dict)  # digits -> source file
    phone_lengths: set[int] = field(default_factory=set)  # how many digits each phone has

    @classmethod
    def of(cls, mentors: Iterable[Mentor]) -> "PrivateContacts":
        found = cls()
        for mentor in mentors:
            found.add(mentor.contact, str(mentor.path))
        return found

    def add(self, contact: Contact | None, source: str) -> None:
        if not contact or contact.public:
            return
        if contact.email:
            self.emails[contact.email.strip().lower()] = source
        if contact.phone and len(phone_digits(contact.phone)) >= MIN_PHONE_DIGITS:
            self.phones[phone_digits(contact.phone)] = source
            self.phone_lengths.add(len(phone_digits(contact.phone)))

    def __bool__(self) -> bool:
        return bool(self.emails or self.phones)

    def find(self, text: str) -> tuple[str, str] | None:
        """(what, source) of the first private contact in text (already in reader form), or None.

        Linear in the text whatever the number of contacts: candidate addresses and digit runs
        are picked out once and looked up, rather than searching for each contact in turn."""
        if self.emails and "@" in text:
            for token in email_tokens(text):
                token = token.rstrip(".-")
                if token in self.emails:
                    return "email", self.emails[token]
        if self.phones:
            # Kept as phones are added: computed here, it made the gate quadratic in the roster.
            lengths = self.phone_lengths or {len(p) for p in self.phones}
            for run in _DIGIT_RUN.findall(text):
                if len(run) < MIN_PHONE_DIGITS:  # fewer characters than a phone has digits (most runs)
                    continue
                digits = phone_digits(run)
                if len(digits) < MIN_PHONE_DIGITS:
                    continue
                for size in lengths:
                    for start in range(len(digits) - size + 1):
                        if digits[start:start + size] in self.phones:
                            return "phone", self.phones[digits[start:start + size]]
        return None


class ContactMatcher:
    """One profile's private contact, ready to look for in many texts."""

    def __init__(self, contact: Contact | None):
        self.email = contact.email.strip().lower() if contact and not contact.public and contact.email else None
        self.phone = PrivateContacts()
        if contact and not contact.public:
            self.phone.add(Contact(None, contact.phone, False), "")

    def __bool__(self) -> bool:
        return bool(self.email or self.phone)

    def find(self, text: str) -> list[str]:
        """Which parts ('email', 'phone') appear in text (already in reader form)."""
        found = []
        if self.email and self.email in text:
            found.append("email")
        if self.phone and self.phone.find(text):
            found.append("phone")
        return found


def contacts_in(text: str, contact: Contact | None) -> list[str]:
    """Which of this one private contact's parts ('email', 'phone') appear in text (in reader form)."""
    return ContactMatcher(contact).find(text)
