"""Today's numbers of one exercise, each with where it comes from."""

from __future__ import annotations

from exercise_timer.app.state import Origin, TodayValues
from exercise_timer.core.personal import ExerciseValues
from exercise_timer.core.progression import ExerciseProgress
from exercise_timer.core.resolve import ResolvedExercise
from exercise_timer.core.value_source import ValueSource, value_sources

_ORIGIN = {
    ValueSource.DOCUMENT: Origin.ROUTINE,
    ValueSource.DEFAULT: Origin.DEFAULT,
    ValueSource.PERSONAL: Origin.PERSONAL,
    ValueSource.BUILD_UP: Origin.BUILDING,
}


def today_values(
    exercise: ResolvedExercise, saved: ExerciseValues, progress: ExerciseProgress | None
) -> TodayValues:
    """The values ``exercise`` runs with, given the build-up's state.

    Where each value comes from is ``core.value_source``'s answer, the same as ``plan``'s;
    ``saved`` is kept for callers and is already part of ``exercise``.
    """
    del saved
    sources = value_sources(exercise, progress)
    return TodayValues(
        repetitions=exercise.repetitions,
        holds=tuple(stage.holds[0] if stage.holds else 0.0 for stage in exercise.stages),
        relax_seconds=exercise.relax_seconds,
        repetitions_from=_ORIGIN[sources.repetitions],
        holds_from=_ORIGIN[sources.hold],
        relax_from=_ORIGIN[sources.relax],
        progress=progress,
    )
