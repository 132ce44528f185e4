"""`@value_class`: a frozen, slotted dataclass whose methods cost nothing to create.

`dataclasses` (Python 3.12) writes each class's `__init__`, `__eq__`, `__hash__`, `__repr__`,
`__setattr__` and `__delattr__` as source and compiles them: ~1 ms a class, ~70 ms for the ~50
value classes a cold start creates (the KB's settings have 30 to 160 fields). Here the fields
are read by `dataclass` as ever; the methods are shared functions over the fields' names that do
what the generated ones do (the same tuple comparison, hash and text, the same refusal to
assign), and `__init__` is the one dataclasses writes, compiled when the class is first called
(the KB's classes are unpickled, never called, in a start that loads the cached core); until
then `inspect.signature` of the class reads `(*args, **kwargs)`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, TypeVar

T = TypeVar("T")


class _Factory:
    """A default_factory field's default (the factory is called), shown as dataclasses shows it."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def value_class(cls: type[T]) -> type[T]:
    """`@dataclass(frozen=True, slots=True)`: the same fields, methods and pickling."""
    documented = bool(cls.__doc__)
    made: Any = dataclass(init=False, repr=False, eq=False, slots=True)(cls)
    known = fields(made)
    if not documented:  # dataclass's own text: the name and what __init__ would take
        made.__doc__ = made.__name__ + str(_signature(made)).replace(" -> None", "")
    names = tuple(f.name for f in known)
    field_names = frozenset(names)
    compared = _tuple_of([f.name for f in known if f.compare])
    hashed = _tuple_of([f.name for f in known if (f.compare if f.hash is None else f.hash)])
    shown = [f.name for f in known if f.repr]

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        made.__init__ = _init_of(made)  # from now on, what dataclass would have written
        made.__init__(self, *args, **kwargs)

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

    # as dataclass writes them, of the class as declared (`made` is its slotted copy): another
    # attribute than a field is refused too, by super() (TypeError), as by dataclass's
    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    def __getstate__(self: Any) -> list[Any]:  # pickled as a frozen dataclass's slots are
        return [getattr(self, name) for name in names]

    def __setstate__(self: Any, state: list[Any]) -> None:
        for name, value in zip(names, state, strict=False):
            object.__setattr__(self, name, value)

    methods = (__init__, __eq__, __hash__, __repr__, __setattr__, __delattr__)
    for method in (*methods, __getstate__, __setstate__):
        if method.__name__ in cls.__dict__:
            raise TypeError(f"{cls.__name__} defines {method.__name__}: not a plain value class")
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


def _init_of(made: Any) -> Callable[..., None]:
    """The `__init__` `dataclass(frozen=True, slots=True)` writes for `made`: the same
    parameters, defaults and annotations; each field set past the frozen `__setattr__`."""
    scope: dict[str, Any] = {"_value_set": object.__setattr__, "_value_factory": _FACTORY}
    me = "__value_self__" if "self" in {f.name for f in fields(made)} else "self"
    params, lines = [], []
    for f in fields(made):
        scope[f"_value_type_{f.name}"] = f.type
        param = f"{f.name}: _value_type_{f.name}"
        if f.default_factory is not MISSING:
            scope[f"_value_default_{f.name}"] = f.default_factory
            value = f"_value_default_{f.name}()"
            if f.init:
                param += " = _value_factory"
                value += f" if {f.name} is _value_factory else {f.name}"
        elif f.default is not MISSING:
            scope[f"_value_default_{f.name}"] = f.default
            param += f" = _value_default_{f.name}"
            value = f.name if f.init else f"_value_default_{f.name}"
        elif f.init:
            value = f.name
        else:
            continue  # no default and not a parameter: left unset, as dataclass leaves it
        if f.init:
            params.append(param)
        lines.append(f"    _value_set({me}, {f.name!r}, {value})\n")
    if hasattr(made, "__post_init__"):
        lines.append(f"    {me}.__post_init__()\n")
    source = f"def __init__({', '.join([me, *params])}) -> None:\n{''.join(lines)}"
    exec(compile(source + "    pass\n", "<value_class>", "exec", dont_inherit=True), scope)
    init = scope["__init__"]
    init.__qualname__ = f"{made.__qualname__}.__init__"
    return init


def _signature(made: Any) -> inspect.Signature:
    """The signature `_init_of` gives `made`'s `__init__`, without compiling it."""
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    params = [
        inspect.Parameter(
            f.name,
            kind,
            default=_FACTORY if f.default_factory is not MISSING else f.default,
            annotation=f.type,
        )
        if f.default_factory is not MISSING or f.default is not MISSING
        else inspect.Parameter(f.name, kind, annotation=f.type)
        for f in fields(made)
        if f.init
    ]
    return inspect.Signature(params, return_annotation=None)
