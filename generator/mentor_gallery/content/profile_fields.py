"""The mentor profile's keys: one table that validation, `new`, CSV columns, the JSON Schema
and the docs all read, so a key is described once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProfileField:
    key: str
    required: bool
    kind: str  # how validate.py checks it (see _check_profile_value)
    help: str
    example: str = ""  # YAML of a typical value, for `new`


PROFILE_FIELDS: tuple[ProfileField, ...] = (
    ProfileField("name", True, "text", "full name as members know it"),
    ProfileField("title", True, "text", "current or last position"),
    ProfileField("organization", True, "text", "city, county or other employer"),
    ProfileField("region", True, "region", "one of the regions in taxonomy.yml"),
    ProfileField("city", False, "text", "city", "Springfield"),
    ProfileField("state", False, "text", "state or province", "NC"),
    ProfileField("expertise", True, "expertise", "1 to max_expertise areas from taxonomy.yml, strongest first"),
    ProfileField("years_in_local_government", False, "count", "whole number of years", "15"),
    ProfileField("years_as_manager", False, "count", "whole number of years", "8"),
    ProfileField("education", False, "texts", "degrees and courses", "[MPA, BA Political Science]"),
    ProfileField("frequency", False, "frequency", "monthly, every-other-month, quarterly or semi-annually", "monthly"),
    ProfileField("meeting", False, "meeting", "any of in-person, phone, video, email", "[in-person, phone]"),
    ProfileField("accepting", False, "bool", "true or false: accepting new mentees (default true)", "true"),
    ProfileField("capacity", False, "count", "open places for new mentees now; 0 means full", "2"),
    ProfileField("programs", False, "programs", "program slugs from content/programs", "[]"),
    ProfileField("credentials", False, "texts", "e.g. ICMA-CM, MPA", "[]"),
    ProfileField("memberships", False, "texts", "professional associations", "[]"),
    ProfileField("mentored_before", False, "bool", "true or false", "false"),
    ProfileField("photo", False, "photo", "image file beside this profile", "photo.jpg"),
    ProfileField("contact", False, "contact", "email, phone, public (default false: never published)", "{email: name@example.org, phone: '555-0100', public: false}"),
    ProfileField("updated", False, "date", "YYYY-MM-DD: last time the profile was reviewed", "2026-01-31"),
    ProfileField("summary", False, "text", "one line for the gallery card (default: first sentence of the statement)", "Twenty years of budgets and council work."),
    ProfileField("languages", False, "texts", "languages you can mentor in", "[English]"),
    ProfileField("photo_alt", False, "text", "description of the photo (default: your name)", "Portrait of ..."),
    ProfileField("roles", False, "roles", "the ways you can help, from the roles in taxonomy.yml", "[Coach, Sounding board]"),
)

PROFILE_KEYS: tuple[str, ...] = tuple(f.key for f in PROFILE_FIELDS)
CONTACT_KEYS: tuple[str, ...] = ("email", "phone", "public")

PROGRAM_KEYS: tuple[str, ...] = ("name", "sponsor", "summary", "duration_months", "cadence", "mentor_criteria", "request_form", "agreement", "requires",
                                  "rounds", "timezone")  # rounds and timezone: content/rounds.py
# What a program's `requires` may ask on a profile key: a minimum of a count, or a value its list
# must hold. capacity is a count but says how busy a mentor is now, not what the mentor brings.
MINIMUM_KEYS: tuple[str, ...] = tuple(f.key for f in PROFILE_FIELDS if f.kind == "count" and f.key != "capacity")
HOLDS_KEYS: tuple[str, ...] = tuple(f.key for f in PROFILE_FIELDS if f.kind in ("texts", "expertise", "roles"))
TAXONOMY_KEYS: tuple[str, ...] = ("expertise", "regions", "max_expertise", "roles")
HANDLER_KEYS: tuple[str, ...] = ("url", "method", "fields")
HANDLER_FIELD_KEYS: tuple[str, ...] = ("mentor", "mentor_name", "program")
FORM_KEYS: tuple[str, ...] = ("title", "action", "method", "fields", "description", "honeypot")
FORM_FIELD_KEYS: tuple[str, ...] = ("name", "label", "type", "required", "options", "help", "group", "max", "min", "labels")


def csv_columns() -> list[str]:
    """The export/import columns: slug, every profile key (contact expanded), body."""
    columns = ["slug"]
    for spec in PROFILE_FIELDS:
        if spec.key == "contact":
            columns += [f"contact_{k}" for k in CONTACT_KEYS]
        else:
            columns.append(spec.key)
    return columns + ["body"]
