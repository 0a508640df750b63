"""Clocks the engine can be given: the real monotonic one, a scaled one, and a simulated one."""

from __future__ import annotations

import time
from collections.abc import Callable


def monotonic() -> float:
    """The real monotonic clock, in seconds."""
    return time.monotonic()


class SimulatedClock:
    """A clock that only moves when told to: ``plan`` runs the engine on it, and so do tests."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start

    def __call__(self) -> float:
        """The current simulated time."""
        return self.now

    def advance(self, seconds: float) -> None:
        """Moves time forward."""
        self.now += seconds


class ScaledClock:
    """Runs ``factor`` times faster than ``base``, for demonstrations (``--speed``)."""

    def __init__(self, base: Callable[[], float], factor: float) -> None:
        self._base = base
        self.factor = factor
        self._origin = base()

    def __call__(self) -> float:
        """Scaled seconds since this clock was made."""
        return (self._base() - self._origin) * self.factor

    def to_real(self, engine_seconds: float) -> float:
        """Engine seconds as real seconds since this clock was made."""
        return engine_seconds / self.factor
