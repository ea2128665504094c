"""Drawing page fragments with autoescaping Jinja templates from site-templates/mentor-gallery/:
the site's own folder first, then the packaged one (a site overrides a fragment by its path).

The site engine's own template environment does not autoescape, so our fragments, which
carry untrusted profile text, are rendered here and handed over as finished HTML.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any, Sequence

import jinja2
from markupsafe import Markup

from mentor_gallery import routes
from mentor_gallery.content.model import HONEYPOT_FIELD
from mentor_gallery.content.privacy import PrivateContacts
from mentor_gallery.content.text import long_date
from mentor_gallery.site.eligibility_view import eligibility
from mentor_gallery.site.pages import PageSpec
from mentor_gallery.site.privacy_gate import Leak, scan_sealed
from mentor_gallery.site.sealing import Sealer
from mentor_gallery.site.views import Availability, CardView, Link

_BETWEEN_TAGS = re.compile(r">\s+<")
# The model card of a long roster's script: every optional part present, every text empty, one
# chip in each list (the script clones it per chip). _card.html draws it in `slots` mode.
_MODEL_CARD = CardView(slug="", name="", url="", region="", areas=(Link(""),), data=(), initials="",
                       availability=Availability(True, ""), roles=(Link(""),))


class FragmentRenderer:
    def __init__(self, template_dirs: Path | Sequence[Path], site_name: str = "", sealer: Sealer | None = None):
        self.sealer = sealer
        dirs = [template_dirs] if isinstance(template_dirs, Path) else list(template_dirs)
        self.template_dirs = [str(d) for d in dirs]
        # The private contacts a members-only page is read for before it is sealed; what is found
        # waits in sealed_leaks for the build's last gate, which cannot read sealed text.
        self.contacts: PrivateContacts | None = None
        self.sealed_leaks: list[Leak] = []
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["longdate"] = lambda d: long_date(d) if isinstance(d, dt.date) else ""
        self.env.globals["site_name"] = site_name
        self.env.globals["card_html"] = self.card_html
        self.env.globals["card_template"] = self.card_template
        self.env.globals["eligibility"] = eligibility  # a program's rules, each once
        self.env.globals["routes"] = routes  # templates ask for links; they never build one
        self.env.globals["honeypot_field"] = HONEYPOT_FIELD  # one name, which check keeps free
        self._cards: dict[tuple, Markup] = {}
        self._old_cards: dict[tuple, Markup] = {}  # drawn by the last build, with the same templates
        self.signature: tuple | None = None  # the templates the cards were drawn with

    def templates_signature(self) -> tuple:
        """Every template file with its stat: a page drawn earlier is drawn again after any changes."""
        found = []
        for folder in self.template_dirs:
            for root, dirs, files in os.walk(folder):
                dirs.sort()
                for name in sorted(files):
                    path = os.path.join(root, name)
                    try:
                        info = os.stat(path)
                    except OSError:
                        continue
                    found.append((path, info.st_mtime_ns, info.st_size, info.st_ino))
        return tuple(found)

    def reset(self) -> None:
        """Forget what the last build found: a new build may have new content. Its cards stay
        for this build (a card is drawn from its view alone) unless a template has changed."""
        signature = self.templates_signature()
        self._old_cards = self._cards if signature == self.signature else {}
        self.signature = signature
        self._cards = {}
        self.sealed_leaks = []

    def card_html(self, card: CardView, root: str, heading: str = "h2", filters: bool = False) -> Markup:
        """A mentor card, drawn once per place it can appear from (the gallery, the area and
        region pages, the program pages) and reused: a roster of thousands shows each card 3-5
        times, and a rebuild after a save redraws only the cards that changed.
        `filters`: the gallery's cards carry the data its filters read; other pages' need none."""
        key = (card, root, heading, filters)
        drawn = self._cards.get(key)
        if drawn is None:
            drawn = self._old_cards.get(key)
            if drawn is None:
                drawn = self._card_macro("mentor_card", card, root, heading, filters=filters)
            self._cards[key] = drawn
        return drawn

    def card_template(self, root: str, heading: str) -> Markup:
        """The <template> a long roster's gallery page carries: the card gallery-cards.js clones
        and fills for each card it draws, so the browser's cards are _card.html's own."""
        return self._card_macro("card_template", _MODEL_CARD, root, heading)

    def _card_macro(self, name: str, card: CardView, root: str, heading: str, **options: bool) -> Markup:
        macro = getattr(self.env.get_template("_card.html").module, name)  # a macro, made at run time
        # No whitespace between tags: at 10,000 cards those text nodes are a third of the DOM.
        return Markup(_BETWEEN_TAGS.sub("><", str(macro(card, root, heading, **options)).strip()))

    def render(self, spec: PageSpec, body: str = "", **extra: Any) -> str:
        sealed_template = spec.context.get("sealed_template")
        if sealed_template:
            # Members-only: the full page is drawn, sealed, and carried inside the public one.
            if self.sealer is None:
                raise ValueError(f"{spec.src_uri} is members-only but no member passphrase was given")
            inner = self._draw(sealed_template, spec, body, extra)
            if self.contacts and (leak := scan_sealed(spec.url or "index.html", inner, self.contacts)):
                self.sealed_leaks.append(leak)
            extra = {**extra, "sealed": self.sealer.seal(inner), "seal": self.sealer.params}
        return self._draw(spec.template, spec, body, extra)

    def _draw(self, name: str, spec: PageSpec, body: str, extra: dict[str, Any]) -> str:
        template = self.env.get_template(name)
        return template.render(page=spec, root=spec.root, body=Markup(body), **spec.context, **extra)
