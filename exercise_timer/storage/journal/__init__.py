"""The session journal: every session, exercise and stop, committed the moment it happens.

A person may stop a session because of pain, numbness or dizziness; losing that record is a
real harm, and so is a session that cannot run because the journal is broken. Hence:

- each write is its own committed transaction (SQLite in WAL mode, ``synchronous=FULL``), so
  killing the process at any moment loses nothing that had already happened;
- a session row carries the pid (and, where the system tells it, the process start time) of the
  program that runs it; at the next open, sessions left open by a process that is gone are
  marked ``interrupted``, while a session still run by a live process is left alone;
- nothing ever raises into a running session (see :mod:`.writer`);
- a row that cannot be read is left out and named, never hiding the others (see :mod:`.reader`).

The modules: :mod:`.schema` (tables, format version, migrations, the checks made before use),
:mod:`.records` (the values read back), :mod:`.writer` (opening and writing), :mod:`.reader`
(reading back) and :mod:`.processes` (whether a session's program still runs).
"""

from __future__ import annotations

from exercise_timer.storage.journal.processes import process_alive
from exercise_timer.storage.journal.reader import (
    History,
    JournalUnreadable,
    SkippedRow,
    read_history,
    read_journal,
)
from exercise_timer.storage.journal.records import (
    ExerciseRecord,
    SessionRecord,
    StopRecord,
    WithdrawnStop,
    reason_text,
    stop_record,
)
from exercise_timer.storage.journal.schema import (
    APPLICATION_ID,
    BUSY_TIMEOUT_SECONDS,
    MIGRATIONS,
    OUTCOME_INTERRUPTED,
    OUTCOME_OPEN,
    SCHEMA_VERSION,
)
from exercise_timer.storage.journal.writer import (
    Journal,
    NullJournal,
    SessionJournal,
    UnavailableJournal,
    open_journal,
)

__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT_SECONDS",
    "MIGRATIONS",
    "OUTCOME_INTERRUPTED",
    "OUTCOME_OPEN",
    "SCHEMA_VERSION",
    "ExerciseRecord",
    "History",
    "Journal",
    "JournalUnreadable",
    "NullJournal",
    "SessionJournal",
    "SessionRecord",
    "SkippedRow",
    "StopRecord",
    "UnavailableJournal",
    "WithdrawnStop",
    "open_journal",
    "process_alive",
    "read_history",
    "read_journal",
    "reason_text",
    "stop_record",
]
