"""The flat list of phases a session runs, with exact offsets in whole milliseconds.

Offsets are integers so that no sum of durations drifts, however long the session.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from exercise_timer.core.model import Side
from exercise_timer.core.resolve import ResolvedExercise, Session


class Phase(StrEnum):
    """The phases of the cycle."""

    PREPARE = "prepare"
    MOVE = "move"
    HOLD = "hold"
    RETURN = "return"
    RELAX = "relax"


@dataclass(frozen=True, slots=True)
class Segment:
    """One phase of the session: where it is in the routine and how long it lasts."""

    exercise: int
    side: Side | None
    rep: int | None
    stage: int | None
    phase: Phase
    duration_ms: int

    @property
    def seconds(self) -> float:
        """The phase's length in seconds."""
        return self.duration_ms / 1000


def shown_step(exercise: ResolvedExercise, segment: Segment) -> int | None:
    """The step to highlight during a phase (1 is the first of ``exercise.steps_for``).

    The stage's step while moving, the step being held while holding (a "Hold." step where
    the routine has one), the return step while returning; none while preparing or relaxing.
    """
    if segment.phase is Phase.RETURN:
        return exercise.exercise.return_step
    if segment.stage is None or segment.phase not in (Phase.MOVE, Phase.HOLD):
        return None
    stage = exercise.stages[segment.stage - 1]
    if segment.phase is Phase.HOLD and stage.hold_step is not None:
        return stage.hold_step
    return stage.step


def to_ms(seconds: float) -> int:
    """Seconds as whole milliseconds, the unit every deadline is computed in."""
    return round(seconds * 1000)


@dataclass(frozen=True)
class Schedule:
    """Every phase in order; ``offsets_ms[i]`` is when segment i starts, the last entry the end."""

    session: Session
    segments: tuple[Segment, ...]
    offsets_ms: tuple[int, ...]
    exercise_starts: tuple[int, ...]

    @property
    def total_ms(self) -> int:
        """The whole session's length."""
        return self.offsets_ms[-1]

    def exercise_end(self, exercise: int) -> int:
        """The index after the exercise's last segment."""
        following = exercise + 1
        return (
            self.exercise_starts[following]
            if following < len(self.exercise_starts)
            else len(self.segments)
        )


def build_schedule(session: Session) -> Schedule:
    """Lays out every phase of every repetition, side and exercise."""
    segments: list[Segment] = []
    starts: list[int] = []
    add = segments.append
    for index, exercise in enumerate(session.exercises):
        starts.append(len(segments))
        prepare_ms = to_ms(exercise.prepare_seconds)
        return_ms = to_ms(exercise.return_seconds)
        relax_ms = to_ms(exercise.relax_seconds)
        stage_ms = [
            (to_ms(stage.move_seconds), [to_ms(hold) for hold in stage.holds])
            for stage in exercise.stages
        ]
        for pass_side in exercise.passes():
            if prepare_ms > 0:
                add(Segment(index, pass_side, None, None, Phase.PREPARE, prepare_ms))
            for rep in range(1, exercise.repetitions + 1):
                side = exercise.side_of(pass_side, rep)
                for number, (move_ms, holds_ms) in enumerate(stage_ms, start=1):
                    add(Segment(index, side, rep, number, Phase.MOVE, move_ms))
                    hold_ms = holds_ms[rep - 1]
                    if hold_ms > 0:
                        add(Segment(index, side, rep, number, Phase.HOLD, hold_ms))
                add(Segment(index, side, rep, None, Phase.RETURN, return_ms))
                if relax_ms > 0:
                    add(Segment(index, side, rep, None, Phase.RELAX, relax_ms))
    offsets = [0] * (len(segments) + 1)
    total = 0
    for position, segment in enumerate(segments):
        total += segment.duration_ms
        offsets[position + 1] = total
    return Schedule(session, tuple(segments), tuple(offsets), tuple(starts))


def session_ms(session: Session) -> int:
    """How long ``build_schedule(session)`` lasts, summed without laying out its phases.

    For a routine's length where nothing else of the schedule is wanted (the routine picker
    shows each routine's minutes at the window's start): the same sums of the same whole
    milliseconds, so always exactly ``build_schedule(session).total_ms``.
    """
    total = 0
    for exercise in session.exercises:
        moves_ms = sum(to_ms(stage.move_seconds) for stage in exercise.stages)
        reps = range(exercise.repetitions)
        holds_ms = sum(to_ms(stage.holds[rep]) for stage in exercise.stages for rep in reps)
        ends_ms = to_ms(exercise.return_seconds) + to_ms(exercise.relax_seconds)
        one_pass = to_ms(exercise.prepare_seconds) + exercise.repetitions * (moves_ms + ends_ms)
        total += len(exercise.passes()) * (one_pass + holds_ms)
    return total
