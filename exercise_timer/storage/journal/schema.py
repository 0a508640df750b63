"""The journal file itself: its tables, its format version and the checks made before using it.

The schema version is ``PRAGMA user_version``; :data:`MIGRATIONS` lists every step from the
first release on, applied in order inside one transaction. Every check here only reads, so a
file that is refused (damaged, newer, another program's) is left byte for byte as it was.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from exercise_timer.core.i18n import _

APPLICATION_ID = 0x45544A31
"""``PRAGMA application_id`` of a journal ("ETJ1"), so another program's database is refused."""

BUSY_TIMEOUT_SECONDS = 3.0
"""How long a write waits for another process that holds the lock (two windows at once)."""

OUTCOME_OPEN = "open"
OUTCOME_INTERRUPTED = "interrupted"
OUTCOMES = frozenset({OUTCOME_OPEN, "completed", "stopped", OUTCOME_INTERRUPTED})
"""Every outcome a session row may hold."""

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
    # 2: a pain rating (0-10) the person may give after a session, the exercise a session was
    # stopped in, and the stops a person took back ("I pressed Stop by mistake").
    (
        "ALTER TABLE sessions ADD COLUMN pain_rating INTEGER"
        " CHECK (pain_rating IS NULL OR pain_rating BETWEEN 0 AND 10)",
        "ALTER TABLE exercises ADD COLUMN stopped INTEGER NOT NULL DEFAULT 0"
        " CHECK (stopped IN (0, 1))",
        """
        CREATE TABLE withdrawn_stops (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions (id),
            withdrawn_at TEXT NOT NULL,
            exercise TEXT,
            side TEXT,
            rep INTEGER,
            stage INTEGER,
            phase TEXT,
            session_seconds REAL
        )
        """,
    ),
)
"""Every schema step in order; step ``n`` takes ``user_version`` from ``n`` to ``n + 1``."""

SCHEMA_VERSION = len(MIGRATIONS)


class Refused(Exception):
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


_ROW_COMPLAINTS = ("CHECK constraint failed in ", "NULL value in ")
"""What ``quick_check`` says about one row's values: the reader leaves such a row out."""


def check_integrity(connection: sqlite3.Connection) -> None:
    """Raises a DatabaseError unless SQLite finds the file's pages healthy.

    A value that breaks a column's CHECK or NOT NULL rule is a damaged row, not a damaged
    file: the reader names it and reads the rest, and the writer never touches it.
    """
    rows = connection.execute("PRAGMA quick_check").fetchall()
    complaints = [str(row[0]) for row in rows if tuple(row) != ("ok",)]
    if any(not complaint.startswith(_ROW_COMPLAINTS) for complaint in complaints):
        raise sqlite3.DatabaseError("database disk image is malformed")


def user_version(connection: sqlite3.Connection) -> int:
    """The schema version the file is at (0 for a new, empty file)."""
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def check_version(connection: sqlite3.Connection, version: int) -> None:
    """Raises :class:`Refused` for a newer journal or another program's database."""
    if version > SCHEMA_VERSION:
        raise Refused(newer=True)
    application = int(connection.execute("PRAGMA application_id").fetchone()[0])
    foreign = application not in (0, APPLICATION_ID)
    if version == 0 and not foreign:
        tables = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchone()[0]
        foreign = int(tables) > 0
    if foreign:
        raise Refused(newer=False)


def migrate(connection: sqlite3.Connection) -> None:
    """Applies the steps the file lacks; the caller holds the write transaction."""
    version = user_version(connection)
    check_version(connection, version)
    for step in MIGRATIONS[version:]:
        for statement in step:
            connection.execute(statement)
    if version < SCHEMA_VERSION:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def is_damage(error: BaseException) -> bool:
    """Whether SQLite says the file is not a database or is corrupt (not merely busy)."""
    if not isinstance(error, sqlite3.DatabaseError) or isinstance(error, sqlite3.OperationalError):
        return False
    name = getattr(error, "sqlite_errorname", "")
    text = str(error).lower()
    return (
        name in ("SQLITE_NOTADB", "SQLITE_CORRUPT")
        or "not a database" in text
        or "malformed" in text
    )


def describe(error: BaseException) -> str:
    """An error in a few words, for a message."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


def close_quietly(connection: sqlite3.Connection | None) -> None:
    """Closes ``connection`` if there is one, ignoring SQLite's complaints."""
    if connection is None:
        return
    with contextlib.suppress(sqlite3.Error):
        connection.close()
