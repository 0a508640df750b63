"""Figures files: every bundled routine that has one is covered, in range and on the floor;
a broken file says where and how to fix it; the figures command draws them without a display.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from exercise_timer import resources
from exercise_timer.cli import main
from exercise_timer.core.figures.checks import book_problems, coverage_problems
from exercise_timer.core.figures.reader import load_figures, read_figures
from exercise_timer.core.loader import load_routine
from exercise_timer.core.problems import InputError

ROUTINES = sorted(resources.routines_dir().glob("*.toml"))
WITH_FIGURES = [p for p in ROUTINES if resources.asset("figures", p.name).is_file()]


def test_the_xplain_routine_has_figures() -> None:
    assert any(path.stem == "xplain-back" for path in WITH_FIGURES)


@pytest.mark.parametrize("routine_path", WITH_FIGURES, ids=lambda p: p.stem)
def test_every_exercise_and_variant_has_poses_in_range_and_on_the_floor(routine_path: Path) -> None:
    routine = load_routine(routine_path)
    book = load_figures(resources.asset("figures", routine_path.name))
    assert book.routine == routine.id
    assert coverage_problems(book, routine) == []
    assert book_problems(book) == []


HEADER = 'format_version = 1\nroutine = "xplain-back"\n'
GOOD_POSE = '[poses.lying]\nrest = "lying"\ntrunk = -90\n'


def problems_of(text: str) -> list[str]:
    with pytest.raises(InputError) as error:
        read_figures(text, "figs.toml")
    return [str(problem) for problem in error.value.problems]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('format_version = 2\nroutine = "x"\n', 1, "format_version = 1"),
        (HEADER + GOOD_POSE + "right_knee = 170\n", 6, "0 to 160"),
        (HEADER + GOOD_POSE + "rigth_knee = 10\n", 6, "did you mean right_knee"),
        (HEADER + GOOD_POSE + 'like = "nowhere"\n', 6, "no pose named"),
        (HEADER + GOOD_POSE + "hip = -30\nknee = 0\n", 3, "must touch the floor"),
        (HEADER + GOOD_POSE + 'lifted = ["right_elbw"]\n', 6, "not a point of the body"),
        (
            HEADER + GOOD_POSE + '[[exercises]]\nid = "x"\nstart = "lying"\n'
            '[[exercises.stages]]\nend = "lying"\nhighlight = ["spleen"]\n',
            11,
            "not a body part",
        ),
        (
            HEADER + GOOD_POSE + '[[exercises]]\nid = "x"\nstart = "lying"\n',
            6,
            "has no [[exercises.stages]]",
        ),
        (HEADER + '[poses.a]\nlike = "b"\n[poses.b]\nlike = "a"\n', 3, "break the circle"),
        (HEADER + GOOD_POSE + "raised = -5\n", 6, "raised is -5; use the height in cm, 0 to 60"),
    ],
)
def test_a_broken_figures_file_names_the_line_and_the_fix(text: str, line: int, words: str) -> None:
    problems = problems_of(text)
    assert any(p.startswith(f"figs.toml:{line}:") and words in p for p in problems), problems


def test_a_book_missing_an_exercise_says_which() -> None:
    routine = load_routine(resources.routines_dir() / "xplain-back.toml")
    book = read_figures(
        HEADER + GOOD_POSE + '[[exercises]]\nid = "pelvic-tilt"\nstart = "lying"\n'
        '[[exercises.stages]]\nend = "lying"\n',
        "figs.toml",
    )
    missing = coverage_problems(book, routine)
    assert len(missing) == 12
    assert any("cat-and-camel has no poses" in problem for problem in missing)


@pytest.mark.gui
def test_the_figures_command_writes_a_png_per_exercise_and_a_contact_sheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sheet"
    assert (
        main(["--home", str(tmp_path / "home"), "figures", "xplain-back", "--out", str(out)]) == 0
    )
    pngs = sorted(out.glob("*.png"))
    assert len(pngs) == 13
    assert all(png.read_bytes().startswith(b"\x89PNG") for png in pngs)
    page = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'src="{png.name}"' in page for png in pngs)
    assert "Cat and Camel" in page
    assert "13 figures" in capsys.readouterr().out


def test_a_routine_without_figures_is_refused_with_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundled = (resources.routines_dir() / "spine-clinic.toml").read_text(encoding="utf-8")
    mine = tmp_path / "mine.toml"
    mine.write_text(bundled.replace('id = "spine-clinic"', 'id = "my-own"', 1), encoding="utf-8")
    code = main(["--home", str(tmp_path), "figures", str(mine), "--out", str(tmp_path / "o")])
    assert code == 1
    assert "has no figures yet" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


STANDING = '[poses.standing]\nrest = "standing"\n'
ON_A_STEP = (
    '[poses.on-a-step]\nrest = "standing"\nright_hip = 60\nright_knee = 60\nright_ankle = -20\n'
    'lifted = ["right_heel", "right_toe"]\n'
)


def exercise_with(props: str, start: str = "standing", end: str = "on-a-step") -> str:
    """A file whose one exercise has these props (line 13 is the props line)."""
    return (
        HEADER
        + STANDING
        + ON_A_STEP
        + f'[[exercises]]\nid = "x"\nprops = [{props}]\nstart = "{start}"\n'
        + f'[[exercises.stages]]\nend = "{end}"\n'
    )


def test_a_support_stands_under_the_point_where_the_held_pose_rests_it() -> None:
    from exercise_timer.core.figures.parts import PropKind
    from exercise_timer.core.figures.skeleton import place

    book = read_figures(exercise_with('{ kind = "support", under = "right_heel" }'), "f.toml")
    (prop,) = book.figures[0].props
    assert prop.kind is PropKind.SUPPORT and prop.at is not None
    heel = place(book.figures[0].stages[-1].end).points["right_heel"]
    assert prop.at == pytest.approx((heel[0], heel[1] - 2.5))
    assert prop.at[1] > 20


def test_a_post_stands_at_the_hand_that_holds_it() -> None:
    from exercise_timer.core.figures.skeleton import place

    book = read_figures(exercise_with('{ kind = "post", held_by = "right_hand" }'), "f.toml")
    (prop,) = book.figures[0].props
    assert prop.at == place(book.figures[0].stages[-1].end).points["right_hand"]


def test_cushion_ball_armchair_and_a_wall_in_front_are_read() -> None:
    from exercise_timer.core.figures.parts import Prop, PropKind

    book = read_figures(
        exercise_with(
            '{ kind = "cushion", between = ["right_knee", "left_knee"] }, '
            '{ kind = "ball", between = ["right_knee", "left_knee"] }, '
            '"armchair", { kind = "wall", front = true }'
        ),
        "f.toml",
    )
    assert book.figures[0].props == (
        Prop(PropKind.CUSHION, ("right_knee", "left_knee")),
        Prop(PropKind.BALL, ("right_knee", "left_knee")),
        Prop(PropKind.ARMCHAIR),
        Prop(PropKind.WALL, front=True),
    )


@pytest.mark.parametrize(
    ("props", "words"),
    [
        ('{ kind = "support", under = "right_heel" }', "but right_heel is 0 cm up"),
        ('{ kind = "support" }', 'needs under = "right_heel"'),
        ('{ kind = "support", unde = "right_heel" }', "did you mean under"),
        ('{ kind = "post", held_by = "right_hnd" }', 'needs held_by = "right_hand"'),
        ('{ kind = "cushion" }', 'add between = ["right_knee", "left_knee"]'),
        ('{ kind = "ball", between = ["right_knee"] }', "add between ="),
        ('{ kind = "wall", front = "yes" }', "front = true"),
        ('{ kind = "wall", between = ["right_hand", "left_hand"] }', "between"),
        ('"stool"', "support"),
    ],
)
def test_a_bad_prop_names_its_line_and_the_fix(props: str, words: str) -> None:
    text = exercise_with(props, end="standing")
    problems = problems_of(text)
    assert any(p.startswith("figs.toml:13:") and words in p for p in problems), problems


@pytest.mark.gui
def test_each_placed_and_held_prop_is_drawn_in_its_colour() -> None:
    from PySide6.QtGui import QColor

    from exercise_timer.ui import figure_props
    from exercise_timer.ui.figure_view import figure_still

    text = exercise_with(
        '{ kind = "support", under = "right_heel" }, { kind = "post", held_by = "right_hand" }, '
        '{ kind = "cushion", between = ["right_knee", "left_knee"] }'
    )
    image = figure_still(read_figures(text, "f.toml").figures[0])
    seen = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    for colour in (figure_props.SUPPORT, figure_props.CHAIR, figure_props.CUSHION):
        assert QColor(colour).name() in seen, colour


SIDE_BEND = (
    HEADER
    + '[poses.front]\nview = "front"\nrest = "standing"\n'
    + '[[exercises]]\nid = "x"\nstart = "front"\n'
    + '[[exercises.stages]]\nend = { like = "front", spine = -30 }\nhighlight = ["left_side"]\n'
)


def test_the_second_round_keys_are_read() -> None:
    text = (
        HEADER
        + '[poses.butterfly]\nview = "front"\nrest = "sitting"\nhip_forward = 146\nknee = 150\n'
        + 'hip_out = 60\nankle = 15\nright_hand_at = "right_ankle"\nleft_hand_at = "left_ankle"\n'
        + '[poses.side]\nview = "front"\nrest = "side-lying"\ntrunk = 84\nneck = 30\n'
        + "left_shoulder = 178\nleft_hip = -6\nleft_ankle = -50\n"
        + '[poses.turned]\nrest = "standing"\ntwist = 40\nright_hip_apart = -12\n'
        + "left_hip_apart = -12\n"
        + '[[exercises]]\nid = "x"\nstart = "butterfly"\n'
        + '[[exercises.stages]]\nend = { like = "butterfly", hip_out = 72 }\n'
        + 'highlight = ["right_side", "left_side"]\n'
    )
    book = read_figures(text, "f.toml")
    figure = book.figures[0]
    assert figure.stages[0].end.angles["left_hip_out"] == 72
    assert figure.stages[0].highlight == ("right_side", "left_side")


@pytest.mark.parametrize(
    ("pose", "line", "words"),
    [
        ("twist = 60\n", 6, "-45 to 45"),
        ("hip_forward = 40\n", 6, 'only for view = "front"'),
        ('view = "front"\nright_hip_apart = 10\n', 7, 'only for view = "side"'),
        ('[poses.up]\nview = "front"\nrest = "side-lying"\n', 6, "right_shoulder, left_shoulder"),
    ],
)
def test_the_second_round_keys_name_their_line_and_fix(pose: str, line: int, words: str) -> None:
    problems = problems_of(HEADER + GOOD_POSE + pose)
    assert any(p.startswith(f"figs.toml:{line}:") and words in p for p in problems), problems


@pytest.mark.gui
def test_a_lit_side_of_the_trunk_is_drawn_on_that_side() -> None:
    from PySide6.QtGui import QColor

    from exercise_timer.ui.figure_view import LIT, figure_still

    image = figure_still(read_figures(SIDE_BEND, "f.toml").figures[0])
    lit = QColor(LIT).name()
    half = image.width() // 2
    xs = [
        x
        for x in range(half, image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).name() == lit
    ]
    assert xs, "the lit side is drawn"
    # The end pose's panel is the right half; the figure's left side is on the viewer's right.
    middle = half + (image.width() - half) * 0.5
    assert min(xs) > middle - (image.width() - half) * 0.1
