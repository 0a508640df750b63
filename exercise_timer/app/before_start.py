"""A routine's "before you start" page: whether it must still be read, and what waits on it."""

from __future__ import annotations

from exercise_timer.app.services import Services


class BeforeStart:
    """The page's state for one routine (made anew when a routine is loaded)."""

    def __init__(self, services: Services, routine_id: str) -> None:
        self._services = services
        self._routine_id = routine_id
        self.pending = not services.routine_read(routine_id)
        """No session starts until the page is read."""
        self.declined = False
        """The person said the routine was not prescribed: the page is not shown meanwhile."""
        self.start_waiting = False
        """--autostart: a session starts as soon as the page is read."""
        self.week = services.sessions_this_week(routine_id)

    @property
    def shown(self) -> bool:
        """The page is to be shown now."""
        return self.pending and not self.declined

    def read(self) -> bool:
        """The page was read; True when a session should start now."""
        if not self.pending:
            return False
        self._services.mark_routine_read(self._routine_id)
        self.pending = self.declined = False
        start, self.start_waiting = self.start_waiting, False
        return start

    def decline(self) -> None:
        """The person said no: nothing starts, the page steps aside."""
        self.declined = True
        self.start_waiting = False

    def show_again(self) -> None:
        """From the Safety… button, or a Start while the page was declined."""
        self.declined = False
