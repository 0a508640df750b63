"""The routine picker: a long title is shortened with "…" and the routine's minutes stay shown.

A combo box under a style sheet cuts its text off at the edge ("Spine clinic back and spin"
at 1024x600, and no minutes). This one shortens only the title part of the shown text, so
"Spine clinic back and sp… · 18 min" tells the person which routine and how long. The list
that opens shows every title whole, and a screen reader reads the whole text.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics, QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

ELLIPSIS = "…"


MIN_LETTERS = 10
"""Fewer letters of the title than this beside the minutes, and the minutes give way."""


def shortened(text: str, title: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` with ``title`` in it cut short (ending in "…") so the whole fits ``width``.

    Text that fits, or that does not contain ``title``, is returned as it is. When fewer than
    ``MIN_LETTERS`` of the title would fit beside the rest (the minutes), the title is shown
    alone, shortened: which routine matters more than how long it takes.
    """
    if metrics.horizontalAdvance(text) <= width or not title or title not in text:
        return text
    letters = _letters_that_fit(text, title, metrics, width)
    if letters < MIN_LETTERS:
        return _with_title(title, title, _letters_that_fit(title, title, metrics, width))
    return _with_title(text, title, letters)


def _with_title(text: str, title: str, letters: int) -> str:
    return text.replace(title, title[:letters].rstrip() + ELLIPSIS, 1)


def _letters_that_fit(text: str, title: str, metrics: QFontMetrics, width: int) -> int:
    """The most letters of ``title`` that, with "…", leave ``text`` within ``width``."""
    low, high = 0, len(title) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if metrics.horizontalAdvance(_with_title(text, title, middle)) <= width:
            low = middle
        else:
            high = middle - 1
    return low


class RoutinePicker(QComboBox):
    """A combo box of routines whose shown text keeps its end when the title is long."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._titles: dict[int, str] = {}

    def set_routine_text(self, index: int, text: str, title: str) -> None:
        """Item ``index`` reads ``text``; ``title`` is the part that may be shortened."""
        self.setItemText(index, text)
        self._titles[index] = title

    def shown_text(self) -> str:
        """The text as drawn now (shortened when the title is too long for the box)."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        title = self._titles.get(self.currentIndex(), "")
        return shortened(option.currentText, title, self.fontMetrics(), field.width())

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Draws the box as QComboBox does, with the shown text shortened to fit."""
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        painter.end()
