"""The body's drawn segments, the body parts a figure file may highlight, and its props.

A segment joins two points of a ``Figure`` (one point: a round blob, such as the head). A body
part is one or more segments: "right_leg" is the right thigh, shank and foot. Parts are named
for the right side; a mirrored pose highlights the left one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from exercise_timer.core.figures.skeleton import SIDES, Figure, Point, radius_of


def _sided(pattern: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {
        f"{side}_{name}": tuple(f"{side}_{member}" for member in members)
        for side in SIDES
        for name, members in pattern.items()
    }


SEGMENTS: dict[str, tuple[str, ...]] = {
    "pelvis": ("pelvis",),
    "lower_trunk": ("pelvis", "chest"),
    "upper_trunk": ("chest", "neck"),
    "neck": ("neck", "head"),
    "head": ("head",),
    **{
        f"{side}_{name}": (f"{side}_{a}", f"{side}_{b}")
        for side in SIDES
        for name, (a, b) in {
            "girdle": ("shoulder", "shoulder"),
            "upper_arm": ("shoulder", "elbow"),
            "forearm": ("elbow", "hand"),
            "thigh": ("hip", "knee"),
            "shank": ("knee", "ankle"),
            "foot": ("heel", "toe"),
        }.items()
    },
}
"""Every drawn piece of the body: its name and the points it joins."""

_SIDED_PARTS = {
    "arm": ("upper_arm", "forearm"),
    "shoulder": ("girdle", "upper_arm"),
    "leg": ("thigh", "shank", "foot"),
    "thigh": ("thigh",),
    "hip": ("thigh",),
    "calf": ("shank",),
    "foot": ("foot",),
}

PARTS: dict[str, tuple[str, ...]] = {
    "head": ("head", "neck"),
    "neck": ("neck",),
    "upper_back": ("upper_trunk",),
    "lower_back": ("lower_trunk",),
    "back": ("lower_trunk", "upper_trunk"),
    "stomach": ("lower_trunk",),
    "trunk": ("lower_trunk", "upper_trunk"),
    "buttocks": ("pelvis", "lower_trunk"),
    "hips": ("pelvis", "right_thigh", "left_thigh"),
    "arms": ("right_upper_arm", "right_forearm", "left_upper_arm", "left_forearm"),
    "legs": (
        "right_thigh",
        "right_shank",
        "right_foot",
        "left_thigh",
        "left_shank",
        "left_foot",
    ),
    **{name: tuple(segments) for name, segments in _sided(_SIDED_PARTS).items()},
}
"""The body parts a figure file may name in ``highlight``, and the segments each lights up."""


class PropKind(StrEnum):
    """Things an exercise uses besides the body."""

    MAT = "mat"
    WALL = "wall"
    CHAIR = "chair"
    TOWEL = "towel"
    BAND = "band"


HELD_PROPS = frozenset({PropKind.TOWEL, PropKind.BAND})
"""Props held between two points of the body; they move with it."""


@dataclass(frozen=True)
class Prop:
    """A prop of an exercise; a towel or band runs between two named points of the body."""

    kind: PropKind
    between: tuple[str, str] | None = None


@dataclass(frozen=True)
class Shape:
    """A prop as drawn: a filled box (left, bottom, right, top) or a line through points."""

    kind: PropKind
    box: tuple[float, float, float, float] | None = None
    line: tuple[Point, ...] = ()


WALL_HEIGHT = 185.0
WALL_THICKNESS = 5.0
MAT_THICKNESS = 1.5
MAT_MARGIN = 12.0
SEAT_DEPTH = 40.0
CHAIR_BACK = 45.0


def prop_shapes(props: tuple[Prop, ...], start: Figure, now: Figure) -> tuple[Shape, ...]:
    """Where each prop is drawn.

    The mat, wall and chair stay where the start pose put them; a towel or band follows the body.
    """
    shapes: list[Shape] = []
    left, _bottom, right, _top = start.bounds()
    facing = 1.0 if start.near != "left" else -1.0
    for prop in props:
        if prop.kind is PropKind.MAT:
            shapes.append(
                Shape(prop.kind, box=(left - MAT_MARGIN, -MAT_THICKNESS, right + MAT_MARGIN, 0.0))
            )
        elif prop.kind is PropKind.WALL:
            back = min(
                start.points[name][0] * facing - radius_of(name)
                for name in ("pelvis", "chest", "neck")
            )
            inner = back * facing
            outer = (back - WALL_THICKNESS) * facing
            shapes.append(
                Shape(prop.kind, box=(min(inner, outer), 0.0, max(inner, outer), WALL_HEIGHT))
            )
        elif prop.kind is PropKind.CHAIR:
            x, y = start.points["pelvis"]
            seat = y - radius_of("pelvis")
            back_x = x - facing * (radius_of("pelvis") + 2.0)
            front_x = back_x + facing * SEAT_DEPTH
            shapes.append(
                Shape(
                    prop.kind,
                    line=(
                        (back_x, seat + CHAIR_BACK),
                        (back_x, 0.0),
                        (back_x, seat),
                        (front_x, seat),
                        (front_x, 0.0),
                    ),
                )
            )
        elif prop.between is not None:
            a, b = prop.between
            shapes.append(Shape(prop.kind, line=(now.points[a], now.points[b])))
    return tuple(shapes)
