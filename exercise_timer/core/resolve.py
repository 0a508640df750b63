"""Merges personal values over a routine into the concrete numbers a session runs.

Ranges use their low end, a hold per repetition is taken repetition by repetition, and a
"prescribed" blank nobody filled in uses the routine's conservative default and flags the
exercise ``needs_prescription``. Where sides take turns, an odd total is rounded up to the next
even number so that both sides get the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from exercise_timer.core.i18n import _
from exercise_timer.core.model import (
    Breathing,
    Defaults,
    Dose,
    DoseKind,
    Exercise,
    Position,
    Routine,
    Side,
    Sides,
    Stage,
    Variant,
)
from exercise_timer.core.personal import NO_PERSONAL_VALUES, ExerciseValues, PersonalValues
from exercise_timer.core.value_source import DOCUMENT_VALUES, ValueSource, ValueSources, combined


@dataclass(frozen=True)
class ResolvedStage:
    """A stage with its hold for every repetition."""

    name: str
    instruction: str
    breathing: Breathing | None
    step: int | None
    move_seconds: float
    holds: tuple[float, ...]
    dose: Dose
    hold_step: int | None = None
    """The step highlighted during the hold; None: ``step``."""


@dataclass(frozen=True)
class ResolvedExercise:
    """An exercise as a session runs it: variant chosen, every number concrete."""

    exercise: Exercise
    variant: Variant | None
    position: Position
    start: str
    steps: tuple[str, ...]
    repetitions: int
    repetitions_dose: Dose
    sides: Sides
    stages: tuple[ResolvedStage, ...]
    prepare_seconds: float
    return_seconds: float
    relax_seconds: float
    needs_prescription: bool
    sources: ValueSources = DOCUMENT_VALUES
    """Where each value comes from (the build-up aside: see ``value_source.value_sources``)."""

    @property
    def id(self) -> str:
        """The exercise id."""
        return self.exercise.id

    @property
    def name(self) -> str:
        """The exercise name."""
        return self.exercise.name

    def steps_for(self, side: Side | None) -> tuple[str, ...]:
        """The steps shown during a pass: both sides together may have their own."""
        own = self.variant is not None and bool(self.variant.steps)
        if side is Side.BOTH and self.exercise.both_steps and not own:
            return self.exercise.both_steps
        return self.steps

    def passes(self) -> tuple[Side | None, ...]:
        """The sides worked one after the other; alternating is one pass."""
        first = self.exercise.first_side
        if self.sides is Sides.EACH:
            return (first, first.other())
        if self.sides is Sides.RIGHT_LEFT_BOTH:
            return (first, first.other(), Side.BOTH)
        return (None,)

    def side_of(self, pass_side: Side | None, rep: int) -> Side | None:
        """The side of repetition ``rep`` (1-based) in a pass."""
        if self.sides is Sides.ALTERNATING:
            first = self.exercise.first_side
            return first if rep % 2 == 1 else first.other()
        return pass_side

    def side_name(self, side: Side) -> str:
        """How the side is called on screen and in speech, such as "Left leg"."""
        named = self.exercise.side_names.get(side)
        if named:
            return named
        part = self.exercise.side_label
        known = _SIDE_NAMES.get(part)
        if known is not None:
            return known[side]()
        if side is Side.RIGHT:
            return _("Right {part}").format(part=part)
        if side is Side.LEFT:
            return _("Left {part}").format(part=part)
        return _("Both: {part}").format(part=part)


# Whole phrases for the usual labels, so a translation never has to build a plural.
_SIDE_NAMES: dict[str, dict[Side, Callable[[], str]]] = {
    "leg": {
        Side.RIGHT: lambda: _("Right leg"),
        Side.LEFT: lambda: _("Left leg"),
        Side.BOTH: lambda: _("Both legs"),
    },
    "arm": {
        Side.RIGHT: lambda: _("Right arm"),
        Side.LEFT: lambda: _("Left arm"),
        Side.BOTH: lambda: _("Both arms"),
    },
    "side": {
        Side.RIGHT: lambda: _("Right side"),
        Side.LEFT: lambda: _("Left side"),
        Side.BOTH: lambda: _("Both sides"),
    },
    "knee": {
        Side.RIGHT: lambda: _("Right knee"),
        Side.LEFT: lambda: _("Left knee"),
        Side.BOTH: lambda: _("Both knees"),
    },
}


@dataclass(frozen=True)
class Session:
    """A routine with personal values applied: what the engine runs."""

    routine: Routine
    exercises: tuple[ResolvedExercise, ...]

    @property
    def needs_prescription(self) -> tuple[ResolvedExercise, ...]:
        """Exercises using a default in place of an unfilled prescription."""
        return tuple(e for e in self.exercises if e.needs_prescription)


def resolve(routine: Routine, personal: PersonalValues = NO_PERSONAL_VALUES) -> Session:
    """The session a routine and a person's values make."""
    by_id = {exercise.id: exercise for exercise in routine.exercises}
    ordered = [by_id[i] for i in personal.order if i in by_id]
    ordered += [e for e in routine.exercises if e.id not in personal.order]
    chosen = [
        resolve_exercise(exercise, routine.defaults, personal.for_exercise(exercise.id))
        for exercise in ordered
        if personal.for_exercise(exercise.id).included
    ]
    return Session(routine=routine, exercises=tuple(chosen))


def resolve_exercise(
    exercise: Exercise, defaults: Defaults, values: ExerciseValues
) -> ResolvedExercise:
    """One exercise's concrete values."""
    variant = _chosen_variant(exercise, values.variant)
    stages: tuple[Stage, ...] = variant.stages if variant and variant.stages else exercise.stages
    repetitions_dose = (
        variant.repetitions if variant and variant.repetitions else exercise.repetitions
    )
    unfilled = False
    if values.repetitions is not None:
        repetitions, repetitions_from = values.repetitions, ValueSource.PERSONAL
    elif repetitions_dose.kind is DoseKind.PRESCRIBED:
        repetitions, unfilled = defaults.repetitions, True
        repetitions_from = ValueSource.DEFAULT
    else:
        repetitions = int(repetitions_dose.low or defaults.repetitions)
        repetitions_from = ValueSource.DOCUMENT
    holds_from = []
    sides = variant.sides if variant and variant.sides else exercise.sides
    if sides is Sides.ALTERNATING and repetitions % 2:
        # Sides take turns: an odd total would give one side a repetition more.
        repetitions += 1
    move = exercise.move_seconds if exercise.move_seconds is not None else defaults.move_seconds
    resolved_stages = []
    for index, stage in enumerate(stages):
        personal_hold = (
            values.hold_seconds[index]
            if values.hold_seconds is not None and index < len(values.hold_seconds)
            else None
        )
        if personal_hold is not None:
            holds_from.append(ValueSource.PERSONAL)
        elif stage.hold.is_prescribed:
            unfilled = True
            holds_from.append(ValueSource.DEFAULT)
        else:
            holds_from.append(ValueSource.DOCUMENT)
        resolved_stages.append(
            ResolvedStage(
                name=stage.name,
                instruction=stage.instruction,
                breathing=stage.breathing,
                step=stage.step,
                hold_step=stage.hold_step,
                move_seconds=stage.move_seconds if stage.move_seconds is not None else move,
                holds=_holds(stage.hold, repetitions, defaults, personal_hold),
                dose=stage.hold,
            )
        )
    return ResolvedExercise(
        exercise=exercise,
        variant=variant,
        position=(variant.position if variant and variant.position else exercise.position),
        start=(variant.start if variant and variant.start else exercise.start),
        steps=(variant.steps if variant and variant.steps else exercise.steps),
        repetitions=repetitions,
        repetitions_dose=repetitions_dose,
        sides=sides,
        stages=tuple(resolved_stages),
        prepare_seconds=_first(exercise.prepare_seconds, defaults.prepare_seconds),
        return_seconds=_first(exercise.return_seconds, defaults.return_seconds),
        relax_seconds=_first(values.relax_seconds, exercise.relax_seconds, defaults.relax_seconds),
        needs_prescription=unfilled,
        sources=_sources(exercise, defaults, values, holds_from, repetitions_from),
    )


def _sources(
    exercise: Exercise,
    defaults: Defaults,
    values: ExerciseValues,
    holds_from: list[ValueSource],
    repetitions_from: ValueSource,
) -> ValueSources:
    """Where each value comes from, with what the routine file marks as not in its document."""
    own = exercise.not_in_source

    def marked(source: ValueSource, key: str) -> ValueSource:
        return ValueSource.DEFAULT if source is ValueSource.DOCUMENT and key in own else source

    if values.relax_seconds is not None:
        relax = ValueSource.PERSONAL
    elif exercise.relax_seconds is None and "relax_seconds" in defaults.not_in_source:
        relax = ValueSource.DEFAULT
    else:
        relax = marked(ValueSource.DOCUMENT, "relax_seconds")
    return ValueSources(
        hold=combined(marked(source, "hold_seconds") for source in holds_from),
        repetitions=marked(repetitions_from, "repetitions"),
        sides=marked(ValueSource.DOCUMENT, "sides"),
        relax=relax,
    )


def _first(*values: float | None) -> float:
    for value in values:
        if value is not None:
            return value
    raise ValueError("no value")


def _chosen_variant(exercise: Exercise, wanted: str | None) -> Variant | None:
    if not exercise.variants:
        return None
    for variant_id in (wanted, exercise.default_variant):
        for variant in exercise.variants:
            if variant.id == variant_id:
                return variant
    return exercise.variants[0]


def _holds(
    dose: Dose, repetitions: int, defaults: Defaults, personal: float | None
) -> tuple[float, ...]:
    if personal is not None:
        return (personal,) * repetitions
    if dose.kind is DoseKind.PRESCRIBED:
        return (defaults.hold_seconds,) * repetitions
    if dose.kind is DoseKind.GROWING:
        last = len(dose.values) - 1
        return tuple(dose.values[min(rep, last)] for rep in range(repetitions))
    return (dose.values[0],) * repetitions
