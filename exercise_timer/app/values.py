"""Today's numbers of one exercise, each with where it comes from."""

from __future__ import annotations

from exercise_timer.app.state import TodayValues
from exercise_timer.core.progression import ExerciseProgress
from exercise_timer.core.resolve import ResolvedExercise
from exercise_timer.core.value_source import value_sources


def today_values(exercise: ResolvedExercise, progress: ExerciseProgress | None) -> TodayValues:
    """The values ``exercise`` runs with, given the build-up's state.

    Where each value comes from is ``core.value_source``'s answer, the same as ``plan``'s.
    """
    sources = value_sources(exercise, progress)
    return TodayValues(
        repetitions=exercise.repetitions,
        holds=tuple(stage.holds[0] if stage.holds else 0.0 for stage in exercise.stages),
        relax_seconds=exercise.relax_seconds,
        repetitions_from=sources.repetitions,
        holds_from=sources.hold,
        relax_from=sources.relax,
        progress=progress,
    )
