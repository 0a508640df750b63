"""The figure for one moment of a session: which pose, which parts lit, which way round.

The time comes from the session's own clock (the phase's length and the seconds left in it,
as the countdown shows them), so pause, skip, back and stop act on the figure at once and it
never drifts from the countdown. While preparing and relaxing the figure rests in the start
pose; during "move" it goes (eased) from the pose the stage starts from to the stage's end
pose; during "hold" it stays there with the worked parts lit; during "return" it goes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from exercise_timer.core.figures.blend import both_sides, mirror, pose_at, swap_name
from exercise_timer.core.figures.book import ExerciseFigure, FigureBook
from exercise_timer.core.figures.parts import Prop
from exercise_timer.core.figures.skeleton import Pose
from exercise_timer.core.model import Side
from exercise_timer.core.resolve import ResolvedExercise
from exercise_timer.core.schedule import Phase, Segment


class SessionLike(Protocol):
    """What the figure needs of a session's state (``app.state.SessionState`` has it all)."""

    @property
    def exercise(self) -> ResolvedExercise | None:
        """The exercise running or about to run."""

    @property
    def segment(self) -> Segment | None:
        """The phase running (None before the start and after the end)."""

    @property
    def phase_seconds(self) -> float:
        """The running phase's length."""

    @property
    def seconds_left(self) -> float:
        """What is left of it."""

    @property
    def paused(self) -> bool:
        """The timer stands still by a person's choice."""


@dataclass(frozen=True)
class FigureMoment:
    """One moment of one exercise, as far as its figure is concerned.

    Attributes:
        exercise: The exercise id.
        variant: The id of the variant in use (None: the exercise's own).
        stage: The stage running (1-based; None outside move and hold).
        phase: The phase running (None: before the start).
        elapsed: Seconds into the phase.
        phase_seconds: The phase's length.
        side: The side worked (None: an exercise without sides).
        paused: The clock stands still.
    """

    exercise: str
    variant: str | None = None
    stage: int | None = None
    phase: Phase | None = None
    elapsed: float = 0.0
    phase_seconds: float = 0.0
    side: Side | None = None
    paused: bool = False

    @classmethod
    def of(cls, state: SessionLike) -> FigureMoment | None:
        """The moment a session's state shows; None when no exercise is shown."""
        exercise = state.exercise
        if exercise is None:
            return None
        segment = state.segment
        if segment is None:
            return cls(exercise.id, _variant_id(exercise), paused=state.paused)
        return cls(
            exercise.id,
            _variant_id(exercise),
            segment.stage,
            segment.phase,
            max(0.0, state.phase_seconds - state.seconds_left),
            state.phase_seconds,
            segment.side,
            state.paused,
        )

    @property
    def fraction(self) -> float:
        """How far through the phase, 0 to 1."""
        if self.phase_seconds <= 0:
            return 1.0
        return min(1.0, max(0.0, self.elapsed / self.phase_seconds))


def _variant_id(exercise: ResolvedExercise) -> str | None:
    return exercise.variant.id if exercise.variant is not None else None


@dataclass(frozen=True)
class FigureFrame:
    """What to draw for a moment.

    Attributes:
        pose: The body's pose now.
        start: The side's start pose (the mat, wall and chair are placed from it).
        highlight: The body parts lit (``parts.PARTS`` names, already for the side worked).
        holding: The stage is held now (the lit parts are the ones to feel).
        props: The exercise's props, for the side worked.
        moving: The figure changes from one moment to the next (move or return, not paused);
            a painter needs no frames while it is False.
    """

    pose: Pose
    start: Pose
    highlight: tuple[str, ...]
    holding: bool
    props: tuple[Prop, ...]
    moving: bool


def _sided_pose(pose: Pose, side: Side | None) -> Pose:
    if side is Side.LEFT:
        return mirror(pose)
    if side is Side.BOTH:
        return both_sides(pose)
    return pose


def _sided_names(names: tuple[str, ...], side: Side | None) -> tuple[str, ...]:
    if side is Side.LEFT:
        return tuple(swap_name(name) for name in names)
    if side is Side.BOTH:
        return tuple(dict.fromkeys((*names, *(swap_name(name) for name in names))))
    return names


def frame_at(
    figure: ExerciseFigure, moment: FigureMoment, start: Pose | None = None
) -> FigureFrame:
    """The frame of ``figure`` at ``moment``.

    Args:
        figure: The exercise's figure.
        moment: Where the session is.
        start: The start pose already turned to ``moment``'s side, if the caller keeps it
            (a window drawing 33 frames a second), so it is not mirrored again each frame.
    """
    phase, fraction = moment.phase, moment.fraction
    highlight: tuple[str, ...] = ()
    holding = False
    if phase is Phase.MOVE and moment.stage is not None:
        stage = figure.stage(moment.stage)
        pose = pose_at(figure.stage_start(moment.stage), stage.end, fraction, stage.middle)
        highlight = stage.highlight
    elif phase is Phase.HOLD and moment.stage is not None:
        stage = figure.stage(moment.stage)
        pose, highlight, holding = stage.end, stage.highlight, True
    elif phase is Phase.RETURN:
        pose = pose_at(figure.stages[-1].end, figure.start, fraction, figure.way_back())
    else:
        pose = figure.start
    side = moment.side
    props = tuple(prop.mirrored() if side is Side.LEFT else prop for prop in figure.props)
    return FigureFrame(
        pose=_sided_pose(pose, side),
        start=start if start is not None else _sided_pose(figure.start, side),
        highlight=_sided_names(highlight, side),
        holding=holding,
        props=props,
        moving=phase in (Phase.MOVE, Phase.RETURN) and not moment.paused and fraction < 1.0,
    )


def session_frame(book: FigureBook, state: SessionLike) -> FigureFrame | None:
    """The frame to draw for a session's state; None when there is no exercise or no figure.

    This is what the session page calls on every repaint: it reads the same clock as the
    countdown (``phase_seconds - seconds_left``), so a paused session gives a still figure.
    """
    moment = FigureMoment.of(state)
    if moment is None:
        return None
    figure = book.find(moment.exercise, moment.variant)
    if figure is None:
        return None
    return frame_at(figure, moment)
