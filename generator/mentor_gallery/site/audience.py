"""Who the site is published for, decided in one place.

A public site shows every profile whole; a members-only site publishes only the roster card
(name, region, areas) and seals the rest with the member passphrase. Every difference between the
two (the cards, their order, the facets, the search words and placeholder, the tools, the pages,
the photos and the data files) is a question to this object: pages, the engine adapters and the
templates ask it and never read the access setting themselves, so the privacy promise can be read
here, whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from mentor_gallery import routes
from mentor_gallery.content.model import Mentor
from mentor_gallery.content.slugs import fold
from mentor_gallery.settings import SiteSettings
from mentor_gallery.site.per_mentor import PerMentor
from mentor_gallery.site.views import CardView, Link, public_card, roster_card


folded_name = PerMentor(lambda mentor: fold(mentor.name))  # once per Mentor object: see per_mentor


def sort_key(mentor: Mentor) -> tuple:
    """Public order: available mentors first, then by name, accents ignored (Ágnes among the A's).

    The gallery's "Name" sort compares the same folded names (gallery.js)."""
    return (not mentor.available, folded_name(mentor), mentor.slug)


def name_key(mentor: Mentor) -> tuple:
    """Sealed order: by name alone, accents ignored, so the public roster does not tell who is full."""
    return (folded_name(mentor), mentor.slug)


@dataclass(frozen=True)
class Audience:
    sealed: bool  # profiles sealed with the member passphrase; only the roster card is public

    @classmethod
    def of(cls, settings: SiteSettings) -> Audience:
        return cls(sealed=settings.members_only)

    def order(self, mentors: list[Mentor]) -> list[Mentor]:
        """The gallery's default order, which its cards, gallery-cards.json and the word index share."""
        return sorted(mentors, key=name_key if self.sealed else sort_key)

    def card(self, mentor: Mentor) -> CardView:
        """A sealed site publishes the roster card (name, region, areas); the rest is sealed."""
        return roster_card(mentor) if self.sealed else public_card(mentor)

    @property
    def shows_details(self) -> bool:
        """Availability, programs, meeting details, photos and profile text in public pages and
        data files. A members-only roster must not tell who is full or who is in which program."""
        return not self.sealed

    @property
    def tools(self) -> tuple[Link, ...]:
        """Find my mentor and Build your advisory team: they rank by details a members-only site
        does not publish, so it publishes neither."""
        if self.sealed:
            return ()
        return (Link("Find my mentor", routes.FIND), Link("Build your advisory team", routes.TEAM))

    @property
    def search_placeholder(self) -> str:
        """The gallery's search box says what its index holds (word_index is built from mentor_words)."""
        return "Name, region or area…" if self.sealed else "Name, city, topic, language…"

    @property
    def profiles_searchable(self) -> bool | None:
        """Whether profiles may be in the site search: never when sealed (the public page holds no
        profile text); None leaves it to the search_profiles setting."""
        return False if self.sealed else None

    @property
    def guide_in_nav(self) -> bool:
        """The committee's guide in the members' navigation (its pages are built either way)."""
        return not self.sealed

    @property
    def needs_passphrase(self) -> bool:
        return self.sealed
