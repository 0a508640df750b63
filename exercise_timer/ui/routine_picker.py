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

ELLIPSIS = "…"

MIN_LETTERS = 10
"""Fewer letters of the title than this beside the minutes, and the minutes give way."""

MIN_CONTENTS = 16
"""Letters the box asks room for, whatever the titles (it takes more when the row has it)."""

SLACK = 4
"""Pixels kept free beyond ``chrome_bound``: the style's own figure is up to 2 more in high
contrast (tests/test_routine_picker.py checks both themes)."""


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
        # Its width follows the layout, not its longest title (which chrome_bound relies on).
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(MIN_CONTENTS)
        self._titles: dict[int, str] = {}

    def set_routine_text(self, index: int, text: str, title: str) -> None:
        """Item ``index`` reads ``text``; ``title`` is the part that may be shortened."""
        self.setItemText(index, text)
        self._titles[index] = title

    def chrome_bound(self) -> int:
        """The width of the box's frame, padding and arrow (within ``SLACK``), without the style.

        The size hint less the room it asks for its minimum text and an icon (a test checks
        it against the style's own figure). Asking the style for the exact figure builds
        PySide6's QStyle type and its enums (~10 ms), which a start need not pay for.
        """
        minimum_text = self.minimumContentsLength() * self.fontMetrics().horizontalAdvance("X")
        icon = self.iconSize().width() + 4  # AdjustToMinimumContentsLengthWithIcon adds it
        return self.sizeHint().width() - minimum_text - icon

    def shown_text(self) -> str:
        """The text as drawn now (shortened when the title is too long for the box)."""
        text = self.currentText()
        room = self.width() - self.chrome_bound() - SLACK
        return shortened(text, self._titles.get(self.currentIndex(), ""), self.fontMetrics(), room)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draws the box as QComboBox does, with the shown text shortened to fit.

        The current item reads the shortened text for the time of the paint only, with the
        model's signals held back: the list, ``currentText`` and screen readers keep the
        whole text, and nothing is told of the change.
        """
        index = self.currentIndex()
        whole = self.itemText(index)
        shown = self.shown_text()
        if shown == whole:
            super().paintEvent(event)
            return
        model = self.model()
        was_blocked = model.blockSignals(True)
        try:
            self.setItemText(index, shown)
            super().paintEvent(event)
        finally:
            self.setItemText(index, whole)
            model.blockSignals(was_blocked)
