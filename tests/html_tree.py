"""Assertions on parsed HTML: a page read into a tree of elements (the standard library's parser),
so a test asks for the link in the navigation or the text of the heading, instead of finding a
substring that may sit anywhere in the page (a script, an attribute, another link).

    page = parse(html)
    nav = page.find("nav", class_="md-nav--primary")
    assert "mentors/" in nav.hrefs()
    assert page.find("h1").text == "Ana Díaz"
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements that have no end tag.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    @property
    def text(self) -> str:
        """The text inside, whitespace collapsed as a reader sees it (scripts and styles left out)."""
        return re.sub(r"\s+", " ", "".join(self._texts())).strip()

    def _texts(self):
        for child in self.children:
            if isinstance(child, str):
                yield child
            elif child.tag not in ("script", "style", "template"):
                yield from child._texts()

    def iter(self):
        """Every element inside, in document order."""
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, *, class_: str | None = None, **attrs: str) -> list[Element]:
        """The elements inside with this tag (any when None), class and attribute values
        (an attribute name's dashes written as underscores: data_mentor="ana")."""
        wanted = {name.replace("_", "-"): value for name, value in attrs.items()}
        return [element for element in self.iter()
                if (tag is None or element.tag == tag) and (class_ is None or class_ in element.classes)
                and all(element.attrs.get(name) == value for name, value in wanted.items())]

    def find(self, tag: str | None = None, *, class_: str | None = None, **attrs: str) -> Element:
        """The one element that matches; fails the test when there is none or more than one."""
        found = self.find_all(tag, class_=class_, **attrs)
        assert len(found) == 1, f"expected one <{tag or '*'}> (class {class_}, {attrs}), found {len(found)}"
        return found[0]

    def hrefs(self) -> list[str]:
        """The href of every link inside, in order."""
        return [a.attrs["href"] for a in self.find_all("a") if "href" in a.attrs]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.open: list[Element] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open[-1].children.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        # An end tag closes the nearest open element of its name (and any left open inside it);
        # a stray one is ignored, as browsers do.
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


def parse(html: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root
