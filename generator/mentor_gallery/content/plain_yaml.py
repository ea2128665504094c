"""The plain shape of most frontmatter, read line by line with every line known.

Nearly every profile is one `key: value` a line: a plain or quoted word, a `[a, b]` list or a
`{email: "..."}` mapping. Composing such text with libyaml and converting its nodes was the
largest part of `check` at 10,000 profiles. Here each line is matched against that narrow shape
and the line numbers come with it, so no file needs reading twice. Anything outside the shape
(comments, anchors, tags, block lists, several-line values, unusual characters) returns None and
the file is read by the full parser (source.parse_yaml), so YAML is treated exactly as there:
this reader accepts only text that parser reads the same way, and values are typed by the same
resolver and constructor (source.scalar_value).
"""

from __future__ import annotations

import re
from typing import Any, Callable, NamedTuple

# A key at the start of its line followed by one space and a value on the same line.
# (libyaml takes a key of at most 1,024 characters; a longer one goes to the full parser.)
_KEY_LINE = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_-]{0,127}): (\S.*)\Z")
# Characters libyaml reads as something other than text somewhere in a line, or refuses, or that
# change how a value is split: comments, tabs, backslash escapes, control and special characters.
# A file holding one is read by the full parser.
# (U+2028 and U+2029 end a line for YAML.)
_OUTSIDE = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]|[#\\\\]")
# First characters that make a plain value something else (an indicator); a space is excluded too.
_INDICATORS = frozenset(" -?:,[]{}#&*!|>'\"%@`")
# One entry of a one-line flow list or mapping and the comma after it, or the end: a double-quoted
# value, or a plain one without flow indicators, colons or quotes (others go to the full parser).
_FLOW_SCALAR = r"""(?:"(?P<quoted>[^"]*)"|(?P<plain>[^ ,\[\]{}:"'](?:[^,\[\]{}:"']*[^ ,\[\]{}:"'])?)) *(?P<more>,|\Z)"""
_FLOW_ITEM = re.compile(" *" + _FLOW_SCALAR)
_FLOW_KEYED = re.compile(r" *(?P<key>[A-Za-z0-9_][A-Za-z0-9_-]{0,127}): +" + _FLOW_SCALAR)
_DOUBLE_QUOTED = re.compile(r'"([^"]*)"\Z')
_SINGLE_QUOTED = re.compile(r"'([^']*)'\Z")
MAX_VALUES = 2000  # more is read by the full parser, which keeps the budget against alias bombs

# A scalar: (text as written, quoted, line).
Scalar = tuple[str, bool, int]


class Flow(NamedTuple):
    """A one-line `[a, b]` (entries: scalars) or `{k: v}` (entries: (key, key line, scalar))."""

    mapping: bool
    line: int
    entries: list


def read_plain(text: str, first_line: int, convert: Callable[[Scalar, tuple], Any], doc: Any) -> dict | None:
    """The mapping of a text of plain `key: value` lines, with every line and problem noted in
    doc as the full parser notes them; None when the text has any other shape."""
    if _OUTSIDE.search(text):
        return None
    entries: list[tuple[str, int, Scalar | Flow]] = []
    count = 0
    number = first_line - 1
    for line in text.split("\n"):
        number += 1
        if not line:
            continue
        matched = _KEY_LINE.match(line)
        if matched is None:
            return None
        key, written = matched.groups()
        value = _flow(written, number) if written[0] in "[{" else _block_scalar(written, number)
        if value is None:
            return None
        count += 1 + (len(value.entries) if isinstance(value, Flow) else 0)
        if count > MAX_VALUES:
            return None
        entries.append((key, number, value))
    if not entries:
        return None
    # The text has the plain shape: now convert in the file's order, as the full parser does.
    doc.value_lines.setdefault((), entries[0][1])
    return _mapping(entries, (), doc, convert)


def _mapping(entries: list, path: tuple, doc: Any, convert: Callable[[Scalar, tuple], Any]) -> dict:
    result: dict[str, Any] = {}
    for key, key_line, value in entries:
        if key in result:
            # Reported, and the first value kept, as the full parser does (its value is not read).
            doc.problems.append((key_line, f"key '{key}' is given twice (also on line {doc.key_lines[path + (key,)]}); keep one"))
            continue
        doc.key_lines[path + (key,)] = key_line
        if isinstance(value, Flow):
            doc.value_lines.setdefault(path + (key,), value.line)
            result[key] = (_mapping(value.entries, path + (key,), doc, convert) if value.mapping
                           else [convert(item, path + (key, i)) for i, item in enumerate(value.entries)])
        else:
            result[key] = convert(value, path + (key,))
    return result


def _block_scalar(written: str, line: int) -> Scalar | None:
    first = written[0]
    if first == '"':
        quoted = _DOUBLE_QUOTED.match(written)
        return None if quoted is None else (quoted.group(1), True, line)
    if first == "'":
        quoted = _SINGLE_QUOTED.match(written)
        return None if quoted is None else (quoted.group(1), True, line)
    if _indicated(written) or written[-1] in " :" or ": " in written:
        return None
    return (written, False, line)


def _flow(written: str, line: int) -> Flow | None:
    mapping = written[0] == "{"
    if written[-1] != ("}" if mapping else "]"):
        return None
    entries = _flow_entries(written[1:-1], line, mapping)
    return None if entries is None else Flow(mapping, line, entries)


def _indicated(plain: str) -> bool:
    """Whether a plain value starts with an indicator; `-1` or `-x` is a value (a minus sign)."""
    first = plain[0]
    if first == "-":
        return len(plain) < 2 or not (plain[1].isascii() and (plain[1].isalnum() or plain[1] == "."))
    return first in _INDICATORS


def _flow_entries(inner: str, line: int, mapping: bool) -> list | None:
    """The entries of a one-line `[a, "b, c"]` or `{k: v}`: scalars, or (key, line, scalar)."""
    if not inner.strip(" "):
        return []
    pattern = _FLOW_KEYED if mapping else _FLOW_ITEM
    entries: list = []
    at = 0
    while True:
        matched = pattern.match(inner, at)
        if matched is None:
            return None
        quoted, plain, more = matched.group("quoted", "plain", "more")
        if plain is not None and _indicated(plain):
            return None
        scalar = (quoted, True, line) if quoted is not None else (plain, False, line)
        entries.append((matched.group("key"), line, scalar) if mapping else scalar)
        if not more:
            return entries
        at = matched.end()
