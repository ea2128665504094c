"""`mentor-gallery pages [--watch] [CONTENT_DIR]`: write the generated site into the docs folder.

For a site engine that does not run the MkDocs plugin (Zensical): every page as `<url>/index.md`,
every data file and photo, written only where its bytes change. `--verify` then checks the site
the engine built against what was written. No site engine is imported here.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from mentor_gallery.commands.check import print_problems
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.privacy import PrivateContacts
from mentor_gallery.problems import Problem, display_path, errors
from mentor_gallery.settings import find_config
from mentor_gallery.site.built_check import check_built_site, gzip_sitemap
from mentor_gallery.site.content_watch import watch
from mentor_gallery.site.docs_build import DocsBuilder, Outcome
from mentor_gallery.site.docs_writer import MANIFEST, read_manifest
from mentor_gallery.site.project_config import ProjectConfig, read_project
from mentor_gallery.site.repeated_warnings import RepeatedWarnings, left_out_line
from mentor_gallery.site.staged_build import build_staged
from mentor_gallery.site.zensical_theme import theme_hook, write_theme_hook


def _project(args: argparse.Namespace) -> tuple[ProjectConfig, Path]:
    """mkdocs.yml (given, else beside CONTENT_DIR, else here) and the content folder (given, else
    the plugin's content_dir in mkdocs.yml)."""
    if args.content_dir is not None:
        project = read_project(find_config(Path(args.content_dir), args.config))
        return project, Path(args.content_dir)
    project = read_project(args.config or Path("mkdocs.yml"))
    return project, project.content_dir


def _asset_warnings(project: ProjectConfig) -> list[Problem]:
    """Our files that mkdocs.yml does not list: Zensical would not publish them. A missing script
    is an error (its pages would not set themselves up: forms would not send, the gallery would
    not filter); a missing stylesheet, a warning (the pages work, plainer)."""
    where = display_path(project.config_path)
    found = []
    for name in project.unlisted_assets():
        key = "extra_css" if name.endswith(".css") else "extra_javascript"
        effect = ("the pages that need it would not work" if key == "extra_javascript" else "the pages would miss its styles")
        found.append(Problem(where, project.lists_line.get(key, 1),
                             f"{name} is not listed in {key}; Zensical publishes only what mkdocs.yml lists, so {effect}: "
                             f"add '- {name}' to {key} (MkDocs adds it through the plugin)",
                             "error" if key == "extra_javascript" else "warning"))
    return found


def _report(outcome: Outcome, project: ProjectConfig, content: Path, seconds: float, repeats: RepeatedWarnings | None = None) -> int:
    shown, left_out = repeats.sift(outcome.problems) if repeats is not None else (outcome.problems, 0)
    print_problems(shown)
    if left_out:
        print(f"pages: {left_out_line(left_out)}", file=sys.stderr)
    count = len(errors(outcome.problems))
    if count or outcome.sync is None:
        print(f"{count} problem(s) in {display_path(content)} or its settings; nothing was written to "
              f"{display_path(project.docs_dir)}.", file=sys.stderr)
        return 1
    sync = outcome.sync
    print(f"pages: {outcome.pages} pages; {len(sync.written) + len(outcome.ahead)} file(s) written, {len(sync.deleted)} deleted, "
          f"{sync.unchanged} unchanged in {display_path(project.docs_dir)}/ ({seconds:.2f} s)", file=sys.stderr)
    return 0


SETTLE_S = 1.0  # after the pages' writes, before the engine's configuration is written once more
# After the pages of the saved files, before the rest. Zensical redraws the files that change
# close together in one go: a saved profile's page alone is served about 0.6 s later at 1,000
# mentors, but with the gallery and facet pages it changes (1 MB of cards) 2.5 s and more.
FIRST_PAUSE_S = 0.2


def _build(builder: DocsBuilder, content: Path, reload_config: bool = False, saved: list[str] | None = None,
           repeats: RepeatedWarnings | None = None) -> tuple[int, Outcome]:
    started = time.perf_counter()
    project = builder.project
    problems, hook = theme_hook(project.custom_dir, project.config_path, project.theme_line)
    project.problems += problems
    outcome = builder.build(reload_config, saved or (), lambda: time.sleep(FIRST_PAUSE_S))
    status = _report(outcome, project, content, time.perf_counter() - started, repeats)
    if status == 0 and hook is not None:
        # Only after a run that wrote the pages: on any problem nothing at all is written.
        write_theme_hook(hook)
        print(f"pages: wrote {display_path(hook)}, through which Zensical finds the gallery's templates; keep it", file=sys.stderr)
    return status, outcome


def _verify(project: ProjectConfig, content: Path, site: Path) -> int:
    manifest, problem = read_manifest(project.docs_dir)
    if problem or manifest is None:
        print(problem or f"{display_path(project.docs_dir / MANIFEST)}: not found; run 'mentor-gallery pages' before the engine builds",
              file=sys.stderr)
        return 1
    roster = load_roster(content, project.settings.allowed_hosts, project.settings.timezone).roster
    base_path = urlsplit(project.settings.site_url or "/").path or "/"
    report = check_built_site(site, manifest, PrivateContacts.of(roster.mentors), base_path)
    for path in report.missing:
        print(f"{display_path(site / path)}: missing; the engine did not publish this generated file", file=sys.stderr)
    for leak in report.leaks:
        print(f"{display_path(site / leak.file)}: holds the private contact {leak.what} of {display_path(Path(leak.source))}", file=sys.stderr)
    for broken in report.broken:
        page, reference = broken.split(": ", 1)
        print(f"{display_path(site / page)}: links to {reference}, which the site does not publish", file=sys.stderr)
    if not report.ok:
        print(f"the built site in {display_path(site)} is incomplete or unsafe ({len(report.missing)} missing, "
              f"{len(report.leaks)} with a private contact, {len(report.broken)} broken link(s)); do not publish it.", file=sys.stderr)
        return 1
    print(f"ok: all {len(manifest.urls)} generated pages and their files are in {display_path(site)}", file=sys.stderr)
    return 0


def _watch(builder: DocsBuilder, args: argparse.Namespace, content: Path) -> int:
    parent = os.getppid()
    repeats = RepeatedWarnings()  # each save prints what is new, not the roster's standing advice again

    def watched() -> list[Path]:
        project = builder.project
        return [content, project.config_path] + ([project.custom_dir] if project.custom_dir else [])

    def rebuild(paths: list[str]) -> None:
        print(f"pages: {len(paths)} changed file(s), e.g. {display_path(Path(paths[0]))}", file=sys.stderr)
        try:
            builder.project = read_project(builder.project.config_path)  # mkdocs.yml may have changed
            # The server reads mkdocs.yml through the engine's configuration: rewritten, it reloads.
            config = os.path.abspath(builder.project.config_path)
            # The saved files' own pages first: the page being edited shows without waiting for the gallery.
            status, outcome = _build(builder, content, reload_config=any(os.path.abspath(path) == config for path in paths), saved=paths,
                                     repeats=repeats)
            if status == 0 and outcome.engine_config_changed:
                # Zensical folds changes that come close together into one reload, which can read
                # the configuration mid-write and then keep the old home summary (seen under load):
                # once the burst has settled, the same file is written once more, on its own.
                time.sleep(SETTLE_S)
                builder.rewrite_engine_config(outcome)
        except Exception as exc:  # noqa: BLE001 - a watcher reports and keeps watching; the server keeps the last good pages
            print(f"pages: the pages could not be written ({type(exc).__name__}: {exc}); nothing was changed. "
                  "Fix the file and save it again; still watching.", file=sys.stderr)

    def keep_going() -> bool:
        # A watcher must not outlive the server it feeds: it stops when the process named by
        # --stop-with (make serve's shell) has ended, or when it has been orphaned.
        return os.getppid() == parent and (args.stop_with is None or _alive(args.stop_with))

    _build(builder, content, repeats=repeats)
    print(f"pages: watching {display_path(content)} for changes (Ctrl-C stops)", file=sys.stderr)
    try:
        watch(watched, rebuild, args.interval, keep_going=keep_going)
    except KeyboardInterrupt:
        pass
    return 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: asks whether the process exists, sends nothing
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


def run(args: argparse.Namespace) -> int:
    project, content = _project(args)
    if args.build_with is not None:
        if not args.build_with:
            print("--build-with needs the engine's build command, e.g. --build-with zensical build --strict", file=sys.stderr)
            return 2
        final = Path(args.site_dir) if args.site_dir else project.site_dir

        def finish(staging: Path) -> int:
            gzip_sitemap(staging)  # MkDocs publishes it; Zensical writes only sitemap.xml
            return _verify(project, content, staging)

        return build_staged(project.config_path, final, args.build_with, finish)
    if args.verify:
        return _verify(project, content, Path(args.site_dir) if args.site_dir else project.site_dir)
    project.problems += _asset_warnings(project)
    builder = DocsBuilder(project, content)
    if args.watch:
        return _watch(builder, args, content)
    return _build(builder, content)[0]


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1
    if not 0.05 <= value <= 60:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds between 0.05 and 60")
    return value


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("pages", help="write every generated page, data file and photo into the docs folder (for Zensical)")
    parser.add_argument("content_dir", nargs="?", default=None, metavar="CONTENT_DIR",
                        help="the content folder (default: the plugin's content_dir in mkdocs.yml)")
    parser.add_argument("--config", type=Path, default=None, help="mkdocs.yml (default: beside CONTENT_DIR, else in the current folder)")
    parser.add_argument("--watch", action="store_true", help="keep running and rewrite what changes whenever the content changes")
    parser.add_argument("--interval", type=_seconds, default=0.2, metavar="SECONDS", help="how often --watch looks for changes (default 0.2)")
    parser.add_argument("--stop-with", type=int, default=None, metavar="PID",
                        help="with --watch: stop when the process PID ends (make serve passes its shell's)")
    parser.add_argument("--verify", action="store_true",
                        help="write nothing; check that the built site holds every generated page and file, and no private contact")
    parser.add_argument("--site-dir", default=None, metavar="DIR",
                        help="with --verify: the built site; with --build-with: where it goes (default: site_dir of mkdocs.yml)")
    parser.add_argument("--build-with", nargs=argparse.REMAINDER, default=None, metavar="COMMAND",
                        help="write nothing; run the engine's build COMMAND (the rest of the line, given -f with a configuration "
                             "whose site_dir is a staging folder), check the result as --verify does, and only then move it "
                             "into site_dir; on any failure site_dir is left as it was")
    parser.set_defaults(run=run)
