"""Writing profile frontmatter as clean YAML: keys in table order, block lists, quoting where needed.

PyYAML's safe dumper quotes exactly the strings its safe loader would read as something else
(`yes`, `NO`, `1:20`, `2024-01-01`), so what we write reads back as the same values.
"""

from __future__ import annotations

from typing import Any

import yaml

from mentor_gallery.content.profile_fields import CONTACT_KEYS, PROFILE_FIELDS

_NO_WRAP = 1_000_000  # one value per line: a folded line would read back the same, but confuses editors


class _Dumper(yaml.SafeDumper):
    """Indents block lists under their key (`  - Finance`), as people write them by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def yaml_entry(key: str, value: Any) -> list[str]:
    """The lines of one `key: value` entry."""
    text = yaml.dump({key: value}, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=_NO_WRAP)
    return text.rstrip("\n").split("\n")


def yaml_scalar(value: Any) -> str:
    """One value as it would follow `key: ` (quoted when YAML would misread it)."""
    return yaml_entry("k", value)[0][len("k: "):]


def ordered(data: dict[str, Any]) -> dict[str, Any]:
    """Profile keys in table order, contact keys in theirs; unknown keys last, as given."""
    order = {spec.key: index for index, spec in enumerate(PROFILE_FIELDS)}
    result = {key: data[key] for key in sorted(data, key=lambda k: order.get(k, len(order)))}
    contact = result.get("contact")
    if isinstance(contact, dict):
        rank = {key: index for index, key in enumerate(CONTACT_KEYS)}
        result["contact"] = {key: contact[key] for key in sorted(contact, key=lambda k: rank.get(k, len(rank)))}
    return result


def profile_text(data: dict[str, Any], body: str) -> str:
    """A whole profile file: frontmatter between `---` lines, then the statement."""
    lines = ["---"]
    for key, value in ordered(data).items():
        lines += yaml_entry(key, value)
    lines.append("---")
    return "\n".join(lines) + "\n" + with_final_newline(body)


def with_final_newline(body: str) -> str:
    """The statement ending in a line break, as text files do (a spreadsheet cell drops it)."""
    return body if not body or body.endswith("\n") else body + "\n"
