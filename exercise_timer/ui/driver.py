"""Wakes the session controller: a precise timer for its deadlines, a display refresh, frames.

Nothing else in the window keeps time. The frame timer runs only while a figure moves: it
draws the figure from the controller's state (the countdown's clock) at ``FRAME_MS``, and
stops as soon as nothing moves, so a window at rest costs no more than its slow refresh.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from exercise_timer.app.controller import SessionController
from exercise_timer.app.state import SessionState
from exercise_timer.ui.qt_by_name import set_by_name

REFRESH_MS = 100
FRAME_MS = 30
"""A moving figure's frames: 33 a second, so movement looks smooth (at least 30 are wanted)."""

FrameListener = Callable[[SessionState], bool]
"""Draws one frame of a state; True while there is still movement to draw."""


class ControllerDriver(QObject):
    """Owns the timers that drive one controller; ``shutdown()`` stops them all for good."""

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
        self._frames = QTimer(self)
        self._frames.setObjectName("figure-frames")
        self._frames.setInterval(FRAME_MS)
        set_by_name(self._frames, "timerType", "PreciseTimer")
        self._frames.timeout.connect(self.frame)
        self._frame_listener: FrameListener | None = None
        self._stopped = False

    def refresh_from_now(self) -> None:
        """Counts the display refresh's interval from now (the window has just been painted).

        The refresh starts with the window, but the window takes tens of milliseconds to be
        built, shown and painted; counted from the first paint, the first refresh (whose poll
        fits the cues) comes after that paint instead of racing it.
        """
        if not self._stopped:
            self._refresh.start()

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

    def on_frame(self, listener: FrameListener) -> None:
        """Who draws each frame while frames run."""
        self._frame_listener = listener

    def animate(self, moving: bool) -> None:
        """Runs the frame timer while something moves, and stops it when nothing does."""
        if moving and not self._stopped and self._frame_listener is not None:
            if not self._frames.isActive():
                self._frames.start()
        else:
            self._frames.stop()

    @property
    def animating(self) -> bool:
        """The frame timer runs."""
        return self._frames.isActive()

    def frame(self) -> None:
        """What the frame timer does: one frame of the state as it is now (tests call it)."""
        listener = self._frame_listener
        self.animate(listener is not None and listener(self.controller.state))

    def shutdown(self) -> None:
        """Stops every timer for good."""
        self._stopped = True
        self._deadline.stop()
        self._refresh.stop()
        self._frames.stop()
