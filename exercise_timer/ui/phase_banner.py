"""The phase banner: the phase's word on its colour, with the phase's own shape beside it.

The shape is drawn, not typed, so it looks the same in every font and language.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPainterPath, QPolygonF
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from exercise_timer.ui.qt_by_name import ALIGN_CENTER
from exercise_timer.ui.theme import PhaseLook, Shape

WORD_WRAP = 0x1000
"""``Qt.TextFlag.TextWordWrap`` by value: the ``Qt`` namespace is not built for the first screen."""

SHAPE_SHARE = 0.55
"""The shape's size as a share of the line height of the banner's type."""


class PhaseBanner(QLabel):
    """A QLabel whose left margin holds the shape of the phase shown."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("phase")
        self.setWordWrap(True)
        self.look: PhaseLook | None = None

    def show_look(self, look: PhaseLook, words: str | None = None) -> None:
        """Shows ``look`` (``words`` instead of its own, such as "Press Start")."""
        self.look = look
        self.setText(look.words if words is None else words)
        self.setStyleSheet(f"background: {look.colour}; color: {look.ink};")
        self._reserve()
        self.update()

    def shape(self) -> Shape:
        """The shape drawn now."""
        return self.look.shape if self.look is not None else Shape.NONE

    def changeEvent(self, event: object) -> None:
        """The margin for the shape follows the type (the window scales it)."""
        super().changeEvent(event)  # type: ignore[arg-type]
        self._reserve()

    def _mark_size(self) -> float:
        return self.fontMetrics().height() * SHAPE_SHARE

    def _reserve(self) -> None:
        side = int(self._mark_size() * 1.6) if self.shape() is not Shape.NONE else 0
        if self.contentsMargins().left() != side:
            self.setContentsMargins(side, 0, 0, 0)

    def paintEvent(self, event: object) -> None:
        """Draws the frame, the shape in the left margin, and the words in the type that fits.

        The words are made smaller, never cut, when the longest of them is wider than the
        banner (a large text size, a long word in another language).
        """
        QFrame.paintEvent(self, event)  # type: ignore[arg-type]
        # The painter's pen and the brush below are the words' colour from the style sheet:
        # setPen() and a QColor brush would build the Qt namespace choosing an overload.
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.look is not None and self.look.shape is not Shape.NONE:
            centre = QPointF(self.contentsMargins().left() * 0.55 + 6, self.height() / 2)
            mark = shape_path(self.look.shape, centre, self._mark_size())
            painter.fillPath(mark, self.palette().windowText())
        area = self.contentsRect()
        painter.setFont(fitted_font(self.font(), self.text(), area.width()))
        painter.drawText(area, ALIGN_CENTER | WORD_WRAP, self.text())
        painter.end()


def fitted_font(font: QFont, text: str, width: int) -> QFont:
    """``font``, smaller if the longest word of ``text`` is wider than ``width``."""
    longest = max((QFontMetrics(font).horizontalAdvance(word) for word in text.split()), default=0)
    if longest <= width or longest <= 0:
        return font
    smaller = QFont(font)
    smaller.setPixelSize(max(8, int(font.pixelSize() * width / longest)))
    return smaller


def shape_path(shape: Shape, centre: QPointF, size: float) -> QPainterPath:
    """The outline of ``shape``, ``size`` pixels across, around ``centre``."""
    x, y, half = centre.x(), centre.y(), size / 2
    path = QPainterPath()
    corners: list[tuple[float, float]] = []
    if shape is Shape.DIAMOND:
        corners = [(x, y - half * 1.2), (x + half, y), (x, y + half * 1.2), (x - half, y)]
    elif shape is Shape.TRIANGLE_UP:
        corners = [(x, y - half), (x + half * 1.15, y + half), (x - half * 1.15, y + half)]
    elif shape is Shape.TRIANGLE_DOWN:
        corners = [(x - half * 1.15, y - half), (x + half * 1.15, y - half), (x, y + half)]
    elif shape is Shape.SQUARE:
        path.addRect(QRectF(x - half, y - half, size, size))
    elif shape is Shape.CIRCLE:
        path.addEllipse(centre, half, half)
    elif shape is Shape.PAUSE:
        bar = size / 3
        path.addRect(QRectF(x - half, y - half, bar, size))
        path.addRect(QRectF(x + half - bar, y - half, bar, size))
    if corners:
        path.addPolygon(QPolygonF([QPointF(cx, cy) for cx, cy in corners]))
        path.closeSubpath()
    return path
