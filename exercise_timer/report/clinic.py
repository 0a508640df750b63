"""The clinic report as data rows: what was done, what stopped it, and how the holds grew.

Built from the journal's records, the routine and the personal values in use, for one routine
and an optional period. The PDF and HTML writers and the window's charts take these rows; the
words are made by :mod:`exercise_timer.report.clinic_text` when the report is shown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from exercise_timer.core.effects import StopReason
from exercise_timer.core.model import Exercise, Routine
from exercise_timer.core.personal import ExerciseValues
from exercise_timer.core.progression import ProgressState
from exercise_timer.core.resolve import ResolvedExercise, resolve_exercise
from exercise_timer.report.history_page import (
    Band,
    BuildUpPoint,
    PainPoint,
    WeekRow,
    advice_band,
    build_up_rows,
    week_rows,
)
from exercise_timer.report.wording import document_text, personal_text, values_text
from exercise_timer.storage.journal import SessionRecord, StopRecord
from exercise_timer.storage.personal_store import LoadedPersonal, Today


@dataclass(frozen=True)
class Period:
    """Which sessions a report holds: one routine (None: any) between two days, both included."""

    routine: str | None = None
    since: date | None = None
    until: date | None = None

    def holds(self, record: SessionRecord) -> bool:
        """Whether the session belongs to the report."""
        day = record.started_at.date()
        return (
            (self.routine is None or record.routine == self.routine)
            and (self.since is None or day >= self.since)
            and (self.until is None or day <= self.until)
        )


@dataclass(frozen=True)
class Prescriber:
    """Who prescribed the values: the prescription given, else the one they were imported from."""

    clinic: str
    patient: str | None = None
    dated: date | None = None


@dataclass(frozen=True)
class BuildUpRow:
    """One exercise's values session after session, oldest first."""

    exercise_id: str
    name: str
    points: tuple[BuildUpPoint, ...]


@dataclass(frozen=True)
class SessionLine:
    """One session of the table.

    Attributes:
        outcome: "completed", "stopped", "interrupted" or "open", as the journal says.
        skipped: Exercises skipped (ended without being done, not the one stopped in).
        stop_exercise: The name of the exercise it was stopped in, when known.
    """

    id: int
    started_at: datetime
    outcome: str
    exercises_completed: int
    exercises_total: int
    skipped: int
    stop: StopRecord | None
    stop_exercise: str | None
    pain_rating: int | None
    withdrawn_stops: int


@dataclass(frozen=True)
class ValueLine:
    """One exercise of the routine: the values in use beside what the document says.

    Attributes:
        in_use: Today's hold and repetitions in words (the build-up's when building up).
        personal: The personal values saved for it in words, "-" when none.
        document: What the routine's document says.
    """

    exercise_id: str
    name: str
    included: bool
    in_use: str
    personal: str
    document: str


@dataclass(frozen=True)
class ClinicReport:
    """Everything the clinic report shows, for one routine.

    Attributes:
        progress: Where building up stands today; None when the routine does not build up.
        other_routines: Sessions in the period that belong to other routines (not shown).
        advice: The routine's sessions a week as numbers; None when it gives none or words.
        advice_text: The routine's advice as written ("2-3"), "" when it gives none.
    """

    routine_id: str
    routine_title: str
    period: Period
    made_on: date
    prescriber: Prescriber | None
    values: tuple[ValueLine, ...]
    advice: Band | None
    advice_text: str
    weeks: tuple[WeekRow, ...]
    sessions: tuple[SessionLine, ...]
    pain: tuple[PainPoint, ...]
    build_up: tuple[BuildUpRow, ...]
    other_routines: int = 0
    progress: ProgressState | None = None
    reasons: dict[StopReason, int] = field(default_factory=dict)

    @property
    def stops(self) -> tuple[SessionLine, ...]:
        """The sessions that were stopped, oldest first."""
        return tuple(line for line in self.sessions if line.stop is not None)

    def count(self, outcome: str) -> int:
        """How many sessions ended so."""
        return sum(1 for line in self.sessions if line.outcome == outcome)


def pick_routine(records: Iterable[SessionRecord], period: Period) -> str | None:
    """The routine a report without ``--routine`` shows: the one of the latest session in it."""
    latest = None
    for record in records:
        if period.holds(record) and (latest is None or record.started_at >= latest.started_at):
            latest = record
    return None if latest is None else latest.routine


def clinic_report(
    records: Sequence[SessionRecord],
    routine: Routine,
    personal: tuple[LoadedPersonal, Today],
    *,
    period: Period,
    made_on: date,
    prescriber: Prescriber | None = None,
) -> ClinicReport:
    """The report of ``routine``'s sessions in ``period``.

    Args:
        records: The journal's sessions, oldest first (others' routines are counted apart).
        routine: The routine reported on.
        personal: Its personal values as loaded and today's session with them.
        period: Which days to report (its routine is replaced by ``routine``'s id).
        made_on: The day the report is made.
        prescriber: The clinic and patient of the prescription, when known.
    """
    period = Period(routine.id, period.since, period.until)
    anyone = Period(None, period.since, period.until)
    chosen = [record for record in records if period.holds(record)]
    chosen.sort(key=lambda record: record.started_at)
    names = {exercise.id: exercise.name for exercise in routine.exercises}
    sessions = tuple(_session_line(record, names) for record in chosen)
    points = build_up_rows(chosen)
    reasons = Counter(line.stop.reason for line in sessions if line.stop is not None)
    return ClinicReport(
        routine_id=routine.id,
        routine_title=routine.title,
        period=period,
        made_on=made_on,
        prescriber=prescriber,
        values=tuple(_value_lines(routine, *personal)),
        advice=advice_band(routine.advice.sessions_per_week),
        advice_text=routine.advice.sessions_per_week,
        weeks=tuple(week_rows(chosen, period.since, period.until)),
        sessions=sessions,
        pain=tuple(
            PainPoint(record.started_at, record.pain_rating)
            for record in chosen
            if record.pain_rating is not None
        ),
        build_up=tuple(
            BuildUpRow(exercise.id, exercise.name, tuple(points[exercise.id]))
            for exercise in routine.exercises
            if points.get(exercise.id)
        ),
        other_routines=sum(1 for record in records if anyone.holds(record)) - len(chosen),
        progress=personal[1].progress,
        reasons=dict(reasons),
    )


def _session_line(record: SessionRecord, names: dict[str, str]) -> SessionLine:
    stop = record.stop
    return SessionLine(
        id=record.id,
        started_at=record.started_at,
        outcome=record.outcome,
        exercises_completed=record.exercises_completed,
        exercises_total=record.exercises_total,
        skipped=sum(1 for item in record.exercises if not item.completed and not item.stopped),
        stop=stop,
        stop_exercise=None
        if stop is None or stop.exercise is None
        else names.get(stop.exercise, stop.exercise),
        pain_rating=record.pain_rating,
        withdrawn_stops=len(record.withdrawn_stops),
    )


def _value_lines(routine: Routine, loaded: LoadedPersonal, day: Today) -> Iterable[ValueLine]:
    running = {exercise.exercise.id: exercise for exercise in day.session.exercises}
    for exercise in routine.exercises:
        values = loaded.values.for_exercise(exercise.id)
        resolved = running.get(exercise.id)
        yield ValueLine(
            exercise_id=exercise.id,
            name=exercise.name,
            included=resolved is not None,
            in_use="-"
            if resolved is None
            else values_text(
                [max(stage.holds, default=0.0) for stage in resolved.stages], resolved.repetitions
            ),
            personal=personal_text(values, resolved),
            document=_document(exercise, routine, resolved),
        )


def _document(exercise: Exercise, routine: Routine, resolved: ResolvedExercise | None) -> str:
    return document_text(resolved or resolve_exercise(exercise, routine.defaults, ExerciseValues()))
