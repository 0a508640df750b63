"""Writing the journal: every session, exercise and stop, committed the moment it happens.

Nothing here ever raises into a running session: a journal that cannot be opened is an
:class:`UnavailableJournal`, and a write that fails switches the :class:`Journal` to a failed
state; both carry a plain-language ``problem`` for the window to show. A damaged file is never
overwritten, repaired or deleted: it is left where it is.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Protocol

from exercise_timer.core.effects import Outcome, StopReason
from exercise_timer.core.i18n import _
from exercise_timer.core.limits import PAIN_RATING
from exercise_timer.storage.journal.processes import process_alive, process_token
from exercise_timer.storage.journal.reader import (
    History,
    JournalUnreadable,
    cannot_read,
    read_sessions,
)
from exercise_timer.storage.journal.records import (
    SessionRecord,
    StopRecord,
    WithdrawnStop,
    reason_text,
)
from exercise_timer.storage.journal.schema import (
    BUSY_TIMEOUT_SECONDS,
    Refused,
    check_integrity,
    check_version,
    close_quietly,
    describe,
    is_damage,
    migrate,
    user_version,
)
from exercise_timer.storage.moments import aware, local_now
from exercise_timer.storage.private import create_private_file, make_private_dir


def open_journal(
    path: Path,
    *,
    now: Callable[[], datetime] = local_now,
    pid: int | None = None,
) -> Journal | UnavailableJournal:
    """Opens (creating or migrating) the journal, or explains why it cannot.

    Never raises for a bad file, folder or disk: the session must run anyway.

    Args:
        path: The journal file, normally ``Paths.journal_file``.
        now: Returns the current time as an aware datetime; tests pass a fixed one.
        pid: The process that runs the sessions recorded here (default: this one).
    """
    own_pid = os.getpid() if pid is None else pid
    try:
        make_private_dir(path.parent)
        create_private_file(path)  # SQLite gives its -wal, -shm and -journal files its mode
    except OSError as error:
        return UnavailableJournal(path, _cannot_open(path, error))
    connection: sqlite3.Connection | None = None
    try:
        connection = _connect(path)
        found = _migrate_and_recover(connection, now)
    except Refused as refused:
        close_quietly(connection)
        return UnavailableJournal(path, refused.message(path))
    except (sqlite3.Error, OSError, ValueError) as error:
        close_quietly(connection)
        if is_damage(error):
            return UnavailableJournal(path, _damaged(path, error))
        return UnavailableJournal(path, _cannot_open(path, error))
    return Journal(path, connection, now=now, pid=own_pid, interrupted=found)


class Journal:
    """A working journal; every method commits at once and never raises into the session."""

    def __init__(
        self,
        path: Path,
        connection: sqlite3.Connection,
        *,
        now: Callable[[], datetime],
        pid: int,
        interrupted: Sequence[SessionRecord] = (),
    ) -> None:
        self.path = path
        self.problem: str | None = None
        self._connection = connection
        self._now = now
        self._pid = pid
        self._process_token = process_token(pid)
        self._interrupted = tuple(interrupted)
        self._history: tuple[int, History] | None = None

    def start_session(
        self, routine_id: str, exercises_total: int, values: Mapping[str, object] | None = None
    ) -> int:
        """Records that a session began; returns its id (0 when the journal is not working).

        Args:
            routine_id: The routine's id.
            exercises_total: How many exercises the session has.
            values: The personal values the session used, kept as JSON.
        """
        if self.problem is not None:
            return 0
        self._history = None
        try:
            values_json = (
                None
                if values is None
                else json.dumps(dict(values), ensure_ascii=False, default=str)
            )
            cursor = self._connection.execute(
                "INSERT INTO sessions (routine, started_at, exercises_total, values_json, pid,"
                " process_token) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    routine_id,
                    self._timestamp(),
                    exercises_total,
                    values_json,
                    self._pid,
                    self._process_token,
                ),
            )
        except (sqlite3.Error, OSError, ValueError) as error:
            self._fail(error)
            return 0
        return int(cursor.lastrowid or 0)

    def exercise_finished(
        self,
        session_id: int,
        exercise_id: str,
        position: int,
        completed: bool,
        stopped: bool = False,
    ) -> None:
        """Records that an exercise ended.

        Args:
            session_id: What :meth:`start_session` returned.
            exercise_id: The exercise's id.
            position: Its index in the session (0 for the first).
            completed: False when it was skipped or stopped.
            stopped: The session was stopped in it.
        """
        self._history = None
        try:
            self._connection.execute(
                "INSERT INTO exercises (session_id, exercise_id, position, completed, stopped,"
                " finished_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    exercise_id,
                    position,
                    int(completed),
                    int(stopped),
                    self._timestamp(),
                ),
            )
        except (sqlite3.Error, OSError, ValueError) as error:
            self._fail(error)

    def stop_withdrawn(self, session_id: int, place: WithdrawnStop) -> None:
        """Records a Stop the person took back, and where it was pressed."""
        self._history = None
        try:
            self._connection.execute(
                "INSERT INTO withdrawn_stops (session_id, withdrawn_at, exercise, side, rep,"
                " stage, phase, session_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    self._timestamp(),
                    place.exercise,
                    place.side,
                    place.rep,
                    place.stage,
                    place.phase,
                    float(place.session_seconds),
                ),
            )
        except (sqlite3.Error, OSError, ValueError) as error:
            self._fail(error)

    def rate_pain(self, session_id: int, rating: int) -> None:
        """Records the pain the person felt after the session, 0 to 10.

        Raises:
            ValueError: ``rating`` is not a whole number from 0 to 10 (nothing is written).
        """
        if isinstance(rating, bool) or not isinstance(rating, int):
            raise ValueError(f"pain rating {rating!r} is not a whole number")
        if not PAIN_RATING.contains(rating):
            raise ValueError(f"pain rating {rating} is not from 0 to 10")
        self._history = None
        try:
            self._connection.execute(
                "UPDATE sessions SET pain_rating = ? WHERE id = ?", (rating, session_id)
            )
        except (sqlite3.Error, OSError) as error:
            self._fail(error)

    def end_session(self, session_id: int, outcome: Outcome, stop: StopRecord | None) -> None:
        """Records how the session ended; a session already ended keeps its first ending.

        So a stop for dizziness is never overwritten by the window being closed afterwards.

        Args:
            session_id: What :meth:`start_session` returned.
            outcome: Completed or stopped.
            stop: Why and where it stopped (None when completed).

        The write is tried even after an earlier one failed (a lock held by another window
        may be gone by now): the end of a session, above all a stop, matters most.
        """
        self._history = None
        try:
            self._connection.execute(
                "UPDATE sessions SET ended_at = ?, outcome = ?, stop_reason = ?, stop_note = ?,"
                " stop_exercise = ?, stop_side = ?, stop_rep = ?, stop_stage = ?,"
                " stop_phase = ?, stop_session_seconds = ?"
                " WHERE id = ? AND outcome = 'open'",
                (
                    self._timestamp(),
                    Outcome(outcome).value,
                    None if stop is None else StopReason(stop.reason).value,
                    None if stop is None else stop.note,
                    None if stop is None else stop.exercise,
                    None if stop is None else stop.side,
                    None if stop is None else stop.rep,
                    None if stop is None else stop.stage,
                    None if stop is None else stop.phase,
                    None if stop is None else float(stop.session_seconds),
                    session_id,
                ),
            )
        except (sqlite3.Error, OSError, ValueError) as error:
            self._fail_to_end(error, stop)

    def sessions(self) -> list[SessionRecord]:
        """Every readable session, oldest first (empty if the journal cannot be read at all)."""
        try:
            return self.history().records
        except JournalUnreadable:
            return []

    def history(self) -> History:
        """Every readable session, oldest first, and the rows left out with why.

        Raises:
            JournalUnreadable: The file can no longer be read at all.
        """
        try:
            # Read once until something is written: here (every write forgets it) or by
            # another process (SQLite's data_version changes).
            version = int(self._connection.execute("PRAGMA data_version").fetchone()[0])
            if self._history is None or self._history[0] != version:
                self._history = (version, read_sessions(self._connection))
            found = self._history[1]
            return dataclasses.replace(found, records=list(found.records))
        except (sqlite3.Error, OSError) as error:
            raise JournalUnreadable(cannot_read(self.path, error)) from None

    def interrupted_since_last_open(self) -> list[SessionRecord]:
        """The sessions that opening found left open by a process that is gone."""
        return list(self._interrupted)

    def close(self) -> None:
        """Closes the file (SQLite folds the write-ahead log back into it)."""
        close_quietly(self._connection)

    def __enter__(self) -> Journal:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _timestamp(self) -> str:
        return aware(self._now()).isoformat()

    def _fail_to_end(self, error: BaseException, stop: StopRecord | None) -> None:
        """The session's end was not saved: the window must not show it as if it were."""
        if stop is None:
            self.problem = _(
                "This session could not be saved ({error}); it is not in your journal and "
                "does not count towards your build-up. Check that the disk is not full."
            ).format(error=describe(error))
            return
        self.problem = _(
            "This session could not be saved ({error}); it is not in your journal. Please "
            "write down that you stopped because of {reason}, and tell your clinician."
        ).format(error=describe(error), reason=reason_text(stop.reason))

    def _fail(self, error: BaseException, stop: StopRecord | None = None) -> None:
        if stop is None:
            self.problem = _(
                "The session journal stopped working ({error}); the rest of this session will "
                "not be recorded."
            ).format(error=describe(error))
            return
        self.problem = _(
            "The session journal stopped working ({error}); the rest of this session will not "
            "be recorded. Please write down that you stopped because of {reason}, and tell "
            "your clinician."
        ).format(error=describe(error), reason=reason_text(stop.reason))


class NullJournal:
    """A journal that records nothing and has nothing to show (the base of the stand-ins)."""

    problem: str | None = None

    def start_session(
        self, routine_id: str, exercises_total: int, values: Mapping[str, object] | None = None
    ) -> int:
        """Records nothing; returns 0."""
        return 0

    def exercise_finished(
        self,
        session_id: int,
        exercise_id: str,
        position: int,
        completed: bool,
        stopped: bool = False,
    ) -> None:
        """Records nothing."""

    def end_session(self, session_id: int, outcome: Outcome, stop: StopRecord | None) -> None:
        """Records nothing."""

    def stop_withdrawn(self, session_id: int, place: WithdrawnStop) -> None:
        """Records nothing."""

    def rate_pain(self, session_id: int, rating: int) -> None:
        """Records nothing."""

    def sessions(self) -> list[SessionRecord]:
        """Nothing to show."""
        return []

    def history(self) -> History:
        """Nothing to show (``problem`` already says why)."""
        return History([])

    def interrupted_since_last_open(self) -> list[SessionRecord]:
        """Nothing to show."""
        return []

    def close(self) -> None:
        """Nothing to close."""

    def __enter__(self) -> NullJournal:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class UnavailableJournal(NullJournal):
    """Stands in for a journal that could not be opened: records nothing, says why."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem


class SessionJournal(Protocol):
    """What both :class:`Journal` and :class:`UnavailableJournal` offer (the window's type)."""

    problem: str | None

    def start_session(
        self, routine_id: str, exercises_total: int, values: Mapping[str, object] | None = None
    ) -> int:
        """Records that a session began; returns its id."""

    def exercise_finished(
        self,
        session_id: int,
        exercise_id: str,
        position: int,
        completed: bool,
        stopped: bool = False,
    ) -> None:
        """Records that an exercise ended (``completed`` False when skipped or stopped)."""

    def end_session(self, session_id: int, outcome: Outcome, stop: StopRecord | None) -> None:
        """Records how the session ended."""

    def stop_withdrawn(self, session_id: int, place: WithdrawnStop) -> None:
        """Records a Stop the person took back."""

    def rate_pain(self, session_id: int, rating: int) -> None:
        """Records the pain rating given after the session (ValueError out of 0-10)."""

    def sessions(self) -> list[SessionRecord]:
        """Every readable session, oldest first."""

    def history(self) -> History:
        """Every readable session and the rows left out (JournalUnreadable if none can be)."""

    def interrupted_since_last_open(self) -> list[SessionRecord]:
        """The sessions found interrupted when the journal was opened."""

    def close(self) -> None:
        """Closes the file."""


# Opening.


def _connect(path: Path) -> sqlite3.Connection:
    """Opens the file, checks it is a healthy journal we may write, then sets it up for writing.

    Every check only reads, so a file that is refused (damaged, newer, another program's) is
    left byte for byte as it was; switching to WAL rewrites the header, so it comes after.
    """
    # isolation_level=None: each statement commits by itself; transactions are explicit.
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    try:
        check_integrity(connection)
        check_version(connection, user_version(connection))
        connection.execute("PRAGMA journal_mode = WAL").fetchone()
        # FULL: a committed stop survives a power cut too, not only a killed process.
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        connection.close()
        raise
    return connection


def _migrate_and_recover(
    connection: sqlite3.Connection, now: Callable[[], datetime]
) -> list[SessionRecord]:
    """Brings the schema up to date and marks sessions of dead processes interrupted."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        migrate(connection)
        found = _mark_interrupted(connection, now)
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    return found


def _mark_interrupted(
    connection: sqlite3.Connection, now: Callable[[], datetime]
) -> list[SessionRecord]:
    """Marks open sessions of processes that are gone; a row whose pid is unreadable stays."""
    dead = [
        session_id
        for session_id, pid, token in connection.execute(
            "SELECT id, pid, process_token FROM sessions WHERE outcome = 'open'"
        ).fetchall()
        if isinstance(pid, int) and not process_alive(pid, None if token is None else str(token))
    ]
    if not dead:
        return []
    found_at = aware(now()).isoformat()
    connection.executemany(
        "UPDATE sessions SET outcome = 'interrupted', interrupted_found_at = ? WHERE id = ?",
        [(found_at, session_id) for session_id in dead],
    )
    wanted = set(dead)
    return [record for record in read_sessions(connection).records if record.id in wanted]


def _damaged(path: Path, error: BaseException) -> str:
    return _(
        "The session journal could not be opened (file is damaged: {error}); this session "
        "will not be recorded. The damaged file was kept at {file}; move it elsewhere to start "
        "a new journal."
    ).format(error=describe(error), file=path)


def _cannot_open(path: Path, error: BaseException) -> str:
    return _(
        "The session journal could not be opened ({error}); this session will not be recorded. "
        "Check that the folder {folder} can be written to and the disk is not full."
    ).format(error=describe(error), folder=path.parent)
