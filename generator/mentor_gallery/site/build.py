"""What every engine shows that is not a generated page: the home page's fragments.

The home page is the association's own (docs/index.md, template home.html), so neither engine
draws it from a PageSpec. Its live parts (how many mentors accept now, the programs, the open
rounds, the search box's example, the tools the audience publishes) are computed here once, from
the validated roster and the audience, and handed to the theme as `config.extra.mentor_gallery`:
the MkDocs adapter sets it on the configuration, the Zensical adapter writes it into the
configuration it builds with. home.html reads that one value under both engines.
"""

from __future__ import annotations

from typing import Any

from mentor_gallery import routes
from mentor_gallery.content.model import Roster
from mentor_gallery.settings import SiteSettings
from mentor_gallery.site.audience import Audience
from mentor_gallery.site.pages import home_part, search_example
from mentor_gallery.site.render import FragmentRenderer

EXTRA_KEY = "mentor_gallery"  # config.extra.mentor_gallery in home.html


def home_fragments(roster: Roster, settings: SiteSettings, renderer: FragmentRenderer) -> dict[str, Any]:
    """Plain values only (strings, lists, mappings): Zensical reads them from YAML."""
    audience = Audience.of(settings)
    return {
        # Drawn and escaped by our autoescaping renderer; the theme's templates do not escape.
        "summary": renderer.render(home_part(roster, settings)),
        "search_example": search_example(roster),
        "gallery": routes.GALLERY,
        "tools": [{"label": tool.label, "url": tool.url} for tool in audience.tools],
    }
