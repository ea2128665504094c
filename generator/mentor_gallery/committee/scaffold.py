"""The blank profile that `new` writes and the gallery's "Propose a mentor" link opens.

Generated from PROFILE_FIELDS, so a key added to the table appears here with its hint. Required
keys it cannot know stay empty: `check` then names each one until the committee fills it in.
"""

from __future__ import annotations

import datetime as dt

from mentor_gallery.committee.profile_yaml import yaml_scalar
from mentor_gallery.content.model import Taxonomy
from mentor_gallery.content.profile_fields import PROFILE_FIELDS

HINT_COLUMN = 36  # where the `# hint` comments start, so the template reads as a table

INTRO = (
    "# A mentor profile. Fill in every key marked 'required'. To use an optional key,",
    "# delete the '# ' at the start of its line and replace the example value.",
    "# The mentor's statement goes below the closing '---' line, in plain text.",
)


def roster_hints(taxonomy: Taxonomy, program_slugs: list[str]) -> dict[str, str]:
    """Hints naming the roster's own choices where the lists are short enough to read."""
    hints = {}
    if taxonomy.regions.terms:
        hints["region"] = f"one of: {', '.join(taxonomy.regions.labels)}"
    if program_slugs:
        hints["programs"] = f"any of: {', '.join(program_slugs)}"
    hints["expertise"] = f"1 to {taxonomy.max_expertise} areas from taxonomy.yml, strongest first"
    if taxonomy.roles.terms:
        hints["roles"] = f"any of: {', '.join(taxonomy.roles.labels)}"
    return hints


def profile_template(name: str | None = None, hints: dict[str, str] | None = None, updated: dt.date | None = None) -> str:
    """hints: replace the table's hint for some keys (see roster_hints). updated: the day the
    profile is written, filled in so `stale` counts from it (the site's "Propose a mentor"
    template, drawn at build time, leaves it to the committee)."""
    hints = hints or {}
    lines = ["---", *INTRO]
    for spec in PROFILE_FIELDS:
        hint = hints.get(spec.key, spec.help)
        if spec.key == "name" and name:
            lines.append(f"name: {yaml_scalar(name)}")
        elif spec.key == "updated" and updated:
            lines.append(_with_hint(f"updated: {updated.isoformat()}", hint))
        elif spec.required:
            lines.append(_with_hint(f"{spec.key}:", f"required: {hint}"))
        else:
            lines.append(_with_hint(f"# {spec.key}: {spec.example}".rstrip(), hint))
    lines.append("---")
    return "\n".join(lines) + "\n"


def _with_hint(entry: str, hint: str) -> str:
    return f"{entry.ljust(HINT_COLUMN - 1)} # {hint}"
