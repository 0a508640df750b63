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


# -- the second round: legs in 3-D, a twisted trunk, drawing order, side-lying, lit sides --


def seated_floor_front(**angles: float) -> Pose:
    """Sitting on the floor seen from the front, knees up, soles together (the butterfly)."""
    return neutral(View.FRONT, Rest.SITTING).with_angles(
        right_hip_forward=146, left_hip_forward=146, right_knee=150, left_knee=150, **angles
    )


def test_knees_falling_open_part_the_knees_seen_from_the_front_and_keep_the_feet() -> None:
    closed = place(seated_floor_front())
    open_ = place(seated_floor_front(right_hip_out=60, left_hip_out=60))
    width = open_.points["left_knee"][0] - open_.points["right_knee"][0]
    assert width > 2 * (closed.points["left_knee"][0] - closed.points["right_knee"][0]) + 40
    for name in ("right_ankle", "left_ankle"):
        assert open_.points[name][0] == pytest.approx(closed.points[name][0], abs=1e-6)


def test_a_thigh_toward_the_viewer_looks_shorter_from_the_front() -> None:
    standing = place(neutral(View.FRONT))
    seated = place(neutral(View.FRONT).with_angles(right_hip_forward=80, right_knee=80))

    def thigh(figure: Figure) -> float:
        return math.dist(figure.points["right_hip"], figure.points["right_knee"])

    assert thigh(seated) < 0.25 * thigh(standing)
    assert seated.depth["right_knee"] > 40
    assert seated.layers().index("right_leg") > seated.layers().index("trunk")


def test_knees_falling_open_from_the_side_come_lower_and_nearer_the_viewer() -> None:
    hook = neutral(rest=Rest.LYING).with_angles(
        trunk=-90, right_hip=65, left_hip=65, right_knee=125, left_knee=125
    )
    fallen = place(hook.with_angles(right_hip_out=60, left_hip_out=60))
    before = place(hook)
    assert fallen.points["right_knee"][1] < before.points["right_knee"][1] - 10
    assert fallen.depth["right_knee"] > before.depth["right_knee"] + 20
    assert fallen.depth["left_knee"] < before.depth["left_knee"] - 20


def test_a_leg_carried_across_goes_behind_the_other_and_is_drawn_before_it() -> None:
    sitting = neutral(rest=Rest.SITTING).with_angles(
        left_hip=72, right_hip=125, right_knee=110, right_hip_out=-40
    )
    figure = place(sitting)
    assert figure.depth["right_ankle"] < figure.depth["left_knee"]
    layers = figure.layers()
    assert layers.index("right_leg") < layers.index("left_leg")
    assert layers.index("trunk") < layers.index("right_leg")
    uncrossed = place(sitting.with_angles(right_hip_out=0)).layers()
    assert uncrossed.index("right_leg") > uncrossed.index("left_leg")


def test_legs_crossed_standing_swap_sides_from_the_side() -> None:
    crossed = place(neutral().with_angles(right_hip_apart=-12, left_hip_apart=-12))
    assert crossed.depth["right_ankle"] < 0 < crossed.depth["left_ankle"]
    assert crossed.layers().index("right_leg") < crossed.layers().index("left_leg")
    assert floor_problems(neutral().with_angles(right_hip_apart=-12, left_hip_apart=-12)) == []


def test_a_twisted_trunk_parts_the_shoulders_from_the_side_narrows_them_from_the_front() -> None:
    side = place(neutral().with_angles(twist=40))
    right, left = side.points["right_shoulder"][0], side.points["left_shoulder"][0]
    assert right < side.points["neck"][0] < left
    assert place(neutral()).points["right_shoulder"] == place(neutral()).points["left_shoulder"]
    front, straight = place(neutral(View.FRONT).with_angles(twist=40)), place(neutral(View.FRONT))

    def girdle(figure: Figure) -> float:
        return math.dist(figure.points["right_shoulder"], figure.points["left_shoulder"])

    assert girdle(front) == pytest.approx(girdle(straight) * math.cos(math.radians(40)))
    assert front.depth["right_shoulder"] < 0 < front.depth["left_shoulder"]
    assert side.points["pelvis"] == place(neutral()).points["pelvis"]


def test_mirroring_turns_a_twist_the_other_way() -> None:
    pose = neutral().with_angles(twist=30)
    assert mirror(pose).angles["twist"] == -30
    assert close(place(mirror(pose)).points, flipped(place(pose)))
    front = neutral(View.FRONT).with_angles(twist=30, right_hip_out=20)
    assert close(place(mirror(front)).points, flipped(place(front)))


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"twist": 50}, "-45 to 45"),
        ({"right_hip_out": -60}, "-50 to 80"),
        ({"right_hip_forward": 30}, 'only for view = "front"'),
    ],
)
def test_the_new_joints_have_human_ranges(changes: dict[str, float], words: str) -> None:
    problems = range_problems(neutral().with_angles(**changes))
    assert len(problems) == 1 and words in problems[0]


def test_a_hip_apart_from_the_front_is_refused_with_the_key_to_use() -> None:
    problems = range_problems(neutral(View.FRONT).with_angles(left_hip_apart=10))
    assert problems and 'only for view = "side"' in problems[0] and "hip" in problems[0]


def test_a_knee_fallen_open_is_checked_at_the_flexion_it_ends_with() -> None:
    # Written as 146 before the knee falls open; the thigh ends up flexed about 130.
    assert range_problems(seated_floor_front(right_hip_out=60, left_hip_out=60)) == []
    assert range_problems(seated_floor_front())


def test_lying_on_the_side_rests_on_the_lower_hip_and_shoulder() -> None:
    # On the left side, the lower arm along the floor under the head, the lower foot pointed.
    side_lying = neutral(View.FRONT, Rest.SIDE_LYING).with_angles(
        trunk=84, neck=30, left_shoulder=178, right_shoulder=5, left_hip=-6, left_ankle=-50
    )
    assert floor_problems(side_lying) == []
    assert floor_problems(Pose(side_lying.angles, View.FRONT, Rest.LYING))
    sitting_up = neutral(View.FRONT, Rest.SIDE_LYING)
    assert floor_problems(sitting_up)


def test_a_side_of_the_trunk_is_a_part_that_lights_its_flank() -> None:
    from exercise_timer.core.figures.parts import PARTS, flank_line

    assert PARTS["left_side"] == ("left_flank",)
    figure = place(neutral(View.FRONT))
    waist, armpit = flank_line(figure, "left")
    pelvis_x = figure.points["pelvis"][0]
    assert waist[0] > pelvis_x and armpit[0] > pelvis_x
    assert figure.points["pelvis"][1] < waist[1] < armpit[1] < figure.points["neck"][1]
