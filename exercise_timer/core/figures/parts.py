"""The body's drawn segments, the body parts a figure file may highlight, and its props.

A segment joins two points of a ``Figure`` (one point: a round blob, such as the head). A body
part is one or more segments: "right_leg" is the right thigh, shank and foot. Parts are named
for the right side; a mirrored pose highlights the left one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from enum import StrEnum

from exercise_timer.core.figures.blend import swap_name
from exercise_timer.core.figures.skeleton import SIDES, Figure, Point, View, radius_of


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
            "flank": ("hip", "shoulder"),
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
    "side": ("flank",),
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
"""The body parts a figure file may name in ``highlight``, and the segments each lights up.

"right_side" is the right side of the trunk (a side bend to the left stretches it): a stripe
along the trunk's right edge from the front, along its middle from the side."""

FLANK_HIP = 0.9
"""A flank starts this far from the pelvis towards its hip, and ``FLANK_ABOVE_HIP`` cm up."""
FLANK_ABOVE_HIP = 5.0
FLANK_SHOULDER = 0.6
"""A flank ends this far from the chest towards its shoulder (under the armpit)."""


def flank_line(figure: Figure, side: str) -> tuple[Point, Point]:
    """Where the side of the trunk (``{side}_flank``) is drawn: from the waist to the armpit."""
    pts = figure.points
    (px, py), (hx, hy) = pts["pelvis"], pts[f"{side}_hip"]
    (cx, cy), (sx, sy) = pts["chest"], pts[f"{side}_shoulder"]
    length = math.hypot(cx - px, cy - py) or 1.0
    up = ((cx - px) / length, (cy - py) / length)
    waist = (
        px + (hx - px) * FLANK_HIP + up[0] * FLANK_ABOVE_HIP,
        py + (hy - py) * FLANK_HIP + up[1] * FLANK_ABOVE_HIP,
    )
    armpit = (cx + (sx - cx) * FLANK_SHOULDER, cy + (sy - cy) * FLANK_SHOULDER)
    return waist, armpit


class PropKind(StrEnum):
    """Things an exercise uses besides the body."""

    MAT = "mat"
    WALL = "wall"
    CHAIR = "chair"
    ARMCHAIR = "armchair"
    TOWEL = "towel"
    BAND = "band"
    CUSHION = "cushion"
    BALL = "ball"
    SUPPORT = "support"
    POST = "post"


HELD_PROPS = frozenset({PropKind.TOWEL, PropKind.BAND, PropKind.CUSHION, PropKind.BALL})
"""Props held between two points of the body; they move with it."""

PLACED_PROPS = frozenset({PropKind.SUPPORT, PropKind.POST})
"""Props that stand where the held pose meets them: a support under a foot, a post in a hand."""

CHAIRS = frozenset({PropKind.CHAIR, PropKind.ARMCHAIR})


@dataclass(frozen=True)
class Prop:
    """A prop of an exercise.

    Attributes:
        kind: What it is.
        between: The two points of the body a held prop goes with: a towel or band runs
            between them, a cushion or ball is squeezed between them.
        at: Where the body meets a placed prop (cm): the top of a support under a point of
            the held pose, the grip of a post in a hand; the reader works it out.
        front: A wall the figure faces, its hands on it (else the wall is at its back).
    """

    kind: PropKind
    between: tuple[str, str] | None = None
    at: Point | None = None
    front: bool = False

    def mirrored(self) -> Prop:
        """The prop for the other side: its points of the body swapped, its place mirrored.

        A mirrored pose is drawn as the mirror image in x (``blend.mirror``), so what stands at
        x stands at -x.
        """
        between = (
            (swap_name(self.between[0]), swap_name(self.between[1]))
            if self.between is not None
            else None
        )
        at = (-self.at[0], self.at[1]) if self.at is not None else None
        return replace(self, between=between, at=at)


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
SEAT_WIDTH = 46.0
CHAIR_BACK = 45.0
ARMREST_HEIGHT = 22.0
"""Above the seat."""
CUSHION_HALF = (16.0, 12.0)
"""Half a cushion's length and height: a small pillow, seen from its side."""
CUSHION_PAST = 4.0
"""From the side, how far a cushion or ball shows past the points it is held between."""
BALL_RADIUS = 11.0
"""A soft ball about 22 cm across, of the kind squeezed between the knees."""
SUPPORT_HALF_WIDTH = 18.0
"""A step, low bench or sturdy table about 36 cm wide."""
POST_ABOVE = 12.0
"""A post rises this far above the hand that holds it."""


def _wall(start: Figure, facing: float, front: bool) -> Shape:
    if front:
        # The wall's face is where the foremost hand touches it.
        face = max(start.points[f"{side}_hand"][0] * facing + radius_of("hand") for side in SIDES)
        inner, outer = face * facing, (face + WALL_THICKNESS) * facing
    else:
        back = min(
            start.points[name][0] * facing - radius_of(name) for name in ("pelvis", "chest", "neck")
        )
        inner, outer = back * facing, (back - WALL_THICKNESS) * facing
    return Shape(PropKind.WALL, box=(min(inner, outer), 0.0, max(inner, outer), WALL_HEIGHT))


def _front_chair(kind: PropKind, start: Figure) -> Shape:
    """A chair seen from the front: its back behind the body, its seat under the pelvis."""
    x, y = start.points["pelvis"]
    seat = y - radius_of("pelvis")
    half = SEAT_WIDTH / 2
    left, right, top = x - half, x + half, seat + CHAIR_BACK
    line: tuple[Point, ...] = (
        (left, 0.0),
        (left, top),
        (right, top),
        (right, 0.0),
        (right, seat),
        (left, seat),
    )
    return Shape(kind, line=line)


def _chair(kind: PropKind, start: Figure, facing: float) -> Shape:
    if start.view is View.FRONT:
        return _front_chair(kind, start)
    x, y = start.points["pelvis"]
    seat = y - radius_of("pelvis")
    back_x = x - facing * (radius_of("pelvis") + 2.0)
    front_x = back_x + facing * SEAT_DEPTH
    line: tuple[Point, ...] = (
        (back_x, seat + CHAIR_BACK),
        (back_x, 0.0),
        (back_x, seat),
        (front_x, seat),
        (front_x, 0.0),
    )
    if kind is PropKind.ARMCHAIR:
        rest_y = seat + ARMREST_HEIGHT
        arm_end = back_x + facing * (SEAT_DEPTH - 4.0)
        line = (*line, (front_x, seat), (arm_end, seat), (arm_end, rest_y), (back_x, rest_y))
    return Shape(kind, line=line)


def _held(prop: Prop, now: Figure) -> Shape:
    assert prop.between is not None
    (ax, ay), (bx, by) = (now.points[name] for name in prop.between)
    if prop.kind in (PropKind.TOWEL, PropKind.BAND):
        return Shape(prop.kind, line=((ax, ay), (bx, by)))
    cx, cy = (ax + bx) / 2, (ay + by) / 2
    half_x, half_y = CUSHION_HALF if prop.kind is PropKind.CUSHION else (BALL_RADIUS,) * 2
    if now.view is View.SIDE:
        # From the side the two knees are one behind the other: the cushion between them shows
        # just inside them, toward the body, not sticking out past the knees.
        px, py = now.points["pelvis"]
        length = math.hypot(px - cx, py - cy)
        if length > 0:
            inset = min(half_x - CUSHION_PAST, length)
            cx, cy = cx + (px - cx) * inset / length, cy + (py - cy) * inset / length
    return Shape(prop.kind, box=(cx - half_x, cy - half_y, cx + half_x, cy + half_y))


def _placed(prop: Prop) -> Shape:
    assert prop.at is not None
    x, y = prop.at
    if prop.kind is PropKind.SUPPORT:
        return Shape(prop.kind, box=(x - SUPPORT_HALF_WIDTH, 0.0, x + SUPPORT_HALF_WIDTH, y))
    return Shape(prop.kind, line=((x, 0.0), (x, y + POST_ABOVE)))


def prop_shapes(props: tuple[Prop, ...], start: Figure, now: Figure) -> tuple[Shape, ...]:
    """Where each prop is drawn.

    The mat, wall and chair stay where the start pose put them, a support or post where the
    held pose meets it; a towel, band, cushion or ball follows the body.
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
            shapes.append(_wall(start, facing, prop.front))
        elif prop.kind in CHAIRS:
            shapes.append(_chair(prop.kind, start, facing))
        elif prop.kind in PLACED_PROPS and prop.at is not None:
            shapes.append(_placed(prop))
        elif prop.kind in HELD_PROPS and prop.between is not None:
            shapes.append(_held(prop, now))
    return tuple(shapes)
