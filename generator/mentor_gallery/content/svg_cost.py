"""What drawing an SVG photo will cost, measured before anyone draws it.

A drawing of a few hundred bytes can ask the renderer for hours of work: `<use>` elements that
repeat a group that repeats a group (fan-out), and filters whose regions cover far more than the
picture, or whose primitives cost per pixel as much as their radius squared (feMorphology). So
`check` walks the drawing as the renderer would, without drawing it, and counts:

- the elements drawn, with every `<use>`, pattern, mask, clip path, marker and filter image
  expanded where it is referenced (a cycle is refused: it would never end);
- the pixel operations of every filter application: the filter region in pixels of the published
  photo, times the per-pixel cost of each primitive.

The counts are estimates that err on the side of caution: a filter region is capped where the
renderer caps it (five times the picture each way), a path's own extent is taken as the
picture's. Measuring is linear in the expanded drawing, which the element budget bounds.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field

# Elements drawn for the published photo, after every reference is expanded:
MAX_DRAWN_ELEMENTS = 4_000  # about a second when each fills the picture
# Pixel operations of all filter applications together: about a second of drawing on a busy machine.
MAX_FILTER_WORK = 40_000_000
# The renderer draws a filtered layer at most 5 x 5 times the picture's size.
_REGION_CAP = 25.0

_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_URL_REF = re.compile(r"url\(\s*['\"]?#([^)'\"\s]+)['\"]?\s*\)")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_TRANSFORM = re.compile(r"(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)")
# Not drawn where they stand; drawn (again) wherever something refers to them.
_REFERENCED_ONLY = {"defs", "symbol", "pattern", "marker", "mask", "clipPath", "filter", "linearGradient",
                    "radialGradient", "style", "title", "desc", "metadata"}
_PAINT_PROPERTIES = ("fill", "stroke", "mask", "clip-path", "marker-start", "marker-mid", "marker-end", "filter")
_MARKERS = ("marker-start", "marker-mid", "marker-end")
# Per-pixel costs, in units of one feMorphology comparison (about 25 ns), measured with resvg.
_BLUR_COST = 40
_SIMPLE_COST = 4  # offset, flood, merge, blend, composite, colour matrix, tile, ...
_LIGHTING_COST = 40
_TURBULENCE_COST = 50  # per octave
_CONVOLVE_COST = 2  # per kernel element


class DrawingTooCostly(ValueError):
    """What makes the drawing too costly, in words for a `check` message."""


@dataclass
class DrawingCost:
    elements: int = 0
    filter_work: float = 0.0
    _stack: list[str] = field(default_factory=list)  # ids being expanded, to refuse a cycle


def measure(root: ElementTree.Element, canvas_pixels: tuple[int, int], viewport: tuple[float, float]) -> DrawingCost:
    """Walk the drawing as the renderer would; raises DrawingTooCostly with the reason when over
    a budget. canvas_pixels: the published photo's size; viewport: the same in user units."""
    walker = _Walker(root, canvas_pixels, viewport)
    walker.root = root
    walker.walk(root, 1.0, 1)
    return walker.cost


class _Walker:
    def __init__(self, root: ElementTree.Element, canvas_pixels: tuple[int, int], viewport: tuple[float, float]):
        self.ids = {element.get("id"): element for element in root.iter() if element.get("id")}
        self.root = root
        self.cost = DrawingCost()
        self.canvas = float(canvas_pixels[0] * canvas_pixels[1])
        self.viewport_area = max(viewport[0] * viewport[1], 1e-9)
        # Pixels per user unit, along one axis, before any transform.
        self.scale = max(canvas_pixels) / max(max(viewport), 1e-9)
        # A style sheet can set a filter on any number of elements at once: refuse that form.
        for element in root.iter():
            if _local(element.tag) == "style" and "filter" in (element.text or "").lower():
                raise DrawingTooCostly("sets a filter in a <style> sheet; set it on the element itself "
                                       "(filter=\"url(#id)\") or export the photo as PNG/JPEG")

    def walk(self, element: ElementTree.Element, area_scale: float, times: int) -> None:
        """Count the element drawn `times` times, its transform's area factor so far being area_scale."""
        tag = _local(element.tag)
        self._count(times)
        area_scale *= _transform_area(element.get("transform"))
        if tag == "svg" and element is not self.root:
            area_scale *= _viewbox_area(element, element)
        properties = _properties(element)
        for name in _PAINT_PROPERTIES:
            target = self._reference(properties.get(name))
            if target is None:
                continue
            repeat = times * (_vertices(element) if name == "marker-mid" else 1)
            if name == "filter" and _local(target.tag) == "filter":
                self._filter(target, element, area_scale, repeat)
            else:
                self._expand(target, area_scale, repeat, children_only=True)
        if tag == "use":
            target = self._reference(element.get("href") or element.get(_XLINK_HREF), plain=True)
            if target is not None:
                symbol = _local(target.tag) == "symbol"
                scale = area_scale * _viewbox_area(target, element, self.viewport_area) if symbol else area_scale
                self._expand(target, scale, times, children_only=symbol)
            return
        if tag in _REFERENCED_ONLY:
            return
        for child in element:
            self.walk(child, area_scale, times)

    def _expand(self, target: ElementTree.Element, area_scale: float, times: int, *, children_only: bool) -> None:
        key = target.get("id") or ""
        if key in self.cost._stack:
            raise DrawingTooCostly(f"refers to '#{key}' from inside itself; remove the loop or export the photo as PNG/JPEG")
        self.cost._stack.append(key)
        if children_only:
            for child in target:
                self.walk(child, area_scale, times)
        else:
            self.walk(target, area_scale, times)
        self.cost._stack.pop()

    def _filter(self, filter_: ElementTree.Element, element: ElementTree.Element, area_scale: float, times: int) -> None:
        self._count(times)
        region = min(self._region_canvases(filter_, element, area_scale), _REGION_CAP)
        pixels = region * self.canvas
        linear = self.scale * math.sqrt(area_scale)  # pixels per user unit, along one axis
        per_pixel = 0.0
        for primitive in filter_:
            self._count(times)
            per_pixel += self._primitive_cost(primitive, filter_, linear, area_scale, times)
        self.cost.filter_work += times * pixels * per_pixel
        if self.cost.filter_work > MAX_FILTER_WORK:
            raise DrawingTooCostly(
                f"uses filters that would take about {self.cost.filter_work / 1e6:,.0f} million pixel operations to draw "
                f"(at most {MAX_FILTER_WORK / 1e6:,.0f} million): a filter region (x, y, width, height) covers more than the picture, "
                f"a filtered element is repeated by <use>, or a primitive is costly (a large feMorphology radius, many "
                f"feTurbulence octaves); keep filters small and few, or export the photo as PNG/JPEG")

    def _primitive_cost(self, primitive: ElementTree.Element, filter_: ElementTree.Element, linear: float,
                        area_scale: float, times: int) -> float:
        tag = _local(primitive.tag)
        if tag in ("feGaussianBlur", "feDropShadow"):
            return _BLUR_COST
        if tag == "feMorphology":
            radii = _numbers(primitive.get("radius")) or [0.0]
            rx, ry = abs(radii[0]), abs(radii[-1])
            if filter_.get("primitiveUnits") == "objectBoundingBox":
                side = math.sqrt(self.viewport_area)  # a fraction of the element's size: the picture's, at most
                rx, ry = rx * side, ry * side
            return (2 * rx * linear + 1) * (2 * ry * linear + 1)
        if tag == "feConvolveMatrix":
            order = _numbers(primitive.get("order")) or [3.0]
            return _CONVOLVE_COST * max(order[0], 1) * max(order[-1], 1)
        if tag == "feTurbulence":
            octaves = (_numbers(primitive.get("numOctaves")) or [1.0])[0]
            return _TURBULENCE_COST * max(octaves, 1)
        if tag in ("feDiffuseLighting", "feSpecularLighting"):
            return _LIGHTING_COST
        if tag == "feImage":
            target = self._reference(primitive.get("href") or primitive.get(_XLINK_HREF), plain=True)
            if target is not None:
                self._expand(target, area_scale, times, children_only=False)
        return _SIMPLE_COST

    def _region_canvases(self, filter_: ElementTree.Element, element: ElementTree.Element, area_scale: float) -> float:
        """The filter region's area, in pictures."""
        if filter_.get("filterUnits") == "userSpaceOnUse":
            width = _length(filter_.get("width"), math.sqrt(self.viewport_area), 1.2)
            height = _length(filter_.get("height"), math.sqrt(self.viewport_area), 1.2)
            return abs(width * height) * area_scale / self.viewport_area
        # objectBoundingBox (the default): fractions of the element's box, which is taken as
        # its own width x height where it states them, else as the picture.
        width = _length(filter_.get("width"), 1.0, 1.2, fraction=True)
        height = _length(filter_.get("height"), 1.0, 1.2, fraction=True)
        box = _numbers(element.get("width"))[:1] + _numbers(element.get("height"))[:1]
        box_area = box[0] * box[1] / self.viewport_area if len(box) == 2 else 1.0
        return abs(width * height) * max(abs(box_area), 1.0) * area_scale

    def _reference(self, value: str | None, *, plain: bool = False) -> ElementTree.Element | None:
        if not value:
            return None
        if plain:
            value = value.strip()
            return self.ids.get(value[1:]) if value.startswith("#") else None
        match = _URL_REF.search(value)
        return self.ids.get(match.group(1)) if match else None

    def _count(self, times: int) -> None:
        self.cost.elements += times
        if self.cost.elements > MAX_DRAWN_ELEMENTS:
            raise DrawingTooCostly(
                f"draws more than {MAX_DRAWN_ELEMENTS:,} elements once every <use> and reference is expanded "
                f"(a <use> that repeats a group that repeats a group multiplies them); simplify it or export the photo as PNG/JPEG")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _properties(element: ElementTree.Element) -> dict[str, str]:
    """Presentation attributes, overridden by the style attribute, as the renderer reads them."""
    found = {name: element.get(name, "") for name in _PAINT_PROPERTIES if element.get(name)}
    for declaration in (element.get("style") or "").split(";"):
        name, _, value = declaration.partition(":")
        name = name.strip().lower()
        if name in _PAINT_PROPERTIES or name == "marker":
            for key in (_MARKERS if name == "marker" else (name,)):
                found[key] = value
    if element.get("marker"):
        for key in _MARKERS:
            found.setdefault(key, element.get("marker", ""))
    return found


def _vertices(element: ElementTree.Element) -> int:
    """An upper bound on a shape's vertices, where markers are drawn: one per number pair."""
    return max(1, len(_numbers(element.get("d") or element.get("points"))) // 2 + 1)


def _numbers(value: str | None) -> list[float]:
    if not value:
        return []
    found = []
    for text in _NUMBER.findall(value):
        try:
            number = float(text)
        except ValueError:
            continue
        if math.isfinite(number):
            found.append(number)
    return found


def _length(value: str | None, whole: float, default: float, *, fraction: bool = False) -> float:
    """A filter region's width or height: a number, or a percentage of `whole`."""
    if value is None:
        return default * whole
    numbers = _numbers(value)
    if not numbers:
        return default * whole
    number = numbers[0]
    if value.strip().endswith("%"):
        return number / 100 * whole
    return number if not fraction else number * whole


def _viewbox_area(element: ElementTree.Element, sized: ElementTree.Element, default_area: float = 0.0) -> float:
    """How much a nested viewport (an inner <svg>, or a <symbol> drawn by `sized`, a <use>)
    multiplies areas by: its width x height over its viewBox's."""
    box = _numbers(element.get("viewBox"))
    if len(box) != 4 or box[2] <= 0 or box[3] <= 0:
        return 1.0
    width, height = _numbers(sized.get("width"))[:1], _numbers(sized.get("height"))[:1]
    if width and height and not (sized.get("width", "").strip().endswith("%") or sized.get("height", "").strip().endswith("%")):
        area = abs(width[0] * height[0])
    else:
        area = default_area or box[2] * box[3]  # 100%: the viewport it is drawn in
    return max(area / (box[2] * box[3]), 1.0)


def _transform_area(value: str | None) -> float:
    """How much a transform attribute multiplies areas by (its determinant)."""
    if not value:
        return 1.0
    area = 1.0
    for name, arguments in _TRANSFORM.findall(value):
        numbers = _numbers(arguments)
        if name == "scale" and numbers:
            area *= abs(numbers[0] * (numbers[1] if len(numbers) > 1 else numbers[0]))
        elif name == "matrix" and len(numbers) >= 4:
            area *= abs(numbers[0] * numbers[3] - numbers[1] * numbers[2])
        elif name in ("skewX", "skewY"):
            # A skew keeps area but stretches a region's bounding box: count the stretch.
            area *= 1 + abs(math.tan(math.radians(numbers[0]))) if numbers else 1.0
        elif name == "rotate":
            area *= 2.0  # a rotated region's bounding box is up to twice its area
    return area
