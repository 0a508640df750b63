"""A journal row that cannot be read is left out and named; the others, and the build-up, go on.

Every journal here is a real SQLite file written by the program, then damaged in one row
through a second connection, as a disk error or another tool could.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from exercise_timer.core.effects import Outcome, StopReason
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import PersonalValues
from exercise_timer.core.progression import Progression
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.journal import (
    Journal,
    JournalUnreadable,
    SkippedRow,
    StopRecord,
    open_journal,
    read_history,
    read_journal,
)
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_access import StoredPersonal
from exercise_timer.storage.personal_store import load_personal, save_personal, today

START = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
DIZZY = StopRecord(StopReason.DIZZINESS, "spinning", "back-arch", "left", 2, 1, "hold", 95.5)


def later(hours: float) -> Callable[[], datetime]:
    return lambda: START + timedelta(hours=hours)


def write_sessions(path: Path, outcomes: list[Outcome], routine: str = "xplain-back") -> None:
    """One session per outcome, an hour apart, each with two exercises, both done."""
    for number, outcome in enumerate(outcomes, start=1):
        journal = open_journal(path, now=later(number))
        assert isinstance(journal, Journal), journal.problem
        session = journal.start_session(routine, 2, {"note": number})
        journal.exercise_finished(session, "pelvic-tilt", 0, True)
        journal.exercise_finished(session, "back-arch", 1, True)
        journal.end_session(session, outcome, DIZZY if outcome is Outcome.STOPPED else None)
        journal.close()


def damage(path: Path, sql: str) -> None:
    """Changes the file as a disk error or another tool might; CHECK constraints do not stop it."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA ignore_check_constraints = ON")
        connection.execute(sql)
        connection.commit()
    finally:
        connection.close()


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite3"
    write_sessions(path, [Outcome.COMPLETED, Outcome.STOPPED, Outcome.COMPLETED])
    return path


DAMAGES = [
    pytest.param(
        "UPDATE sessions SET started_at = 'last Tuesday' WHERE id = 2",
        "its start time is not a date and time",
        id="start time",
    ),
    pytest.param(
        "UPDATE sessions SET ended_at = 'later' WHERE id = 2",
        "its end time is not a date and time",
        id="end time",
    ),
    pytest.param(
        "UPDATE sessions SET outcome = 'paused' WHERE id = 2",
        "its outcome is not one the program knows",
        id="outcome",
    ),
    pytest.param(
        "UPDATE sessions SET exercises_total = 'thirteen' WHERE id = 2",
        "its number of exercises is not a whole number",
        id="count",
    ),
    pytest.param(
        "UPDATE sessions SET routine = x'00ff' WHERE id = 2",
        "its routine is not text",
        id="routine",
    ),
    pytest.param(
        "UPDATE sessions SET pid = 'me' WHERE id = 2",
        "the process that ran it is not a whole number",
        id="pid",
    ),
    pytest.param(
        "UPDATE sessions SET values_json = '{not json' WHERE id = 2",
        "the values it used are not readable JSON",
        id="values",
    ),
    pytest.param(
        "UPDATE sessions SET stop_reason = 'boredom' WHERE id = 2",
        "its stop reason is not one the program knows",
        id="stop reason",
    ),
    pytest.param(
        "UPDATE sessions SET stop_rep = 'second' WHERE id = 2",
        "the place where it was stopped cannot be read",
        id="stop repetition",
    ),
    pytest.param(
        "UPDATE sessions SET stop_session_seconds = 'long' WHERE id = 2",
        "the moment it was stopped is not a number",
        id="stop time",
    ),
    pytest.param(
        "UPDATE sessions SET stop_note = x'00ff' WHERE id = 2",
        "the note about its stop is not text",
        id="stop note",
    ),
    pytest.param(
        "UPDATE exercises SET finished_at = 'soon' WHERE session_id = 2 AND position = 1",
        "one of its exercises has an end time that is not a date and time",
        id="exercise time",
    ),
    pytest.param(
        "UPDATE exercises SET completed = 7 WHERE session_id = 2 AND position = 0",
        "one of its exercises is marked neither done nor skipped",
        id="exercise done",
    ),
    pytest.param(
        "UPDATE exercises SET position = 'first' WHERE session_id = 2 AND position = 0",
        "one of its exercises has a position that is not a whole number",
        id="exercise position",
    ),
]


@pytest.mark.parametrize(("sql", "reason"), DAMAGES)
def test_read_history_leaves_out_the_damaged_row_and_says_why(
    journal_path: Path, sql: str, reason: str
) -> None:
    damage(journal_path, sql)
    before = journal_path.read_bytes()
    history = read_history(journal_path)
    assert [record.id for record in history.records] == [1, 3]
    assert [record.exercises_completed for record in history.records] == [2, 2]
    assert history.skipped == (SkippedRow(row_id=2, reason=reason),)
    assert read_journal(journal_path) == history.records
    assert journal_path.read_bytes() == before


@pytest.mark.parametrize(("sql", "reason"), DAMAGES)
def test_an_open_journal_opens_and_reads_around_the_damaged_row(
    journal_path: Path, sql: str, reason: str
) -> None:
    damage(journal_path, sql)
    journal = open_journal(journal_path, now=later(10))
    assert isinstance(journal, Journal), journal.problem
    try:
        history = journal.history()
        assert [record.id for record in history.records] == [1, 3]
        assert history.skipped == (SkippedRow(2, reason),)
        assert journal.sessions() == history.records
        assert journal.start_session("xplain-back", 13) == 4  # and it still records
    finally:
        journal.close()


def test_a_null_where_the_schema_forbids_one_is_a_damaged_row_not_a_damaged_file(
    journal_path: Path,
) -> None:
    declared = "started_at TEXT NOT NULL"
    connection = sqlite3.connect(journal_path)
    try:
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute(
            "UPDATE sqlite_master SET sql = replace(sql, ?, 'started_at TEXT')"
            " WHERE name = 'sessions'",
            (declared,),
        )
        connection.commit()
    finally:
        connection.close()
    damage(journal_path, "UPDATE sessions SET started_at = NULL WHERE id = 2")
    connection = sqlite3.connect(journal_path)
    try:
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute(
            "UPDATE sqlite_master SET sql = replace(sql, 'started_at TEXT,', ?)"
            " WHERE name = 'sessions'",
            (f"{declared},",),
        )
        connection.commit()
    finally:
        connection.close()
    connection = sqlite3.connect(journal_path)
    try:
        assert connection.execute("PRAGMA quick_check").fetchall() == [
            ("NULL value in sessions.started_at",)
        ]
    finally:
        connection.close()
    expected = (SkippedRow(2, "its start time is not a date and time"),)
    assert read_history(journal_path).skipped == expected
    journal = open_journal(journal_path, now=later(10))
    assert isinstance(journal, Journal), journal.problem
    try:
        assert journal.history().skipped == expected
    finally:
        journal.close()


def test_an_undamaged_journal_skips_nothing(journal_path: Path) -> None:
    history = read_history(journal_path)
    assert [record.id for record in history.records] == [1, 2, 3]
    assert history.skipped == ()
    stopped = history.records[1]
    assert stopped.outcome == "stopped" and stopped.stop == DIZZY


def test_an_open_session_whose_process_cannot_be_read_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    first = open_journal(path, now=later(1))
    assert isinstance(first, Journal)
    first.start_session("xplain-back", 13)
    first.close()
    damage(path, "UPDATE sessions SET pid = 'me' WHERE id = 1")
    again = open_journal(path, now=later(2))
    assert isinstance(again, Journal), again.problem
    try:
        assert again.interrupted_since_last_open() == []
        assert again.history().skipped == (
            SkippedRow(1, "the process that ran it is not a whole number"),
        )
    finally:
        again.close()
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT outcome, pid FROM sessions").fetchall() == [
            ("open", "me")
        ]
    finally:
        connection.close()


def test_an_exercise_row_that_names_no_session_is_ignored(journal_path: Path) -> None:
    damage(
        journal_path,
        "INSERT INTO exercises (session_id, exercise_id, position, completed, finished_at)"
        " VALUES ('two', 'pelvic-tilt', 0, 1, 'soon')",
    )
    history = read_history(journal_path)
    assert [record.id for record in history.records] == [1, 2, 3]
    assert history.skipped == ()


def test_every_damaged_row_is_named_each_once(journal_path: Path) -> None:
    damage(journal_path, "UPDATE sessions SET started_at = 'never', outcome = 'paused'")
    history = read_history(journal_path)
    assert history.records == []
    assert [row.row_id for row in history.skipped] == [1, 2, 3]


def test_a_journal_without_its_tables_is_unreadable_as_a_whole(journal_path: Path) -> None:
    damage(journal_path, "DROP TABLE exercises")
    with pytest.raises(JournalUnreadable, match="could not be read") as raised:
        read_history(journal_path)
    assert str(journal_path) in raised.value.message


def test_a_journal_that_lost_its_connection_says_so_when_read(journal_path: Path) -> None:
    journal = open_journal(journal_path)
    assert isinstance(journal, Journal)
    journal._connection.close()
    with pytest.raises(JournalUnreadable) as raised:
        journal.history()
    assert raised.value.message.startswith(f"{journal_path}: the session journal could not")
    assert journal.sessions() == []


# The build-up counts the readable sessions and says how many it left out.


def building_up(paths: Paths) -> Routine:
    save_personal(
        paths, "xplain-back", PersonalValues(), Progression(enabled=True, every=2), now=later(0)
    )
    routine = load_catalogue(paths).find("xplain-back")
    assert routine is not None
    return routine


def stored(paths: Paths, journal: Journal) -> StoredPersonal:
    return StoredPersonal(paths, load_catalogue(paths), journal)


def test_the_build_up_counts_the_sessions_it_can_read(paths: Paths) -> None:
    routine = building_up(paths)
    write_sessions(paths.journal_file, [Outcome.COMPLETED] * 4)
    damage(paths.journal_file, "UPDATE sessions SET started_at = 'last Tuesday' WHERE id = 2")
    journal = open_journal(paths.journal_file, now=later(10))
    assert isinstance(journal, Journal)
    try:
        personal = stored(paths, journal)
        day = personal.today(personal.load(routine))
    finally:
        journal.close()
    assert day.progress is not None
    assert (day.progress.steps, day.progress.counted) == (1, 1)  # three sessions, every two
    assert day.values.for_exercise("back-arch").repetitions == 3
    assert day.problem == (
        "1 session in the journal could not be read and is left out of the build-up."
    )


def test_the_command_lines_history_gives_the_same_build_up(paths: Paths) -> None:
    routine = building_up(paths)
    write_sessions(paths.journal_file, [Outcome.COMPLETED] * 5)
    damage(paths.journal_file, "UPDATE sessions SET outcome = 'paused' WHERE id IN (1, 4)")
    day = today(load_personal(paths, routine), read_history(paths.journal_file))
    assert day.progress is not None
    assert (day.progress.steps, day.progress.counted) == (1, 1)
    assert day.problem == (
        "2 sessions in the journal could not be read and are left out of the build-up."
    )


def test_a_plain_list_of_sessions_still_gives_todays_values(paths: Paths) -> None:
    routine = building_up(paths)
    write_sessions(paths.journal_file, [Outcome.COMPLETED] * 2)
    day = today(load_personal(paths, routine), read_journal(paths.journal_file))
    assert day.progress is not None and day.progress.steps == 1
    assert day.problem is None


def test_without_a_build_up_skipped_rows_change_nothing(paths: Paths) -> None:
    routine = load_catalogue(paths).find("xplain-back")
    assert routine is not None
    write_sessions(paths.journal_file, [Outcome.COMPLETED] * 2)
    damage(paths.journal_file, "UPDATE sessions SET outcome = 'paused' WHERE id = 1")
    save_personal(paths, routine.id, PersonalValues(), Progression(enabled=False))
    day = today(load_personal(paths, routine), read_history(paths.journal_file))
    assert day.progress is None and day.problem is None


def test_a_journal_that_cannot_be_read_builds_up_from_the_start_and_says_why(
    paths: Paths,
) -> None:
    routine = building_up(paths)
    write_sessions(paths.journal_file, [Outcome.COMPLETED] * 4)
    journal = open_journal(paths.journal_file, now=later(10))
    assert isinstance(journal, Journal)
    journal._connection.close()
    personal = stored(paths, journal)
    day = personal.today(personal.load(routine))
    assert day.progress is not None and day.progress.steps == 0
    assert day.problem is not None
    assert day.problem.startswith(f"{paths.journal_file}: the session journal could not be read")
    assert day.problem.endswith("Until it can be read, the build-up starts from its first values.")
