"""The windowed gallery: up to 1,000 mentors the gallery page holds every card; above, the first
100, the pages of mentors/all/ list everyone, and gallery-cards.json carries every card's view."""

from __future__ import annotations

import dataclasses
import json
import re
import sys

import pytest

from mentor_gallery import routes
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.model import Roster
from mentor_gallery.content.slugs import slugify
from mentor_gallery.settings import SiteSettings
from mentor_gallery.site.gallery_data import ALL_PAGE_SIZE, FIRST_CARDS, WINDOW_ABOVE, cards_json
from mentor_gallery.site.pages import data_files, gallery_order, site_pages
from mentor_gallery.site.render import FragmentRenderer
from mentor_gallery.site.views import CardView, public_card, roster_card
from html_tree import parse
from support import EXAMPLE_CONTENT, PROJECT

sys.path.insert(0, str(PROJECT))

from benchmarks.synthetic import write_roster  # noqa: E402

TEMPLATES = PROJECT / "site-templates" / "mentor-gallery"


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Roster:
    """WINDOW_ABOVE + 1 mentors, some with photos, some unavailable, names with accents."""
    root = tmp_path_factory.mktemp("window") / "content"
    write_roster(root, WINDOW_ABOVE + 1, seed=11, photo_share=0.05)
    result = load_roster(root)
    assert result.roster is not None, result.problems[:3]
    return result.roster


def smaller(roster: Roster, count: int) -> Roster:
    return dataclasses.replace(roster, mentors=roster.mentors[:count])


def pages_by_url(roster: Roster, members_only: bool = False) -> dict:
    settings = SiteSettings(access="members-only" if members_only else "public")
    return {spec.url: spec for spec in site_pages(roster, settings)}


def card_slugs(html: str) -> list[str]:
    return re.findall(r'<li class="mg-card[^"]*" data-mentor="([^"]+)"', html)


# ---- Which page holds which cards ------------------------------------------------------------

def test_up_to_a_thousand_mentors_the_gallery_holds_every_card(big):
    roster = smaller(big, WINDOW_ABOVE)
    specs = pages_by_url(roster)
    gallery = specs[routes.GALLERY]
    html = FragmentRenderer(TEMPLATES).render(gallery)
    assert card_slugs(html) == [m.slug for m in gallery_order(roster)]
    tree = parse(html)
    assert "data-cards-url" not in tree.find("div", class_="mg-gallery").attrs
    assert not [element for element in tree.iter() if "data-more" in element.attrs]
    assert not [url for url in specs if url.startswith(routes.ALL_MENTORS)]
    assert routes.GALLERY_CARDS not in data_files(roster, SiteSettings())


def test_above_a_thousand_the_gallery_holds_the_first_hundred_and_links_to_all(big):
    specs = pages_by_url(big)
    html = FragmentRenderer(TEMPLATES).render(specs[routes.GALLERY])
    order = [m.slug for m in gallery_order(big)]
    assert card_slugs(html) == order[:FIRST_CARDS]
    tree = parse(html)
    assert tree.find("div", class_="mg-gallery").attrs.get("data-cards-url") == "../mentors/gallery-cards.json"
    assert tree.find(data_more="").find("a", data_more_all="").attrs["href"] == "../mentors/all/"  # without JavaScript, everyone is a link away
    assert f"{len(order)} mentors" in tree.text  # the count is the whole roster's


def test_the_pages_of_all_mentors_list_everyone_once_in_the_gallery_order(big):
    specs = pages_by_url(big)
    renderer = FragmentRenderer(TEMPLATES)
    count = -(-len(big.mentors) // ALL_PAGE_SIZE)
    assert count >= 3  # a first, a middle and a last page
    pages = [specs[routes.all_mentors(n)] for n in range(1, count + 1)]
    assert routes.all_mentors(count + 1) not in specs
    assert [p.url for p in pages][:2] == ["mentors/all/", "mentors/all/2/"]
    listed = []
    for number, spec in enumerate(pages, 1):
        html = renderer.render(spec)
        slugs = card_slugs(html)
        assert len(slugs) <= ALL_PAGE_SIZE
        listed += slugs
        assert not spec.in_nav and not spec.searchable
        links = {a.attrs.get("rel"): a.attrs["href"] for a in parse(html).find_all("a") if a.attrs.get("rel") in ("next", "prev")}
        up = "../../" if number == 1 else "../../../"
        expected = {}
        if number > 1:
            expected["prev"] = up + ("mentors/all/" if number == 2 else f"mentors/all/{number - 1}/")
        if number < count:
            expected["next"] = up + f"mentors/all/{number + 1}/"
        assert links == expected, (number, links)
    assert listed == [m.slug for m in gallery_order(big)]


def test_all_is_a_reserved_slug():
    assert "all" in routes.RESERVED_SLUGS["mentors"]
    assert routes.all_mentors(1) == "mentors/all/" and routes.all_mentors(12) == "mentors/all/12/"
    with pytest.raises(ValueError):
        routes.all_mentors(0)


# ---- gallery-cards.json carries every card's view ---------------------------------------------

def decode(data: bytes) -> list[dict]:
    """A reader of gallery-cards.json, as gallery-cards.js reads it: per card, every field."""
    document = json.loads(data)
    columns = document["columns"]
    indexes: dict[str, list] = {}

    def read(name: str, column):
        if isinstance(column, list):
            return lambda i: column[i]
        index = indexes[column["same"]] if "same" in column else column["index"]
        indexes[name] = index
        def value(i):
            if index[i] is None:
                return None  # a data- attribute the card does not have
            return [column["table"][p] for p in index[i]] if isinstance(index[i], list) else column["table"][index[i]]
        return value

    readers = {name: read(name, column) for name, column in columns.items() if name != "data"}
    data = {key: read(f"data.{key}", column) for key, column in columns["data"].items()}
    prefix, suffix = document["profile"]
    cards = []
    for i in range(document["count"]):
        card = {name: reader(i) for name, reader in readers.items()}
        if card["slug"] == 0:
            card["slug"] = slugify(card["name"])
        card["url"] = prefix + card["slug"] + suffix
        card["data"] = [(key, " ".join(v if isinstance(v, list) else [v])) for key, read_value in data.items()
                        for v in [read_value(i)] if v is not None]
        cards.append(card)
    return cards


def expected(card: CardView) -> dict:
    fields = {f.name: getattr(card, f.name) for f in dataclasses.fields(CardView)}
    for name, value in fields.items():
        if isinstance(value, tuple) and name != "data":  # chips: a tuple of links
            fields[name] = [[link.label, link.url] for link in value] or None
    fields["data"] = list(card.data)
    status = card.availability
    fields["availability"] = None if status is None else f"{int(status.open)}{status.text}"
    fields["tone"] = card.tone
    return {k: v for k, v in fields.items() if v is not None}


@pytest.mark.parametrize("audience", ["public", "members-only"])
def test_every_card_of_the_data_file_is_the_server_card(big, audience):
    draw = public_card if audience == "public" else roster_card
    views = [draw(m) for m in gallery_order(big, audience == "members-only")]
    decoded = decode(cards_json(views))
    assert len(decoded) == len(views)
    for view, card in zip(views, decoded):
        want = expected(view)
        got = {k: v for k, v in card.items() if v is not None}
        for chips in ("areas", "roles"):
            if got.get(chips) and not isinstance(got[chips][0], list):
                got[chips] = [got[chips]]  # a single chip
            if got.get(chips) == []:
                del got[chips]
        assert got == want, view.slug


def test_the_data_file_carries_the_cards_of_the_example_too():
    roster = load_roster(EXAMPLE_CONTENT).roster
    views = [public_card(m) for m in gallery_order(roster)]
    decoded = decode(cards_json(views))
    assert [c["slug"] for c in decoded] == [v.slug for v in views]
    assert [c["name"] for c in decoded] == [v.name for v in views]
    assert any(v.photo_url for v in views) and [c.get("photo_url") for c in decoded] == [v.photo_url for v in views]


def test_a_slug_the_script_cannot_compute_is_written_out(big):
    views = [public_card(m) for m in gallery_order(big)]
    slugs = json.loads(cards_json(views))["columns"]["slug"]
    written = [s for s in slugs if s != 0]
    assert len(written) < len(slugs) / 5  # most are the name's slug (a second "Ana Díaz", ana-diaz-2, is not)
    odd = dataclasses.replace(views[0], slug="someone-else", url=routes.profile("someone-else"))
    assert json.loads(cards_json([odd]))["columns"]["slug"] == ["someone-else"]
    non_latin = dataclasses.replace(views[0], name="Ли Вэй", slug="li-vei", url=routes.profile("li-vei"))
    assert json.loads(cards_json([non_latin]))["columns"]["slug"] == ["li-vei"]


def test_the_data_file_holds_no_contact(big):
    data = cards_json([public_card(m) for m in gallery_order(big)]).decode("utf-8")
    for mentor in big.mentors:
        if mentor.contact and mentor.contact.email:
            assert mentor.contact.email not in data


def test_only_a_windowed_gallery_publishes_the_data_file(big):
    files = data_files(big, SiteSettings())
    assert decode(files[routes.GALLERY_CARDS])[0]["slug"] == gallery_order(big)[0].slug
    members = data_files(big, SiteSettings(access="members-only"))
    decoded = decode(members[routes.GALLERY_CARDS])
    assert "availability" not in decoded[0] and "summary" not in decoded[0]  # the roster card's fields only
    assert [c["slug"] for c in decoded] == [m.slug for m in gallery_order(big, True)]
