"""A kiosk's hold on the screen: full screen with or without a window manager.

No context menus, no way to minimise it, and a loud exit when its window is taken away.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from exercise_timer.app.policy import EXIT_WINDOW_GONE
from exercise_timer.core.i18n import _
from exercise_timer.ui.x11_alive import X11Window

CHECK_MS = 1000
"""How often the kiosk makes sure its window still exists."""


class KioskScreen(QObject):
    """Keeps ``window`` over the whole screen for as long as the program runs."""

    def __init__(self, app: QApplication, window: QWidget) -> None:
        super().__init__(app)  # not the window's child: it must outlive the window
        self._app = app
        self._window = window
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        app.installEventFilter(self)
        window.destroyed.connect(self._gone)
        self._x11: X11Window | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self._check)

    def show(self) -> None:
        """Shows the window over the whole screen, and keeps it so when the screen changes."""
        window = self._window
        screen = window.screen() or QGuiApplication.primaryScreen()
        # Without a window manager nobody honours "full screen": the size is set as well.
        window.setGeometry(screen.geometry())
        window.showFullScreen()
        screen.geometryChanged.connect(self._fill)
        if QGuiApplication.platformName() == "xcb":
            self._x11 = X11Window(int(window.winId()))
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """No context menus anywhere; a minimised kiosk comes straight back."""
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            return True
        changed = kind == QEvent.Type.WindowStateChange and watched is self._window
        if changed and (self._window.isMinimized() or not self._window.isFullScreen()):
            QTimer.singleShot(0, self._fill)
        return False

    def _fill(self) -> None:
        window = self._window
        screen = window.screen() or QGuiApplication.primaryScreen()
        window.setGeometry(screen.geometry())
        window.showFullScreen()

    def _check(self) -> None:
        if self._x11 is not None and not self._x11.exists():
            self._gone()

    def _gone(self) -> None:
        """The window was destroyed: exit non-zero, so that the supervisor starts us again."""
        self._timer.stop()
        print(
            _("The kiosk's window was closed from outside; the program ends (exit {code}).").format(
                code=EXIT_WINDOW_GONE
            ),
            file=sys.stderr,
        )
        self._app.exit(EXIT_WINDOW_GONE)
