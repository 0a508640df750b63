"""Today's numbers of one exercise, each with where it comes from."""

from __future__ import annotations

from exercise_timer.app.state import Origin, TodayValues
from exercise_timer.core.model import DoseKind
from exercise_timer.core.personal import ExerciseValues
from exercise_timer.core.progression import ExerciseProgress
from exercise_timer.core.resolve import ResolvedExercise


def today_values(
    exercise: ResolvedExercise, saved: ExerciseValues, progress: ExerciseProgress | None
) -> TodayValues:
    """The values ``exercise`` runs with, given what was saved and the build-up's state."""
    building = progress is not None and not progress.reached

    def origin(personal: object, prescribed: bool) -> Origin:
        if personal is not None:
            return Origin.PERSONAL
        return Origin.DEFAULT if prescribed else Origin.ROUTINE

    holds_prescribed = any(s.dose.kind is DoseKind.PRESCRIBED for s in exercise.stages)
    reps_prescribed = exercise.repetitions_dose.kind is DoseKind.PRESCRIBED
    return TodayValues(
        repetitions=exercise.repetitions,
        holds=tuple(stage.holds[0] if stage.holds else 0.0 for stage in exercise.stages),
        relax_seconds=exercise.relax_seconds,
        repetitions_from=Origin.BUILDING
        if building
        else origin(saved.repetitions, reps_prescribed),
        holds_from=Origin.BUILDING if building else origin(saved.hold_seconds, holds_prescribed),
        relax_from=origin(saved.relax_seconds, False),
        progress=progress,
    )
