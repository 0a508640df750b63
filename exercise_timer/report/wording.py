"""Exercise values in words, shared by the plan and prescription reports."""

from __future__ import annotations

from collections.abc import Sequence

from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.model import Dose, DoseKind
from exercise_timer.core.personal import ExerciseValues
from exercise_timer.core.progression import ProgressState
from exercise_timer.core.resolve import ResolvedExercise
from exercise_timer.storage.journal import reason_text


def seconds_text(holds: Sequence[float]) -> str:
    """Holds joined with "+", each with its unit, such as ``5 s + 5 s``."""
    return " + ".join(f"{hold:g} s" for hold in holds)


def values_text(holds: Sequence[float], repetitions: int) -> str:
    """A hold per stage and the repetitions, such as ``hold 3 s, 3 times``."""
    if not any(holds):
        return ngettext(
            "no hold, {repetitions} time", "no hold, {repetitions} times", repetitions
        ).format(repetitions=repetitions)
    return ngettext(
        "hold {hold}, {repetitions} time", "hold {hold}, {repetitions} times", repetitions
    ).format(hold=seconds_text(holds), repetitions=repetitions)


def has_personal_values(values: ExerciseValues) -> bool:
    """Whether any personal value is set for the exercise."""
    return not values.included or any(
        value is not None
        for value in (
            values.variant,
            values.hold_seconds,
            values.repetitions,
            values.relax_seconds,
        )
    )


def personal_text(values: ExerciseValues, exercise: ResolvedExercise | None) -> str:
    """The personal values set for one exercise as a list in words; "-" when none are set."""
    parts = []
    if not values.included:
        parts.append(_("left out"))
    if values.variant is not None:
        name = exercise.variant.name if exercise and exercise.variant else values.variant
        parts.append(_("version: {name}").format(name=name))
    if values.hold_seconds is not None:
        parts.append(_("hold {hold}").format(hold=seconds_text(values.hold_seconds)))
    if values.repetitions is not None:
        parts.append(
            ngettext("{count} time", "{count} times", values.repetitions).format(
                count=values.repetitions
            )
        )
    if values.relax_seconds is not None:
        parts.append(_("relax {seconds:g} s").format(seconds=values.relax_seconds))
    return ", ".join(parts) or "-"


def dose_text(dose: Dose) -> str:
    """A value as the document gives it: ``5``, ``3-10``, ``1/2/3`` or ``___`` when blank."""
    if dose.kind is DoseKind.PRESCRIBED:
        return "___"
    if dose.kind is DoseKind.RANGE:
        return f"{dose.values[0]:g}-{dose.values[1]:g}"
    return "/".join(f"{value:g}" for value in dose.values)


def document_text(exercise: ResolvedExercise) -> str:
    """What the routine's document says of the holds and repetitions."""
    holds = [stage.dose for stage in exercise.stages]
    reps = exercise.repetitions_dose
    # Only one fixed number is a count; a range or a blank reads as plural.
    count = int(reps.values[0]) if reps.kind is DoseKind.FIXED and len(reps.values) == 1 else 2
    repetitions = dose_text(reps)
    if all(dose == Dose.fixed(0) for dose in holds):
        return ngettext(
            "no hold, {repetitions} time", "no hold, {repetitions} times", count
        ).format(repetitions=repetitions)
    hold = " + ".join(dose_text(dose) + " s" for dose in holds)
    return ngettext(
        "hold {hold}, {repetitions} time", "hold {hold}, {repetitions} times", count
    ).format(hold=hold, repetitions=repetitions)


def progression_text(state: ProgressState) -> str:
    """Where building up stands, in one or two sentences."""
    if state.all_reached:
        return _("Building up gradually: every exercise is at its target.")
    count = state.sessions_to_next_step
    if state.held_by is not None:
        return ngettext(
            "Building up gradually: held where it is after a stop for {reason}; "
            "{count} more completed session without such a stop to the next step.",
            "Building up gradually: held where it is after a stop for {reason}; "
            "{count} more completed sessions without such a stop to the next step.",
            count,
        ).format(reason=reason_text(state.held_by), count=count)
    rule = ngettext(
        "Building up gradually: 1 s more hold and 1 more repetition after every completed session.",
        "Building up gradually: 1 s more hold and 1 more repetition after every {every} "
        "completed sessions.",
        state.every,
    ).format(every=state.every)
    remaining = ngettext(
        "{count} more completed session to the next step.",
        "{count} more completed sessions to the next step.",
        count,
    ).format(count=count)
    return f"{rule} {remaining}"
