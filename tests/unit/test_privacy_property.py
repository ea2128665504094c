"""A property: a private contact is found however it is written, by the last gate and by check's
reading alike, and nothing is found in ordinary statements (names, years, budgets, ZIP codes,
dates). Contacts are generated in random punctuation, spacing, separators, scripts, look-alike
letters, invisible characters and direction overrides, around random text."""

from __future__ import annotations

import html

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentor_gallery.content.model import Contact
from mentor_gallery.content.privacy import PrivateContacts
from mentor_gallery.content.text import reader_text, render_markdown
from mentor_gallery.site.privacy_gate import scan_bytes

WORDS = ["Ana", "María", "budget", "mentor", "town", "manager", "Raleigh", "finance", "planning", "I", "led",
         "our", "council", "Zoë", "Nguyễn", "write", "call", "me", "at", "or", "any", "time", "and", "the"]
label = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
tld = st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=6)
emails = st.builds(lambda local, domain, top: f"{'.'.join(local)}@{'.'.join(domain)}.{top}",
                   st.lists(label, min_size=1, max_size=3), st.lists(label, min_size=1, max_size=2), tld)
# Phones as people keep them: ten digits (area code first), or with a country code.
phones = st.builds(lambda area, rest, country: f"{country}{area} {rest[:3]} {rest[3:]}",
                   st.integers(200, 999), st.text("0123456789", min_size=7, max_size=7), st.sampled_from(["", "+1 ", "+44 "]))

AROUND = ["", "«", "»", "“", "”", "!", "*", "|", "{", "}", "。", "(", ")", "[", "]", "'", '"', ",", ";", ":", "?", "¡",
          "‘", "’", "「", "」", "→", "—", "…", "*", "**", "_"]
SEPARATORS = [" ", "  ", "     ", "-", " - ", "/", " / ", "·", "_", "\u2212", ".", "–", "\u00a0", "\u2009", ""]
LOOK_ALIKES = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "x": "\u0445", "y": "\u0443",
               "i": "\u0456"}
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff"]
DIGIT_FORMS = [lambda d: d, lambda d: chr(0xFF10 + int(d)), lambda d: chr(0x0660 + int(d)), lambda d: chr(0x1D7CE + int(d))]


@st.composite
def disguised_email(draw, address: str) -> str:
    out = []
    for char in address:
        if char == "@":
            out.append(draw(st.sampled_from(["", " "])) + draw(st.sampled_from(["@", "＠", "﹫"])) + draw(st.sampled_from(["", " "])))
            continue
        form = draw(st.sampled_from(["same", "upper", "look-alike", "full-width"]))
        if form == "upper":
            char = char.upper()
        elif form == "look-alike":
            char = LOOK_ALIKES.get(char, char)
        elif form == "full-width" and char.isalnum():
            char = chr(ord(char) - 0x21 + 0xFF01)
        out.append(char)
        if draw(st.integers(0, 9)) == 0:
            out.append(draw(st.sampled_from(INVISIBLE)))
    return "".join(out)


@st.composite
def disguised_phone(draw, phone: str) -> str:
    digits = [ch for ch in phone if ch.isdigit()]
    digit_form = draw(st.sampled_from(DIGIT_FORMS))
    out = ["+" if phone.startswith("+") and draw(st.booleans()) else ""]
    for index, digit in enumerate(digits):
        out.append(digit_form(digit))
        if index < len(digits) - 1 and draw(st.integers(0, 2)) == 0:
            out.append(draw(st.sampled_from(SEPARATORS)))
        if draw(st.integers(0, 12)) == 0:
            out.append(draw(st.sampled_from(INVISIBLE)))
    return "".join(out)


@st.composite
def statement_with(draw, kind: str):
    """(private contact, statement showing it in some disguise, whether it is reversed)."""
    if kind == "email":
        contact = draw(emails)
        shown = draw(disguised_email(contact))
    else:
        contact = draw(phones)
        shown = draw(disguised_phone(contact))
    reversed_ = draw(st.integers(0, 4)) == 0
    if reversed_:  # stored backwards, shown forwards by a right-to-left override
        shown = "\u202e" + shown[::-1] + "\u202c"
    words = lambda: " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=8)))  # noqa: E731
    text = f"{words()} {draw(st.sampled_from(AROUND))}{shown}{draw(st.sampled_from(AROUND))} {words()}"
    return contact, text, reversed_


def private(kind: str, contact: str) -> PrivateContacts:
    found = PrivateContacts()
    found.add(Contact(contact if kind == "email" else None, contact if kind == "phone" else None, False), "content/mentors/x.md")
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["email", "phone"]).flatmap(lambda kind: st.tuples(st.just(kind), statement_with(kind))))
def test_every_disguised_contact_is_found_by_the_gate_and_by_checks_reading(case):
    kind, (contact, text, _) = case
    contacts = private(kind, contact)
    page = f"<html><body><article><p>{html.escape(text)}</p></article></body></html>"
    assert scan_bytes("mentors/bo/index.html", page.encode("utf-8"), contacts) == (kind, "content/mentors/x.md"), text
    # check's reading of a statement (check also refuses the direction override itself).
    assert contacts.find(reader_text(render_markdown(text))) is not None, text


YEARS = st.integers(1950, 2030).map(str)
BUDGETS = st.integers(1, 999_999_999).map(lambda n: f"${n:,}")
ZIPS = st.builds(lambda z, plus: f"{z:05d}" + (f"-{plus:04d}" if plus is not None else ""), st.integers(501, 99950),
                 st.none() | st.integers(1, 9999))
DATES = st.builds(lambda y, m, d, style: (f"{y}-{m:02d}-{d:02d}", f"{m}/{d}/{y}", f"{d}.{m}.{y}", f"{d} March {y}")[style],
                  st.integers(1950, 2030), st.integers(1, 12), st.integers(1, 28), st.integers(0, 3))
COUNTS = st.integers(0, 5000).map(str)
ORDINARY = st.lists(st.sampled_from(WORDS) | YEARS | BUDGETS | ZIPS | DATES | COUNTS | st.sampled_from(["(", ")", ",", ".", ";"]),
                    min_size=5, max_size=60)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.tuples(emails, phones), min_size=1, max_size=5),
       st.lists(ORDINARY.map(lambda parts: " ".join(p if p[:1].isalpha() or not p[:1].isdigit() else f"in {p}" for p in parts)),
                min_size=1, max_size=5))
def test_nothing_is_found_in_ordinary_statements(people, statements):
    """Names, years, budgets, ZIP codes and dates: a number stands after a word, as in prose."""
    contacts = PrivateContacts()
    for index, (email, phone) in enumerate(people):
        contacts.add(Contact(email, phone, False), f"content/mentors/m{index}.md")
    for text in statements:
        page = f"<p>{html.escape(text)}</p>"
        assert scan_bytes("mentors/bo/index.html", page.encode("utf-8"), contacts) is None, text
        assert contacts.find(reader_text(render_markdown(text))) is None, text


# Plain Markdown (none of < & % \ [ @), in pieces that put the digits of a phone apart, with letters
# of several scripts, markup, list markers, code fences, line breaks and invisible characters between them.
PIECES = st.sampled_from(["a", "x", "py", "in", " ", "  ", "\n", "\n\n", "*", "**", "_", "`", "~~", "# ", "## ", "> ", "- ",
                          "+ ", "1. ", "7. ", "3) ", "12. ", "```", "```py\n", "~~~x\n", "---\n", "===\n", "| ", " |", "|---|\n",
                          "    ", ".", "-", "/", "(", ")", ":", ",", "!", "?", "'", '"', "=", "#",
                          # other scripts: letters, digits and forms a reader's form folds, reorders or drops
                          "é", "’", "—", "Zoë", "ﬁ", "Ａ", "\u00a0", "１", "٣", "⑳", "㏩", "²", "፩", "\u0301", "＠", "﹫",
                          "\u200b", "\u00ad", "\u202e", "\u200f", "א", "ب"])


@st.composite
def plain_markdown_near_a_phone(draw):
    phone = draw(st.text("0123456789", min_size=10, max_size=10))
    cuts = sorted(draw(st.lists(st.integers(1, 9), max_size=4, unique=True)))
    parts = [phone[a:b] for a, b in zip([0, *cuts], [*cuts, 10])]
    body = []
    for part in parts:
        body += draw(st.lists(PIECES, max_size=4)) + [part]
    body += draw(st.lists(PIECES | st.text("0123456789", min_size=1, max_size=4), max_size=6))
    return phone, "".join(body)


@settings(max_examples=1500, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(plain_markdown_near_a_phone())
def test_a_statement_check_does_not_render_shows_no_private_phone(case):
    """check renders a statement only when its text could show a contact; one it skips must show
    none as a reader would read it rendered (digits split by a letter never run together, unless a
    code fence's info string or an ordered list's first number takes letters away or moves digits)."""
    from mentor_gallery.content.exposure import could_show

    phone, body = case
    contacts = private("phone", phone)
    if not could_show(body, contacts):
        assert contacts.find(reader_text(render_markdown(body))) is None, body


def test_a_phone_a_numbered_lists_number_stood_in_is_rendered_and_found():
    """A list's number leaves the text when rendered, so its digits must not count when deciding
    whether to render: every digit read as one run ("21000000000") missed "2000000000"."""
    from mentor_gallery.content.exposure import could_show

    contacts = private("phone", "200-000-0000")
    body = "Call me:\n\n2\n1. 000000000\n"
    assert contacts.find(reader_text(render_markdown(body))) is not None
    assert could_show(body, contacts)
