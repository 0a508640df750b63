"""The routine picker: a long title is shortened with "…" and the routine's minutes stay shown.

A combo box under a style sheet cuts its text off at the edge ("Spine clinic back and spin"
at 1024x600, and no minutes). This one shortens only the title part of the shown text, so
"Spine clinic back and sp… · 18 min" tells the person which routine and how long. The list
that opens shows every title whole, and a screen reader reads the whole text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QFontMetrics, QPaintEvent
    from PySide6.QtWidgets import QStyleOptionComboBox

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

    def chrome_bound(self) -> int:
        """At least the width of the box's frame, padding and arrow, found without the style.

        The size hint less the room it asks for its minimum text and an icon (a test checks
        it against the style's own figure). Asking the style for the exact figure builds
        PySide6's QStyle type and its enums (~10 ms), which a start need not pay for.
        """
        minimum_text = self.minimumContentsLength() * self.fontMetrics().horizontalAdvance("X")
        icon = self.iconSize().width() + 4  # AdjustToMinimumContentsLengthWithIcon adds it
        return self.sizeHint().width() - minimum_text - icon

    def _surely_fits(self) -> bool:
        """The whole text fits, so Qt may draw it as it is."""
        text_width = self.fontMetrics().horizontalAdvance(self.currentText())
        return text_width <= self.width() - self.chrome_bound()

    def shown_text(self) -> str:
        """The text as drawn now (shortened when the title is too long for the box)."""
        if self._surely_fits():
            return self.currentText()
        return self._shortened_option().currentText

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draws the box as QComboBox does, with the shown text shortened to fit."""
        if self._surely_fits():
            super().paintEvent(event)
            return
        from PySide6.QtWidgets import QStyle, QStylePainter

        option = self._shortened_option()
        painter = QStylePainter(self)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        painter.end()

    def _shortened_option(self) -> QStyleOptionComboBox:
        """The box's style option with its text shortened to the style's room for it."""
        from PySide6.QtWidgets import QStyle, QStyleOptionComboBox  # only when it may not fit

        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        title = self._titles.get(self.currentIndex(), "")
        option.currentText = shortened(option.currentText, title, self.fontMetrics(), field.width())
        return option
