"""Records: classes with a dataclass's fields, ``__init__``, equality, hash, repr and freezing,
made without writing and compiling code.

``dataclasses`` writes each class's methods as source and compiles them, about 4 M
instructions for a frozen class of five fields; the content, the settings, the paths and the
keys are 13 such classes, all made before the app's first frame. A record asks ``dataclasses``
for its fields only (so ``dataclasses.fields``, ``replace`` and ``asdict`` work on it as on any
dataclass) and takes its methods from the closures below. What a record does the same as a
dataclass: positional and keyword arguments in field order, defaults and ``default_factory``,
``init=False`` fields set to their default, ``__post_init__``, equality and ``repr`` over the
fields that ask for them, the hash of a frozen record, ``FrozenInstanceError`` on assignment.
One difference: ``__init__`` puts the fields in the record's ``__dict__`` at once, so a field
must not share its name with a property of the class.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, frozen: bool = True, eq: bool = True) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
def record(
    cls: type[T] | None = None, /, *, frozen: bool = True, eq: bool = True
) -> type[T] | Callable[[type[T]], type[T]]:
    """``@record`` is ``@dataclass(frozen=True)``; ``@record(frozen=False)`` and
    ``@record(eq=False)`` are those of ``@dataclass``."""

    def make(cls: type[T]) -> type[T]:
        made: Any = dataclass(init=False, repr=False, eq=False)(cls)  # the fields, no methods
        _add_methods(made, fields(made), frozen=frozen, eq=eq)
        return cls

    return make if cls is None else make(cls)


def _add_methods(cls: Any, found: tuple[Field[Any], ...], *, frozen: bool, eq: bool) -> None:
    name_of = cls.__qualname__
    names = tuple(f.name for f in found if f.init)
    known = frozenset(names)
    # the plain defaults (of init=False fields too), then the fields made by a factory
    plain = {f.name: f.default for f in found if f.default is not MISSING}
    made = tuple((f.name, f.default_factory) for f in found if f.default_factory is not MISSING)
    # the fields every record has in the end: init ones, and the others that have a default
    size = sum(1 for f in found if f.init or f.name in plain or f.default_factory is not MISSING)
    post_init = getattr(cls, "__post_init__", None)

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(names):
            raise TypeError(f"{name_of}() takes {len(names)} fields, {len(args)} were given")
        values = plain.copy()
        values.update(zip(names, args, strict=False))
        if kwargs:
            if not known.issuperset(kwargs) or any(key in kwargs for key in names[: len(args)]):
                raise TypeError(f"{name_of}() got an unexpected or repeated field")
            values.update(kwargs)
        for key, factory in made:
            if key not in values:  # never an init=False field: no argument can name it
                values[key] = factory()
        if len(values) != size:
            missing = [key for key in names if key not in values]
            raise TypeError(f"{name_of}() is missing the fields {missing}")
        self.__dict__.update(values)  # as a dataclass sets them, past a frozen __setattr__
        if post_init is not None:
            post_init(self)

    shown = tuple(f.name for f in found if f.repr)

    def __repr__(self: Any) -> str:
        inside = ", ".join(f"{key}={getattr(self, key)!r}" for key in shown)
        return f"{type(self).__qualname__}({inside})"

    cls.__init__ = __init__
    cls.__repr__ = __repr__
    if eq:
        compared = _values([f.name for f in found if f.compare])
        hashed = _values([f.name for f in found if (f.compare if f.hash is None else f.hash)])

        def __eq__(self: Any, other: object) -> bool:
            if other.__class__ is not self.__class__:
                return NotImplemented
            return compared(self) == compared(other)

        def __hash__(self: Any) -> int:
            return hash(hashed(self))

        cls.__eq__ = __eq__
        if "__hash__" not in cls.__dict__ or cls.__dict__["__hash__"] is None:
            cls.__hash__ = __hash__ if frozen else None  # as a dataclass: only a frozen one
    if frozen:
        frozen_names = frozenset(f.name for f in found)

        def __setattr__(self: Any, key: str, value: object) -> None:
            if type(self) is cls or key in frozen_names:
                raise FrozenInstanceError(f"cannot assign to field {key!r}")
            object.__setattr__(self, key, value)

        def __delattr__(self: Any, key: str) -> None:
            if type(self) is cls or key in frozen_names:
                raise FrozenInstanceError(f"cannot delete field {key!r}")
            object.__delattr__(self, key)

        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__


def _values(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving the tuple of an object's ``names``, as a dataclass compares them."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda _obj: ()
