"""The clinic kiosk's own rules: nothing a visitor leaves behind stalls the screen.

``KioskRules`` watches a controller (the controller calls it at every ``poll()``): a pause
ends after ``idle_seconds``, the Stop page and the advice after a stop after half of it, and
the kiosk goes back to its attract screen (a fresh session of the routine, ready to start).
A completed session starts again by itself (the policy's ``restart_seconds``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from exercise_timer.app.state import Status
from exercise_timer.core.effects import Outcome, StopReason

if TYPE_CHECKING:
    from exercise_timer.app.controller import SessionController


class KioskRules:
    """Gives up on a visitor who walked away, and goes back to the attract screen."""

    def __init__(self, idle_seconds: float, clock: Callable[[], float]) -> None:
        """``clock`` gives real seconds (the same as the controller's services)."""
        self.idle_seconds = idle_seconds
        self._clock = clock
        self._still: tuple[Status, bool] | None = None
        self._since = 0.0

    def limit(self, status: Status, stopped: bool) -> float | None:
        """How long the kiosk may stand in ``status`` before it gives up; None: for ever."""
        if status is Status.PAUSED:
            return self.idle_seconds
        if status is Status.ASKING or (status is Status.ENDED and stopped):
            return self.idle_seconds / 2
        return None

    def __call__(self, controller: SessionController) -> None:
        """Checks the controller; stops a stalled session and shows the attract screen."""
        state = controller.state
        ended = state.ended
        stopped = ended is not None and ended.outcome is Outcome.STOPPED
        now = self._clock()
        still = (state.status, stopped)
        if still != self._still:
            self._still, self._since = still, now
            return
        limit = self.limit(*still)
        if limit is None or now - self._since < limit:
            return
        self._still = None
        if state.status in (Status.PAUSED, Status.ASKING):
            controller.stop(StopReason.CLOSED)
        controller.again()
