"""The figure model: joint angles to points on the floor, blends, mirroring, reaching."""

from __future__ import annotations

import math

import pytest

from exercise_timer.core.figures.blend import both_sides, ease, mirror, pose_at, swap_name
from exercise_timer.core.figures.checks import floor_problems, range_problems
from exercise_timer.core.figures.reach import reach
from exercise_timer.core.figures.skeleton import JOINTS, Figure, Pose, Rest, View, neutral, place


def flipped(figure: Figure) -> dict[str, tuple[float, float]]:
    """The figure's mirror image in x, each point under the other side's name."""
    return {swap_name(name): (-x, y) for name, (x, y) in figure.points.items()}


def close(a: dict[str, tuple[float, float]], b: dict[str, tuple[float, float]]) -> bool:
    return a.keys() == b.keys() and all(
        math.isclose(a[k][0], b[k][0], abs_tol=1e-9)
        and math.isclose(a[k][1], b[k][1], abs_tol=1e-9)
        for k in a
    )


def lying_knee_bent() -> Pose:
    return neutral(rest=Rest.LYING).with_angles(
        trunk=-90, right_hip=45, right_knee=105, right_ankle=-30, left_hip=-4
    )


def test_standing_figure_stands_on_its_feet_about_170_cm_tall() -> None:
    figure = place(neutral())
    assert figure.lowest(("right_heel", "right_toe", "left_heel", "left_toe")) == pytest.approx(0)
    assert figure.points["head"][1] > figure.points["neck"][1] > figure.points["pelvis"][1]
    assert 160 < figure.bounds()[3] < 180


def test_lying_on_the_back_puts_the_trunk_on_the_floor_and_the_head_left() -> None:
    figure = place(lying_knee_bent())
    assert figure.points["head"][0] < figure.points["pelvis"][0] < figure.points["right_knee"][0]
    assert floor_problems(lying_knee_bent()) == []


def test_a_lying_pose_with_the_trunk_off_the_floor_is_flagged() -> None:
    # Legs pointing down through the floor lift the whole body off it.
    pose = neutral(rest=Rest.LYING).with_angles(trunk=-90, right_hip=-30, left_hip=-30)
    assert floor_problems(pose)


def test_a_standing_pose_with_a_foot_in_the_air_is_flagged_unless_lifted() -> None:
    pose = neutral().with_angles(right_hip=40)
    assert floor_problems(pose)
    excused = Pose(pose.angles, pose.view, pose.rest, lifted=frozenset({"right_heel", "right_toe"}))
    assert floor_problems(excused) == []


def test_an_angle_beyond_the_joint_is_named() -> None:
    problems = range_problems(neutral().with_angles(right_knee=170))
    assert len(problems) == 1 and "right_knee" in problems[0] and "0 to 160" in problems[0]


@pytest.mark.parametrize("view", [View.SIDE, View.FRONT])
def test_mirror_is_the_mirror_image_with_left_and_right_swapped(view: View) -> None:
    pose = Pose(
        {**lying_knee_bent().angles, "spine": 10, "right_shoulder": 120}, view, Rest.LYING, x=7
    )
    assert close(place(mirror(pose)).points, flipped(place(pose)))
    assert mirror(mirror(pose)) == pose


def test_from_the_side_the_working_limb_stays_the_nearer_one() -> None:
    assert place(lying_knee_bent()).near == "right"
    assert place(mirror(lying_knee_bent())).near == "left"


def test_both_sides_copies_the_right_limbs_to_the_left() -> None:
    pose = both_sides(lying_knee_bent())
    assert pose.angle("left_hip") == 45 and pose.angle("left_knee") == 105


def test_ease_starts_and_ends_at_rest() -> None:
    assert ease(0) == 0 and ease(1) == 1 and ease(0.5) == 0.5
    assert ease(0.1) < 0.1 and ease(0.9) > 0.9
    assert ease(-1) == 0 and ease(2) == 1


def test_pose_at_reaches_the_end_pose_exactly_and_passes_the_middle_halfway() -> None:
    start = lying_knee_bent()
    end = start.with_angles(right_hip=118.3, right_knee=125.1)
    middle = start.with_angles(right_hip=70.7)
    assert pose_at(start, end, 0.0) == start
    assert pose_at(start, end, 1.0) == end
    assert pose_at(start, end, 1.0, middle) == end
    assert pose_at(start, end, 0.5, middle) == middle
    halfway = pose_at(start, end, 0.5)
    assert halfway.angle("right_hip") == pytest.approx((45 + 118.3) / 2)


def test_poses_of_different_views_do_not_blend() -> None:
    with pytest.raises(ValueError, match="view"):
        pose_at(neutral(), neutral(View.FRONT), 0.5)


def test_reach_puts_the_hand_on_the_target_with_a_real_elbow() -> None:
    pose = neutral(rest=Rest.LYING).with_angles(
        trunk=-90, right_hip=118, right_knee=125, left_hip=118, left_knee=125
    )
    reached = reach(pose, "right", "right_knee")
    points = place(reached).points
    assert math.dist(points["right_hand"], points["right_knee"]) < 0.5
    assert 0 <= reached.angle("right_elbow") <= 150


def test_every_joint_has_a_range_in_both_views() -> None:
    from exercise_timer.core.figures.ranges import JOINT_RANGES

    for view in View:
        assert set(JOINT_RANGES[view]) == set(JOINTS)


def kneeling_sat_back(knee: float, hip: float) -> Pose:
    """On the knees, sitting back toward the heels (child's pose), shins and toes down."""
    return Pose(
        {
            **neutral().angles,
            "trunk": hip + 105 - knee,
            "spine": 30,
            **{f"{side}_knee": knee for side in ("right", "left")},
            **{f"{side}_hip": hip for side in ("right", "left")},
            **{f"{side}_ankle": -30 for side in ("right", "left")},
            **{f"{side}_shoulder": 174 for side in ("right", "left")},
        },
        rest=Rest.KNEELING,
        anchor="right_knee",
    )


def test_sitting_back_on_the_heels_is_within_the_knee_and_hip_ranges() -> None:
    assert range_problems(kneeling_sat_back(knee=155, hip=135)) == []
    pose = kneeling_sat_back(knee=155, hip=130)
    assert range_problems(pose) == []
    assert floor_problems(pose) == []
    figure = place(pose)
    buttocks = figure.points["pelvis"][1] - 10.0
    assert buttocks - figure.points["right_heel"][1] < 10


@pytest.mark.parametrize(
    ("joint", "value", "words"),
    [("right_knee", 161, "0 to 160"), ("left_hip", 136, "-30 to 135"), ("right_hip", -31, "-30")],
)
def test_beyond_a_folded_knee_or_hip_is_still_refused(joint: str, value: float, words: str) -> None:
    problems = range_problems(kneeling_sat_back(knee=155, hip=130).with_angles(**{joint: value}))
    assert len(problems) == 1 and joint in problems[0] and words in problems[0]


def seated() -> Pose:
    return neutral(rest=Rest.SITTING).with_angles(
        right_hip=90, left_hip=90, right_knee=90, left_knee=90
    )


def test_a_cushion_or_ball_sits_between_the_points_and_moves_with_them() -> None:
    from exercise_timer.core.figures.parts import Prop, PropKind, prop_shapes

    start = place(seated())
    now = place(seated().with_angles(right_hip=100, left_hip=100))
    for kind in (PropKind.CUSHION, PropKind.BALL):
        (shape,) = prop_shapes((Prop(kind, ("right_knee", "left_knee")),), start, now)
        assert shape.box is not None
        left, bottom, right, top = shape.box
        knee = now.points["right_knee"]
        assert left < knee[0] < right and bottom < knee[1] < top
        # From the side it shows just inside the knees, toward the body, not past them.
        assert (left + right) / 2 < knee[0] < right
    (ball,) = prop_shapes((Prop(PropKind.BALL, ("right_knee", "left_knee")),), start, now)
    assert ball.box is not None and math.isclose(
        ball.box[2] - ball.box[0], ball.box[3] - ball.box[1]
    )


def test_a_support_and_a_post_stand_on_the_floor_where_they_were_placed() -> None:
    from exercise_timer.core.figures.parts import Prop, PropKind, prop_shapes

    figure = place(neutral())
    support, post = prop_shapes(
        (Prop(PropKind.SUPPORT, at=(40.0, 45.0)), Prop(PropKind.POST, at=(60.0, 90.0))),
        figure,
        figure,
    )
    assert support.box is not None
    assert support.box[1] == 0 and support.box[3] == 45 and support.box[0] < 40 < support.box[2]
    assert post.line[0] == (60.0, 0.0) and post.line[-1][0] == 60 and post.line[-1][1] > 90


def test_a_mirrored_prop_swaps_its_points_and_stands_mirrored() -> None:
    from exercise_timer.core.figures.parts import Prop, PropKind

    cushion = Prop(PropKind.CUSHION, ("right_knee", "left_hip"))
    assert cushion.mirrored().between == ("left_knee", "right_hip")
    assert Prop(PropKind.SUPPORT, at=(40.0, 45.0)).mirrored().at == (-40.0, 45.0)
    assert Prop(PropKind.WALL, front=True).mirrored() == Prop(PropKind.WALL, front=True)


@pytest.mark.parametrize("mirrored", [False, True])
def test_a_wall_in_front_stands_at_the_hands_and_one_behind_at_the_back(mirrored: bool) -> None:
    from exercise_timer.core.figures.parts import Prop, PropKind, prop_shapes

    pose = neutral().with_angles(right_shoulder=90, left_shoulder=90)
    figure = place(mirror(pose) if mirrored else pose)
    ahead = -1.0 if mirrored else 1.0
    (front,) = prop_shapes((Prop(PropKind.WALL, front=True),), figure, figure)
    (back,) = prop_shapes((Prop(PropKind.WALL),), figure, figure)
    assert front.box is not None and back.box is not None
    hand = figure.points["right_hand"][0] * ahead
    assert min(front.box[0] * ahead, front.box[2] * ahead) >= hand
    assert max(back.box[0] * ahead, back.box[2] * ahead) <= figure.points["pelvis"][0] * ahead


def test_an_armchair_is_a_chair_with_armrests_above_the_seat() -> None:
    from exercise_timer.core.figures.parts import ARMREST_HEIGHT, Prop, PropKind, prop_shapes

    figure = place(seated())
    (chair,) = prop_shapes((Prop(PropKind.CHAIR),), figure, figure)
    (armchair,) = prop_shapes((Prop(PropKind.ARMCHAIR),), figure, figure)
    seat = chair.line[2][1]
    assert armchair.line[: len(chair.line)] == chair.line
    assert max(y for _x, y in armchair.line[len(chair.line) :]) == seat + ARMREST_HEIGHT


def test_a_raised_pose_floats_that_far_above_the_floor_and_is_checked_there() -> None:
    from dataclasses import replace

    feet_up = seated().with_angles(right_hip=110, left_hip=110, right_knee=70, left_knee=70)
    assert floor_problems(feet_up) == []  # set down on the floor it rests on its heels
    raised = replace(feet_up, raised=20.0)
    assert place(raised).lowest() == pytest.approx(20)
    assert place(raised).points["pelvis"][1] == pytest.approx(
        place(feet_up).points["pelvis"][1] + 20
    )
    assert floor_problems(raised) == []
    assert mirror(raised).raised == 20
    assert pose_at(feet_up, raised, 0.5).raised == pytest.approx(10)
