"""Opening a window within the screen it is on, from a 1024x600 netbook up.

A window opened larger than its screen puts its right and bottom edges, and the Stop button
with them, out of reach. The available area (the screen less its panels) is the limit.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1280, 800)
"""The window's size where the screen has room for it."""

SMALLEST = QSize(640, 400)
"""The window's minimum size; a screen smaller than this still gets a window within it."""


def available_area(window: QWidget) -> QRect:
    """The available geometry of the screen the window is on (the primary screen before shown)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, area: QRect | None = None) -> bool:
    """Sizes and places ``window`` within ``area`` (default: its screen's available area).

    Returns True when the screen is too small for the preferred size: the caller shows the
    window maximised (``showMaximized``), which a window manager fits to the area exactly,
    frame and all.
    """
    area = area if area is not None else available_area(window)
    window.setMinimumSize(SMALLEST.boundedTo(area.size()))
    frame = _frame_margins(window)
    room = QSize(area.width() - frame.width(), area.height() - frame.height())
    size = PREFERRED.boundedTo(room)
    window.setMaximumSize(QSize(16777215, 16777215))
    window.resize(size)
    left = area.x() + (area.width() - size.width() - frame.width()) // 2
    top = area.y() + (area.height() - size.height() - frame.height()) // 2
    window.move(max(area.x(), left), max(area.y(), top))
    return size != PREFERRED


def _frame_margins(window: QWidget) -> QSize:
    """The window manager's frame (title bar and borders) around the window, once known."""
    frame, inside = window.frameGeometry(), window.geometry()
    return QSize(max(0, frame.width() - inside.width()), max(0, frame.height() - inside.height()))
