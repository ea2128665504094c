"""Every content file compared with every private contact, as `check` reads them.

A profile's own contact in its other fields and statement is found by validate._check_privacy
(with its own advice: set contact.public). This finds the rest: another mentor's private address
or phone in a statement, a program guide, a form, the taxonomy or a file name, which the build's
last gate would refuse later, or (in a members-only page) seal for members to read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from mentor_gallery.content.privacy import MIN_PHONE_DIGITS, PrivateContacts
from mentor_gallery.content.source import Document
from mentor_gallery.content.text import hides_or_reorders, reader_form, reader_text, render_markdown
from mentor_gallery.problems import Problem, display_path


@dataclass
class ContentFile:
    path: str  # as messages show it
    slug: str  # the file name without its suffix: it becomes a page's address
    document: Document
    body: str = ""
    body_line: int = 1
    own: str | None = None  # a profile's own file, whose own contact validate reports
    # The body as the site renders it (a mentor's cached statement_html): rendered once for both.
    rendered: Callable[[], str] | None = None


def others_contacts(files: list[ContentFile], contacts: PrivateContacts) -> list[Problem]:
    """A problem for each place a content file shows a private contact that is not its own."""
    if not contacts:
        return []
    found: list[Problem] = []
    for file in files:
        found += _in_file(file, contacts)
    return found


def _whose(contacts: PrivateContacts, text: str, own: str | None) -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], None] = {}
    for what, source in contacts.find_all(text):
        if source != own:
            seen.setdefault((what, source), None)
    return list(seen)


def _advice(what: str, source: str) -> str:
    return (f"the private contact {what} of {display_path(Path(source))}; remove it (a private contact is "
            "published only by its own profile, with contact.public: true)")


def _in_file(file: ContentFile, contacts: PrivateContacts) -> Iterator[Problem]:
    for what, source in _whose(contacts, reader_form(file.slug), file.own):
        yield Problem(file.path, 1, f"the file name contains {_advice(what, source)}; rename the file")
    # One look over every field together (most files show no one's contact); only a hit is traced
    # back to its field. Joined by line breaks, which end an address and let a phone's digits run
    # on: the look finds whatever a field alone shows, and at worst a phone split over two fields,
    # which the fields read one by one then do not show.
    strings: list[str] = []
    _strings(file.document.data, strings)
    hit = bool(strings) and bool(_whose(contacts, reader_form("\n".join(strings)), file.own))
    for where, text in _texts(file.document.data, ()) if hit else ():
        for what, source in _whose(contacts, reader_form(text), file.own):
            key = ".".join(str(part) for part in where) or "the file"
            yield Problem(file.path, file.document.line(*where), f"{key} contains {_advice(what, source)}")
    body = file.body
    if not body.strip() or not could_show(body, contacts):
        return
    html = file.rendered() if file.rendered else render_markdown(body)
    for what, source in _whose(contacts, reader_text(html), file.own):
        # Name the line where it shows; one spread over several lines is named at the start.
        line = next((file.body_line + offset for offset, text in enumerate(body.split("\n"))
                     if (what, source) in _whose(contacts, reader_text(render_markdown(text)), file.own)), file.body_line)
        yield Problem(file.path, line, f"the text contains {_advice(what, source)} (as a reader would see it)")


def _strings(value: Any, into: list[str]) -> None:
    """Every text in value, in _texts' order, without the paths that only a hit needs."""
    if isinstance(value, str):
        into.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _strings(item, into)
    elif isinstance(value, list):
        for item in value:
            _strings(item, into)


def _texts(value: Any, where: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, where + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, where + (index,))


# Where a statement holds any of these, its rendering may drop, decode or move characters
# (HTML, entities, escapes, links and images, non-ASCII forms): only a rendering tells what it shows.
_RENDERING_MATTERS = ("<", "&", "%", "\\", "[", "@")


# What in plain Markdown may take letters or digits away, or move digits (_moves_text): a fenced
# code block's info string (dropped), an ordered list's number (dropped from the text, and read
# from its `start` attribute after the text when not 1). Any line that opens with a number and
# "." or ")" counts.
_FENCES = ("```", "~~~")
_LIST_NUMBER = re.compile(r"[ \t>*+-]*\d+[.)]")  # at a line's start
# A stretch between ASCII letters long enough to hold a phone's first digits.
_LONG_BETWEEN_LETTERS = re.compile(r"[^A-Za-z]{%d,}" % MIN_PHONE_DIGITS)
# Between two letters: at least 7 digits, whatever else (no letter) stands between them.
_DIGITS_BETWEEN_LETTERS = re.compile(r"\d(?:[^A-Za-z\d]*\d){%d,}" % (MIN_PHONE_DIGITS - 1))


def could_show(body: str, contacts: PrivateContacts) -> bool:
    """Whether a statement could show one of these contacts at all, so most need no rendering
    here. Plain Markdown text keeps its digits in order when rendered (only markup characters go),
    and keeps every letter where it was, so digits with a letter between them never run together:
    a phone it shows is in one stretch of text between letters, its digits read together ("in
    1995, 25 staff" is not "199525"). Where _moves_text, only a rendering tells."""
    if any(mark in body for mark in _RENDERING_MATTERS) or _moves_text(body):
        return True
    if body.isascii():
        return any(contacts.may_show_phone(stretch.group()) for stretch in _DIGITS_BETWEEN_LETTERS.finditer(body))
    # Other scripts: a reader's form folds compatibility forms ("＠" is "@", "⑳" is "20", "ﬁ" is
    # "fi") and may reorder or drop characters; only text it reads in place is judged here, folded
    # as it folds it, each stretch between ASCII letters on its own, with digits of any script.
    folded = unicodedata.normalize("NFKC", body)
    if hides_or_reorders(body) or hides_or_reorders(folded) or any(mark in folded for mark in _RENDERING_MATTERS):
        return True
    return any(contacts.may_show_phone(stretch.group()) for stretch in _LONG_BETWEEN_LETTERS.finditer(folded))


def _moves_text(body: str) -> bool:
    """Whether body has a code fence, or a line that opens with a number and "." or ")"; line by
    line, as a search of the whole body for a line's start tries every character."""
    return any(fence in body for fence in _FENCES) or any(_LIST_NUMBER.match(line) for line in body.split("\n"))
