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


def phone_digits(text: str) -> str:
    """The digits of a phone number, in ASCII, whatever script they were written in."""
    return "".join(str(unicodedata.digit(ch)) for ch in text if unicodedata.digit(ch, None) is not None)


@dataclass
class PrivateContacts:
    """The contacts that must not be published, keyed to where they come from."""

    emails: dict[str, str] = field(default_factory=dict)  # lowercase address -> source file
    phones: dict[str, str] = field(default_factory=dict)  # digits -> source file

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

    def __bool__(self) -> bool:
        return bool(self.emails or self.phones)

    def find(self, text: str) -> tuple[str, str] | None:
        """(what, source) of the first private contact in text (already in reader form), or None.

        Linear in the text whatever the number of contacts: candidate addresses and digit runs
        are picked out once and looked up, rather than searching for each contact in turn."""
        if self.emails and "@" in text:
            for token in _EMAIL_TOKEN.findall(text):
                token = token.rstrip(".-")
                if token in self.emails:
                    return "email", self.emails[token]
        if self.phones:
            lengths = {len(p) for p in self.phones}
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
