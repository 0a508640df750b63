"""``prescription show``: per exercise, the routine's value, the personal value and today's."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from exercise_timer.core.effects import StopReason
from exercise_timer.core.i18n import N_, _
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import ExerciseValues
from exercise_timer.core.progression import ExerciseProgress, ProgressState
from exercise_timer.core.resolve import ResolvedExercise, resolve_exercise
from exercise_timer.report.table import safe_lines, text_table
from exercise_timer.report.wording import (
    document_text,
    personal_text,
    progression_text,
    values_text,
)
from exercise_timer.storage.personal_store import LoadedPersonal, Prescribed, Today

_REASONS = {
    StopReason.PAIN: N_("pain"),
    StopReason.NUMBNESS: N_("tingling or numbness"),
    StopReason.DIZZINESS: N_("dizziness"),
}


def stop_reason_text(reason: str) -> str:
    """A symptom stop's reason (a ``StopReason`` value) as it reads after "a stop for"."""
    known = {str(key): words for key, words in _REASONS.items()}
    return _(known.get(reason, reason))


@dataclass(frozen=True)
class PrescriptionRow:
    """One exercise of the routine.

    Attributes:
        exercise: The exercise as resolved with the personal values (its doses are the
            document's).
        personal: The personal values saved for it.
        building_up: Whether the routine builds up gradually (then ``progress`` applies).
        progress: Today's values beside the targets; None when the exercise does not build up.
        needs_prescription: A blank the document leaves for the clinic is still unfilled.
    """

    exercise: ResolvedExercise
    personal: ExerciseValues
    building_up: bool
    progress: ExerciseProgress | None
    needs_prescription: bool


def prescription_rows(loaded: LoadedPersonal, day: Today) -> list[PrescriptionRow]:
    """One row per exercise of the routine, in the routine's order, left-out ones included."""
    routine = loaded.routine
    running = {exercise.id: exercise for exercise in day.session.exercises}
    rows = []
    for exercise in routine.exercises:
        values = loaded.values.for_exercise(exercise.id)
        resolved = running.get(exercise.id) or resolve_exercise(exercise, routine.defaults, values)
        rows.append(
            PrescriptionRow(
                exercise=resolved,
                personal=values,
                building_up=day.progress is not None,
                progress=day.progress.exercises.get(exercise.id) if day.progress else None,
                needs_prescription=resolved.needs_prescription and values.included,
            )
        )
    return rows


def prescription_table(rows: Sequence[PrescriptionRow]) -> list[tuple[str, ...]]:
    """The header and one line of words per exercise; "Today" only while building up."""
    building_up = any(row.building_up for row in rows)
    header = [_("Exercise"), _("Routine says"), _("Personal"), _("Needs prescription")]
    if building_up:
        header.insert(3, _("Today"))
    table: list[tuple[str, ...]] = [tuple(header)]
    for row in rows:
        cells = [row.exercise.id, document_text(row.exercise), _personal_cell(row)]
        if building_up:
            cells.append(_today_text(row.progress))
        cells.append(_("yes") if row.needs_prescription else "")
        table.append(tuple(cells))
    return table


def _personal_cell(row: PrescriptionRow) -> str:
    left_out = row.personal.left_out
    if left_out is None or row.personal.included:
        return personal_text(row.personal, row.exercise)
    mark = _("left out on {date} after a stop for {reason}").format(
        date=left_out.date.isoformat(), reason=stop_reason_text(left_out.reason)
    )
    rest = personal_text(dataclasses.replace(row.personal, included=True), row.exercise)
    return mark if rest == "-" else f"{mark}, {rest}"


def _today_text(progress: ExerciseProgress | None) -> str:
    if progress is None:
        return "-"
    if progress.reached:
        return _("at target")
    return values_text(progress.holds, progress.repetitions)


def prescription_text(rows: Sequence[PrescriptionRow]) -> str:
    """The table of ``prescription show`` as aligned columns."""
    return text_table(prescription_table(rows))


def provenance_text(prescribed: Prescribed) -> str:
    """Where the values came from, in one sentence: the clinic, the patient and the date."""
    if prescribed.patient:
        return _("Prescribed by {clinic} for {patient} on {date}").format(
            clinic=prescribed.clinic, patient=prescribed.patient, date=prescribed.dated.isoformat()
        )
    return _("Prescribed by {clinic} on {date}").format(
        clinic=prescribed.clinic, date=prescribed.dated.isoformat()
    )


def prescription_sheet(
    routine: Routine,
    rows: Sequence[PrescriptionRow],
    *,
    personal_file: Path | None,
    locked: bool,
    lock_problem: str | None = None,
    progress: ProgressState | None = None,
    prescribed: Prescribed | None = None,
) -> str:
    """The whole of ``prescription show``: where the values come from, the lock, the table.

    Args:
        routine: The routine shown.
        rows: Its exercises, from ``prescription_rows``.
        personal_file: The file of saved personal values, or None when there is none.
        locked: Whether a clinician's PIN locks the values.
        lock_problem: What is wrong with the lock file, said instead of the lock sentence.
        progress: Where building up stands; None when the routine does not build up.
        prescribed: The prescription the saved values were imported from, when known.
    """
    lines = [
        f"{routine.title} ({routine.id})",
        _("Personal values: {file}").format(file=personal_file)
        if personal_file is not None
        else _("No personal values saved: the routine's own values are in use."),
    ]
    if prescribed is not None and personal_file is not None:
        lines.append(provenance_text(prescribed))
        if prescribed.changed is not None:
            lines.append(
                _("The values were changed on {date}, after the prescription was imported.").format(
                    date=prescribed.changed.isoformat()
                )
            )
    if locked:
        lines.append(
            lock_problem
            or _("Locked: the editor and prescription import ask for the clinician's PIN.")
        )
    if progress is not None:
        lines.append(progression_text(progress))
    lines += ["", *prescription_text(rows).split("\n")]
    if any(row.personal.left_out is not None and not row.personal.included for row in rows):
        lines += [
            "",
            _(
                "Left out by the person after a stop, until their clinic is asked. To undo, "
                "include the exercise again in the values editor."
            ),
        ]
    return safe_lines(lines)
