"""`@value_class`: a frozen, slotted dataclass whose `__eq__`, `__hash__` and `__repr__` are shared.

`dataclasses` (Python 3.12) writes those three methods of each class as source and compiles it:
with `__init__`, ~0.9 ms a class and most of the cost of the ~50 value classes a cold start
creates (the KB's settings have 30 to 160 fields). Functions made from the fields' names do the
same as the generated ones: the same tuple comparison, the same hash, the same text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, TypeVar

T = TypeVar("T")


def value_class(cls: type[T]) -> type[T]:
    """`@dataclass(frozen=True, slots=True)`, its `__eq__`, `__hash__` and `__repr__` shared."""
    made: Any = dataclass(frozen=True, slots=True, eq=False, repr=False)(cls)
    known = fields(made)
    compared = _tuple_of([f.name for f in known if f.compare])
    hashed = _tuple_of([f.name for f in known if (f.compare if f.hash is None else f.hash)])
    shown = [f.name for f in known if f.repr]

    def __eq__(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    @recursive_repr()
    def __repr__(self: Any) -> str:
        parts = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({parts})"

    for method in (__eq__, __hash__, __repr__):
        method.__qualname__ = f"{made.__qualname__}.{method.__name__}"
        setattr(made, method.__name__, method)
    return made


def _tuple_of(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The fields `names` of an object as a tuple (attrgetter gives one field bare)."""
    if not names:
        return lambda _: ()
    if len(names) == 1:
        only = attrgetter(names[0])
        return lambda obj: (only(obj),)
    return attrgetter(*names)
