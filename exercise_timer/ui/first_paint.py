"""Work put off until a window has been painted once: what its first screen does not show.

The window icon, the first display refresh (whose poll fits the cues): a person sees the
window sooner when these wait for its first paint instead of coming before it. A timer of
0 ms is no such wait: on X11 it fires before the server's expose event brings the paint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    """Watches a window until it is first painted, then runs what was waiting for that."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._waiting: list[Callable[[], object]] = []
        self.painted = False
        window.installEventFilter(self)

    def then(self, work: Callable[[], object]) -> None:
        """Runs ``work`` once the window has been painted (soon, if it has been already)."""
        if self.painted:
            QTimer.singleShot(0, work)
        else:
            self._waiting.append(work)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the window's first paint: the waiting work is run once that paint is done."""
        if watched is self._window and event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        waiting, self._waiting = self._waiting, []
        for work in waiting:
            work()
