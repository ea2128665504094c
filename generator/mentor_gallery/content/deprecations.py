"""Keys and settings renamed in a later version: the old name keeps working for at least one
minor version, with a warning at its line that says what to write instead (the contract's rule).

Each table lists the renames of one kind of file; Report.renamed applies one to a mapping before
its keys are checked, so the rest of the checks see only the new name, while a problem with the
value is still reported at the line the committee wrote.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Renamed:
    old: str
    new: str
    since: str  # the version that renamed it
    until: str  # the first version that may stop reading the old name

    def message(self) -> str:
        return (f"'{self.old}' was renamed '{self.new}' in mentor-gallery {self.since}; write '{self.new}:' instead "
                f"(the old name still works, until version {self.until})")

    def clash(self) -> str:
        return f"both '{self.old}' (the old name of '{self.new}', renamed in {self.since}) and '{self.new}' are given; remove '{self.old}'"


# Options of the mentor-gallery plugin in mkdocs.yml.
# An entry reads: Renamed("old_name", "new_name", since="0.2.0", until="0.4.0").
PLUGIN_OPTIONS: tuple[Renamed, ...] = ()
# Keys of a mentor profile's frontmatter.
PROFILE_KEYS: tuple[Renamed, ...] = ()
# Keys of a program's frontmatter.
PROGRAM_KEYS: tuple[Renamed, ...] = ()
# Keys of a form file.
FORM_KEYS: tuple[Renamed, ...] = ()
