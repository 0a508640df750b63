"""Drawing the props of a figure: a mat, a wall, a chair, and what the hands hold."""

from __future__ import annotations

from exercise_timer.core.figures.parts import HELD_PROPS, Prop, PropKind, prop_shapes
from exercise_timer.core.figures.skeleton import Figure
from exercise_timer.ui.figure_paint import Painter

MAT = "#c9d6c3"
WALL = "#d9dde3"
WALL_EDGE = "#a7afba"
CHAIR = "#8a6a4a"
TOWEL = "#2e9c8f"


def draw_props(
    p: Painter, props: tuple[Prop, ...], start: Figure, figure: Figure, *, behind: bool
) -> None:
    """Draws the props standing behind the body (``behind``), or those held in front of it."""
    for shape in prop_shapes(props, start, figure):
        held = shape.kind in HELD_PROPS
        if held == behind:
            continue
        if shape.kind is PropKind.MAT and shape.box is not None:
            p.box(shape.box, MAT)
        elif shape.kind is PropKind.WALL and shape.box is not None:
            p.box(shape.box, WALL, WALL_EDGE)
        elif shape.kind is PropKind.CHAIR:
            p.line(shape.line, 4.0, CHAIR)
        elif held:
            p.line(shape.line, 2.5, TOWEL)
