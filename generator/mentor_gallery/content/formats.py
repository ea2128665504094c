"""The keys of a program file and of a form file, each declared once with its value and help.

`check` reads these declarations (an unknown key gets a did-you-mean among them) and the guide
pages "Program files" and "Form files" are tested against them, so a key cannot exist in the
code and not in the guide. The profile's keys are declared the same way in profile_fields.py.
A new key is one more line in its table here, then a row on its guide page.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Key:
    key: str
    required: bool
    value: str  # what the value is, in the guide's words (its "value" column)
    help: str


@dataclass(frozen=True)
class FieldType:
    name: str
    options: bool  # the field lists options (a list, a vocabulary or the site's programs)
    help: str


# content/programs/<slug>.md: the frontmatter above the guide.
PROGRAM_FILE: tuple[Key, ...] = (
    Key("name", True, "text", "the program's name as members know it"),
    Key("sponsor", False, "text", "the committee or body that runs it"),
    Key("summary", True, "text", "one or two sentences for the programs page"),
    Key("duration_months", False, "[min, max]", "how long a pairing lasts, in whole months: [3, 6]"),
    Key("cadence", False, "frequency", "how often pairs meet: monthly, every-other-month, quarterly or semi-annually"),
    Key("mentor_criteria", False, "list of text", "what the program looks for in a mentor, one point each"),
    Key("request_form", False, "request handler", "where this program's requests go (url, method, fields); overrides the site's"),
    Key("agreement", False, "list of text", "the points of the Statement of Mutual Understanding, printed for the pair"),
    Key("requires", False, "mapping", "what a mentor in the program must have, by profile key: a number is a minimum, text must be in the mentor's list"),
    Key("rounds", False, "list of rounds", "application rounds: window, start and end, places, group meetings and surveys (see Program calendar)"),
    Key("timezone", False, "IANA time zone", "the zone of the rounds' times, e.g. America/Chicago; default the site's timezone option, else UTC"),
)

# content/forms/<slug>.yml: the form as a whole.
FORM_FILE: tuple[Key, ...] = (
    Key("title", True, "text", "the form's heading and page title"),
    Key("description", False, "text", "a paragraph above the fields"),
    Key("action", True, "URL", "where the browser sends the answers: an https:// address or mailto:"),
    Key("method", False, "get or post", "how the answers are sent (default post)"),
    Key("honeypot", False, "true or false", "adds a field people never see, named _gotcha; a robot that fills it marks its message as spam"),
    Key("fields", True, "list of fields", "the questions, in order (the keys below)"),
)

# One entry of a form's `fields` list.
FORM_FIELD: tuple[Key, ...] = (
    Key("name", True, "name", "the field's own name: letters, digits, _ . - [ ]; the answer is posted under it unless post_as says otherwise"),
    Key("label", True, "text", "the question as the person reads it"),
    Key("type", False, "field type", "one of the field types below (default text)"),
    Key("required", False, "true or false", "the form cannot be sent without it"),
    Key("options", False, "list or source", "the choices of a choice, multichoice or ranked field: a list, a vocabulary or programs"),
    Key("max", False, "whole number", "ranked: how many choices a person may make, in order (default max_expertise for expertise, else all, at most 10); scale: its top (default 5)"),
    Key("min", False, "whole number", "scale: its bottom (default 1); a scale has 2 to 11 steps"),
    Key("labels", False, "[bottom, top]", "scale: what its two ends mean, e.g. [Not at all, Very much]"),
    Key("help", False, "text", "a line of help under the question"),
    Key("group", False, "text", "a heading; consecutive fields with the same group are shown together"),
    Key("post_as", False, "name, or a list for ranked", "the name the form service expects for this answer (a Google Form's entry.1234567); ranked: one name for all places, or one per place"),
)

FIELD_TYPE_SPECS: tuple[FieldType, ...] = (
    FieldType("text", False, "one line of text"),
    FieldType("email", False, "an email address, checked by the browser"),
    FieldType("tel", False, "a phone number"),
    FieldType("textarea", False, "several lines of text"),
    FieldType("choice", True, "one option from a drop-down; posts the label as shown"),
    FieldType("multichoice", True, "tick boxes; posts one value per ticked option"),
    FieldType("ranked", True, "up to max options in order of importance; posts the chosen labels in that order, one value each"),
    FieldType("checkbox", False, "one tick box; posts yes when ticked, nothing otherwise"),
    FieldType("date", False, "a date, posted as YYYY-MM-DD"),
    FieldType("number", False, "a number (decimals allowed)"),
    FieldType("scale", False, "a row of numbered choices from min to max (a survey question); posts the number chosen"),
)

# What `options:` may name instead of a list: the site's vocabularies and its programs.
OPTION_SOURCES: tuple[tuple[str, str], ...] = (
    ("expertise", "the areas of expertise in taxonomy.yml"),
    ("regions", "the regions in taxonomy.yml"),
    ("roles", "the roles in taxonomy.yml"),
    ("frequency", "Monthly, Every other month, Quarterly, Semi-annually"),
    ("meeting", "In person, Phone, Video, Email"),
    ("programs", "the site's programs, by name, from content/programs"),
)

PROGRAM_KEYS: tuple[str, ...] = tuple(k.key for k in PROGRAM_FILE)
FORM_KEYS: tuple[str, ...] = tuple(k.key for k in FORM_FILE)
FORM_FIELD_KEYS: tuple[str, ...] = tuple(k.key for k in FORM_FIELD)
FIELD_TYPES: tuple[str, ...] = tuple(t.name for t in FIELD_TYPE_SPECS)
OPTION_TYPES: tuple[str, ...] = tuple(t.name for t in FIELD_TYPE_SPECS if t.options)
OPTION_SOURCE_NAMES: tuple[str, ...] = tuple(name for name, _ in OPTION_SOURCES)
