"""What the journal holds, as values: sessions, the exercises in them, and stops."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from exercise_timer.core.effects import SessionEnded, StopReason
from exercise_timer.core.i18n import _


@dataclass(frozen=True)
class StopRecord:
    """Why and where a session was stopped."""

    reason: StopReason
    note: str
    exercise: str | None
    side: str | None
    rep: int | None
    stage: int | None
    phase: str | None
    session_seconds: float


@dataclass(frozen=True)
class WithdrawnStop:
    """A Stop the person took back at once ("I pressed Stop by mistake"), and where it was."""

    exercise: str | None
    side: str | None
    rep: int | None
    stage: int | None
    phase: str | None
    session_seconds: float


@dataclass(frozen=True)
class ExerciseRecord:
    """One exercise that ended: done, skipped, or the one the session was stopped in."""

    exercise_id: str
    position: int
    completed: bool
    finished_at: datetime
    stopped: bool = False


@dataclass(frozen=True)
class SessionRecord:
    """One session as the journal knows it.

    ``outcome`` is ``"completed"``, ``"stopped"``, ``"interrupted"`` (the program was killed or
    crashed during it) or ``"open"`` (still running in a live process).
    """

    id: int
    routine: str
    started_at: datetime
    ended_at: datetime | None
    outcome: str
    stop: StopRecord | None
    exercises_completed: int
    exercises_total: int
    values: dict[str, object] | None
    exercises: tuple[ExerciseRecord, ...] = ()
    pain_rating: int | None = None
    """0 (none) to 10 (the worst), given after the session; None when not given."""
    withdrawn_stops: tuple[WithdrawnStop, ...] = ()


def stop_record(ended: SessionEnded, exercise_ids: Sequence[str], note: str = "") -> StopRecord:
    """The record of a stop, from the engine's SessionEnded and the session's exercise ids.

    Args:
        ended: What the engine answered when the session ended.
        exercise_ids: The session's exercise ids, in order, to name where it stopped.
        note: What the person wrote about it.
    """
    where = ended.where
    return StopRecord(
        reason=ended.reason if ended.reason is not None else StopReason.OTHER,
        note=note,
        exercise=exercise_ids[where.exercise]
        if where is not None and 0 <= where.exercise < len(exercise_ids)
        else None,
        side=where.side.value if where is not None and where.side is not None else None,
        rep=where.rep if where is not None else None,
        stage=where.stage if where is not None else None,
        phase=where.phase.value if where is not None else None,
        session_seconds=round(ended.session_seconds, 3),
    )


def reason_text(reason: StopReason) -> str:
    """The stop reason in words, as the stop dialog offers it."""
    if reason is StopReason.PAIN:
        return _("pain or discomfort")
    if reason is StopReason.NUMBNESS:
        return _("tingling or numbness")
    if reason is StopReason.DIZZINESS:
        return _("dizziness")
    if reason is StopReason.CLOSED:
        return _("the window being closed")
    return _("another reason")
