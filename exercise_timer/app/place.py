"""Where a session is: the exercise shown, the next one, the step to highlight, the breathing."""

from __future__ import annotations

from dataclasses import dataclass

from exercise_timer.core.engine import Engine
from exercise_timer.core.model import Breathing
from exercise_timer.core.resolve import ResolvedExercise
from exercise_timer.core.schedule import Phase, shown_step


@dataclass(frozen=True)
class Place:
    """The exercise a session shows now (the last one shown when no phase runs)."""

    index: int
    exercise: ResolvedExercise | None
    following: ResolvedExercise | None
    step: int | None
    breathing: Breathing | None


def place_of(engine: Engine, shown: int) -> Place:
    """The place of the engine's current phase, or of exercise ``shown`` between sessions."""
    segment = engine.segment
    exercises = engine.session.exercises
    index = segment.exercise if segment is not None else shown
    exercise = exercises[index] if 0 <= index < len(exercises) else None
    following = exercises[index + 1] if 0 <= index + 1 < len(exercises) else None
    step, breathing = None, None
    if segment is not None and exercise is not None:
        step = shown_step(exercise, segment)
        if segment.stage is not None and segment.phase in (Phase.MOVE, Phase.HOLD):
            breathing = exercise.stages[segment.stage - 1].breathing
    return Place(index if exercise is not None else -1, exercise, following, step, breathing)
