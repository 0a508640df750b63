"""The body: joint angles in, points on a floor line out (forward kinematics in 2-D).

A pose is drawn in one plane: from the side (``View.SIDE``, flexion and extension) or from the
front (``View.FRONT``, bending and raising to the side). Units are centimetres of a body about
170 cm tall; y points up and the floor is y = 0.

Angles are in degrees. Every direction is measured from straight up, turning towards the
figure's front (+x when it faces right). ``trunk`` is the direction of the lower trunk
(pelvis to chest): 0 standing, 90 bent forward level, -90 lying on the back with the head to
the left. ``spine`` bends the upper trunk against the lower (positive: rounding forward,
negative: arching back) and ``neck`` the head against the upper trunk. The limbs' angles are
the clinical ones: shoulder and hip flexion (negative: extension), elbow and knee flexion,
ankle dorsiflexion (negative: pointing the toes); ``arm_turn`` is the shoulder's inward
rotation, which turns a bent forearm out of the plane (a hand on the lower back lies across
it, so it looks shorter). From the front, the shoulder and hip angles
raise the limb out to its own side and ``trunk``, ``spine`` and ``neck`` lean towards the
figure's left (the viewer's right).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from enum import StrEnum

Point = tuple[float, float]


class View(StrEnum):
    """The plane a pose is drawn in."""

    SIDE = "side"
    FRONT = "front"


class Rest(StrEnum):
    """What the body rests on, which says what must touch the floor."""

    LYING = "lying"
    STANDING = "standing"
    ALL_FOURS = "all-fours"
    KNEELING = "kneeling"
    SITTING = "sitting"


SIDES = ("right", "left")
LIMB_JOINTS = ("shoulder", "arm_turn", "elbow", "hip", "knee", "ankle")
TRUNK_JOINTS = ("trunk", "spine", "neck")
JOINTS: tuple[str, ...] = TRUNK_JOINTS + tuple(
    f"{side}_{joint}" for side in SIDES for joint in LIMB_JOINTS
)
"""Every angle a pose has, in a fixed order."""

LOWER_TRUNK = 26.0
UPPER_TRUNK = 26.0
NECK_TO_HEAD = 17.0
SHOULDER_DROP = 4.0
"""The shoulder joint lies this far below the base of the neck, along the upper trunk."""
UPPER_ARM = 29.0
FOREARM = 33.0
"""Elbow to the middle of the hand."""
THIGH = 44.0
SHANK = 42.0
HEEL = 6.0
"""Ankle to heel, along the shank."""
FOOT = 21.0
FRONT_FOOT = 9.0
"""The foot seen from the front: a short stub."""
HALF_SHOULDERS = 17.0
HALF_HIPS = 9.0

RADII: dict[str, float] = {
    "pelvis": 10.0,
    "chest": 11.0,
    "neck": 10.0,
    "head": 11.0,
    "shoulder": 7.0,
    "elbow": 4.5,
    "hand": 4.0,
    "hip": 8.0,
    "knee": 5.5,
    "ankle": 4.5,
    "heel": 2.5,
    "toe": 2.0,
}
"""Half the body's thickness at each point: what touches the floor is the surface, not the
joint's centre."""


def radius_of(point: str) -> float:
    """The thickness around a named point ("right_knee" -> the knee's)."""
    return RADII[point.split("_", 1)[-1]]


def _direction(angle: float) -> Point:
    rad = math.radians(angle)
    return (math.sin(rad), math.cos(rad))


def _step(origin: Point, length: float, angle: float) -> Point:
    dx, dy = _direction(angle)
    return (origin[0] + length * dx, origin[1] + length * dy)


@dataclass(frozen=True)
class Pose:
    """A body position: every joint angle, the view, what it rests on and where it faces.

    Attributes:
        angles: One value for each name in ``JOINTS`` (degrees).
        view: The plane it is drawn in.
        rest: What the body rests on.
        facing: 1 when the figure faces right (from the side) or the viewer (from the front);
            -1 for its mirror image from the side.
        x: Where ``anchor`` stands on the floor line (cm).
        anchor: The point that stays where it is while the body moves (the pelvis, the heels
            of a pelvic lift, the hands and knees on all fours).
        lifted: Points that would normally touch the floor for ``rest`` but are lifted in this
            pose (a hand reaching forward, a leg stretched back).
        raised: How far the body's lowest surface is above the floor (cm): feet lifted while
            sitting on a chair.
    """

    angles: dict[str, float]
    view: View = View.SIDE
    rest: Rest = Rest.STANDING
    facing: int = 1
    x: float = 0.0
    lifted: frozenset[str] = field(default_factory=frozenset)
    anchor: str = "pelvis"
    raised: float = 0.0

    def angle(self, joint: str) -> float:
        """One joint's angle (degrees)."""
        return self.angles[joint]

    def with_angles(self, **changes: float) -> Pose:
        """The same pose with some angles changed."""
        unknown = set(changes) - set(JOINTS)
        if unknown:
            raise KeyError(f"unknown joints: {sorted(unknown)}")
        return replace(self, angles={**self.angles, **changes})


def neutral(view: View = View.SIDE, rest: Rest = Rest.STANDING) -> Pose:
    """Standing upright, arms hanging, every angle 0."""
    return Pose(dict.fromkeys(JOINTS, 0.0), view, rest)


@dataclass(frozen=True)
class Figure:
    """A pose placed on the floor: the named points, and which limbs are nearer the viewer.

    ``points`` holds "pelvis", "chest", "neck", "head" and for each side "right_shoulder",
    "right_elbow", "right_hand", "right_hip", "right_knee", "right_ankle", "right_heel",
    "right_toe" (and the same for "left_").
    """

    points: dict[str, Point]
    view: View
    near: str | None
    """The side drawn in front ("right" or "left"); None from the front."""

    def lowest(self, names: tuple[str, ...] | None = None) -> float:
        """The lowest surface of the named points (all when None), in cm above the floor."""
        chosen = self.points if names is None else {name: self.points[name] for name in names}
        return min(y - radius_of(name) for name, (_x, y) in chosen.items())

    def bounds(self) -> tuple[float, float, float, float]:
        """The box around the body's surface: left, bottom, right, top."""
        xs = [(x - radius_of(n), x + radius_of(n)) for n, (x, _y) in self.points.items()]
        ys = [(y - radius_of(n), y + radius_of(n)) for n, (_x, y) in self.points.items()]
        return (
            min(low for low, _ in xs),
            min(low for low, _ in ys),
            max(high for _, high in xs),
            max(high for _, high in ys),
        )


def _trunk_points(pose: Pose) -> tuple[dict[str, Point], float, float]:
    lower = pose.angle("trunk")
    upper = lower + pose.angle("spine")
    points: dict[str, Point] = {"pelvis": (0.0, 0.0)}
    points["chest"] = _step(points["pelvis"], LOWER_TRUNK, lower)
    points["neck"] = _step(points["chest"], UPPER_TRUNK, upper)
    points["head"] = _step(points["neck"], NECK_TO_HEAD, upper + pose.angle("neck"))
    return points, lower, upper


def _limbs(pose: Pose, side: str, lower: float, upper: float, points: dict[str, Point]) -> None:
    front = pose.view is View.FRONT
    # From the side both limbs turn forward; from the front each turns out to its own side,
    # and the right side is on the viewer's left.
    sense = (-1.0 if side == "right" else 1.0) if front else 1.0
    a = pose.angles
    neck, pelvis = points["neck"], points["pelvis"]
    if front:
        shoulder = _step(
            _step(neck, SHOULDER_DROP, upper + 180), HALF_SHOULDERS, upper + 90 * sense
        )
        hip = _step(pelvis, HALF_HIPS, lower + 90 * sense)
    else:
        shoulder = _step(neck, SHOULDER_DROP, upper + 180)
        hip = pelvis
    arm = upper + 180 - sense * a[f"{side}_shoulder"]
    elbow = _step(shoulder, UPPER_ARM, arm)
    bend = math.radians(a[f"{side}_elbow"])
    turn = math.radians(a[f"{side}_arm_turn"])
    along, across = math.cos(bend), math.sin(bend) * math.cos(turn)
    seen = FOREARM * math.hypot(along, across)
    hand = _step(elbow, seen, arm - sense * math.degrees(math.atan2(across, along)))
    thigh = lower + 180 - sense * a[f"{side}_hip"]
    knee = _step(hip, THIGH, thigh)
    shank = thigh + sense * a[f"{side}_knee"]
    ankle = _step(knee, SHANK, shank)
    foot = shank - sense * (90 + a[f"{side}_ankle"])
    if front:
        heel = _step(ankle, RADII["ankle"], shank)
        toe = _step(heel, FRONT_FOOT, foot)
    else:
        heel = _step(ankle, HEEL, shank)
        toe = _step(heel, FOOT, foot)
    for name, point in (
        ("shoulder", shoulder),
        ("elbow", elbow),
        ("hand", hand),
        ("hip", hip),
        ("knee", knee),
        ("ankle", ankle),
        ("heel", heel),
        ("toe", toe),
    ):
        points[f"{side}_{name}"] = point


def place(pose: Pose) -> Figure:
    """The pose's points, resting on the floor: its lowest surface touches y = 0.

    ``pose.anchor`` stands at ``pose.x``; a figure facing left is the mirror image in x.
    """
    points, lower, upper = _trunk_points(pose)
    for side in SIDES:
        _limbs(pose, side, lower, upper, points)
    lift = pose.raised - min(y - radius_of(name) for name, (_x, y) in points.items())
    flip = -1.0 if pose.facing < 0 else 1.0
    shift = pose.x - flip * points[pose.anchor][0]
    placed = {name: (shift + flip * x, y + lift) for name, (x, y) in points.items()}
    near = None if pose.view is View.FRONT else ("right" if pose.facing > 0 else "left")
    return Figure(placed, pose.view, near)
