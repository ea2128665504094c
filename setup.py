"""The one build step pyproject.toml cannot declare: the wheel carries the site's templates,
scripts and styles (site-templates/) and the committee's guide (docs/guide/), copied into the
package from their sources in this repository, so that an installed package builds a site alone.

An editable install copies nothing: the package then reads the sources where they are
(mentor_gallery/packaged.py).
"""

import json
import shutil
from pathlib import Path

import yaml

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# source folder in this repository -> folder inside the installed package
COPIES = {"site-templates": "mentor_gallery/theme", "docs/guide": "mentor_gallery/guide"}
IGNORED = shutil.ignore_patterns(".*", "__pycache__", "*.pyc")


class BuildWithSiteFiles(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for source, target in COPIES.items():
            if not (ROOT / source).is_dir():
                raise SystemExit(f"{source}/ is missing: the package cannot be built without it")
            shutil.copytree(ROOT / source, Path(self.build_lib) / target, ignore=IGNORED, dirs_exist_ok=True)
        # The guide's place in the navigation, from this repository's mkdocs.yml (its one source).
        nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TagTolerant)["nav"]
        guide = next(entry["For the committee"] for entry in nav if isinstance(entry, dict) and "For the committee" in entry)
        (Path(self.build_lib) / "mentor_gallery" / "guide" / "nav.json").write_text(json.dumps(guide), encoding="utf-8")


class _TagTolerant(yaml.SafeLoader):
    """mkdocs.yml's !ENV tags read as plain values: only the nav is wanted."""


_TagTolerant.add_multi_constructor("!", lambda loader, suffix, node: None)


setup(cmdclass={"build_py": BuildWithSiteFiles})
