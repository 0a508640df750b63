"""Moving between poses: easing, blending through an optional middle pose, mirroring.

Blending works on the joint angles, so a limb swings round its joint as a real one does, and
the figure is placed on the floor again at every moment.
"""

from __future__ import annotations

from dataclasses import replace

from exercise_timer.core.figures.skeleton import (
    JOINTS,
    SIDES,
    TRUNK_JOINTS,
    TURNING_JOINTS,
    Pose,
    View,
)


def ease(fraction: float) -> float:
    """Slow in, slow out (a smoothstep): 0 -> 0, 1 -> 1, clamped outside."""
    t = min(1.0, max(0.0, fraction))
    return t * t * (3.0 - 2.0 * t)


def _mix(start: float, end: float, t: float) -> float:
    # Written so that t = 1 gives ``end`` exactly and t = 0 ``start`` exactly.
    return start * (1.0 - t) + end * t


def blend(start: Pose, end: Pose, t: float) -> Pose:
    """The pose a fraction ``t`` (0 to 1, not eased) of the way from ``start`` to ``end``.

    What the body rests on and which points are lifted are those of the nearer pose.

    Raises:
        ValueError: The poses are drawn in different views or face opposite ways.
    """
    if start.view is not end.view or start.facing != end.facing:
        raise ValueError("poses to blend must share their view and facing")
    if t <= 0.0:
        return start
    if t >= 1.0:
        return end
    angles = {joint: _mix(start.angles[joint], end.angles[joint], t) for joint in JOINTS}
    nearer = start if t < 0.5 else end
    return Pose(
        angles,
        start.view,
        nearer.rest,
        start.facing,
        _mix(start.x, end.x, t),
        nearer.lifted,
        nearer.anchor,
        _mix(start.raised, end.raised, t),
    )


def pose_at(start: Pose, end: Pose, fraction: float, middle: Pose | None = None) -> Pose:
    """The pose ``fraction`` of the way through a movement, eased, through ``middle`` if given.

    With a middle pose the movement reaches it halfway (by time), each half eased on its own,
    so the figure pauses briefly there as a person does between crossing the legs and pulling.
    """
    if middle is None:
        return blend(start, end, ease(fraction))
    if fraction < 0.5:
        return blend(start, middle, ease(fraction * 2.0))
    return blend(middle, end, ease(fraction * 2.0 - 1.0))


def _swapped(angles: dict[str, float]) -> dict[str, float]:
    result = {joint: angles[joint] for joint in TRUNK_JOINTS}
    for joint in JOINTS:
        side, _, name = joint.partition("_")
        if side in SIDES:
            other = "left" if side == "right" else "right"
            result[joint] = angles[f"{other}_{name}"]
    return result


def swap_name(name: str) -> str:
    """A body part's name for the other side ("right_leg" <-> "left_leg")."""
    if name.startswith("right_"):
        return "left_" + name.removeprefix("right_")
    if name.startswith("left_"):
        return "right_" + name.removeprefix("left_")
    return name


def mirror(pose: Pose) -> Pose:
    """The pose done with the other side: left and right swapped, drawn as a mirror image.

    From the side the figure turns round (so the working limb stays the nearer one); from the
    front it leans and reaches to the other side. Either way a twisted trunk turns the other
    way.
    """
    angles = _swapped(pose.angles)
    lifted = frozenset(swap_name(name) for name in pose.lifted)
    for joint in TURNING_JOINTS:
        angles[joint] = -angles[joint]
    if pose.view is View.FRONT:
        for joint in set(TRUNK_JOINTS) - TURNING_JOINTS:
            angles[joint] = -angles[joint]
        facing = pose.facing
    else:
        facing = -pose.facing
    return Pose(
        angles, pose.view, pose.rest, facing, -pose.x, lifted, swap_name(pose.anchor), pose.raised
    )


def both_sides(pose: Pose) -> Pose:
    """The pose done with both sides at once: the left limbs copy the right ones."""
    angles = dict(pose.angles)
    for joint in JOINTS:
        if joint.startswith("right_"):
            angles["left_" + joint.removeprefix("right_")] = angles[joint]
    lifted = pose.lifted | {swap_name(name) for name in pose.lifted}
    return replace(pose, angles=angles, lifted=frozenset(lifted))
