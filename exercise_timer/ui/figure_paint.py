"""Painting primitives of the figures: centimetres to pixels, rounded limbs, boxes and lines."""

from __future__ import annotations

import math
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from exercise_timer.core.figures.parts import flank_line
from exercise_timer.core.figures.skeleton import SIDES, Figure, Point

FLOOR = "#7d8794"
FLANK_WIDTH = 8.0
"""A lit side of the trunk: a stripe this wide (cm) over the trunk."""
GIRDLE_WIDTH = 9.0
TURNED_CM = 4.0
"""Shoulders further apart than this, seen from the side, show the trunk turned."""

Box = tuple[float, float, float, float]
"""left, bottom, right, top in cm."""


class Mapping:
    """From cm (y up) to the pixels of a target rectangle (y down), kept in proportion."""

    def __init__(self, box: Box, target: QRectF) -> None:
        left, bottom, right, top = box
        width, height = max(right - left, 1.0), max(top - bottom, 1.0)
        self.scale = min(target.width() / width, target.height() / height)
        self.x0 = target.x() + (target.width() - width * self.scale) / 2 - left * self.scale
        self.y0 = target.y() + (target.height() + height * self.scale) / 2 + bottom * self.scale
        self.left = target.x()
        self.right = target.x() + target.width()

    def point(self, p: Point) -> QPointF:
        """The pixel of a point in cm."""
        return QPointF(self.x0 + p[0] * self.scale, self.y0 - p[1] * self.scale)


def capsule(a: QPointF, b: QPointF, ra: float, rb: float) -> QPainterPath:
    """A rounded limb from a to b: one simple polygon, so any fill rule fills it whole."""
    dx, dy = b.x() - a.x(), b.y() - a.y()
    heading = math.atan2(dy, dx)
    outline: list[QPointF] = []
    steps = 8
    for end, radius, start_angle in (
        (b, rb, heading - math.pi / 2),
        (a, ra, heading + math.pi / 2),
    ):
        for i in range(steps + 1):
            angle = start_angle + math.pi * i / steps
            outline.append(
                QPointF(end.x() + radius * math.cos(angle), end.y() + radius * math.sin(angle))
            )
    path = QPainterPath()
    path.addPolygon(QPolygonF(outline))
    path.closeSubpath()
    return path


class Painter:
    """Fills the body's shapes on a QPainter through a ``Mapping``."""

    def __init__(self, painter: QPainter, mapping: Mapping) -> None:
        self.painter = painter
        self.map = mapping

    def fill(self, path: QPainterPath, colour: str) -> None:
        """Fills a path in one colour."""
        self.painter.fillPath(path, QBrush(QColor(colour)))

    def limb(self, a: Point, b: Point, width: float, colour: str) -> None:
        """A rounded limb of ``width`` cm from a to b."""
        r = width * self.map.scale / 2
        self.fill(capsule(self.map.point(a), self.map.point(b), r, r), colour)

    def blob(self, p: Point, radius: float, colour: str) -> None:
        """A filled circle of ``radius`` cm."""
        path = QPainterPath()
        centre = self.map.point(p)
        r = radius * self.map.scale
        path.addEllipse(centre, r, r)
        self.fill(path, colour)

    def floor(self) -> None:
        """The floor line across the whole target."""
        y = self.map.point((0.0, 0.0)).y()
        pen = QPen(QColor(FLOOR))
        pen.setWidthF(max(1.5, 0.8 * self.map.scale))
        self.painter.setPen(pen)
        self.painter.drawLine(QPointF(self.map.left, y), QPointF(self.map.right, y))

    def box(self, box: Box, colour: str, edge: str | None = None) -> None:
        """A filled box, with an outline in ``edge`` if given."""
        left, bottom, right, top = box
        a, b = self.map.point((left, top)), self.map.point((right, bottom))
        path = QPainterPath()
        path.addRect(QRectF(a, b))
        self.fill(path, colour)
        if edge is not None:
            pen = QPen(QColor(edge))
            pen.setWidthF(1.0)
            self.painter.setPen(pen)
            self.painter.drawPath(path)

    def rounded(self, box: Box, radius: float, colour: str, edge: str | None = None) -> None:
        """A filled box with corners rounded by ``radius`` cm (a pillow: all rounded)."""
        left, bottom, right, top = box
        a, b = self.map.point((left, top)), self.map.point((right, bottom))
        r = radius * self.map.scale
        path = QPainterPath()
        path.addRoundedRect(QRectF(a, b), r, r)
        self._fill_and_edge(path, colour, edge)

    def ellipse(self, box: Box, colour: str, edge: str | None = None) -> None:
        """A filled ellipse inside the box (a ball: a square box)."""
        left, bottom, right, top = box
        a, b = self.map.point((left, top)), self.map.point((right, bottom))
        path = QPainterPath()
        path.addEllipse(QRectF(a, b))
        self._fill_and_edge(path, colour, edge)

    def _fill_and_edge(self, path: QPainterPath, colour: str, edge: str | None) -> None:
        self.fill(path, colour)
        if edge is not None:
            pen = QPen(QColor(edge))
            pen.setWidthF(max(1.0, 0.6 * self.map.scale))
            self.painter.setPen(pen)
            self.painter.drawPath(path)

    def line(self, points: tuple[Point, ...], width: float, colour: str) -> None:
        """A thick rounded line through the points."""
        for a, b in pairwise(points):
            self.limb(a, b, width, colour)


def draw_trunk_marks(p: Painter, figure: Figure, colours: dict[str, str], body: str) -> None:
    """What the trunk shows besides its shape, drawn over it.

    From the side, a trunk turned against the pelvis (its shoulders apart along it) shows the
    line of its shoulders in ``body``'s colour; a lit side of the trunk (``right_flank`` in
    ``colours``) is a stripe from the waist to the armpit.
    """
    pts = figure.points
    right, left = pts["right_shoulder"], pts["left_shoulder"]
    if figure.near is not None and math.dist(right, left) > TURNED_CM:
        p.limb(right, left, GIRDLE_WIDTH, body)
        p.blob(pts[f"{figure.near}_shoulder"], GIRDLE_WIDTH / 2 + 1.0, body)
    for side in SIDES:
        colour = colours.get(f"{side}_flank")
        if colour is not None:
            waist, armpit = flank_line(figure, side)
            p.limb(waist, armpit, FLANK_WIDTH, colour)
