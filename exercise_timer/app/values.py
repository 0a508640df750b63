"""Today's numbers of one exercise, each with where it comes from."""

from __future__ import annotations

from exercise_timer.app.state import TodayValues
from exercise_timer.core.progression import ExerciseProgress
from exercise_timer.core.resolve import ResolvedExercise
from exercise_timer.core.value_source import value_sources
from exercise_timer.storage.personal_store import Today


def values_today(exercise: ResolvedExercise | None, day: Today | None) -> TodayValues | None:
    """``today_values`` of the exercise on screen, with the day's build-up; None without one."""
    if exercise is None:
        return None
    progress = day.progress if day is not None else None
    return today_values(
        exercise, progress.exercises.get(exercise.id) if progress is not None else None
    )


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
