"""Views drawn from one mentor alone, kept while that very Mentor object lives.

The build core keeps each unchanged profile's Mentor object from one rebuild to the next (see
content/load_cache.py), so what is computed from a Mentor alone (its card, its search words) need
not be computed again after a save that changed another profile. A value is kept by the object's
identity, not its equality: an edited profile is a new object, and gets a new value. Only pure
functions of the mentor (and of the hashable arguments given) may be kept this way.
"""

from __future__ import annotations

import weakref
from typing import Callable, Generic, Hashable, TypeVar

from mentor_gallery.content.model import Mentor

Value = TypeVar("Value")


class PerMentor(Generic[Value]):
    def __init__(self, compute: Callable[..., Value]):
        self._compute = compute
        self._kept: dict[tuple[int, tuple[Hashable, ...]], tuple[weakref.ref, Value]] = {}

    def __call__(self, mentor: Mentor, *args: Hashable) -> Value:
        key = (id(mentor), args)
        kept = self._kept.get(key)
        if kept is not None and kept[0]() is mentor:
            return kept[1]
        value = self._compute(mentor, *args)
        self._kept[key] = (weakref.ref(mentor, self._forgetting(key)), value)
        return value

    def _forgetting(self, key: tuple[int, tuple[Hashable, ...]]) -> Callable[[weakref.ref], None]:
        def forget(ref: weakref.ref) -> None:
            # The mentor is gone; its id may already belong to a new one, whose value stays.
            kept = self._kept.get(key)
            if kept is not None and kept[0] is ref:
                del self._kept[key]
        return forget
