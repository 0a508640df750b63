"""Checks: a pose a person can take, resting where it says; a figures file that covers its routine.

A pose's angles must lie within ``ranges.JOINT_RANGES``. What it rests on must touch the
floor: lying, some of the trunk; lying on the side, a hip and a shoulder (the lower ones);
standing, both feet (heel and toes); on all fours, both hands
and both knees; kneeling, both knees; sitting, the pelvis or the feet (on a chair the feet).
A point the pose lists as lifted is excused; a pose ``raised`` off the floor (feet lifted
while sitting on a chair) is checked at that height.
"""

from __future__ import annotations

from exercise_timer.core.figures.book import ExerciseFigure, FigureBook
from exercise_timer.core.figures.ranges import joint_range
from exercise_timer.core.figures.skeleton import (
    JOINTS,
    SIDES,
    Pose,
    Rest,
    View,
    place,
    thigh_flexion,
)
from exercise_timer.core.i18n import _
from exercise_timer.core.model import Exercise, Routine
from exercise_timer.core.toml_reader import plain

TOUCHING_CM = 3.0
"""A surface this close to the floor touches it (the drawing is a few pixels at most)."""

ANY_OF = "any"
ALL_OF = "all"

_FEET = ("right_heel", "right_toe", "left_heel", "left_toe")
_ON_THE_FLOOR: dict[Rest, tuple[tuple[str, tuple[str, ...]], ...]] = {
    Rest.LYING: ((ANY_OF, ("pelvis", "chest", "neck")),),
    Rest.SIDE_LYING: (
        (ANY_OF, ("right_hip", "left_hip")),
        (ANY_OF, ("right_shoulder", "left_shoulder")),
    ),
    Rest.STANDING: ((ALL_OF, _FEET),),
    Rest.ALL_FOURS: ((ALL_OF, ("right_hand", "left_hand", "right_knee", "left_knee")),),
    Rest.KNEELING: ((ALL_OF, ("right_knee", "left_knee")),),
    Rest.SITTING: ((ANY_OF, ("pelvis", "right_heel", "left_heel")),),
}
"""For each way of resting, groups of points: of each group all, or any, must touch the floor."""

VIEW_ONLY = {"hip_forward": ("front", "hip"), "hip_apart": ("side", "hip")}
"""Joints one view shows only as depth: the view that draws them, and the other view's key."""


def angle_problem(pose: Pose, joint: str) -> str | None:
    """A sentence if the joint's angle is outside its range, else None.

    The hip's flexion is checked as the thigh ends up (``skeleton.thigh_flexion``).
    """
    limit = joint_range(pose.view, joint)
    value = pose.angles[joint]
    side, _sep, name = joint.partition("_")
    flexion = "hip_forward" if pose.view is View.FRONT else "hip"
    if side in SIDES and name == flexion:
        value = round(thigh_flexion(pose, side), 1)
    if limit.contains(value):
        return None
    if side not in SIDES:
        name = joint
    if name in VIEW_ONLY and limit.low == limit.high:
        view, instead = VIEW_ONLY[name]
        return _(
            '{joint} is only for view = "{view}"; seen from the {seen} the same movement '
            "is {instead}"
        ).format(joint=joint, view=view, seen=pose.view.value, instead=instead)
    return _(
        "{joint} = {value} is beyond what a person's joint does seen from the "
        "{view} ({low} to {high} degrees); use an angle in that range"
    ).format(
        joint=joint,
        value=plain(value),
        view=pose.view.value,
        low=plain(limit.low),
        high=plain(limit.high),
    )


def range_problems(pose: Pose) -> list[str]:
    """One sentence per angle outside its joint's range."""
    found = (angle_problem(pose, joint) for joint in JOINTS)
    return [problem for problem in found if problem is not None]


def floor_problems(pose: Pose) -> list[str]:
    """One sentence if what the pose rests on does not touch the floor."""
    figure = place(pose)
    problems = []
    for how, points in _ON_THE_FLOOR[pose.rest]:
        needed = tuple(point for point in points if point not in pose.lifted)
        if not needed:
            continue
        touching = [
            point for point in needed if figure.lowest((point,)) - pose.raised <= TOUCHING_CM
        ]
        if (how == ANY_OF and touching) or (how == ALL_OF and len(touching) == len(needed)):
            continue
        missing = ", ".join(point for point in needed if point not in touching)
        problem = _(
            'a pose resting "{rest}" must touch the floor with {points}, but {missing} do not; '
            'change the angles, or list a point lifted on purpose in lifted = ["..."]'
        ).format(rest=pose.rest.value, points=", ".join(needed), missing=missing)
        problems.append(problem)
    return problems


def pose_problems(pose: Pose) -> list[str]:
    """Everything wrong with one pose, one sentence each."""
    return range_problems(pose) + floor_problems(pose)


def _poses(figure: ExerciseFigure) -> list[Pose]:
    poses = [figure.start]
    for stage in figure.stages:
        poses.append(stage.end)
        if stage.middle is not None:
            poses.append(stage.middle)
    if figure.return_middle is not None:
        poses.append(figure.return_middle)
    return poses


def book_problems(book: FigureBook) -> list[str]:
    """Every pose problem of a book, each sentence naming its exercise."""
    problems: list[str] = []
    for figure in book.figures:
        name = figure.exercise if figure.variant is None else f"{figure.exercise}/{figure.variant}"
        for pose in _poses(figure):
            problems.extend(
                _("exercise {name}: {problem}").format(name=name, problem=problem)
                for problem in pose_problems(pose)
            )
    return problems


def coverage_problems(book: FigureBook, routine: Routine) -> list[str]:
    """What the book lacks for its routine, one sentence each.

    An exercise or variant without poses, a stage count that differs from the routine's, an
    exercise the routine does not have.
    """
    problems = []
    known: set[tuple[str, str | None]] = set()
    for exercise in routine.exercises:
        for variant in (None, *(v.id for v in exercise.variants)):
            known.add((exercise.id, variant))
            label = exercise.id if variant is None else f"{exercise.id}/{variant}"
            figure = book.find(exercise.id, variant)
            if figure is None or (variant is not None and not book.has(exercise.id, variant)):
                problems.append(
                    _("exercise {name} has no poses; add an [[exercises]] entry for it").format(
                        name=label
                    )
                )
                continue
            stages = _stage_count(exercise, variant)
            if len(figure.stages) != stages:
                problems.append(
                    _(
                        "exercise {name} has {count} stages in the routine but {poses} in its "
                        "figure; give one [[exercises.stages]] per stage"
                    ).format(name=label, count=stages, poses=len(figure.stages))
                )
    for figure in book.figures:
        if (figure.exercise, figure.variant) not in known:
            problems.append(
                _("exercise {name} is not in routine {routine}; remove it or fix the id").format(
                    name=figure.exercise, routine=routine.id
                )
            )
    return problems


def _stage_count(exercise: Exercise, variant: str | None) -> int:
    for candidate in exercise.variants:
        if candidate.id == variant and candidate.stages:
            return len(candidate.stages)
    return len(exercise.stages)
