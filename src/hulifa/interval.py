"""Closed intervals for figures that are bounds: "1700余" is [1700, ∞), "不足100" is [0, 100].

Arithmetic on intervals gives every value the true figures could produce, so a derived indicator
is exact (low == high), a bound, or unverifiable (unbounded both ways). Division by an interval
that contains zero has no bound: the result is the whole line. Stdlib only.
"""

from __future__ import annotations

import math
from typing import Final

from hulifa.plainvalue import PlainValue

INF = math.inf


class Interval(PlainValue):
    """[low, high]: a PlainValue, not a NamedTuple, whose + and * would stand beside the arithmetic."""

    __slots__ = ("high", "low")
    _fields = ("low", "high")

    def __init__(self, low: float, high: float) -> None:
        self.low: Final = low
        self.high: Final = high

    @staticmethod
    def exact(value: float) -> Interval:
        return Interval(value, value)

    @staticmethod
    def unbounded() -> Interval:
        return Interval(-INF, INF)

    @property
    def is_exact(self) -> bool:
        return self.low == self.high

    @property
    def is_unbounded(self) -> bool:
        return self.low == -INF and self.high == INF

    def contains_zero(self) -> bool:
        return self.low <= 0.0 <= self.high

    def clamp(self, low: float, high: float) -> Interval:
        return Interval(max(self.low, low), min(self.high, high))

    def widen(self, by: float) -> Interval:
        return Interval(self.low - by, self.high + by)

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def __add__(self, other: object) -> Interval:
        o = _as_interval(other)
        return Interval(_sum(self.low, o.low, -INF), _sum(self.high, o.high, INF))

    __radd__ = __add__

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low)

    def __pos__(self) -> Interval:
        return self

    def __sub__(self, other: object) -> Interval:
        return self + (-_as_interval(other))

    def __rsub__(self, other: object) -> Interval:
        return _as_interval(other) - self

    def __mul__(self, other: object) -> Interval:
        o = _as_interval(other)
        products = [_mul(a, b) for a in (self.low, self.high) for b in (o.low, o.high)]
        return Interval(min(products), max(products))

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> Interval:
        o = _as_interval(other)
        if o.contains_zero():
            return Interval.unbounded()  # no denominator, or one that may be zero: no bound at all
        return self * Interval(1.0 / o.high, 1.0 / o.low)

    def __rtruediv__(self, other: object) -> Interval:
        return _as_interval(other) / self


def _as_interval(value: object) -> Interval:
    if isinstance(value, Interval):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Interval.exact(float(value))
    raise TypeError(f"not a figure: {value!r}")


def _sum(a: float, b: float, infinite: float) -> float:
    total = a + b
    return infinite if math.isnan(total) else total  # ∞ + (−∞): the bound is lost on that side


def _mul(a: float, b: float) -> float:
    if a == 0.0 or b == 0.0:
        return 0.0  # 0 × ∞ is 0 here: an exact zero times any bound is zero
    return a * b


def imin(*args: object) -> Interval:
    parts = [_as_interval(a) for a in args]
    return Interval(min(p.low for p in parts), min(p.high for p in parts))


def imax(*args: object) -> Interval:
    parts = [_as_interval(a) for a in args]
    return Interval(max(p.low for p in parts), max(p.high for p in parts))
