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

A leg is placed in three dimensions and then seen from the view's side: flexion (``hip`` from
the side, ``hip_forward`` from the front), abduction (``hip`` from the front, ``hip_apart``
from the side: + apart, - crossed), the knee, and ``hip_out``: + swings a bent knee open to its
own side round the line from the hip to the ankle, so the foot stays where it is (knees
falling open with the soles together); - carries the leg, foot and all, across the body round
the lower trunk's long axis (a knee pulled across, a foot set beyond the other knee). What
points at the viewer looks shorter. ``twist`` turns the upper trunk against the pelvis (+
towards the figure's right): from the side the shoulders part along the trunk, from the front
the shoulder girdle looks narrower; the arms keep their angles as seen. ``Figure.depth`` says
how near the viewer each point is, and ``Figure.layers`` the order to draw the limbs in.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field, replace
from enum import StrEnum

Point = tuple[float, float]
Point3 = tuple[float, float, float]
"""Forward, up (along the lower trunk) and out to the limb's own side, in cm."""


class View(StrEnum):
    """The plane a pose is drawn in."""

    SIDE = "side"
    FRONT = "front"


class Rest(StrEnum):
    """What the body rests on, which says what must touch the floor."""

    LYING = "lying"
    SIDE_LYING = "side-lying"
    STANDING = "standing"
    ALL_FOURS = "all-fours"
    KNEELING = "kneeling"
    SITTING = "sitting"


SIDES = ("right", "left")
LIMB_JOINTS = (
    "shoulder",
    "arm_turn",
    "elbow",
    "hip",
    "hip_forward",
    "hip_apart",
    "hip_out",
    "knee",
    "ankle",
)
TRUNK_JOINTS = ("trunk", "spine", "neck", "twist")
TURNING_JOINTS = frozenset({"twist"})
"""Trunk joints that turn round the body's long axis: a mirror image turns the other way."""
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


@functools.cache
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
    depth: dict[str, float] = field(default_factory=dict)
    """How far each point is towards the viewer from the body's middle plane (cm)."""

    def layers(self) -> tuple[str, ...]:
        """The body's pieces in the order to draw them, furthest first.

        "trunk" (with the head), and per side "right_leg" and "right_arm". From the front they
        go by how near they are (a leg as its knee and ankle on average, an arm as its elbow),
        ties in the order legs, trunk, arms. From the side the far limbs go behind the trunk
        and the near ones in front, unless the near leg crosses behind the far one (a foot
        set beyond the other knee): then the far leg is drawn over it.
        """
        if self.near is None:
            usual = ["right_leg", "left_leg", "trunk", "right_arm", "left_arm"]
            return tuple(sorted(usual, key=self._how_near))
        near = self.near
        far = "left" if near == "right" else "right"
        order = [f"{far}_arm", f"{far}_leg", "trunk", f"{near}_leg", f"{near}_arm"]
        if self._how_near(f"{near}_leg") < self._how_near(f"{far}_leg"):
            order.remove(f"{far}_leg")
            order.insert(order.index(f"{near}_leg") + 1, f"{far}_leg")
        return tuple(order)

    def _how_near(self, layer: str) -> float:
        side, _, limb = layer.partition("_")
        joints = {"leg": ("knee", "ankle"), "arm": ("elbow",)}.get(limb, ())
        found = [self.depth.get(f"{side}_{joint}", 0.0) for joint in joints]
        # Rounded so that a limb a hair's breadth nearer keeps its usual place.
        return round(sum(found) / len(found)) if found else 0.0

    def lowest(self, names: tuple[str, ...] | None = None) -> float:
        """The lowest surface of the named points (all when None), in cm above the floor."""
        chosen = self.points if names is None else {name: self.points[name] for name in names}
        return min(y - radius_of(name) for name, (_x, y) in chosen.items())

    def bounds(self) -> tuple[float, float, float, float]:
        """The box around the body's surface: left, bottom, right, top."""
        return self._bounds

    @functools.cached_property
    def _bounds(self) -> tuple[float, float, float, float]:
        # Every frame asks for the start pose's box (props stand by it): worked out once.
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


def _turned(vector: Point3, axis: Point3, angle: float) -> Point3:
    """``vector`` swung round ``axis`` (through the origin) towards +lateral by ``angle``."""
    length = math.sqrt(sum(a * a for a in axis)) or 1.0
    unit = tuple(a / length for a in axis)
    along = sum(v * a for v, a in zip(vector, unit, strict=True))
    across = tuple(v - along * a for v, a in zip(vector, unit, strict=True))
    size = math.sqrt(sum(c * c for c in across))
    rad = math.radians(angle)
    forward, up, out = (along * a + math.cos(rad) * c for a, c in zip(unit, across, strict=True))
    return (forward, up, out + size * math.sin(rad))


def _leg(pose: Pose, side: str, *, apart: bool = True) -> dict[str, Point3]:
    """The leg's points from its hip, in the lower trunk's frame (``Point3``).

    ``apart`` False leaves out the abduction (the leg as it is before it is raised apart).
    """
    a = pose.angles
    front = pose.view is View.FRONT
    flexion = a[f"{side}_hip_forward"] if front else a[f"{side}_hip"]
    abduction = a[f"{side}_hip"] if front else a[f"{side}_hip_apart"]
    thigh = 180 - flexion
    knee = _step((0.0, 0.0), THIGH, thigh)
    shank = thigh + a[f"{side}_knee"]
    ankle = _step(knee, SHANK, shank)
    heel = _step(ankle, HEEL, shank)
    toe = _step(heel, FOOT, shank - (90 + a[f"{side}_ankle"]))
    flat = {"knee": knee, "ankle": ankle, "heel": heel, "toe": toe}
    leg = {name: (f, u, 0.0) for name, (f, u) in flat.items()}
    out = a[f"{side}_hip_out"]
    if out >= 0.0:
        leg["knee"] = _turned(leg["knee"], leg["ankle"], out)
    else:
        leg = {name: _turned(point, (0.0, 1.0, 0.0), out) for name, point in leg.items()}
    if not apart:
        return leg
    rad = math.radians(abduction)
    cos, sin = math.cos(rad), math.sin(rad)
    return {name: (f, u * cos + o * sin, o * cos - u * sin) for name, (f, u, o) in leg.items()}


def thigh_flexion(pose: Pose, side: str) -> float:
    """The hip's flexion as the thigh ends up, after ``hip_out`` has swung the knee.

    A knee fallen open towards the floor with the foot in place (the butterfly) is flexed
    less than the same leg before it swung: the written flexion is of the leg before. A leg
    carried across the body keeps its flexion.
    """
    written = pose.angles[f"{side}_hip_forward" if pose.view is View.FRONT else f"{side}_hip"]
    if pose.angles[f"{side}_hip_out"] <= 0.0:
        return written
    forward, up, _out = _leg(pose, side, apart=False)["knee"]
    return 180.0 - math.degrees(math.atan2(forward, up))


def _limbs(
    pose: Pose,
    side: str,
    lower: float,
    upper: float,
    points: dict[str, Point],
    depth: dict[str, float],
) -> None:
    front = pose.view is View.FRONT
    # From the side both limbs turn forward; from the front each turns out to its own side,
    # and the right side is on the viewer's left.
    sense = (-1.0 if side == "right" else 1.0) if front else 1.0
    # Out to the figure's right, seen from the side (its right side faces the viewer).
    lateral = 1.0 if side == "right" else -1.0
    a = pose.angles
    neck, pelvis = points["neck"], points["pelvis"]
    twist = math.radians(a["twist"])
    drop = _step(neck, SHOULDER_DROP, upper + 180)
    if front:
        shoulder = _step(drop, HALF_SHOULDERS * math.cos(twist), upper + 90 * sense)
        shoulder_depth = -lateral * HALF_SHOULDERS * math.sin(twist)
        hip = _step(pelvis, HALF_HIPS, lower + 90 * sense)
    else:
        shoulder = _step(drop, -lateral * HALF_SHOULDERS * math.sin(twist), upper + 90)
        shoulder_depth = lateral * HALF_SHOULDERS * math.cos(twist)
        hip = pelvis
    arm = upper + 180 - sense * a[f"{side}_shoulder"]
    elbow = _step(shoulder, UPPER_ARM, arm)
    bend = math.radians(a[f"{side}_elbow"])
    turn = math.radians(a[f"{side}_arm_turn"])
    along, across = math.cos(bend), math.sin(bend) * math.cos(turn)
    seen = FOREARM * math.hypot(along, across)
    hand = _step(elbow, seen, arm - sense * math.degrees(math.atan2(across, along)))
    up, forward = _direction(lower), _direction(lower + 90)
    out = _direction(lower + 90 * sense)
    leg: dict[str, Point] = {}
    for name, (f, u, o) in _leg(pose, side).items():
        if front:
            leg[name] = (hip[0] + o * out[0] + u * up[0], hip[1] + o * out[1] + u * up[1])
            depth[f"{side}_{name}"] = f
        else:
            leg[name] = (hip[0] + f * forward[0] + u * up[0], hip[1] + f * forward[1] + u * up[1])
            depth[f"{side}_{name}"] = lateral * (HALF_HIPS + o)
    if front and a[f"{side}_hip_forward"] == 0.0:
        # Seen from the front a foot under a hanging leg is a short stub turned out, below the
        # shank as seen; under a leg coming towards the viewer it is drawn as it is.
        dx, dy = leg["ankle"][0] - leg["knee"][0], leg["ankle"][1] - leg["knee"][1]
        shank = math.degrees(math.atan2(dx, dy)) if math.hypot(dx, dy) > 1.0 else lower + 180
        leg["heel"] = _step(leg["ankle"], RADII["ankle"], shank)
        leg["toe"] = _step(leg["heel"], FRONT_FOOT, shank - sense * (90 + a[f"{side}_ankle"]))
    hip_depth = 0.0 if front else lateral * HALF_HIPS
    for name, point, near in (
        ("shoulder", shoulder, shoulder_depth),
        ("elbow", elbow, shoulder_depth),
        ("hand", hand, shoulder_depth),
        ("hip", hip, hip_depth),
    ):
        points[f"{side}_{name}"] = point
        depth[f"{side}_{name}"] = near
    for name, point in leg.items():
        points[f"{side}_{name}"] = point


def place(pose: Pose) -> Figure:
    """The pose's points, resting on the floor: its lowest surface touches y = 0.

    ``pose.anchor`` stands at ``pose.x``; a figure facing left is the mirror image in x.
    """
    points, lower, upper = _trunk_points(pose)
    depth = dict.fromkeys(points, 0.0)
    for side in SIDES:
        _limbs(pose, side, lower, upper, points, depth)
    lift = pose.raised - min(y - radius_of(name) for name, (_x, y) in points.items())
    flip = -1.0 if pose.facing < 0 else 1.0
    shift = pose.x - flip * points[pose.anchor][0]
    placed = {name: (shift + flip * x, y + lift) for name, (x, y) in points.items()}
    if pose.view is View.FRONT:
        return Figure(placed, pose.view, None, depth)
    # The depths are towards the figure's right; a figure facing left shows its left side.
    seen = {name: flip * value for name, value in depth.items()}
    return Figure(placed, pose.view, "right" if pose.facing > 0 else "left", seen)
