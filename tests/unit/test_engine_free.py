"""The content model and `mentor-gallery check` work where the site engine is not installed."""

import os
import subprocess
import sys

from support import EXAMPLE_CONTENT, PROJECT

# Any import of mkdocs (or Material) fails in this interpreter, as on a machine without them.
BLOCK_ENGINE = """
import sys
class Blocked:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('mkdocs', 'material'):
            raise ImportError('no site engine here: ' + name)
sys.meta_path.insert(0, Blocked())
from mentor_gallery.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run(*args, env: dict[str, str] | None = None):
    return subprocess.run([sys.executable, "-c", BLOCK_ENGINE, *args], capture_output=True, text=True, cwd=PROJECT,
                          env={**os.environ, **(env or {})})


def test_check_runs_without_the_site_engine():
    result = run("check", str(EXAMPLE_CONTENT))
    assert result.returncode == 0, result.stderr
    assert "mentors" in result.stderr


def test_the_blocker_really_blocks():
    # Without this, the test above would pass even if check imported MkDocs.
    result = subprocess.run([sys.executable, "-c", BLOCK_ENGINE.replace("from mentor_gallery.cli import main", "import mkdocs")],
                            capture_output=True, text=True, cwd=PROJECT)
    assert result.returncode != 0 and "no site engine here" in result.stderr


def test_other_commands_run_without_the_site_engine(tmp_path):
    assert run("export", "--format", "json", str(EXAMPLE_CONTENT)).returncode == 0
    assert run("schema", str(EXAMPLE_CONTENT)).returncode == 0


def test_match_and_hours_run_without_the_site_engine(tmp_path):
    requests = tmp_path / "requests.csv"
    requests.write_text("name,needs\nJo,Finance\n", encoding="utf-8")
    # The shipped mkdocs.yml takes its site_url from SITE_URL, which the letters' addresses need.
    result = run("match", str(requests), "--introductions", str(tmp_path / "intros"), str(EXAMPLE_CONTENT),
                 env={"SITE_URL": "https://assoc.example.org/"})
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "intros").iterdir())) == 1
    log = tmp_path / "log.csv"
    log.write_text("mentor_email,mentee_name,kind,relationship_start,date,hours\n"
                   "ana@example.org,Bo,coaching,2026-01-05,2026-01-05,1\n", encoding="utf-8")
    result = run("hours", str(log), "--format", "html", "--out", str(tmp_path / "pages"), str(EXAMPLE_CONTENT))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in (tmp_path / "pages").iterdir()] == ["2026-ana-example-org.html"]
