"""Personal values: what a clinician or the person sets over a routine's own values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ExerciseValues:
    """One exercise's personal values; None keeps the routine's value."""

    hold_seconds: tuple[float, ...] | None = None
    repetitions: int | None = None
    relax_seconds: float | None = None
    variant: str | None = None
    included: bool = True


@dataclass(frozen=True)
class PersonalValues:
    """Personal values for one routine, by exercise id, and an optional exercise order."""

    exercises: Mapping[str, ExerciseValues] = field(default_factory=dict)
    order: tuple[str, ...] = ()

    def for_exercise(self, exercise_id: str) -> ExerciseValues:
        """The values for one exercise (empty when none are set)."""
        return self.exercises.get(exercise_id, ExerciseValues())


NO_PERSONAL_VALUES = PersonalValues()
