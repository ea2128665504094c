"""Each generated address has one source: labels, imported slugs, hand-written pages, committee
papers and form fields cannot take the place of one the gallery makes (issue: Hardening II)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from engines import zensical_project
from mentor_gallery.content.loader import load_roster
from support import TAXONOMY, make_roster, profile, run_cli, write


def problems(root: Path) -> list[str]:
    return [f"{Path(p.path).name}:{p.line}: {p.message}" for p in load_roster(root).problems if p.severity == "error"]


@pytest.mark.parametrize("entry", ["Index", "{label: Contents, slug: index}"])
def test_a_label_whose_slug_is_index_is_refused_at_its_line(tmp_path, entry):
    taxonomy = TAXONOMY.replace("expertise:\n", f"expertise:\n  - {entry}\n", 1)
    assert taxonomy != TAXONOMY
    found = problems(make_roster(tmp_path / "c", {"ana": profile()}, taxonomy=taxonomy))
    assert any(p.startswith("taxonomy.yml:2: label ") and "has the slug 'index', which is the address of the expertise folder itself" in p
               for p in found), found


@pytest.mark.parametrize("slug", ["index", "all", "find", "team", "expertise", "region", "role"])
def test_import_refuses_the_slugs_check_refuses(tmp_path, capsys, monkeypatch, slug):
    monkeypatch.chdir(tmp_path)
    content = make_roster(tmp_path / "content", {})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["slug", "name", "title", "organization", "region", "expertise"], lineterminator="\n")
    writer.writeheader()
    writer.writerow({"slug": slug, "name": "Al Index", "title": "Clerk", "organization": "Town", "region": "Western", "expertise": "Finance"})
    write(tmp_path / "new.csv", out.getvalue())
    code, _, err = run_cli(capsys, "import", "new.csv")
    assert code == 1 and f"new.csv:1: slug '{slug}' is the address of one of the gallery's own pages" in err, err
    assert not (content / "mentors" / f"{slug}.md").exists()


@pytest.mark.parametrize("hand_written", ["mentors/ana/index.html", "mentors/find/index.html"])
def test_pages_notices_a_hand_written_html_page_at_a_generated_address(tmp_path, capsys, hand_written):
    content = make_roster(tmp_path / "content", {"ana": profile()})
    config = zensical_project(tmp_path / "project", content)
    write(config.parent / "docs" / hand_written, "<p>an old copy</p>")
    code, _, err = run_cli(capsys, "pages", "--config", config)
    assert code == 1 and f"docs/{hand_written}:1: makes the same address as" in err, err
    assert not (config.parent / "docs" / "mentors" / "ana" / "index.md").exists()


def test_match_never_writes_its_proposals_where_the_site_is_built_from(tmp_path, capsys):
    content = make_roster(tmp_path / "content", {"ana": profile()})
    write(tmp_path / "mkdocs.yml", "site_name: X\n")
    requests = write(tmp_path / "requests.csv", "name,needs\nJo,Finance\n")
    for inside in ("docs/proposals.csv", "content/proposals.csv"):
        code, out, err = run_cli(capsys, "match", requests, "--out", tmp_path / inside, content)
        assert code == 1 and out == "" and "which the site is built from" in err, err
        assert not (tmp_path / inside).exists()


def test_a_form_field_named_like_the_honeypot_is_refused_at_its_line(tmp_path):
    form = ("title: Apply\naction: https://forms.example.org/apply\nhoneypot: true\nfields:\n"
            "  - {name: email, label: Email, type: email}\n  - {name: _gotcha, label: Anything else, type: text}\n")
    found = problems(make_roster(tmp_path / "c", {"ana": profile()}, forms={"apply": form}))
    assert any(p.startswith("apply.yml:6: field name '_gotcha' is the hidden trap field") for p in found), found
