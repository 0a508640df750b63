"""Personal values: what a clinician or the person sets over a routine's own values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

LEAVE_OUT_REASONS = ("pain", "numbness", "dizziness")
"""The stops (``StopReason`` values) after which an exercise may be left out."""


@dataclass(frozen=True)
class LeftOut:
    """An exercise left out by the person after a stop, until their clinic is asked.

    Attributes:
        date: The day it was left out.
        reason: The symptom the session was stopped for, a ``StopReason`` value.
    """

    date: date
    reason: str


@dataclass(frozen=True)
class ExerciseValues:
    """One exercise's personal values; None keeps the routine's value."""

    hold_seconds: tuple[float, ...] | None = None
    repetitions: int | None = None
    relax_seconds: float | None = None
    variant: str | None = None
    included: bool = True
    left_out: LeftOut | None = None
    """Set with ``included=False`` when the person left it out after a symptom stop."""


@dataclass(frozen=True)
class PersonalValues:
    """Personal values for one routine, by exercise id, and an optional exercise order."""

    exercises: Mapping[str, ExerciseValues] = field(default_factory=dict)
    order: tuple[str, ...] = ()

    def for_exercise(self, exercise_id: str) -> ExerciseValues:
        """The values for one exercise (empty when none are set)."""
        return self.exercises.get(exercise_id, ExerciseValues())


NO_PERSONAL_VALUES = PersonalValues()
