"""Drawing page fragments with autoescaping Jinja templates from site-templates/mentor-gallery/.

The site engine's own template environment does not autoescape, so our fragments, which
carry untrusted profile text, are rendered here and handed over as finished HTML.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .pages import PageSpec


class FragmentRenderer:
    def __init__(self, template_dir: Path, site_name: str = ""):
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(template_dir)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["longdate"] = lambda d: d.strftime("%B %-d, %Y") if isinstance(d, dt.date) else ""
        self.env.globals["site_name"] = site_name

    def render(self, spec: PageSpec, body: str = "", **extra: Any) -> str:
        template = self.env.get_template(spec.template)
        return template.render(page=spec, root=spec.root, body=Markup(body), **spec.context, **extra)
