"""The site's mentee application feeding a Google Form: each field's `post_as` is the form's
`entry.N` name, a person fills in the application in Chromium, and the (recording) handler finds
every answer under its entry.N name and nothing under the site's own field names. The responses
exported as Google does (columns headed by the question titles) are read by `match`."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from mentor_gallery.content.loader import load_roster
from recording import RecordingServer
from support import SiteServer, build_site, copy_example

TOOL = Path(sys.executable).with_name("mentor-gallery")
SLUG = "mentee-application"


class GoogleSite:
    """The example with its mentee application pointed at a Google-like handler."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.recorder = RecordingServer()
        self.content = copy_example(tmp / "content")
        path = self.content / "forms" / f"{SLUG}.yml"
        form = yaml.safe_load(path.read_text(encoding="utf-8"))
        form["action"] = f"{self.recorder.url}/forms/d/e/1FAIpQLSe_TEST/formResponse"
        form["honeypot"] = False  # the guide's advice for Google Forms
        self.entries: dict[str, list[str]] = {}
        field_max = load_roster(self.content).roster.taxonomy.max_expertise  # the needs' default max
        for number, field in enumerate(form["fields"], start=1):
            if field["name"] == "needs":  # one Dropdown question per place
                places = field.get("max", field_max)
                names = [f"entry.{2000 + number * 10 + place}" for place in range(1, places + 1)]
                field["post_as"] = names
            else:
                names = [f"entry.{1000 + number}"]
                field["post_as"] = names[0]
            self.entries[field["name"]] = names
        self.labels = {field["name"]: field["label"] for field in form["fields"]}
        path.write_text(yaml.safe_dump(form, allow_unicode=True, sort_keys=False), encoding="utf-8")
        (tmp / "site").mkdir()
        self.server = SiteServer(tmp / "site")
        build = build_site(tmp, self.content, site_url=self.server.url)
        assert build.returncode == 0, build.output

    def entry(self, name: str, place: int = 1) -> str:
        return self.entries[name][place - 1]


@pytest.fixture(scope="module")
def google(tmp_path_factory):
    made = GoogleSite(tmp_path_factory.mktemp("google"))
    yield made
    made.server.close()
    made.recorder.close()


ANSWERS = {
    "name": "Jo Park", "organization": "Town of Alder", "title": "Assistant to the Manager",
    "address": "1 Main St", "city_state_zip": "Alder, NC 27000", "phone": "555-0100", "email": "jo@example.org",
    "why_interested": "I want to lead a city one day.", "hopes": "Advice on budgets & council work",
    "mentor_preferences": "Someone who has run a small town.", "additional_info": "Mornings suit me.",
}


def test_the_mentee_application_reaches_a_google_form_under_its_entry_names(google, page):
    page.goto(google.server.url + f"forms/{SLUG}/")
    for name, value in ANSWERS.items():
        page.locator(f"#f-{name}").fill(value)
    page.locator("#f-frequency").select_option(label="Monthly")
    page.get_by_label("1st choice").select_option(label="Strategic Planning")
    page.get_by_label("2nd choice").select_option(label="Finance")
    page.get_by_label("3rd choice").select_option(label="Police")
    page.locator("#f-region").select_option(label="Central")
    page.locator("#f-program").select_option(label="Coaching Program")
    page.get_by_role("checkbox", name="Video").check()
    page.get_by_role("checkbox", name="Phone").check()
    page.get_by_role("button", name="Send").click()
    [request] = google.recorder.wait_for(1, page=page)

    assert (request.method, request.path) == ("POST", "/forms/d/e/1FAIpQLSe_TEST/formResponse")
    expected = [(google.entry(name), value) for name, value in ANSWERS.items()]
    expected += [(google.entry("frequency"), "Monthly"),
                 (google.entry("needs", 1), "Strategic Planning"), (google.entry("needs", 2), "Finance"),
                 (google.entry("needs", 3), "Police"),
                 (google.entry("region"), "Central"), (google.entry("program"), "Coaching Program"),
                 (google.entry("meeting"), "Phone"), (google.entry("meeting"), "Video")]
    assert sorted(request.form) == sorted(expected)
    # Every name sent is one of the Google Form's, none is the site's own field name.
    assert all(name.startswith("entry.") for name, _ in request.form), request.form
    google.answers = request.form


def test_match_reads_the_responses_as_google_exports_them(google):
    """Google heads its export's columns with the question titles: the site's labels, and for the
    needs one Dropdown per place titled with the label and its number."""
    sent = getattr(google, "answers", None)
    if sent is None:
        pytest.skip("needs the answers of the test above")
    by_entry = {}
    for name, value in sent:
        by_entry.setdefault(name, []).append(value)
    headers, cells = ["Timestamp"], ["2026-09-01 09:30:00"]
    for name, label in google.labels.items():
        if name == "needs":
            for place, entry in enumerate(google.entries[name], start=1):
                headers.append(f"{label} {place}")
                cells.append(", ".join(by_entry.get(entry, [])))
        else:
            headers.append(label)
            cells.append(", ".join(by_entry.get(google.entry(name), [])))
    out = io.StringIO()
    csv.writer(out).writerows([headers, cells])
    export = google.tmp / "responses.csv"
    export.write_text(out.getvalue(), encoding="utf-8")
    result = subprocess.run([str(TOOL), "match", str(export), str(google.content)], capture_output=True, text=True, cwd=google.tmp)
    assert result.returncode == 0, result.stderr
    [row] = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))  # the BOM Excel needs
    assert (row["applicant"], row["email"]) == ("Jo Park", "jo@example.org")
    assert row["mentor"] and "Strategic Planning" in row["reasons"].split(";")[0], row
