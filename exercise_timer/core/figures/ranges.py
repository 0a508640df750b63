"""The one table of joint ranges: how far a healthy adult's joints go, per view.

From the side the values are the usual active ranges of motion of clinical goniometry (the
American Academy of Orthopaedic Surgeons' averages, rounded outwards by a few degrees so that a
figure may show a full but ordinary movement): shoulder flexion 180 and extension 60, the
shoulder's inward rotation 70 and outward 90, elbow flexion 150, hip extension 30, ankle
dorsiflexion 20 and plantarflexion 50, the spine's flexion 60 and extension 35 (lumbar and
thoracic together), the neck's flexion 50 and extension 60. From the front: shoulder abduction
180 and adduction 30, hip abduction 45 and adduction 30, the trunk's side bend 35 and the
neck's 45; the elbow seen from the front is the projection of a bent and turned arm (a hand on
the hip points inwards), so it may go either way. The trunk's rotation (``twist``) is 45 each
way (thoracic and lumbar together).

A leg is the same in both views; each view has its own key for the movement it cannot show
as an angle in its plane: ``hip_forward`` is the flexion seen from the front (the side view's
``hip``, so 0 from the side) and ``hip_apart`` the abduction seen from the side (the front
view's ``hip``, so 0 from the front). ``hip_out`` swings a bent knee out to its side or across
the body with the foot kept where it is: out to 80 (knees falling open with the soles
together, the hip abducting and turning outwards together, as in the butterfly stretch),
across to 50 (the hip's adduction in flexion, about 35, with the pelvis rolling a little as
when a knee is pulled across the body).

The hip and the knee go as far as they are pushed, not only as far as their muscles pull them
(passive range): kneeling and sitting back on the heels (child's pose) folds the knee to about
155 and the hip to about 135, and hands pulling a knee to the chest do the same to the hip.
So the knee goes to 160 (active 140, passive 155 to 160) and the hip, knee bent, to 135 (active
120, passive 130 to 140).

``trunk`` is not a joint but the body's whole lean (lying, bending over), so any direction.
"""

from __future__ import annotations

from exercise_timer.core.figures.skeleton import JOINTS, View
from exercise_timer.core.limits import Limit

_SIDE: dict[str, Limit] = {
    "trunk": Limit(-180, 180),
    "spine": Limit(-35, 60),
    "neck": Limit(-60, 50),
    "shoulder": Limit(-60, 180),
    "elbow": Limit(0, 150),
    "arm_turn": Limit(-90, 70),
    "hip": Limit(-30, 135),
    "hip_forward": Limit(0, 0),
    "hip_apart": Limit(-30, 45),
    "hip_out": Limit(-50, 80),
    "knee": Limit(0, 160),
    "ankle": Limit(-50, 20),
    "twist": Limit(-45, 45),
}

_FRONT: dict[str, Limit] = {
    "trunk": Limit(-180, 180),
    "spine": Limit(-35, 35),
    "neck": Limit(-45, 45),
    "shoulder": Limit(-30, 180),
    "elbow": Limit(-150, 150),
    "arm_turn": Limit(-90, 70),
    "hip": Limit(-30, 45),
    "hip_forward": Limit(-30, 135),
    "hip_apart": Limit(0, 0),
    "hip_out": Limit(-50, 80),
    "knee": Limit(0, 160),
    "ankle": Limit(-50, 20),
    "twist": Limit(-45, 45),
}


def _unsided(joint: str) -> str:
    return joint.removeprefix("right_").removeprefix("left_")


JOINT_RANGES: dict[View, dict[str, Limit]] = {
    View.SIDE: {joint: _SIDE[_unsided(joint)] for joint in JOINTS},
    View.FRONT: {joint: _FRONT[_unsided(joint)] for joint in JOINTS},
}
"""For each view, each joint of ``JOINTS``: the range its angle must lie in (degrees)."""


def joint_range(view: View, joint: str) -> Limit:
    """The range of one joint ("right_knee") seen in ``view``."""
    return JOINT_RANGES[view][joint]
