"""`@value_class` (bot/values.py) behaves as `@dataclass(frozen=True, slots=True)` does."""

from __future__ import annotations

import copy
import inspect
import pickle
from dataclasses import FrozenInstanceError, dataclass, field, fields, replace

import pytest

from bot.values import value_class


# the same class twice over, once per decorator (at module level: pickled by name)
@value_class
class Value:
    x: int
    y: str = "y"
    tags: tuple[str, ...] = field(default_factory=tuple)
    hidden: int = field(default=0, repr=False, compare=False)
    later: tuple[int, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "later", (self.x,))


@dataclass(frozen=True, slots=True)
class Data:
    x: int
    y: str = "y"
    tags: tuple[str, ...] = field(default_factory=tuple)
    hidden: int = field(default=0, repr=False, compare=False)
    later: tuple[int, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "later", (self.x,))


def both(*args, **kwargs):
    return Value(*args, **kwargs), Data(*args, **kwargs)


def test_the_class_reads_as_the_dataclass_does():
    assert [f.name for f in fields(Value)] == [f.name for f in fields(Data)]
    assert Value.__match_args__ == Data.__match_args__
    assert Value.__slots__ == Data.__slots__
    assert Value.__doc__ == "Value" + Data.__doc__.removeprefix("Data")  # as dataclass writes it
    Value(1)  # __init__ is compiled at the first call (before it, the signature is *args)
    assert str(inspect.signature(Value)) == str(inspect.signature(Data))


@pytest.mark.parametrize(
    "args, kwargs",
    [((1,), {}), ((1, "b", ("t",)), {}), ((), {"x": 2, "hidden": 5}), ((1,), {"tags": ("a",)})],
)
def test_instances_compare_hash_show_and_pickle_as_the_dataclasses_do(args, kwargs):
    value, data = both(*args, **kwargs)
    other_value, other_data = both(9)
    assert repr(value) == "Value" + repr(data).removeprefix("Data")
    assert hash(value) == hash(data)
    assert (value == Value(*args, **kwargs)) is (data == Data(*args, **kwargs)) is True
    assert (value == other_value) is (data == other_data)
    assert value.__eq__(data) is NotImplemented
    assert value.later == data.later == (value.x,)
    assert Value.__getstate__(value) == Data.__getstate__(data)
    assert pickle.loads(pickle.dumps(value)) == value
    assert copy.deepcopy(value) == value
    assert replace(value, y="z").y == replace(data, y="z").y == "z"


def test_wrong_calls_and_assignments_are_refused_as_by_the_dataclass():
    value, data = both(1)
    for thing in (value, data):
        with pytest.raises(FrozenInstanceError, match="cannot assign to field 'x'"):
            thing.x = 2
        with pytest.raises(FrozenInstanceError, match="cannot delete field 'y'"):
            del thing.y
        with pytest.raises(TypeError):  # not a field: refused by super(), as dataclass does
            thing.other = 1
    for cls in (Value, Data):
        with pytest.raises(TypeError, match="missing 1 required positional argument: 'x'"):
            cls()
        with pytest.raises(TypeError, match="unexpected keyword argument 'later'"):
            cls(1, later=())


def test_a_class_with_its_own_methods_is_refused():
    with pytest.raises(TypeError, match="defines __eq__"):

        @value_class
        class Odd:
            x: int

            def __eq__(self, other: object) -> bool:
                return True
