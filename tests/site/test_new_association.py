"""A second association starts its own site from the installed package alone.

The wheel is built from this repository, installed (not editable) into a fresh virtual
environment, and `mentor-gallery init` writes a new repository into an empty folder. That
repository, as written, passes `check`, builds with `mkdocs build --strict` and with Zensical
(`pages`, `zensical build --strict`, `pages --verify`); with another roster swapped in it builds
again; every internal link of the built sites reaches a file; and a member can filter its gallery,
open a profile's request and fill in a form, with no accessibility violation.

The fresh environment borrows the dependencies (MkDocs, Material, Zensical, NumPy...) from the
environment running the tests, through a folder of links that leaves out mentor-gallery itself,
so the package under test can only be the one installed from the wheel (asserted below).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, close_page, open_page
from support import PROJECT, SiteServer, profile, write
from test_links import SITE_URL, broken_links

# What the wheel is built from: nothing else of the repository is needed.
SOURCES = ["generator", "site-templates", "docs/guide", "pyproject.toml", "setup.py", "MANIFEST.in", "README.md",
           "mkdocs.yml"]
ASSOCIATION = "Lakeshore Nurses' Association"
HANDLER = "https://requests.lakeshore.example/mentor"
SHOWN = """() => Array.from(document.querySelectorAll('[data-cards] > [data-mentor]'))
                   .filter(card => card.getClientRects().length > 0).map(card => card.dataset.mentor)"""


def _run(args: list, cwd: Path, env: dict[str, str], timeout: int = 180) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}"
    return result


def _copy_sources(dest: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    for name in SOURCES:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=ignore)
        else:
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)


def _borrowed_dependencies(dest: Path) -> Path:
    """Links to every installed distribution of this environment but mentor-gallery."""
    dest.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        name = entry.name.lower()
        if name.startswith(("mentor_gallery", "__editable__", "mentor-gallery")) or name.endswith(".pth"):
            continue
        (dest / entry.name).symlink_to(entry)
    return dest


class Installed:
    """The fresh environment: its python, and an environment for its commands."""

    def __init__(self, root: Path):
        self.root = root
        self.python = root / "venv" / "bin" / "python"
        self.cli = root / "venv" / "bin" / "mentor-gallery"
        self.env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
        self.env["NO_MKDOCS_2_WARNING"] = "1"

    def run(self, *args, cwd: Path, **env: str) -> subprocess.CompletedProcess:
        return _run(list(args), cwd, {**self.env, **env})


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    root = tmp_path_factory.mktemp("install")
    _copy_sources(root / "src")
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
          "--wheel-dir", root / "dist", root / "src"], root, dict(os.environ))
    wheel = next((root / "dist").glob("mentor_gallery-*.whl"))
    _run([sys.executable, "-m", "venv", "--without-pip", root / "venv"], root, dict(os.environ))
    fresh = Installed(root)
    site_packages = _run([fresh.python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], root, fresh.env).stdout.strip()
    (Path(site_packages) / "borrowed-dependencies.pth").write_text(f"{_borrowed_dependencies(root / 'deps')}\n")
    _run([sys.executable, "-m", "pip", "--python", fresh.python, "install", "--quiet", "--no-deps", "--no-index", wheel], root, fresh.env)
    where = fresh.run(fresh.python, "-c", "import mentor_gallery, mentor_gallery.packaged as p; print(mentor_gallery.__file__); "
                      "print(p.theme_dir()); print(p.guide_dir())", cwd=root).stdout.split()
    assert all(Path(path).is_relative_to(Path(site_packages)) for path in where), where
    return fresh


@pytest.fixture(scope="module")
def new_site(installed: Installed, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("association") / "lakeshore-mentoring"
    installed.run(installed.cli, "init", folder, "--name", ASSOCIATION, cwd=folder.parent)
    return folder


def test_version_is_the_packages(installed):
    out = installed.run(installed.cli, "--version", cwd=installed.root).stdout
    assert out.strip() == f"mentor-gallery {_project_version()}"


def test_init_writes_a_repository_with_nothing_of_the_tool(new_site):
    written = {p.relative_to(new_site).as_posix() for p in new_site.rglob("*") if p.is_file()}
    assert {"content/taxonomy.yml", "content/mentors/sample-mentor.md", "content/programs/mentoring.md",
            "content/forms/mentee-application.yml", "content/forms/mentor-application.yml", "content/forms/mentoring-log.yml",
            "docs/index.md", "mkdocs.yml", "site-templates/README.md", "requirements.txt", "README.md",
            ".github/workflows/check.yml", ".github/workflows/deploy.yml", ".github/workflows/stale.yml",
            ".github/dependabot.yml"} <= written
    assert not any(p.split("/")[0] in ("generator", "tests", "benchmarks") for p in written)
    assert [p for p in written if p.startswith("site-templates/")] == ["site-templates/README.md"]
    assert f"mentor-gallery[site,zensical]=={_project_version()}" in (new_site / "requirements.txt").read_text()


def test_init_refuses_a_folder_that_is_not_empty(installed, new_site):
    result = subprocess.run([str(installed.cli), "init", str(new_site), "--name", "Another"], env=installed.env,
                            capture_output=True, text=True, cwd=new_site.parent)
    assert result.returncode == 1 and "not empty" in result.stderr


def test_the_new_site_checks_and_builds_with_both_engines(installed, new_site, tmp_path):
    site = _build_both(installed, new_site, tmp_path)
    checked, broken = broken_links(site)
    assert checked > 50 and not broken, broken
    # The packaged theme and assets reached the site though site-templates/ holds only a README.
    assert (site / "assets" / "mentor-gallery" / "gallery.js").is_file()
    assert "Sample Mentor" in (site / "mentors" / "sample-mentor" / "index.html").read_text(encoding="utf-8")
    assert (new_site / "site-templates" / "mkdocs_theme.yml").is_file()  # written by pages for Zensical
    # The committee's guide, from the package, under its own tab.
    assert "For the committee" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "guide" / "upgrading" / "index.html").is_file() and (site / "guide" / "start-your-own" / "index.html").is_file()


def test_another_roster_swapped_in_builds_again(installed, new_site, tmp_path):
    project = tmp_path / "swapped"
    shutil.copytree(new_site, project, ignore=shutil.ignore_patterns("site", ".cache"))
    (project / "content" / "mentors" / "sample-mentor.md").unlink()
    for slug, name, region, areas in (("ines-duarte", "Inês Duarte", "West", "[Leadership, Communication]"),
                                       ("tom-okoro", "Tom Okoro", "Remote", "[Technology]"),
                                       ("mei-lin", "Mei Lin", "East", "[Human Resources, Career Planning]")):
        write(project / "content" / "mentors" / f"{slug}.md",
              profile(name, region=region, expertise=areas, programs="[mentoring]", roles="[Connector]"))
    site = _build_both(installed, project, tmp_path / "out")
    checked, broken = broken_links(site)
    assert checked > 50 and not broken, broken
    assert (site / "mentors" / "mei-lin" / "index.html").is_file() and not (site / "mentors" / "sample-mentor").exists()


def _build_both(installed: Installed, project: Path, out: Path) -> Path:
    """check, MkDocs, then Zensical (pages, build, verify); the MkDocs site's folder. Published
    under a subpath, as on GitHub Pages, where the links checker expects it."""
    installed.run(installed.cli, "check", cwd=project)
    installed.run(installed.python, "-m", "mkdocs", "build", "--strict", "--site-dir", out / "mkdocs", cwd=project, SITE_URL=SITE_URL)
    installed.run(installed.cli, "pages", cwd=project)
    installed.run(installed.python, "-m", "zensical", "build", "--strict", cwd=project, SITE_URL=SITE_URL)
    installed.run(installed.cli, "pages", "--verify", cwd=project, SITE_URL=SITE_URL)  # where the build was served
    zensical = project / "site"
    assert (zensical / "mentors" / "index.html").is_file() and (zensical / "assets" / "mentor-gallery" / "gallery.css").is_file()
    checked, broken = broken_links(zensical)
    assert checked > 50 and not broken, broken
    return out / "mkdocs"


@pytest.fixture(scope="module")
def served(installed, new_site, tmp_path_factory):
    """The new site with its request handler set (the chair's first step), served on 127.0.0.1."""
    project = tmp_path_factory.mktemp("served") / "project"
    shutil.copytree(new_site, project, ignore=shutil.ignore_patterns("site", ".cache"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("      content_dir: content\n", f"      content_dir: content\n      request_form: {{url: {HANDLER}, method: get}}\n")
    config.write_text(text, encoding="utf-8")
    out = project / "built"
    out.mkdir()
    server = SiteServer(out)
    env = {**installed.env, "SITE_URL": server.url}
    _run([installed.python, "-m", "mkdocs", "build", "--strict", "--site-dir", out], project, env)
    yield server
    server.close()


def test_a_member_filters_requests_and_fills_in_a_form(browser, served):
    page = open_page(browser, viewport={"width": 1280, "height": 900})
    received = []

    def answer(route, request):
        received.append(request)
        route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>Received</title><p>Received</p>")

    page.route(f"{HANDLER}**", answer)
    page.route("https://forms.example.org/**", answer)  # the scaffold's forms, until the committee sets its own
    try:
        for region, expected in (("south", []), ("north", ["sample-mentor"])):
            page.goto(served.url + f"mentors/?region={region}")
            page.wait_for_function("() => !document.querySelector('[data-gallery]').hasAttribute('aria-busy')")
            assert page.evaluate(SHOWN) == expected  # the sample mentor is in the North
        assert not axe_violations(page)

        page.goto(served.url + "mentors/sample-mentor/")
        assert not axe_violations(page)
        control = page.locator("[data-request]").first
        expect(control).to_be_visible()
        control.click()
        page.wait_for_url(f"{HANDLER}**")
        assert parse_qs(urlsplit(received.pop().url).query)["mentor"] == ["sample-mentor"]

        page.goto(served.url + "forms/mentee-application/")
        assert not axe_violations(page)
        submit = page.locator("form.mg-form button[type=submit]").first
        submit.click()
        page.wait_for_timeout(300)
        assert received == [], "a form without its required answers was sent"
        for control in page.locator("form.mg-form [required]").all():
            kind = control.evaluate("el => el.tagName === 'SELECT' ? 'select' : el.type")
            if kind == "select":
                control.select_option(index=1)
            elif kind in ("checkbox", "radio"):
                control.check()
            elif kind == "email":
                control.fill("member@example.org")
            else:
                control.fill("Filled in by the smoke test")
        submit.click()
        page.wait_for_url("https://forms.example.org/**")
        sent = parse_qs(received.pop().post_data or "")
        assert sent["email"] == ["member@example.org"] and "needs" in sent
    finally:
        close_page(page)
    assert not page.errors, page.errors


def _project_version() -> str:
    import tomllib

    return tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
