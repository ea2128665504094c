"""`import --update` edits a profile in place: only the keys whose values changed are rewritten,
each in the file's own style (a flow list stays a flow list, a quoted value keeps its quotes);
every other byte stays as it was: key order, comments, blank lines, line endings, a BOM.

So a re-import of an unchanged export changes no file, and one changed cell changes one line.
Values are compared as the CSV carries them (`roster_csv.csv_value`): `expertise: Finance` and a
cell `Finance` are the same value, though one is written without brackets.

The file is read with PyYAML's composer, whose nodes know where each value starts and ends; the
edits are made to the text at those places, last first, so earlier places stay where they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Collection

import yaml

from mentor_gallery.committee.profile_yaml import with_final_newline, yaml_entry, yaml_scalar
from mentor_gallery.committee.roster_csv import CONTACT_COLUMNS, csv_value
from mentor_gallery.content.profile_fields import CONTACT_KEYS, PROFILE_FIELDS
from mentor_gallery.content.source import SourceError, parse_yaml

_ORDER = {spec.key: index for index, spec in enumerate(PROFILE_FIELDS)}
_CONTACT_ORDER = {key: index for index, key in enumerate(CONTACT_KEYS)}
_NO_WRAP = 1_000_000


@dataclass(frozen=True)
class _Edit:
    start: int  # replace text[start:end] (offsets in the frontmatter's YAML text)
    end: int
    text: str


def updated_profile(old_text: str, columns: Collection[str], data: dict[str, Any], body: str) -> str | None:
    """The profile file with the record's values where they differ from the file's.

    columns: the CSV's header (a key whose column is absent keeps its value); data and body: the
    record as `frontmatter_from_cells` reads it. None when the file cannot be edited in place
    (its frontmatter does not parse): the caller then writes it whole."""
    bom = old_text.startswith("\ufeff")
    text = old_text[1:] if bom else old_text
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    if "\r" in text:
        return None  # old Mac line ends: not worth keeping; the file is written whole
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if close is None:
        return None
    yaml_text = "".join(line + "\n" for line in lines[1:close])
    head = lines[0] + "\n"
    closing = lines[close]
    old_body = "\n".join(lines[close + 1:])
    try:
        old = parse_yaml(yaml_text).data
        node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    except (SourceError, yaml.YAMLError):
        return None
    if node is None:
        old, node = {}, None
    elif not isinstance(node, yaml.MappingNode) or not isinstance(old, dict):
        return None

    edits = _mapping_edits(yaml_text, node, old, _wanted(columns, data, old), _ORDER)
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        yaml_text = yaml_text[:edit.start] + edit.text + yaml_text[edit.end:]
    # A statement that differs only in its final line breaks (a spreadsheet trims them) is the same.
    new_body = with_final_newline(body) if "body" in columns and body.rstrip("\n") != old_body.rstrip("\n") else old_body
    result = head + yaml_text + closing + "\n" + new_body
    return ("\ufeff" if bom else "") + result.replace("\n", newline)


def _wanted(columns: Collection[str], data: dict[str, Any], old: dict[str, Any]) -> dict[str, Any]:
    """The frontmatter the record asks for: its value for every key it has a column for, the
    file's own value (as written) for every other key."""
    wanted: dict[str, Any] = {}
    for key, value in old.items():
        wanted[key] = value
    for spec in PROFILE_FIELDS:
        if spec.key == "contact":
            given = [key for column, key in CONTACT_COLUMNS.items() if column in columns]
            if not given:
                continue
            contact = dict(old["contact"]) if isinstance(old.get("contact"), dict) else {}
            for key in given:
                new = (data.get("contact") or {}).get(key)
                if not _same(f"contact_{key}", contact.get(key), new):
                    contact[key] = new
            contact = {k: v for k, v in contact.items() if v is not None}
            if contact:
                wanted["contact"] = contact
            else:
                wanted.pop("contact", None)
        elif spec.key in columns:
            if _same(spec.key, old.get(spec.key), data.get(spec.key)):
                continue  # the file's spelling of the same value stays
            if data.get(spec.key) is None:
                wanted.pop(spec.key, None)
            else:
                wanted[spec.key] = data[spec.key]
    return wanted


def _same(column: str, old: Any, new: Any) -> bool:
    return csv_value(column, old) == csv_value(column, new)


# --- edits ---------------------------------------------------------------------------------


def _mapping_edits(text: str, node: yaml.MappingNode | None, old: dict[str, Any], wanted: dict[str, Any],
                   order: dict[str, int], indent: str = "") -> list[_Edit]:
    """The edits that turn a block mapping's entries from old into wanted; new entries take the
    indentation of the existing ones (else `indent`)."""
    entries = {str(k.value): (k, v) for k, v in node.value} if node is not None else {}
    if entries:
        indent = " " * next(iter(entries.values()))[0].start_mark.column
    edits: list[_Edit] = []
    for key, (key_node, value_node) in entries.items():
        if key not in wanted:
            edits.append(_delete_entry(text, key_node, value_node))
        elif wanted[key] is not old.get(key) and wanted[key] != old.get(key):
            edits += _replace_value(text, value_node, old.get(key), wanted[key], indent + "  ")
    present = [key for key in entries if key in wanted]
    for key in wanted:
        if key in entries:
            continue
        # One line, as one cell is: a list or the contact written [..] or {..}.
        value = wanted[key]
        line = f"{_flow({key: value})[1:-1]}" if isinstance(value, (list, dict)) else yaml_entry(key, value)[0]
        at = _insertion_point(text, entries, present, key, order)
        edits.append(_Edit(at, at, f"{indent}{line}\n"))
    return edits


def _replace_value(text: str, node: yaml.Node, old: Any, new: Any, indent: str) -> list[_Edit]:
    if isinstance(node, yaml.MappingNode) and not node.flow_style and isinstance(old, dict) and isinstance(new, dict):
        return _mapping_edits(text, node, old, new, _CONTACT_ORDER, indent)
    if isinstance(node, yaml.SequenceNode) and node.value and isinstance(old, list) and isinstance(new, list) and new:
        return _sequence_edits(text, node, old, new)
    start, end = node.start_mark.index, _value_end(text, node)
    in_flow = _inside_flow(text, node)
    if isinstance(new, (list, dict)):
        rendered = _flow(new)
    else:
        rendered = _scalar(new, getattr(node, "style", None) if isinstance(node, yaml.ScalarNode) else None, flow=in_flow)
    if start == end and text[start - 1:start] == ":":
        rendered = " " + rendered  # `key:` with nothing after it
    return [_Edit(start, end, rendered)]


def _sequence_edits(text: str, node: yaml.SequenceNode, old: list[Any], new: list[Any]) -> list[_Edit]:
    """Item by item, so unchanged items and their comments stay as written; items past the old
    list's end are added after its last one, items past the new list's end are taken out."""
    items, common = node.value, min(len(old), len(new))
    edits = [edit for item, before, after in zip(items[:common], old, new) if before != after
             for edit in _replace_value(text, item, before, after, "")]
    last_end = _value_end(text, items[-1])
    if len(new) > len(old):
        if node.flow_style:
            edits.append(_Edit(last_end, last_end, "".join(f", {_scalar(item, None, flow=True)}" for item in new[len(old):])))
        else:
            at = _line_after(text, last_end)
            dash = " " * node.start_mark.column
            edits.append(_Edit(at, at, "".join(f"{dash}- {_scalar(item, None, flow=False)}\n" for item in new[len(old):])))
    elif len(new) < len(old):
        if node.flow_style:
            edits.append(_Edit(_value_end(text, items[common - 1]), last_end, ""))
        else:
            edits.append(_Edit(text.rfind("\n", 0, items[common].start_mark.index) + 1, _line_after(text, last_end), ""))
    return edits


def _line_after(text: str, index: int) -> int:
    """The start of the line after the one holding index."""
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _delete_entry(text: str, key_node: yaml.Node, value_node: yaml.Node) -> _Edit:
    """The entry's lines, from its key's line to the end of its value's last line."""
    start = text.rfind("\n", 0, key_node.start_mark.index) + 1
    return _Edit(start, _line_after(text, max(_value_end(text, value_node), key_node.end_mark.index)), "")


def _insertion_point(text: str, entries: dict[str, tuple[yaml.Node, yaml.Node]], present: list[str], key: str,
                     order: dict[str, int]) -> int:
    """Where a new entry goes: after the last entry that comes before it in the table's order,
    else before the first that comes after it, else at the end."""
    rank = order.get(key, len(order))
    before = [k for k in present if order.get(k, len(order)) < rank]
    if before:
        _, value_node = entries[before[-1]]
        return _line_after(text, _value_end(text, value_node))
    if present:
        key_node, _ = entries[present[0]]
        return text.rfind("\n", 0, key_node.start_mark.index) + 1
    return len(text)


def _value_end(text: str, node: yaml.Node) -> int:
    """Where a value's own text ends: a block list at its last item, a block scalar before the
    line breaks it swallows."""
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return _value_end(text, node.value[-1])
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return _value_end(text, node.value[-1][1])
    end = node.end_mark.index
    while end > node.start_mark.index and text[end - 1] in "\n ":
        end -= 1
    return end


def _inside_flow(text: str, node: yaml.Node) -> bool:
    """Whether the value sits inside [...] or {...} on its line, where ',' ends a plain value."""
    line_start = text.rfind("\n", 0, node.start_mark.index) + 1
    before = text[line_start:node.start_mark.index]
    return before.count("[") + before.count("{") > before.count("]") + before.count("}")


# --- rendering -----------------------------------------------------------------------------


def _scalar(value: Any, style: str | None, *, flow: bool) -> str:
    """One value as YAML, in the quoting style it had where that still reads back the same."""
    if flow:
        return _flow([value])[1:-1]
    if isinstance(value, str) and style in ("'", '"'):
        quoted = yaml.dump(value, Dumper=yaml.SafeDumper, default_style=style, allow_unicode=True, width=_NO_WRAP)
        return quoted.rstrip("\n").removesuffix("\n...")
    return yaml_scalar(value)


def _flow(value: Any) -> str:
    return yaml.dump(value, Dumper=yaml.SafeDumper, default_flow_style=True, allow_unicode=True, width=_NO_WRAP,
                     sort_keys=False).rstrip("\n")
