"""The windowed gallery: how many cards the gallery page holds, and the data its script draws the
rest from.

Up to WINDOW_ABOVE mentors the gallery page holds every card. Above that it holds the first
FIRST_CARDS of the default order, links to the plain list of every mentor (routes.all_mentors,
ALL_PAGE_SIZE cards a page), and gallery.js draws cards from gallery-cards.json, which this module
writes from the very CardViews the server draws its cards from, so a drawn card is the same card.

gallery-cards.json is columnar, with a table for any column of few distinct values, so that
10,000 cards stay within the gallery's first-load budget:
    {"count": N, "profile": [prefix, suffix],   (a card's url is prefix + slug + suffix)
     "columns": {field: column, ...}}
A column is a list of one value per card, or {"table": [values], "index": [per card: a position
in the table, or a list of them for a tuple of links or a data attribute of several words]},
with "same": NAME in place of the index where it is the same as column NAME's. Its
field is a CardView field; `data` holds one column per data- attribute, in the card's order, with
the attribute's words (split on " ") as the values, and null where a card has no such attribute;
`availability` is "1" or "0" (open or not)
followed by its text; `slug` is 0 where the slug is the slugified
name (gallery-cards.js computes it). A field that no card has (None or empty throughout) is left out.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from typing import Any

from mentor_gallery import routes
from mentor_gallery.content.slugs import slugify
from mentor_gallery.site.views import Availability, CardView, Link

WINDOW_ABOVE = 1000  # the contract: up to 1,000 mentors the gallery page holds every card
FIRST_CARDS = 100  # cards a windowed gallery page holds, and draws at a time ("Show more")
ALL_PAGE_SIZE = 500  # cards per page of mentors/all/: half a thousand cards is already a long page on a phone

# Fields with their own encoding below; every other CardView field is a plain column.
_SPECIAL = {"slug", "url", "data"}
# Properties _card.html reads besides the fields.
_PROPERTIES = ("tone",)


def is_windowed(count: int) -> bool:
    return count > WINDOW_ABOVE


def all_pages(count: int) -> int:
    """How many pages mentors/all/ has (none up to WINDOW_ABOVE: the gallery lists everyone)."""
    return -(-count // ALL_PAGE_SIZE) if is_windowed(count) else 0


def _plain_latin(text: str) -> bool:
    """Letters whose folding JavaScript reproduces exactly (Basic Latin to Latin Extended-B and
    Latin Extended Additional); only for these does the data file leave a slug to be computed."""
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in text)


def _tabled(values: list[Any], absent: bool = False) -> dict[str, list]:
    """A table of the distinct values and, per card, its value's position; a tuple of values (a
    card's chips, the words of a data- attribute) becomes a list of positions, or one position
    alone when it has one value (most do: a region, an accepting flag). absent: None stays None
    (a data- attribute the card does not have), not a value of the table."""
    table: dict[Any, int] = {}
    index: list[Any] = []
    for value in values:
        if value is None and absent:
            index.append(None)
        elif isinstance(value, tuple):
            positions = [table.setdefault(item, len(table)) for item in value]
            index.append(positions[0] if len(positions) == 1 else positions)
        else:
            index.append(table.setdefault(value, len(table)))
    return {"table": list(table), "index": index}


def _link(link: Link) -> list[str]:
    return [link.label, link.url, link.external] if link.external else [link.label, link.url]


def _column(hint: Any, values: list[Any]) -> Any:
    """One field's column, by the field's type; None when no card has the field (or any of it)."""
    if all(value is None or value == () for value in values):
        return None
    if hint == tuple[Link, ...]:  # chips
        tables = _tabled([tuple(tuple(_link(link)) for link in links) for links in values])
        return {"table": [list(link) for link in tables["table"]], "index": tables["index"]}
    if hint == Availability | None:
        return _tabled([None if v is None else f"{int(v.open)}{v.text}" for v in values])
    if all(isinstance(value, str) or value is None for value in values) and len(set(values)) * 4 <= len(values):
        return _tabled(values)  # few distinct texts (a region's label): a table
    return values


def _attribute_order(cards: list[CardView]) -> list[str]:
    """Every data- attribute name in an order that keeps each card's own (a card may leave one
    out, such as data-role): drawn in this order, skipping those a card lacks, it is the card's."""
    order: list[str] = []
    for card in cards:
        previous = -1
        for key, _ in card.data:
            if key not in order:
                order.insert(previous + 1, key)
            position = order.index(key)
            if position < previous:
                raise ValueError(f"card {card.slug}: its data- attributes come in another order than other cards' ({order})")
            previous = position
    return order


def _share_indexes(columns: dict[str, Any]) -> None:
    """A tabled column whose index repeats an earlier one's (the area chips and data-expertise,
    the region and data-region) names that column instead ("same": "areas" or "data.region"):
    gzip cannot see a repeat that far back, and it is a tenth of the file."""
    seen: dict[str, list] = {}
    tabled = [(name, column) for name, column in columns.items() if name != "data" and isinstance(column, dict)]
    tabled += [(f"data.{key}", column) for key, column in columns["data"].items()]
    for name, column in tabled:
        earlier = next((other for other, index in seen.items() if index == column["index"]), None)
        seen[name] = column["index"]
        if earlier:
            del column["index"]
            column["same"] = earlier


def cards_json(cards: list[CardView]) -> bytes:
    """gallery-cards.json for these cards, in the gallery's default order."""
    prefix, _, suffix = routes.profile("\0").partition("\0")
    for card in cards:
        if card.url != routes.profile(card.slug):
            raise ValueError(f"card {card.slug}: its url {card.url!r} is not its profile's")
    columns: dict[str, Any] = {
        "slug": [0 if card.slug == slugify(card.name) and _plain_latin(card.name) else card.slug for card in cards],
    }
    hints = typing.get_type_hints(CardView)
    for field in dataclasses.fields(CardView):
        if field.name not in _SPECIAL:
            column = _column(hints[field.name], [getattr(card, field.name) for card in cards])
            if column is not None:
                columns[field.name] = column
    for name in _PROPERTIES:  # computed from the fields, but drawn as the template draws them
        columns[name] = [getattr(card, name) for card in cards]
    keys = _attribute_order(cards)
    data: dict[str, Any] = {}
    attributes = [dict(card.data) for card in cards]
    for key in keys:
        words = [tuple(values[key].split(" ")) if key in values else None for values in attributes]
        data[key] = _tabled(words, absent=True)
    columns["data"] = data
    _share_indexes(columns)
    document = {"count": len(cards), "profile": [prefix, suffix], "columns": columns}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
