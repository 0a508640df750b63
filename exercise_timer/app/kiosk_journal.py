"""A kiosk's stand-in for the journal: it counts sessions and keeps nothing about a visitor.

The controller writes to it as to the journal; only "started", "completed" and "stopped for
this reason" reach the kiosk counter. No notes, no times, no exercise, no pain rating, and
nothing the build-up could read (everything else is :class:`NullJournal`'s: nothing).
"""

from __future__ import annotations

from collections.abc import Mapping

from exercise_timer.core.effects import Outcome
from exercise_timer.storage.journal import NullJournal, StopRecord
from exercise_timer.storage.kiosk_counter import KioskCounter


class KioskJournal(NullJournal):
    """Implements ``SessionJournal`` over a :class:`KioskCounter`."""

    def __init__(self, counter: KioskCounter) -> None:
        self._counter = counter
        self._sessions = 0
        self.problem: str | None = None

    def start_session(
        self, routine_id: str, exercises_total: int, values: Mapping[str, object] | None = None
    ) -> int:
        """Counts a session started; the id only tells the controller's sessions apart."""
        self._note(self._counter.started())
        self._sessions += 1
        return self._sessions

    def end_session(self, session_id: int, outcome: Outcome, stop: StopRecord | None) -> None:
        """Counts the session completed, or stopped for its reason (nothing else of the stop)."""
        if outcome is Outcome.COMPLETED:
            self._note(self._counter.completed())
        elif stop is not None:
            self._note(self._counter.stopped(stop.reason.value))

    def _note(self, problem: str | None) -> None:
        if problem is not None:
            self.problem = problem
