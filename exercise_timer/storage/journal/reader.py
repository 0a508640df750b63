"""Reading the journal back: every session it can read, and each row it cannot, with why.

One damaged row must not hide the others: the history would look empty and the build-up
would start over. So a row that cannot be read is left out and named (:class:`SkippedRow`),
and the rest are returned. Only a problem with the whole file (not a database, damaged pages,
from a newer version, another program's) makes the journal unreadable.
"""

from __future__ import annotations

import dataclasses
import json
import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from exercise_timer.core.effects import StopReason
from exercise_timer.core.i18n import _
from exercise_timer.core.limits import PAIN_RATING
from exercise_timer.storage.journal.processes import process_alive
from exercise_timer.storage.journal.records import (
    ExerciseRecord,
    SessionRecord,
    StopRecord,
    WithdrawnStop,
)
from exercise_timer.storage.journal.schema import (
    BUSY_TIMEOUT_SECONDS,
    OUTCOME_INTERRUPTED,
    OUTCOME_OPEN,
    OUTCOMES,
    Refused,
    check_integrity,
    check_version,
    close_quietly,
    describe,
    is_damage,
    user_version,
)


class JournalUnreadable(Exception):
    """The journal file exists but cannot be read; ``message`` says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class SkippedRow:
    """A session the journal holds but that could not be read.

    Attributes:
        row_id: The session's id in the journal (its row in the ``sessions`` table).
        reason: Why, as a short phrase in the language in use, such as "its start time is
            not a date and time".
    """

    row_id: int
    reason: str


@dataclass(frozen=True)
class History:
    """Every session the journal could read, oldest first, and the ones it could not."""

    records: list[SessionRecord]
    skipped: tuple[SkippedRow, ...] = ()


Owner = tuple[int, str | None]
"""The pid and process token of the program that ran a session."""


def read_history(path: Path) -> History:
    """Every readable session, oldest first, and each one left out with why (for ``history``).

    Reads without writing anything: a missing file is an empty journal and is not created,
    and sessions left open by a process that is gone are reported as interrupted though the
    file is not changed.

    Raises:
        JournalUnreadable: The whole file is damaged, from a newer version, not a journal,
            or cannot be read.
    """
    if not path.exists():
        return History([])
    connection: sqlite3.Connection | None = None
    try:
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS
        )
        check_integrity(connection)
        version = user_version(connection)
        check_version(connection, version)
        if version == 0:
            return History([])
        found, skipped = read_owned_sessions(connection)
        return History([_as_seen_now(*item) for item in found], skipped)
    except Refused as refused:
        raise JournalUnreadable(refused.history_message(path)) from None
    except (sqlite3.Error, OSError, ValueError) as error:
        if is_damage(error) or isinstance(error, ValueError):
            raise JournalUnreadable(_damaged_for_history(path, error)) from None
        raise JournalUnreadable(cannot_read(path, error)) from None
    finally:
        close_quietly(connection)


def read_journal(path: Path) -> list[SessionRecord]:
    """Every readable session, oldest first: ``read_history(path).records``.

    Raises:
        JournalUnreadable: The whole file cannot be read (see :func:`read_history`).
    """
    return read_history(path).records


def read_sessions(connection: sqlite3.Connection) -> History:
    """The sessions of an open journal as they are stored (open ones are not re-checked)."""
    found, skipped = read_owned_sessions(connection)
    return History([record for record, _owner in found], skipped)


def cannot_read(path: Path, error: BaseException) -> str:
    """The message for a journal that could not be read for a reason other than damage."""
    return _("{file}: the session journal could not be read ({error}).").format(
        file=path, error=describe(error)
    )


def read_owned_sessions(
    connection: sqlite3.Connection,
) -> tuple[list[tuple[SessionRecord, Owner]], tuple[SkippedRow, ...]]:
    """Every readable session with the process that ran it, and the rows left out.

    Raises:
        sqlite3.Error: The tables themselves cannot be read.
    """
    exercises: dict[int, list[ExerciseRecord]] = {}
    damaged: dict[int, str] = {}
    for session_id, *fields in connection.execute(
        "SELECT session_id, exercise_id, position, completed, finished_at, stopped FROM exercises"
        " ORDER BY id"
    ):
        if not isinstance(session_id, int):
            continue  # Belongs to no session that could be shown.
        try:
            exercises.setdefault(session_id, []).append(_exercise_of(fields))
        except _BadRow as bad:
            damaged.setdefault(session_id, bad.reason)
    withdrawn: dict[int, list[WithdrawnStop]] = {}
    for session_id, *fields in connection.execute(
        "SELECT session_id, exercise, side, rep, stage, phase, session_seconds"
        " FROM withdrawn_stops ORDER BY id"
    ):
        if not isinstance(session_id, int):
            continue
        try:
            withdrawn.setdefault(session_id, []).append(_withdrawn_of(fields))
        except _BadRow as bad:
            damaged.setdefault(session_id, bad.reason)
    found: list[tuple[SessionRecord, Owner]] = []
    skipped: list[SkippedRow] = []
    for row in connection.execute(
        "SELECT id, routine, started_at, ended_at, outcome, exercises_total, values_json, pid,"
        " process_token, stop_reason, stop_note, stop_exercise, stop_side, stop_rep,"
        " stop_stage, stop_phase, stop_session_seconds, pain_rating FROM sessions ORDER BY id"
    ):
        row_id = int(row[0])  # The rowid: always a whole number.
        try:
            if row_id in damaged:
                raise _BadRow(damaged[row_id])
            record, owner = _session_of(row_id, row, exercises.get(row_id, []))
            taken_back = tuple(withdrawn.get(row_id, ()))
            found.append((dataclasses.replace(record, withdrawn_stops=taken_back), owner))
        except _BadRow as bad:
            skipped.append(SkippedRow(row_id, bad.reason))
    return found, tuple(skipped)


def _as_seen_now(record: SessionRecord, owner: Owner) -> SessionRecord:
    """An open session whose process is gone reads as interrupted (without writing it)."""
    if record.outcome != OUTCOME_OPEN or process_alive(*owner):
        return record
    return dataclasses.replace(record, outcome=OUTCOME_INTERRUPTED)


# One row.


class _BadRow(Exception):
    """A row that cannot be read; ``reason`` is the short phrase a SkippedRow carries."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _session_of(
    row_id: int, row: Sequence[object], done: list[ExerciseRecord]
) -> tuple[SessionRecord, Owner]:
    _id, routine, started_at, ended_at, outcome, total, values_json, pid, token, *stop, pain = row
    text = _text(routine, _("its routine is not text"))
    started = _moment(started_at, _("its start time is not a date and time"))
    ended = None
    if ended_at is not None:
        ended = _moment(ended_at, _("its end time is not a date and time"))
    if outcome not in OUTCOMES:
        raise _BadRow(_("its outcome is not one the program knows"))
    record = SessionRecord(
        id=row_id,
        routine=text,
        started_at=started,
        ended_at=ended,
        outcome=str(outcome),
        stop=_stop_of(stop),
        exercises_completed=len({e.position for e in done if e.completed}),
        exercises_total=_whole(total, _("its number of exercises is not a whole number")),
        values=_values_of(values_json),
        exercises=tuple(done),
        pain_rating=_pain_of(pain),
    )
    owner = _whole(pid, _("the process that ran it is not a whole number"))
    return record, (owner, None if token is None else str(token))


def _withdrawn_of(fields: Sequence[object]) -> WithdrawnStop:
    exercise, side, rep, stage, phase, seconds = fields
    bad = _("a Stop it took back cannot be read")
    if not (isinstance(seconds, int | float) and math.isfinite(float(seconds))):
        raise _BadRow(bad)
    texts = (exercise, side, phase)
    wholes = (rep, stage)
    if not all(t is None or isinstance(t, str) for t in texts) or not all(
        w is None or (isinstance(w, int) and not isinstance(w, bool)) for w in wholes
    ):
        raise _BadRow(bad)
    return WithdrawnStop(
        exercise=None if exercise is None else str(exercise),
        side=None if side is None else str(side),
        rep=None if rep is None else int(str(rep)),
        stage=None if stage is None else int(str(stage)),
        phase=None if phase is None else str(phase),
        session_seconds=float(str(seconds)),
    )


def _pain_of(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not PAIN_RATING.contains(value):
        raise _BadRow(_("its pain rating is not a whole number from 0 to 10"))
    return value


def _exercise_of(fields: Sequence[object]) -> ExerciseRecord:
    exercise_id, position, completed, finished_at, stopped = fields
    if completed not in (0, 1) or stopped not in (0, 1):
        raise _BadRow(_("one of its exercises is marked neither done nor skipped"))
    return ExerciseRecord(
        exercise_id=_text(exercise_id, _("one of its exercises has an id that is not text")),
        position=_whole(
            position, _("one of its exercises has a position that is not a whole number")
        ),
        completed=bool(completed),
        stopped=bool(stopped),
        finished_at=_moment(
            finished_at, _("one of its exercises has an end time that is not a date and time")
        ),
    )


def _stop_of(fields: Sequence[object]) -> StopRecord | None:
    reason, note, exercise, side, rep, stage, phase, seconds = fields
    if reason is None:
        return None
    if reason not in {known.value for known in StopReason}:
        raise _BadRow(_("its stop reason is not one the program knows"))
    place = _("the place where it was stopped cannot be read")
    if seconds is not None and not (
        isinstance(seconds, int | float) and math.isfinite(float(seconds))
    ):
        raise _BadRow(_("the moment it was stopped is not a number"))
    return StopRecord(
        reason=StopReason(str(reason)),
        note="" if note is None else _text(note, _("the note about its stop is not text")),
        exercise=None if exercise is None else _text(exercise, place),
        side=None if side is None else _text(side, place),
        rep=None if rep is None else _whole(rep, place),
        stage=None if stage is None else _whole(stage, place),
        phase=None if phase is None else _text(phase, place),
        session_seconds=0.0 if seconds is None else float(seconds),
    )


def _values_of(text: object) -> dict[str, object] | None:
    if text is None:
        return None
    unreadable = _("the values it used are not readable JSON")
    try:
        loaded = json.loads(_text(text, unreadable))
    except (ValueError, RecursionError):
        raise _BadRow(unreadable) from None
    return {str(key): value for key, value in loaded.items()} if isinstance(loaded, dict) else None


def _moment(value: object, reason: str) -> datetime:
    try:
        return datetime.fromisoformat(_text(value, reason))
    except ValueError:
        raise _BadRow(reason) from None


def _text(value: object, reason: str) -> str:
    if not isinstance(value, str):
        raise _BadRow(reason)
    return value


def _whole(value: object, reason: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _BadRow(reason)
    return value


def _damaged_for_history(path: Path, error: BaseException) -> str:
    return _(
        "{file}: the session journal is damaged and cannot be read ({error}). It was left as "
        "it is; move it elsewhere (keep it for your records) and a new journal will be started."
    ).format(file=path, error=describe(error))
