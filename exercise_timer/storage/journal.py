"""The session journal: every session, exercise and stop, committed the moment it happens.

A person may stop a session because of pain, numbness or dizziness; losing that record is a
real harm, and so is a session that cannot run because the journal is broken. Hence:

- each write is its own committed transaction (SQLite in WAL mode, ``synchronous=FULL``), so
  killing the process at any moment loses nothing that had already happened;
- a session row carries the pid (and, where the system tells it, the process start time) of the
  program that runs it; at the next open, sessions left open by a process that is gone are
  marked ``interrupted``, while a session still run by a live process is left alone;
- nothing here ever raises into a running session: a journal that cannot be opened is an
  :class:`UnavailableJournal`, and a write that fails switches the :class:`Journal` to a failed
  state; both carry a plain-language ``problem`` for the window to show;
- a damaged file is never overwritten, repaired or deleted: it is left where it is.

The schema version is ``PRAGMA user_version``; :data:`MIGRATIONS` lists every step from the
first release on, applied in order inside one transaction.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from exercise_timer.core.effects import Outcome, SessionEnded, StopReason
from exercise_timer.core.i18n import _
from exercise_timer.storage.moments import aware, local_now

APPLICATION_ID = 0x45544A31
"""``PRAGMA application_id`` of a journal ("ETJ1"), so another program's database is refused."""

BUSY_TIMEOUT_SECONDS = 3.0
"""How long a write waits for another process that holds the lock (two windows at once)."""

OUTCOME_OPEN = "open"
OUTCOME_INTERRUPTED = "interrupted"

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: the first release.
    (
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            routine TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            outcome TEXT NOT NULL DEFAULT 'open'
                CHECK (outcome IN ('open', 'completed', 'stopped', 'interrupted')),
            exercises_total INTEGER NOT NULL,
            values_json TEXT,
            pid INTEGER NOT NULL,
            process_token TEXT,
            stop_reason TEXT,
            stop_note TEXT,
            stop_exercise TEXT,
            stop_side TEXT,
            stop_rep INTEGER,
            stop_stage INTEGER,
            stop_phase TEXT,
            stop_session_seconds REAL,
            interrupted_found_at TEXT
        )
        """,
        """
        CREATE TABLE exercises (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions (id),
            exercise_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            completed INTEGER NOT NULL CHECK (completed IN (0, 1)),
            finished_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX exercises_by_session ON exercises (session_id)",
        f"PRAGMA application_id = {APPLICATION_ID}",
    ),
)
"""Every schema step in order; step ``n`` takes ``user_version`` from ``n`` to ``n + 1``."""

SCHEMA_VERSION = len(MIGRATIONS)


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
class ExerciseRecord:
    """One exercise that ended: done, or skipped (``completed`` False)."""

    exercise_id: str
    position: int
    completed: bool
    finished_at: datetime


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


class JournalUnreadable(Exception):
    """The journal file exists but cannot be read; ``message`` says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return UnavailableJournal(path, _cannot_open(path, error))
    connection: sqlite3.Connection | None = None
    try:
        connection = _connect(path)
        found = _migrate_and_recover(connection, now)
    except _Refused as refused:
        _close_quietly(connection)
        return UnavailableJournal(path, refused.message(path))
    except (sqlite3.Error, OSError, ValueError) as error:
        _close_quietly(connection)
        if _is_damage(error):
            return UnavailableJournal(path, _damaged(path, error))
        return UnavailableJournal(path, _cannot_open(path, error))
    return Journal(path, connection, now=now, pid=own_pid, interrupted=found)


def read_journal(path: Path) -> list[SessionRecord]:
    """Every session, oldest first, read without writing anything (for ``history``).

    A missing file is an empty journal and is not created. Sessions left open by a process
    that is gone are reported as interrupted, though the file is not changed.

    Raises:
        JournalUnreadable: The file is damaged, from a newer version, or cannot be read.
    """
    if not path.exists():
        return []
    connection: sqlite3.Connection | None = None
    try:
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS
        )
        _check_integrity(connection)
        version = _user_version(connection)
        _check_version(connection, version)
        if version == 0:
            return []
        return [_as_seen_now(*found) for found in _read_owned_sessions(connection)]
    except _Refused as refused:
        raise JournalUnreadable(refused.history_message(path)) from None
    except (sqlite3.Error, OSError, ValueError, KeyError, TypeError) as error:
        if _is_damage(error) or isinstance(error, ValueError | KeyError | TypeError):
            raise JournalUnreadable(_damaged_for_history(path, error)) from None
        raise JournalUnreadable(
            _("{file}: the session journal could not be read ({error}).").format(
                file=path, error=_describe(error)
            )
        ) from None
    finally:
        _close_quietly(connection)


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
        self._process_token = _process_token(pid)
        self._interrupted = tuple(interrupted)

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
        self, session_id: int, exercise_id: str, position: int, completed: bool
    ) -> None:
        """Records that an exercise ended.

        Args:
            session_id: What :meth:`start_session` returned.
            exercise_id: The exercise's id.
            position: Its index in the session (0 for the first).
            completed: False when it was skipped.
        """
        try:
            self._connection.execute(
                "INSERT INTO exercises (session_id, exercise_id, position, completed, finished_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (session_id, exercise_id, position, int(completed), self._timestamp()),
            )
        except (sqlite3.Error, OSError, ValueError) as error:
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
            self._fail(error, stop)

    def sessions(self) -> list[SessionRecord]:
        """Every session, oldest first (empty if the journal cannot be read)."""
        try:
            return _read_sessions(self._connection)
        except (sqlite3.Error, OSError, ValueError, KeyError, TypeError):
            return []

    def interrupted_since_last_open(self) -> list[SessionRecord]:
        """The sessions that opening found left open by a process that is gone."""
        return list(self._interrupted)

    def close(self) -> None:
        """Closes the file (SQLite folds the write-ahead log back into it)."""
        _close_quietly(self._connection)

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

    def _fail(self, error: BaseException, stop: StopRecord | None = None) -> None:
        message = _(
            "The session journal stopped working ({error}); the rest of this session will not "
            "be recorded."
        ).format(error=_describe(error))
        if stop is not None:
            message += " " + _(
                "Please write down that you stopped because of {reason}, and tell your clinician."
            ).format(reason=reason_text(stop.reason))
        self.problem = message


class UnavailableJournal:
    """Stands in for a journal that could not be opened: records nothing, says why."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem: str | None = problem

    def start_session(
        self, routine_id: str, exercises_total: int, values: Mapping[str, object] | None = None
    ) -> int:
        """Records nothing; returns 0."""
        return 0

    def exercise_finished(
        self, session_id: int, exercise_id: str, position: int, completed: bool
    ) -> None:
        """Records nothing."""

    def end_session(self, session_id: int, outcome: Outcome, stop: StopRecord | None) -> None:
        """Records nothing."""

    def sessions(self) -> list[SessionRecord]:
        """Nothing to show."""
        return []

    def interrupted_since_last_open(self) -> list[SessionRecord]:
        """Nothing to show."""
        return []

    def close(self) -> None:
        """Nothing to close."""

    def __enter__(self) -> UnavailableJournal:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class SessionJournal(Protocol):
    """What both :class:`Journal` and :class:`UnavailableJournal` offer (the window's type)."""

    problem: str | None

    def start_session(
        self, routine_id: str, exercises_total: int, values: Mapping[str, object] | None = None
    ) -> int:
        """Records that a session began; returns its id."""

    def exercise_finished(
        self, session_id: int, exercise_id: str, position: int, completed: bool
    ) -> None:
        """Records that an exercise ended (``completed`` False when skipped)."""

    def end_session(self, session_id: int, outcome: Outcome, stop: StopRecord | None) -> None:
        """Records how the session ended."""

    def sessions(self) -> list[SessionRecord]:
        """Every session, oldest first."""

    def interrupted_since_last_open(self) -> list[SessionRecord]:
        """The sessions found interrupted when the journal was opened."""

    def close(self) -> None:
        """Closes the file."""


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


# Opening.


class _Refused(Exception):
    """The file is readable but must not be used: from a newer version, or not a journal."""

    def __init__(self, *, newer: bool) -> None:
        super().__init__("newer version" if newer else "not a journal")
        self.newer = newer

    def message(self, path: Path) -> str:
        """What the window shows."""
        if self.newer:
            return _(
                "The session journal {file} was written by a newer version of exercise-timer; "
                "this session will not be recorded. Update the program, or move the file "
                "elsewhere to start a new journal."
            ).format(file=path)
        return _(
            "The file {file} is not a session journal (it belongs to another program); this "
            "session will not be recorded. Move the file elsewhere to start a new journal."
        ).format(file=path)

    def history_message(self, path: Path) -> str:
        """The one line ``history`` prints."""
        if self.newer:
            return _(
                "{file}: the session journal was written by a newer version of exercise-timer; "
                "update the program to read it."
            ).format(file=path)
        return _(
            "{file}: this file is not a session journal; move it elsewhere and a new journal "
            "will be started."
        ).format(file=path)


def _connect(path: Path) -> sqlite3.Connection:
    """Opens the file, checks it is a healthy journal we may write, then sets it up for writing.

    Every check only reads, so a file that is refused (damaged, newer, another program's) is
    left byte for byte as it was; switching to WAL rewrites the header, so it comes after.
    """
    # isolation_level=None: each statement commits by itself; transactions are explicit.
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    try:
        _check_integrity(connection)
        _check_version(connection, _user_version(connection))
        connection.execute("PRAGMA journal_mode = WAL").fetchone()
        # FULL: a committed stop survives a power cut too, not only a killed process.
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        connection.close()
        raise
    return connection


def _check_integrity(connection: sqlite3.Connection) -> None:
    rows = connection.execute("PRAGMA quick_check").fetchall()
    if [tuple(row) for row in rows] != [("ok",)]:
        raise sqlite3.DatabaseError("database disk image is malformed")


def _user_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def _check_version(connection: sqlite3.Connection, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise _Refused(newer=True)
    application = int(connection.execute("PRAGMA application_id").fetchone()[0])
    foreign = application not in (0, APPLICATION_ID)
    if version == 0 and not foreign:
        tables = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchone()[0]
        foreign = int(tables) > 0
    if foreign:
        raise _Refused(newer=False)


def _migrate_and_recover(
    connection: sqlite3.Connection, now: Callable[[], datetime]
) -> list[SessionRecord]:
    """Brings the schema up to date and marks sessions of dead processes interrupted."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = _user_version(connection)
        _check_version(connection, version)
        for step in MIGRATIONS[version:]:
            for statement in step:
                connection.execute(statement)
        if version < SCHEMA_VERSION:
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
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
    dead = [
        int(row[0])
        for row in connection.execute(
            "SELECT id, pid, process_token FROM sessions WHERE outcome = 'open'"
        ).fetchall()
        if not process_alive(int(row[1]), row[2])
    ]
    if not dead:
        return []
    found_at = aware(now()).isoformat()
    connection.executemany(
        "UPDATE sessions SET outcome = 'interrupted', interrupted_found_at = ? WHERE id = ?",
        [(found_at, session_id) for session_id in dead],
    )
    wanted = set(dead)
    return [record for record in _read_sessions(connection) if record.id in wanted]


# Reading.


def _read_sessions(connection: sqlite3.Connection) -> list[SessionRecord]:
    return [record for record, _owner in _read_owned_sessions(connection)]


_Owner = tuple[int, str | None]
"""The pid and process token of the program that ran a session."""


def _read_owned_sessions(connection: sqlite3.Connection) -> list[tuple[SessionRecord, _Owner]]:
    exercises: dict[int, list[ExerciseRecord]] = {}
    for session_id, exercise_id, position, completed, finished_at in connection.execute(
        "SELECT session_id, exercise_id, position, completed, finished_at FROM exercises"
        " ORDER BY id"
    ):
        exercises.setdefault(int(session_id), []).append(
            ExerciseRecord(
                exercise_id=str(exercise_id),
                position=int(position),
                completed=bool(completed),
                finished_at=datetime.fromisoformat(str(finished_at)),
            )
        )
    found: list[tuple[SessionRecord, _Owner]] = []
    for row in connection.execute(
        "SELECT id, routine, started_at, ended_at, outcome, exercises_total, values_json, pid,"
        " process_token, stop_reason, stop_note, stop_exercise, stop_side, stop_rep,"
        " stop_stage, stop_phase, stop_session_seconds FROM sessions ORDER BY id"
    ):
        done = exercises.get(int(row[0]), [])
        record = SessionRecord(
            id=int(row[0]),
            routine=str(row[1]),
            started_at=datetime.fromisoformat(str(row[2])),
            ended_at=None if row[3] is None else datetime.fromisoformat(str(row[3])),
            outcome=str(row[4]),
            stop=_stop_of(row[9:17]),
            exercises_completed=len({e.position for e in done if e.completed}),
            exercises_total=int(row[5]),
            values=_values_of(row[6]),
            exercises=tuple(done),
        )
        found.append((record, (int(row[7]), None if row[8] is None else str(row[8]))))
    return found


def _as_seen_now(record: SessionRecord, owner: _Owner) -> SessionRecord:
    """An open session whose process is gone reads as interrupted (without writing it)."""
    if record.outcome != OUTCOME_OPEN or process_alive(*owner):
        return record
    return dataclasses.replace(record, outcome=OUTCOME_INTERRUPTED)


def _stop_of(fields: Sequence[Any]) -> StopRecord | None:
    reason, note, exercise, side, rep, stage, phase, seconds = fields
    if reason is None:
        return None
    try:
        known = StopReason(str(reason))
    except ValueError:
        known = StopReason.OTHER
    return StopRecord(
        reason=known,
        note="" if note is None else str(note),
        exercise=None if exercise is None else str(exercise),
        side=None if side is None else str(side),
        rep=None if rep is None else int(rep),
        stage=None if stage is None else int(stage),
        phase=None if phase is None else str(phase),
        session_seconds=0.0 if seconds is None else float(seconds),
    )


def _values_of(text: object) -> dict[str, object] | None:
    if text is None:
        return None
    loaded = json.loads(str(text))
    return {str(key): value for key, value in loaded.items()} if isinstance(loaded, dict) else None


# Processes.


def process_alive(pid: int, token: str | None = None) -> bool:
    """Whether the process that recorded ``token`` at start still runs.

    ``token`` tells a reused pid from the original process where the system allows it.
    """
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # It exists, run by someone else.
    except OSError:
        return False
    stat = _linux_stat(pid)
    if stat is None:
        return True
    state, start = stat
    if state in ("Z", "X"):
        return False  # Killed, waiting to be reaped.
    return token is None or token == start


def _process_token(pid: int) -> str | None:
    """The process start time (Linux), so a later process reusing the pid is not mistaken."""
    stat = _linux_stat(pid)
    return None if stat is None else stat[1]


def _linux_stat(pid: int) -> tuple[str, str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    fields = text.rpartition(")")[2].split()
    if len(fields) < 20:
        return None
    return fields[0], fields[19]


def _windows_process_alive(pid: int) -> bool:
    # os.kill(pid, 0) would terminate the process on Windows, so ask the kernel instead.
    if sys.platform != "win32":
        return False
    import ctypes

    query_limited_information, still_active = 0x1000, 259
    kernel = ctypes.windll.kernel32
    handle = kernel.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return bool(code.value == still_active)
    finally:
        kernel.CloseHandle(handle)


# Messages and helpers.


def _close_quietly(connection: sqlite3.Connection | None) -> None:
    if connection is None:
        return
    with contextlib.suppress(sqlite3.Error):
        connection.close()


def _is_damage(error: BaseException) -> bool:
    if not isinstance(error, sqlite3.DatabaseError) or isinstance(error, sqlite3.OperationalError):
        return False
    name = getattr(error, "sqlite_errorname", "")
    text = str(error).lower()
    return (
        name in ("SQLITE_NOTADB", "SQLITE_CORRUPT")
        or "not a database" in text
        or "malformed" in text
    )


def _describe(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


def _damaged(path: Path, error: BaseException) -> str:
    return _(
        "The session journal could not be opened (file is damaged: {error}); this session "
        "will not be recorded. The damaged file was kept at {file}; move it elsewhere to start "
        "a new journal."
    ).format(error=_describe(error), file=path)


def _damaged_for_history(path: Path, error: BaseException) -> str:
    return _(
        "{file}: the session journal is damaged and cannot be read ({error}). It was left as "
        "it is; move it elsewhere (keep it for your records) and a new journal will be started."
    ).format(file=path, error=_describe(error))


def _cannot_open(path: Path, error: BaseException) -> str:
    return _(
        "The session journal could not be opened ({error}); this session will not be recorded. "
        "Check that the folder {folder} can be written to and the disk is not full."
    ).format(error=_describe(error), folder=path.parent)
