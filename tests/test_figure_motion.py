"""The figure in step with a session: the pose for each phase, side and pause."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pytest

from exercise_timer import resources
from exercise_timer.app.state import SessionState
from exercise_timer.core.figures.blend import mirror
from exercise_timer.core.figures.book import FigureBook
from exercise_timer.core.figures.motion import FigureMoment, SessionLike, frame_at, session_frame
from exercise_timer.core.figures.reader import load_figures
from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Side
from exercise_timer.core.resolve import ResolvedExercise, resolve
from exercise_timer.core.schedule import Phase, Segment


@dataclass(frozen=True)
class State:
    """The few fields of a session state the figure reads."""

    exercise: ResolvedExercise | None
    segment: Segment | None
    phase_seconds: float
    seconds_left: float
    paused: bool = False


@pytest.fixture(scope="module")
def book() -> FigureBook:
    return load_figures(resources.asset("figures", "xplain-back.toml"))


@pytest.fixture(scope="module")
def exercises() -> dict[str, ResolvedExercise]:
    session = resolve(load_routine(resources.routines_dir() / "xplain-back.toml"))
    return {exercise.id: exercise for exercise in session.exercises}


def state(
    exercise: ResolvedExercise,
    phase: Phase,
    *,
    stage: int | None = 1,
    side: Side | None = None,
    seconds: float = 3.0,
    left: float = 0.0,
    paused: bool = False,
) -> State:
    segment = Segment(0, side, 1, stage, phase, round(seconds * 1000))
    return State(exercise, segment, seconds, left, paused)


def test_session_state_has_what_the_figure_reads() -> None:
    fields = {field.name for field in dataclasses.fields(SessionState)}
    for name in ("exercise", "segment", "phase_seconds", "seconds_left"):
        assert name in fields
    assert isinstance(SessionState.paused, property)
    wanted = {name for name in vars(SessionLike) if not name.startswith("_")}
    assert wanted == {"exercise", "segment", "phase_seconds", "seconds_left", "paused"}
    assert wanted <= fields | {"paused"}


def test_at_the_end_of_move_the_figure_is_in_the_end_pose(
    book: FigureBook, exercises: dict[str, ResolvedExercise]
) -> None:
    figure = book.find("single-leg-pull")
    assert figure is not None
    frame = session_frame(book, state(exercises["single-leg-pull"], Phase.MOVE, side=Side.RIGHT))
    assert frame is not None
    assert frame.pose == figure.stages[0].end
    assert not frame.moving


def test_move_starts_in_the_start_pose_and_is_between_halfway(
    book: FigureBook, exercises: dict[str, ResolvedExercise]
) -> None:
    figure = book.find("pelvic-lift")
    assert figure is not None
    start = session_frame(book, state(exercises["pelvic-lift"], Phase.MOVE, left=3.0))
    halfway = session_frame(book, state(exercises["pelvic-lift"], Phase.MOVE, left=1.5))
    assert start is not None and halfway is not None
    assert start.pose == figure.start and start.moving
    low, high = sorted((figure.start.angle("trunk"), figure.stages[0].end.angle("trunk")))
    assert low < halfway.pose.angle("trunk") < high


def test_hold_stays_in_the_end_pose_with_the_worked_part_lit(
    book: FigureBook, exercises: dict[str, ResolvedExercise]
) -> None:
    figure = book.find("hamstring-stretch")
    assert figure is not None
    for left in (5.0, 2.5, 0.0):
        frame = session_frame(
            book,
            state(
                exercises["hamstring-stretch"], Phase.HOLD, side=Side.RIGHT, seconds=5, left=left
            ),
        )
        assert frame is not None
        assert frame.pose == figure.stages[0].end
        assert frame.holding and "right_thigh" in frame.highlight and not frame.moving


def test_the_left_side_is_the_mirror_image_with_the_left_limb_lit(
    book: FigureBook, exercises: dict[str, ResolvedExercise]
) -> None:
    figure = book.find("hamstring-stretch")
    assert figure is not None
    frame = session_frame(
        book, state(exercises["hamstring-stretch"], Phase.HOLD, side=Side.LEFT, seconds=5)
    )
    assert frame is not None
    assert frame.pose == mirror(figure.stages[0].end)
    assert frame.pose.angle("left_hip") == figure.stages[0].end.angle("right_hip")
    assert "left_thigh" in frame.highlight and "right_thigh" not in frame.highlight


def test_return_ends_in_the_start_pose_and_relax_rests_there(
    book: FigureBook, exercises: dict[str, ResolvedExercise]
) -> None:
    figure = book.find("wall-slide")
    assert figure is not None
    back = session_frame(book, state(exercises["wall-slide"], Phase.RETURN, stage=None))
    relax = session_frame(book, state(exercises["wall-slide"], Phase.RELAX, stage=None, left=1))
    assert back is not None and relax is not None
    assert back.pose == figure.start and relax.pose == figure.start and not relax.highlight


def test_a_second_stage_moves_on_from_the_first_stages_end(
    book: FigureBook, exercises: dict[str, ResolvedExercise]
) -> None:
    figure = book.find("cat-and-camel")
    assert figure is not None
    frame = session_frame(book, state(exercises["cat-and-camel"], Phase.MOVE, stage=2, left=3.0))
    assert frame is not None
    assert frame.pose == figure.stages[0].end


def test_a_pause_keeps_the_figure_where_it_was(
    book: FigureBook, exercises: dict[str, ResolvedExercise]
) -> None:
    running = session_frame(book, state(exercises["side-stretch"], Phase.MOVE, left=1.2))
    paused = session_frame(
        book, state(exercises["side-stretch"], Phase.MOVE, left=1.2, paused=True)
    )
    assert running is not None and paused is not None
    assert paused.pose == running.pose
    assert running.moving and not paused.moving


def test_prepare_and_no_segment_show_the_start_pose(
    book: FigureBook, exercises: dict[str, ResolvedExercise]
) -> None:
    figure = book.find("pretzel")
    assert figure is not None
    before = session_frame(book, State(exercises["pretzel"], None, 0.0, 0.0))
    prepare = session_frame(book, state(exercises["pretzel"], Phase.PREPARE, stage=None, left=4))
    assert before is not None and prepare is not None
    assert before.pose == figure.start == prepare.pose


def test_no_exercise_or_no_figure_gives_no_frame(
    book: FigureBook, exercises: dict[str, ResolvedExercise]
) -> None:
    assert session_frame(book, State(None, None, 0.0, 0.0)) is None
    assert (
        session_frame(FigureBook("xplain-back", ()), state(exercises["pretzel"], Phase.HOLD))
        is None
    )


def test_the_pretzel_crosses_the_legs_halfway_through_its_move(
    book: FigureBook, exercises: dict[str, ResolvedExercise]
) -> None:
    figure = book.find("pretzel")
    assert figure is not None and figure.stages[0].middle is not None
    moment = FigureMoment("pretzel", None, 1, Phase.MOVE, 2.5, 5.0, Side.RIGHT)
    assert frame_at(figure, moment).pose == figure.stages[0].middle
    back = FigureMoment("pretzel", None, None, Phase.RETURN, 2.5, 5.0, Side.RIGHT)
    assert frame_at(figure, back).pose == figure.stages[0].middle
