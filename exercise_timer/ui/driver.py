"""Wakes the session controller: a precise timer for its deadlines, and a display refresh.

Nothing else in the window keeps time.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from exercise_timer.app.controller import SessionController
from exercise_timer.ui.qt_by_name import set_by_name

REFRESH_MS = 100


class ControllerDriver(QObject):
    """Owns the two timers that drive one controller; ``shutdown()`` stops both for good."""

    def __init__(self, controller: SessionController, parent: QObject) -> None:
        super().__init__(parent)
        self.controller = controller
        self._deadline = QTimer(self)
        self._deadline.setObjectName("engine-deadline")
        self._deadline.setSingleShot(True)
        set_by_name(self._deadline, "timerType", "PreciseTimer")
        self._deadline.timeout.connect(controller.wake)
        self._refresh = QTimer(self)
        self._refresh.setObjectName("display-refresh")
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(controller.poll)
        self._refresh.start()
        self._stopped = False

    def reschedule(self) -> None:
        """Sets the deadline timer for the controller's next deadline (or stops it)."""
        if self._stopped:
            return
        wait = self.controller.next_wake_ms()
        if wait is None:
            self._deadline.stop()
        else:
            self._deadline.start(max(0, wait))

    def wake(self) -> None:
        """What the deadline timer does when it fires (tests call it directly)."""
        self.controller.wake()

    def shutdown(self) -> None:
        """Stops both timers for good."""
        self._stopped = True
        self._deadline.stop()
        self._refresh.stop()
