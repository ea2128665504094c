"""The plain reader of one-line `key: value` frontmatter gives exactly what the full YAML parser
gives: the same values of the same types, the same line of every key and value, the same
problems and errors at the same lines; any other text goes to the full parser."""

import datetime as dt
import random

import pytest

from mentor_gallery.content import source
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.source import SourceError
from support import make_roster, profile


def typed(value):
    """A value with the type of every part, so True and 1, or '1' and 1, differ."""
    if isinstance(value, dict):
        return ("dict", [(k, typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    return (type(value).__name__, value)


def outcome(read, text):
    try:
        doc = read(text, first_line=2)
    except SourceError as exc:
        return ("error", exc.line, exc.message)
    return ("document", typed(doc.data), doc.value_lines, doc.key_lines, doc.problems, doc.written, doc.commented)


def full(text, first_line):
    return source._parse_full(text, first_line)


def read_plainly(text):
    """Whether the plain reader read text itself (an error it raises counts: it read the text)."""
    try:
        return source._plain(text, 2) is not None
    except SourceError:
        return True


def same_as_full(text):
    fast, slow = outcome(source.parse_yaml, text), outcome(full, text)
    assert fast == slow, text
    return fast


# Text the plain reader reads itself: each must come out as the full parser's.
PLAIN = [
    "name: Ana\ntitle: Town Manager\n",
    "name: Ana",
    "\n\nname: Ana\n\ntitle: X\n",
    "name: Ana\nname: Bo\ntitle: X\nname: Cy\n",  # a key given twice, and thrice
    "contact: {email: a@example.org, email: b@example.org, public: false}\n",
    'contact: {email: "a@example.org", phone: "555-0142", public: no}\n',
    "expertise: [Finance, Strategic Planning, EMS]\nmeeting: []\nlanguages: [ ]\n",
    "accepting: yes\nmentored_before: No\npublic: off\ncapacity: 010\nyears: 0x1F\nratio: 1_000\nsix: 1:20\n",
    "state: NO\nzip: 01234\nnothing: ~\nnull_word: null\nfloat: .5\ninf: .inf\nnan: .NaN\nexp: 1e3\n",
    "updated: 2024-02-30\n",  # an impossible date: the same error at the same line
    "name: A\nupdated: 2024-13-01\n",
    "updated: 2024-02-03\nwhen: 2024-02-03 10:00:00\nz: 2024-02-03T10:00:00Z\n",
    "name: A\nname: B\nupdated: 2024-02-30\n",  # the duplicate's value is not read
    "capacity: -1\nx: [-1, -.5, -x, -.inf]\ny: -2024-01-01\n",
    "x: =\n",  # YAML's value tag: refused as a tag
    "x: <<\n",  # the merge key's tag as a value
    "title: a - b, c ] d } e\nurl: https://example.org/a?b=c&d=e\nnote: it's 100% fine\n",
    'a: "["\nb: "{"\nc: ["[", "{", "]"]\nd: {k: "["}\ne: \'[\'\n',
    "name: 'Ana'\nother: \"\"\nempty: ''\nnumber: '3'\n",
    "yes: 1\nno: 2\n2024: x\n1_0: y\nkey-with-dash: z\n",
    "expertise: [\"Finance\", EMS, 3, true, 2024-01-01, ~]\n",
    "expertise: [2024-02-30]\n",
    'education: ["MPA, State University", MBA,"BA, Economics" ,  x y  ]\n',
    'contact: {email: "a@example.org",phone:   "555, 0142"  , public:   false}\n',
    "contact: {phone: 555-0142, public: true}\nprograms: [coaching, coaching]\n",
    "a: ...\nb: x:y\nc: x :y\nd: x]\ne: +1\nf: 12:30:00\ng: 2001-12-14t21:59:43.10-05:00\nh: -1-2\ni: {}\n",
    "name: Zoë Ñúñez\ntitle: 市长\norg: Ørnholm\n",
    "name: A\ncolour: red\ntitel: x\n",
]

# Text in any other shape, which the full parser reads: the same outcome all the same.
OTHER = [
    "name: A # a comment\n",
    "# a comment line\nname: A\n",
    "expertise:\n  - Finance\n  - EMS\n",
    "expertise:\n- Finance\n",
    "a: &x 1\nb: *x\n",
    "base: &b {a: 1}\nother:\n  <<: *b\n",
    "<<: {a: 1}\n",
    "a: !!str 3\n",
    "a: !custom 3\n",
    "a: !!python/object/apply:os.system [ls]\n",
    "a: [1\nb: 2\n",
    "a: [1,]\n",
    "a: [1, , 2]\n",
    "a: {b: [1, 2]}\n",
    "a: [\"x\" y]\n",
    "a: [x\"y\"]\n",
    "a: {\"k\": v}\n",
    "a: \"tab\\there\"\n",
    "a: |\n  text\n",
    "a: >\n  folded\n",
    "a: b\n  continued\n",
    "a:\n",
    "a:  two spaces\n",
    "a: trailing space \n",
    "a: value:\n",
    "a: b: c\n",
    "a: 'it''s'\n",
    "a: [it's]\n",
    "a: {b: c: d}\n",
    "a:\tb\n",
    " a: b\n",
    "- a\n- b\n",
    "just text\n",
    "a: 1\n---\nb: 2\n",
    "a: ---\n",
    "a: -\n",
    "a: :x\n",
    "a: {b:c}\n",
    "a: {b: }\n",
    "a: [,]\n",
    "a: [x:y]\n",
    "a: - 1\n",
    "a: [- 1]\n",
    "a: --1\n",
    "a: @x\n",
    "a: `x`\n",
    "a: %x\n",
    "? a\n: b\n",
    "a: b\u2028c: d\n",
    "a: \u0085b\n",
    "a: \x07\n",
    "k" * 200 + ": v\n",
    "a: " + "[" + ", ".join(["x"] * 3000) + "]\n",
    "",
    "\n\n",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_is_read_by_the_plain_reader_exactly_as_by_the_full_parser(text):
    assert read_plainly(text)
    same_as_full(text)


@pytest.mark.parametrize("text", OTHER)
def test_any_other_text_goes_to_the_full_parser(text):
    try:
        assert source._plain(text, 2) is None
    except SourceError:
        pytest.fail("the plain reader raised for a text it must leave to the full parser")
    same_as_full(text)


def test_the_plain_reader_keeps_every_line_and_problem():
    text = "name: A\ncontact: {email: a@example.org, email: b@example.org}\nexpertise: [X, Y]\nname: B\nzip: 01234\n"
    document = source._plain(text, 2)
    assert document is not None
    assert document.key_lines == {("name",): 2, ("contact",): 3, ("contact", "email"): 3, ("expertise",): 4, ("zip",): 6}
    assert document.line("expertise", 1) == 4 and document.line("zip") == 6 and document.line() == 2
    assert document.problems == [(3, "key 'email' is given twice (also on line 3); keep one"),
                                 (5, "key 'name' is given twice (also on line 2); keep one")]
    assert document.written == {("zip",): "01234"}


def test_mixed_lines_come_out_the_same_whichever_reader_reads_them():
    """Texts made of random plain and other lines, in random order: the same outcome."""
    lines = ["name: Ana", "name: Bo", "title: Town Manager", "accepting: yes", "capacity: 2", "updated: 2024-02-30",
             "updated: 2024-02-03", "zip: 01234", "state: NO", "contact: {email: a@example.org, public: false}",
             'contact: {phone: "555-0142", phone: "555-0143"}', "expertise: [Finance, EMS]", "expertise: []",
             "languages: [English, ~, 1]", "note: a - b", "x: =", "", "a: b # comment", "list:\n  - one",
             "a: &x 1", "b: *x", "c: !!int 3", "odd: [1,]", "url: https://example.org/x"]
    rng = random.Random(7)
    fast_read = 0
    for _ in range(400):
        text = "\n".join(rng.choice(lines) for _ in range(rng.randint(1, 8))) + rng.choice(["", "\n"])
        fast_read += read_plainly(text)
        same_as_full(text)
    assert fast_read > 50  # the plain reader did read many of them


# Profiles with mistakes of every kind: check's messages, lines and order are the same with the
# plain reader as with the full parser alone.
BAD_PROFILES = {
    "types": profile(accepting="maybe", capacity="-1", years_as_manager="ten", education="MPA", state="NO"),
    "unknown": profile(colour="red", titel="x", region="Westrn", expertise="[Finanse, Finance, Finance]"),
    "twice": profile(title="Town Manager\ntitle: City Manager", contact="{email: a@example.org, email: b@example.org}"),
    "dates": profile(updated="last week", available_from="2024-02-03"),
    "baddate": profile(updated="2024-02-30"),
    "empty": profile(title='""', organization='"  "', frequency="monthy", meeting="[in-person, zoom]"),
    "contact": profile(contact='{email: not-an-email, pubic: true}'),
    "private": profile(contact='{email: "ana.private@example.org", phone: "919-555-0142", public: false}'),
    "leaks": profile("Bo Lee", summary='"call 919-555-0142 or ana.private@example.org"', title="ana.private@example.org"),
    "commented": profile(contact='{phone: "919-555-0142"} # private', summary="call me # later"),
    "block": profile(expertise="\n  - Finanse\n  - EMS", summary="&a text", note="*a"),
    "tagged": profile(capacity="!!str 3", note="!custom x"),
}


def problems(root):
    return [(p.path, p.line, p.severity, p.message) for p in load_roster(root).problems]


def test_check_reports_the_same_problems_at_the_same_lines_with_the_plain_reader(tmp_path, monkeypatch):
    root = make_roster(tmp_path / "content", BAD_PROFILES)
    with_plain = problems(root)
    assert len(with_plain) > 25
    read_plainly = []
    plain = source._plain

    def counted(text, first_line):
        document = plain(text, first_line)
        read_plainly.append(document is not None)
        return document

    monkeypatch.setattr(source, "_plain", counted)
    assert problems(root) == with_plain
    assert sum(read_plainly) >= 8  # most of the profiles took the plain reader
    monkeypatch.setattr(source, "_plain", lambda text, first_line: None)
    assert problems(root) == with_plain


def test_values_are_typed_as_yaml_types_them():
    document = same_as_full("a: 2024-02-03\nb: yes\nc: 1.5\nd: ~\ne: '2024-02-03'\n")
    assert document[1] == typed({"a": dt.date(2024, 2, 3), "b": True, "c": 1.5, "d": None, "e": "2024-02-03"})


# Frontmatter anyone may send in a pull request, up to the size a content file may have (512 KB):
# shapes that make a pattern try many ways before failing. Each is read in bounded time, and as
# the full parser reads it.
HOSTILE = [
    "tags: [" + "a " * 200_000 + ":]\n",  # a flow entry of many words that ends on a colon
    "tags: [a" + " " * 400_000 + "b :]\n",  # long runs of spaces between words of one entry
    "tags: {" + "k: v, " * 60_000 + "k: ]}\n",  # many keyed entries, the last one broken
    "name: " + "x" * 400_000 + ":\n",  # a long value ending on a colon
    "k: v\n" * 50_000,  # many lines
    "tags: [" + "a, " * 60_000 + "]\n",  # more values than the plain reader takes
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_frontmatter_is_read_in_bounded_time_and_as_the_full_parser_reads_it(text):
    import time

    # CPU time, not wall time: a guard against a stall that a busy machine cannot trip.
    started = time.process_time()
    fast = outcome(source.parse_yaml, text)
    assert time.process_time() - started < 2.0
    assert fast == outcome(full, text)
