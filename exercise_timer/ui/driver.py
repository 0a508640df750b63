"""Wakes the engine on its deadlines with one precise single-shot timer, and nothing else.

The engine decides what happens and when; this object only turns its next deadline into a
QTimer interval and hands every effect to whoever listens.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from exercise_timer.core.effects import Effect, StopReason
from exercise_timer.core.engine import Engine, State


class SessionDriver(QObject):
    """Owns the timer that drives one engine; ``effects`` carries every list of effects."""

    effects = Signal(list)

    def __init__(
        self, engine: Engine, clock: Callable[[], float], speed: float, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self._clock = clock
        self._speed = speed
        self._timer = QTimer(self)
        self._timer.setObjectName("engine-deadline")
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.wake)

    def start(self) -> None:
        """Begins the session."""
        self._apply(self.engine.start())

    def toggle(self) -> None:
        """Space: start, pause, resume, or "I am ready" while waiting in prepare."""
        state = self.engine.state
        if state is State.READY:
            self.start()
        elif state is State.RUNNING:
            self._apply(self.engine.pause())
        elif state is State.PAUSED:
            self._apply(self.engine.resume())
        elif state is State.WAITING:
            self._apply(self.engine.ready())

    def skip(self) -> None:
        """Goes to the next exercise."""
        self._apply(self.engine.skip())

    def back(self) -> None:
        """Restarts the exercise, or goes to the previous one."""
        self._apply(self.engine.back())

    def halt(self) -> None:
        """Freezes the timer at once (the first thing Stop does, before asking why)."""
        self._apply(self.engine.pause())
        self._timer.stop()

    def stop(self, reason: StopReason) -> None:
        """Ends the session for ``reason``."""
        self._apply(self.engine.stop(reason))

    def wake(self) -> None:
        """Lets the engine do whatever has fallen due."""
        self._apply(self.engine.advance())

    def shutdown(self) -> None:
        """Stops the timer for good."""
        self._timer.stop()

    def _apply(self, effects: list[Effect]) -> None:
        self._schedule()
        if effects:
            self.effects.emit(effects)

    def _schedule(self) -> None:
        deadline = self.engine.next_deadline()
        if deadline is None:
            self._timer.stop()
            return
        wait = (deadline - self._clock()) / self._speed
        self._timer.start(max(0, math.ceil(wait * 1000)))
