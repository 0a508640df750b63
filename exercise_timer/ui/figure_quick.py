"""The figure painter the moving figure uses: ``figure_paint.Painter``, quicker, without ``Qt``.

A moving figure is drawn 33 times a second on the session page, the window's first screen.
Three things differ from the plain painter: a limb of one thickness is a rounded rectangle
turned into place (a third of the time of an outline point by point), each colour's brush is
made once, and no call chooses between overloads that take a ``Qt`` enum (``QBrush(colour)``,
``QPen(colour)``, ``setPen``, ``drawLine``), which would build the whole ``Qt`` namespace (see
``qt_by_name``).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QTransform

from exercise_timer.core.figures.skeleton import Point
from exercise_timer.ui.figure_paint import FLOOR, Box, Mapping, Painter

_BRUSHES: dict[str, QBrush] = {}


def _pen(colour: str, width: float) -> QPen:
    pen = QPen()
    pen.setColor(QColor(colour))
    pen.setWidthF(width)
    return pen


def brush(colour: str) -> QBrush:
    """A solid brush of ``colour`` (made once per colour)."""
    made = _BRUSHES.get(colour)
    if made is None:
        made = _BRUSHES[colour] = _pen(colour, 1.0).brush()
    return made


class QuickPainter(Painter):
    """Fills the body's shapes like ``Painter`` does, at less cost per frame."""

    def __init__(self, painter: QPainter, mapping: Mapping) -> None:
        super().__init__(painter, mapping)
        self._turn = QTransform()

    def fill(self, path: QPainterPath, colour: str) -> None:
        """Fills a path in one colour."""
        self.painter.fillPath(path, brush(colour))

    def limb(self, a: Point, b: Point, width: float, colour: str) -> None:
        """A rounded limb of ``width`` cm from a to b."""
        start, end = self.map.point(a), self.map.point(b)
        dx, dy = end.x() - start.x(), end.y() - start.y()
        r = width * self.map.scale / 2
        path = QPainterPath()
        path.addRoundedRect(QRectF(-r, -r, math.hypot(dx, dy) + 2 * r, 2 * r), r, r)
        turn = self._turn
        turn.reset()
        turn.translate(start.x(), start.y())
        turn.rotateRadians(math.atan2(dy, dx))
        self.fill(turn.map(path), colour)

    def floor(self) -> None:
        """The floor line across the whole target."""
        y = self.map.point((0.0, 0.0)).y()
        line = QPainterPath()
        line.moveTo(self.map.left, y)
        line.lineTo(self.map.right, y)
        self.painter.strokePath(line, _pen(FLOOR, max(1.5, 0.8 * self.map.scale)))

    def box(self, box: Box, colour: str, edge: str | None = None) -> None:
        """A filled box, with an outline in ``edge`` if given."""
        left, bottom, right, top = box
        path = QPainterPath()
        path.addRect(QRectF(self.map.point((left, top)), self.map.point((right, bottom))))
        self.fill(path, colour)
        if edge is not None:
            self.painter.strokePath(path, _pen(edge, 1.0))
