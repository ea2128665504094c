"""`mentor-gallery pages`: the generated site written into the docs folder for Zensical.

It validates as `check` does and writes nothing on any problem; pages carry the front matter the
MkDocs plugin sets; a second run writes nothing; `--verify` checks an engine's built site."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from engines import zensical_project
from mentor_gallery.content.loader import load_roster
from mentor_gallery.settings import read_settings
from mentor_gallery.site.docs_writer import MANIFEST, read_manifest
from mentor_gallery.site.pages import site_pages
from support import EXAMPLE_CONTENT, PROJECT, copy_example, make_roster, profile, run_cli, write
from html_tree import parse


def front_matter(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n", 2)[1])


@pytest.fixture
def project(tmp_path):
    """A project folder with the shipped mkdocs.yml, the hand-written docs and a copy of the example roster."""
    content = copy_example(tmp_path / "content")
    return zensical_project(tmp_path / "project", content)


def test_every_page_of_the_example_is_written_with_the_plugins_front_matter(project, capsys):
    code, _, err = run_cli(capsys, "pages", "--config", project)
    assert code == 0, err
    docs = project.parent / "docs"
    settings = read_settings(project)
    specs = site_pages(load_roster(project.parent.parent / "content").roster, settings)
    assert specs
    for spec in specs:
        page = docs / spec.url / "index.md"
        meta = front_matter(page)
        assert meta["hide"] == spec.hide  # what the plugin sets on the same page
        assert meta.get("search") == (None if spec.searchable else {"exclude": True})
    manifest, _ = read_manifest(docs)
    assert sorted(manifest.urls) == sorted(spec.url for spec in specs)
    assert (docs / "mentors/search-index.json").is_file() and (docs / "schema/mentor-profile.json").is_file()
    assert (docs / "index.md").read_text() == (PROJECT / "docs/index.md").read_text()  # hand-written pages untouched


def test_titles_go_in_escaped_once(tmp_path, capsys):
    content = make_roster(tmp_path / "content", {"ana": profile("Ana 'Rock' <Díaz> & Co")})
    config = zensical_project(tmp_path / "project", content)
    code, _, err = run_cli(capsys, "pages", "--config", config)
    assert code == 0, err
    assert front_matter(tmp_path / "project/docs/mentors/ana/index.md")["title"] == "Ana &#39;Rock&#39; &lt;Díaz&gt; &amp; Co"


def test_a_second_run_writes_nothing_and_an_edit_rewrites_only_what_it_changes(project, capsys):
    assert run_cli(capsys, "pages", "--config", project)[0] == 0
    _, _, err = run_cli(capsys, "pages", "--config", project)
    assert " 0 file(s) written, 0 deleted" in err
    docs = project.parent / "docs"
    roster = load_roster(project.parent.parent / "content").roster
    mentor = next(m for m in roster.mentors if m.programs)
    untouched = docs / "forms/index.md"
    before = untouched.stat().st_mtime_ns
    text = mentor.path.read_text(encoding="utf-8")
    mentor.path.write_text(text.replace(f"title: {mentor.title}", "title: Chief Budget Officer", 1), encoding="utf-8")
    assert run_cli(capsys, "pages", "--config", project)[0] == 0
    assert "Chief Budget Officer" in (docs / f"mentors/{mentor.slug}/index.md").read_text()
    assert untouched.stat().st_mtime_ns == before


def test_content_that_check_rejects_writes_nothing_and_reports_what_check_reports(tmp_path, capsys):
    content = make_roster(tmp_path / "content", {"ana": profile(region="Nowhere"), "bob": profile("Bob", expertise="[Finanse]")})
    config = zensical_project(tmp_path / "project", content)
    code, _, pages_err = run_cli(capsys, "pages", "--config", config)
    check_code, _, check_err = run_cli(capsys, "check", content, "--config", config)
    assert code == check_code == 1
    problems = [line for line in check_err.splitlines() if ".md:" in line]
    assert len(problems) == 2 and "did you mean 'Finance'?" in check_err
    assert [line for line in pages_err.splitlines() if ".md:" in line] == problems
    assert "nothing was written" in pages_err
    docs = tmp_path / "project/docs"
    assert not (docs / "mentors").exists() and not (docs / MANIFEST).exists()


def test_a_broken_edit_leaves_the_last_good_pages_as_they_were(project, capsys):
    assert run_cli(capsys, "pages", "--config", project)[0] == 0
    docs = project.parent / "docs"
    snapshot = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    victim = next((project.parent.parent / "content/mentors").glob("*.md"))
    victim.write_text(victim.read_text(encoding="utf-8").replace("region:", "regoin:", 1), encoding="utf-8")
    code, _, err = run_cli(capsys, "pages", "--config", project)
    assert code == 1 and "regoin" in err
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == snapshot


def test_a_private_contact_on_a_generated_page_stops_the_run_before_anything_is_written(tmp_path, capsys):
    """Bob's public phone is Ana's private one: Bob's page would show Ana's number. Check compares
    every file with every private contact, so the run stops before anything is generated."""
    content = make_roster(tmp_path / "content", {
        "ana": profile(contact='{phone: "555-0100-77", public: false}'),
        "bob": profile("Bob", contact='{phone: "555-0100-77", public: true}'),
    })
    config = zensical_project(tmp_path / "project", content)
    code, out, err = run_cli(capsys, "pages", "--config", config)
    assert code == 1
    assert "bob.md:7: contact.phone contains the private contact phone of" in err and "ana.md" in err
    assert "0100" not in err + out  # the number itself is never printed
    assert not (tmp_path / "project/docs/mentors").exists()


def test_a_hand_written_page_in_the_way_is_named_and_nothing_is_written(project, capsys):
    docs = project.parent / "docs"
    write(docs / "programs/index.md", "# Our programs\n")
    code, _, err = run_cli(capsys, "pages", "--config", project)
    assert code == 1
    assert "programs/index.md:1: was not written by 'mentor-gallery pages'" in err
    assert not (docs / "mentors").exists()
    assert (docs / "programs/index.md").read_text() == "# Our programs\n"


def test_members_only_needs_the_passphrase_and_seals_the_profiles(tmp_path, capsys, monkeypatch):
    content = make_roster(tmp_path / "content", {"ana": profile(title="Keeper of Secrets")})
    config = zensical_project(tmp_path / "project", content, plugin={"access": "members-only"})
    monkeypatch.delenv("MENTOR_GALLERY_PASSPHRASE", raising=False)
    code, _, err = run_cli(capsys, "pages", "--config", config)
    assert code == 1 and "MENTOR_GALLERY_PASSPHRASE" in err
    monkeypatch.setenv("MENTOR_GALLERY_PASSPHRASE", "correct horse battery staple")
    code, _, err = run_cli(capsys, "pages", "--config", config)
    assert code == 0, err
    page = (tmp_path / "project/docs/mentors/ana/index.md").read_text()
    body = parse(page.split("\n---\n", 1)[1])
    assert [e for e in body.iter() if "data-sealed" in e.attrs] and "Keeper of Secrets" not in page


def test_the_shipped_mkdocs_yml_lists_every_stylesheet_and_script(project, capsys):
    """Zensical publishes only the assets mkdocs.yml lists; pages warns about any missing."""
    assets = PROJECT / "site-templates/assets/mentor-gallery"
    config = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    listed = set(config["extra_css"]) | set(config["extra_javascript"])
    on_disk = {f"assets/mentor-gallery/{p.name}" for p in assets.iterdir() if p.suffix in (".css", ".js")}
    assert listed == on_disk
    _, _, err = run_cli(capsys, "pages", "--config", project)
    assert "is not listed in" not in err


def test_an_unlisted_stylesheet_is_a_warning_and_an_unlisted_script_an_error_at_its_list(tmp_path, capsys):
    content = make_roster(tmp_path / "content", {"ana": profile()})
    config = zensical_project(tmp_path / "project", content)
    shipped = config.read_text(encoding="utf-8")
    config.write_text(shipped.replace("- assets/mentor-gallery/gallery.css\n", ""), encoding="utf-8")
    code, _, err = run_cli(capsys, "pages", "--config", config)
    assert code == 0, err
    assert "warning: assets/mentor-gallery/gallery.css is not listed in extra_css" in err
    # Without a script its pages would not set themselves up: nothing is written until it is listed.
    config.write_text(shipped.replace("- assets/mentor-gallery/on-page.js\n", ""), encoding="utf-8")
    shutil.rmtree(tmp_path / "project" / "docs" / "mentors", ignore_errors=True)
    code, _, err = run_cli(capsys, "pages", "--config", config)
    # The message points at the list, whose first entry is on the line after its key.
    line = next(n for n, text in enumerate(shipped.splitlines(), 1) if text.startswith("extra_javascript:")) + 1
    assert code == 1
    assert f"mkdocs.yml:{line}: assets/mentor-gallery/on-page.js is not listed in extra_javascript" in err
    assert "add '- assets/mentor-gallery/on-page.js' to extra_javascript" in err
    assert not (tmp_path / "project" / "docs" / "mentors").exists()


def test_the_plugin_and_pages_add_the_same_unlisted_assets_each_in_its_own_list():
    """One list for both engines: the plugin appends these, pages warns of them."""
    from mentor_gallery import packaged

    every = packaged.asset_names(None)
    css = [n for n in every if n.endswith(".css")]
    scripts = [n for n in every if n.endswith(".js")]
    assert packaged.unlisted_assets(None, css, scripts) == []
    assert packaged.unlisted_assets(None, [], []) == every
    # A stylesheet counts as listed in extra_css only, a script in extra_javascript only.
    assert packaged.unlisted_assets(None, scripts, css) == every
    assert packaged.unlisted_assets(None, css[1:], scripts[:-1]) == [css[0], scripts[-1]]


def test_the_generated_folders_are_ignored_by_git(project, capsys):
    assert run_cli(capsys, "pages", "--config", project)[0] == 0
    docs = project.parent / "docs"
    manifest, _ = read_manifest(docs)
    # Each top folder the writer used, and the manifest, as they would sit in the project's docs/.
    tops = sorted({name.split("/", 1)[0] for name in manifest.files} | {MANIFEST})
    paths = [f"docs/{top}/x" if top != MANIFEST else f"docs/{top}" for top in tops]
    result = subprocess.run(["git", "check-ignore", "--no-index", *paths], cwd=PROJECT, capture_output=True, text=True)
    assert sorted(result.stdout.split()) == sorted(paths)


def test_verify_names_a_page_the_engine_did_not_publish(project, capsys):
    assert run_cli(capsys, "pages", "--config", project)[0] == 0
    docs, site = project.parent / "docs", project.parent / "site"
    manifest, _ = read_manifest(docs)
    for url in manifest.urls:
        write(site / url / "index.html", "<p>page</p>")
    for name in manifest.files:
        if not name.endswith(".md"):
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(docs / name, site / name)
    code, _, err = run_cli(capsys, "pages", "--verify", "--config", project)
    assert code == 0, err
    gone = site / manifest.urls[-1] / "index.html"
    gone.unlink()
    code, _, err = run_cli(capsys, "pages", "--verify", "--config", project)
    assert code == 1
    assert f"{manifest.urls[-1]}index.html: missing" in err


def test_verify_without_a_written_docs_folder_says_to_run_pages_first(project, capsys):
    code, _, err = run_cli(capsys, "pages", "--verify", "--config", project)
    assert code == 1 and "run 'mentor-gallery pages' before the engine builds" in err


def test_the_content_folder_defaults_to_the_plugins_content_dir(tmp_path, capsys, monkeypatch):
    shutil.copytree(EXAMPLE_CONTENT, tmp_path / "roster")
    config = zensical_project(tmp_path, tmp_path / "roster")
    config.write_text(config.read_text(encoding="utf-8").replace(str(tmp_path / "roster"), "roster"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, "pages")
    assert code == 0, err
    assert (tmp_path / "docs/mentors/index.md").is_file()


def test_pages_runs_without_mkdocs(project):
    """An association that has moved to Zensical need not install MkDocs."""
    from test_engine_free import run as run_without_mkdocs

    result = run_without_mkdocs("pages", "--config", str(project))
    assert result.returncode == 0, result.stderr
    assert (project.parent / "docs/mentors/index.md").is_file()


@pytest.mark.parametrize("docs_dir", ["ABSOLUTE", "../docs"])
def test_a_docs_folder_zensical_cannot_read_is_a_warning(tmp_path, capsys, docs_dir):
    content = make_roster(tmp_path / "content", {"ana": profile()})
    config = zensical_project(tmp_path / "project", content)
    shutil.copytree(tmp_path / "project/docs", tmp_path / "docs")
    value = str(tmp_path / "project/docs") if docs_dir == "ABSOLUTE" else docs_dir
    config.write_text(config.read_text(encoding="utf-8").replace("docs_dir: docs", f"docs_dir: {value}"), encoding="utf-8")
    code, _, err = run_cli(capsys, "pages", "--config", config)
    assert code == 0, err
    assert "warning: docs_dir should be a folder inside the project" in err


def test_a_relative_docs_folder_inside_the_project_is_fine(project, capsys):
    code, _, err = run_cli(capsys, "pages", "--config", project)
    assert code == 0 and "docs_dir" not in err


def test_a_members_only_page_is_read_before_it_is_sealed_even_where_check_missed_it(tmp_path, capsys, monkeypatch):
    """The last gate cannot read ciphertext: it reads a members-only profile before sealing it.
    Check is made to miss Ana's private address in Bo's statement, to show the gate alone."""
    import mentor_gallery.content.loader as loader

    content = make_roster(tmp_path / "content", {
        "ana": profile(contact='{email: ana@example.org, public: false}'),
        "bo": profile("Bo Lee") + '\n<abbr title="«ana@example.org»">AD</abbr>\n',
    })
    config = zensical_project(tmp_path / "project", content, plugin={"access": "members-only"})
    monkeypatch.setenv("MENTOR_GALLERY_PASSPHRASE", "correct horse battery staple")
    monkeypatch.setattr(loader, "others_contacts", lambda files, contacts: [], raising=False)
    code, out, err = run_cli(capsys, "pages", "--config", config)
    assert code == 1, err
    assert "mentors/bo/ (the members-only part, before sealing) would hold the private contact email" in err
    assert "ana@example.org" not in err + out
    assert not (tmp_path / "project/docs/mentors").exists()
