"""Records behave as the dataclasses they replace: fields, init, equality, hash, repr, freezing."""

from __future__ import annotations

import copy
import pickle
from dataclasses import FrozenInstanceError, asdict, dataclass, field, fields, replace

import pytest

from itb_tui.core.records import record


@record
class Point:
    """A frozen record."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class PointDataclass:
    """The same as a dataclass, to compare with."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = ()


@record(frozen=False)
class Box:
    """A record that can change, with a factory, a field out of init and one out of repr."""

    name: str
    items: dict[str, int] = field(default_factory=dict)
    seen: int = field(default=0, init=False, repr=False)
    log: list[str] = field(default_factory=list, init=False, repr=False)
    weight: float = field(default=0.0, compare=False)


@record(eq=False)
class Token:
    """Compared by identity, as ``@dataclass(frozen=True, eq=False)``."""

    value: str = ""


@record
class Checked:
    """A record with a ``__post_init__``."""

    low: int
    high: int

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError("low above high")


def test_a_frozen_record_takes_its_fields_as_a_dataclass_does() -> None:
    for kind in (Point, PointDataclass):
        assert kind(1) == kind(1, 0, ())
        assert kind(1, y=2) == kind(x=1, y=2)
        assert kind(1) != kind(2)
        assert hash(kind(1, 2, ("a",))) == hash(kind(1, 2, ("a",)))
    assert repr(Point(1, 2, ("a",))) == "Point(x=1, y=2, tags=('a',))"
    assert Point(1) != PointDataclass(1)  # another class is never equal
    assert [f.name for f in fields(Point)] == ["x", "y", "tags"]
    assert Point.__match_args__ == ("x", "y", "tags")


def test_a_frozen_record_cannot_change() -> None:
    point = Point(1)
    with pytest.raises(FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del point.x  # type: ignore[misc]
    assert point.x == 1


def test_dataclass_helpers_work_on_records() -> None:
    point = Point(1, 2)
    assert replace(point, y=5) == Point(1, 5)
    assert asdict(point) == {"x": 1, "y": 2, "tags": ()}
    assert copy.deepcopy(point) == point
    assert pickle.loads(pickle.dumps(point)) == point


def test_wrong_arguments_are_a_type_error() -> None:
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, 2, (), 4)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, x=1)  # type: ignore[misc]
    with pytest.raises(TypeError):
        Point(1, z=1)  # type: ignore[call-arg]


def test_a_record_that_can_change() -> None:
    one, two = Box("a"), Box("a")
    assert one.items == {} and one.items is not two.items  # a new dict each
    assert vars(one)["seen"] == 0  # set on the record, though not an argument
    assert vars(one)["log"] == [] and one.log is not two.log
    with pytest.raises(TypeError):
        Box("a", seen=1)  # type: ignore[call-arg]
    one.items["k"] = 1
    one.seen = 3
    assert one != two
    two.items["k"] = 1
    two.weight = 9.0  # not compared
    assert one != two  # seen is compared
    two.seen = 3
    assert one == two
    assert repr(one) == "Box(name='a', items={'k': 1}, weight=0.0)"
    assert Box.__hash__ is None  # as a dataclass that can change: not hashable


def test_a_record_without_eq_compares_by_identity() -> None:
    token = Token("a")
    assert token == token
    assert token != Token("a")
    assert hash(token) == object.__hash__(token)


def test_post_init_runs() -> None:
    assert Checked(1, 2).high == 2
    with pytest.raises(ValueError):
        Checked(3, 2)
