"""Small widgets of the follow-along window: the countdown ring and the position picture."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from exercise_timer import resources
from exercise_timer.core.model import Position
from exercise_timer.ui.qt_by_name import ALIGN_CENTER

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer


def _pen(colour: QColor, width: float) -> QPen:
    """A solid pen; ``QPen(colour, width)`` would build the ``Qt`` namespace (see qt_by_name)."""
    pen = QPen()
    pen.setColor(colour)
    pen.setWidthF(width)
    return pen


class CountdownRing(QWidget):
    """A big number of seconds inside a ring that empties as the phase runs out."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("countdown")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(120, 120))
        self._fraction = 0.0
        self._text = ""
        self._colour = QColor("#3c4657")

    def show_time(self, remaining: float, total: float, colour: str) -> None:
        """Shows the seconds left (rounded up, as people count) and the ring's share."""
        self._fraction = 0.0 if total <= 0 else max(0.0, min(1.0, remaining / total))
        self._text = str(math.ceil(remaining - 1e-6)) if total > 0 else ""
        self._colour = QColor(colour)
        self.update()

    def text(self) -> str:
        """The number shown."""
        return self._text

    def paintEvent(self, _event: object) -> None:
        """Draws the ring and the number."""
        side = min(self.width(), self.height()) - 8
        if side <= 0:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        width = max(6.0, side * 0.07)
        inner = rect.adjusted(width / 2, width / 2, -width / 2, -width / 2)
        track = QPainterPath()
        track.addEllipse(inner)
        # strokePath has one signature; setPen's (pen, colour or Qt.PenStyle) would build
        # the Qt namespace while choosing, and so would drawing the arc with its round cap,
        # which the first screen does not show.
        painter.strokePath(track, _pen(QColor("#dde2ea"), width))
        span = int(-360 * 16 * self._fraction)
        if span:
            from PySide6.QtCore import Qt

            pen = _pen(self._colour, width)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawArc(inner, 90 * 16, span)
        if self._text:
            font = QFont(self.font())
            font.setPixelSize(max(12, int(side * 0.42)))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(self.palette().windowText().color())  # the theme's ink
            painter.drawText(rect, ALIGN_CENTER, self._text)
        painter.end()


class PositionPicture(QWidget):
    """The pictogram of a starting position, scaled to fit and kept in proportion."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("position-picture")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(160, 96))
        # QtSvg loads with the first pictogram: a routine with figures never needs it.
        self._renderer: QSvgRenderer | None = None
        self.position: Position | None = None

    def show_position(self, position: Position | None) -> None:
        """Loads the position's drawing (nothing when there is none)."""
        self.position = position
        path = resources.asset("positions", f"{position.value}.svg") if position else None
        if path is not None and path.is_file():
            from PySide6.QtSvg import QSvgRenderer

            if self._renderer is None:
                self._renderer = QSvgRenderer(self)
            self._renderer.load(str(path))
        else:
            self._renderer = None
        self.setAccessibleName(position.value.replace("-", " ") if position else "")
        self.update()

    def has_picture(self) -> bool:
        """True when a drawing is loaded."""
        return self._renderer is not None and self._renderer.isValid()

    def paintEvent(self, _event: object) -> None:
        """Draws the pictogram centred, keeping its aspect ratio."""
        renderer = self._renderer
        if renderer is None or not renderer.isValid():
            return
        size = renderer.defaultSize()
        if size.isEmpty():
            return
        scale = min(self.width() / size.width(), self.height() / size.height())
        width, height = size.width() * scale, size.height() * scale
        target = QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, target)
        painter.end()
