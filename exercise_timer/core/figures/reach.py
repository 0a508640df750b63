"""Placing a hand on a point of the body: the arm's two angles that reach it.

A figures file says where a hand is (on a knee, on the lower back) and the angles follow.
"""

from __future__ import annotations

import math

from exercise_timer.core.figures.skeleton import (
    FOREARM,
    UPPER_ARM,
    Point,
    Pose,
    View,
    place,
)

REACH_MARGIN = 0.5
"""A target further than the arm's length is reached with the arm this far from straight."""


def _normal(angle: float) -> float:
    return (angle + 180.0) % 360.0 - 180.0


def target_point(pose: Pose, target: str, offset: tuple[float, float]) -> Point:
    """A point of the body moved by ``offset``: forward and up in the lower trunk's frame."""
    points = place(pose).points
    x, y = points[target]
    trunk = math.radians(pose.angle("trunk"))
    up = (math.sin(trunk), math.cos(trunk))
    forward = (math.cos(trunk), -math.sin(trunk))
    ahead, above = offset
    flip = 1.0 if pose.facing > 0 else -1.0
    return (
        x + flip * (ahead * forward[0] + above * up[0]),
        y + ahead * forward[1] + above * up[1],
    )


def reach(pose: Pose, side: str, target: str, offset: tuple[float, float] = (0.0, 0.0)) -> Pose:
    """The pose with the ``side`` arm's shoulder and elbow set so the hand is at ``target``.

    The elbow bends the way a real one does (flexion); a target out of reach is pointed at
    with the arm almost straight.
    """
    goal = target_point(pose, target, offset)
    shoulder = place(pose).points[f"{side}_shoulder"]
    flip = 1.0 if pose.facing > 0 else -1.0
    dx, dy = (goal[0] - shoulder[0]) * flip, goal[1] - shoulder[1]
    low, high = abs(UPPER_ARM - FOREARM) + REACH_MARGIN, UPPER_ARM + FOREARM - REACH_MARGIN
    distance = min(max(math.hypot(dx, dy), low), high)
    towards = math.degrees(math.atan2(dx, dy))
    at_shoulder = math.degrees(
        math.acos((UPPER_ARM**2 + distance**2 - FOREARM**2) / (2 * UPPER_ARM * distance))
    )
    sense = -1.0 if pose.view is View.FRONT and side == "right" else 1.0
    upper = pose.angle("trunk") + pose.angle("spine")
    choices = []
    for arm in (towards + at_shoulder, towards - at_shoulder):
        elbow_dx = UPPER_ARM * math.sin(math.radians(arm))
        elbow_dy = UPPER_ARM * math.cos(math.radians(arm))
        fore = math.degrees(math.atan2(dx - elbow_dx, dy - elbow_dy))
        choices.append((arm, _normal(sense * (arm - fore)), elbow_dx))
    if pose.view is View.FRONT:
        # Seen from the front an elbow points away from the body (a hand on the hip).
        arm, elbow, _dx = max(choices, key=lambda choice: sense * choice[2])
    else:
        arm, elbow, _dx = max(choices, key=lambda choice: choice[1])
    changes = {
        f"{side}_shoulder": round(_normal(sense * (upper + 180.0 - arm)), 1),
        f"{side}_elbow": round(elbow, 1),
    }
    return pose.with_angles(**changes)
