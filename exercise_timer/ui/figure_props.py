"""Drawing the props of a figure: a mat, a wall, a chair, what stands by it and what it holds."""

from __future__ import annotations

from exercise_timer.core.figures.parts import CHAIRS, PropKind, Shape
from exercise_timer.ui.figure_paint import Painter

MAT = "#c9d6c3"
WALL = "#d9dde3"
WALL_EDGE = "#a7afba"
CHAIR = "#8a6a4a"
TOWEL = "#2e9c8f"
CUSHION = "#c9aedb"
CUSHION_EDGE = "#8f6fa8"
BALL = "#e3c84e"
BALL_EDGE = "#a98f1f"
SUPPORT = "#c4a47c"
SUPPORT_EDGE = "#8a6a4a"

CHAIR_WIDTH = 4.0
POST_WIDTH = 5.0
TOWEL_WIDTH = 2.5
CUSHION_CORNER = 7.0

IN_FRONT = frozenset({PropKind.TOWEL, PropKind.BAND})
"""Drawn over the body: what the hands hold across it. A cushion or ball between the knees,
a post in the hand and a support under the foot are drawn behind it."""


def _draw(p: Painter, shape: Shape) -> None:
    kind, box = shape.kind, shape.box
    if kind is PropKind.MAT and box is not None:
        p.box(box, MAT)
    elif kind is PropKind.WALL and box is not None:
        p.box(box, WALL, WALL_EDGE)
    elif kind is PropKind.SUPPORT and box is not None:
        p.box(box, SUPPORT, SUPPORT_EDGE)
    elif kind is PropKind.CUSHION and box is not None:
        p.rounded(box, CUSHION_CORNER, CUSHION, CUSHION_EDGE)
    elif kind is PropKind.BALL and box is not None:
        p.ellipse(box, BALL, BALL_EDGE)
    elif kind in CHAIRS:
        p.line(shape.line, CHAIR_WIDTH, CHAIR)
    elif kind is PropKind.POST:
        p.line(shape.line, POST_WIDTH, CHAIR)
    elif kind in IN_FRONT:
        p.line(shape.line, TOWEL_WIDTH, TOWEL)


def draw_props(p: Painter, shapes: tuple[Shape, ...], *, behind: bool) -> None:
    """Draws the props standing behind the body (``behind``), or those held in front of it.

    ``shapes`` are ``prop_shapes(...)`` of the scene, worked out once for both calls.
    """
    for shape in shapes:
        if (shape.kind in IN_FRONT) != behind:
            _draw(p, shape)
