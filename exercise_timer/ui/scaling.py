"""The type scale: every text grows and shrinks with the window, to read from across a room.

The person's text size (Settings: 100 % to 200 %) multiplies it, and sets the dialogs' type.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QWidget

SIZES = {
    "exercise-name": 32,
    "phase": 34,
    "detail": 22,
    "breathing": 22,
    "caption": 21,
    "start-text": 16,
    "step": 17,
    "caution": 15,
    "muted": 15,
    "notice": 14,
    "time-left": 17,
    "page-title": 34,
    "reason": 26,
    "end-body": 30,
    "building": 16,
    "stop": 28,
    "pain-question": 20,
    "pain": 22,
    "mistake": 20,
    "before-heading": 20,
    "leave-out": 20,
    "leave-out-choice": 22,
}
"""Pixel sizes at 1024x600, by object name."""

LARGEST = 30
"""A larger text size grows the smaller texts up to this size; those already larger stay as
they are (the exercise's name, the phase, Stop): they read from across the room already, and
a 600 px screen has no height to spare for them."""

DIALOG_TEXT = 17
"""The pixel size of a dialog's text at 100 % (Qt's default is 13 px at 96 dpi: too small)."""


def text_scale(window: Any) -> float:
    """The person's text size as a factor (1.0 without settings, as in a bare test window)."""
    try:
        return float(window.controller.services.settings.text_scale)
    except AttributeError:
        return 1.0


def scale_dialog(dialog: QWidget, scale: float) -> None:
    """Sets a dialog's type for the person's text size; its widgets inherit it."""
    font = dialog.font()
    font.setPixelSize(round(DIALOG_TEXT * scale))
    dialog.setFont(font)


def apply_fonts(window: Any, within: QWidget | None = None) -> None:
    """Sets the type for the window's size (``window`` is the main window).

    ``within`` limits it to one page, just built; by default every page built so far.
    """
    unit = min(window.width() / 1024, window.height() / 600)
    scale = text_scale(window)
    for widget in _widgets(within or window):
        size = SIZES.get(widget.objectName())
        if size is None and isinstance(widget, QPushButton | QComboBox | QCheckBox | QLineEdit):
            size = 18
        if size is None and isinstance(widget, QLabel | QPushButton):
            size = 17
        if size is not None:
            grown = min(size * scale, max(size, LARGEST))
            font = widget.font()
            font.setPixelSize(max(11, int(grown * unit)))
            widget.setFont(font)
    for page in [within] if within is not None else window.built_pages():
        _size_controls(page, unit)


def _widgets(root: QWidget) -> Iterator[QWidget]:
    """Every widget under ``root``, but not the insides of a combo box or a line edit.

    Their insides take their type and are never scaled themselves; ``findChildren`` would
    wrap them all for Python, which builds 27 enums for the combo box's popup list before
    the first paint, and 4 MiB for the insides of the line edit on the Stop page.
    """
    for child in root.children():
        if isinstance(child, QWidget):
            yield child
            if not isinstance(child, QComboBox | QLineEdit):
                yield from _widgets(child)


def _size_controls(page: Any, unit: float) -> None:
    """The minimum sizes of a page's buttons, which grow with the type."""
    name = page.objectName()
    if name == "session-page":
        page.stop_button.setMinimumSize(int(200 * unit), int(64 * unit))
        box = int(18 * unit)
        page.wait_box.setStyleSheet(f"QCheckBox::indicator {{ width: {box}px; height: {box}px; }}")
        for button in (page.back_button, page.toggle_button, page.skip_button):
            button.setMinimumHeight(int(52 * unit))
        page.toggle_button.setMinimumWidth(int(150 * unit))
    elif name == "stop-page":
        for button in page.buttons.values():
            button.setMinimumHeight(int(64 * unit))
    elif name in ("summary-page", "advice-page"):
        for button in (*page.pain.buttons.values(), page.pain.skip):
            button.setMinimumHeight(int(48 * unit))
