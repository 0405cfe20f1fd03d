"""PlainValue: equality, hash and repr for the few immutable values that are plain slotted classes.

A frozen dataclass compiles six methods with exec when its module is imported (~1-2 ms each at every
start; README "Start-up"), and a NamedTuple is a tuple (its +, * and ordering, and isinstance(...,
tuple)), which an Interval with arithmetic or a YAML oddity standing among plain values must not be.
Such a class sets its fields once in __init__ (annotated Final, so the type checker refuses a change)
and names in `_fields` those that make the value: compared, hashed and shown as the dataclass did.
Stdlib only, imports nothing of hulifa.
"""

from typing import ClassVar


class PlainValue:
    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]]

    def _key(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, PlainValue)
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({shown})"
