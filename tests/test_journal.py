"""The session journal: committed as it happens, survives kill -9, never stops a session."""

from __future__ import annotations

import contextlib
import inspect
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from exercise_timer.core.effects import Outcome, SessionEnded, StopReason
from exercise_timer.core.model import Side
from exercise_timer.core.schedule import Phase, Segment
from exercise_timer.storage.journal import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    Journal,
    JournalUnreadable,
    SessionJournal,
    StopRecord,
    UnavailableJournal,
    open_journal,
    process_alive,
    read_journal,
    stop_record,
)

PLUS_ONE = timezone(timedelta(hours=1))
DIZZY = StopRecord(
    reason=StopReason.DIZZINESS,
    note="the room was spinning",
    exercise="hamstring-stretch",
    side="left",
    rep=2,
    stage=1,
    phase="hold",
    session_seconds=95.5,
)


class FixedNow:
    """An aware clock that moves only when told to."""

    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 21, 10, 15, tzinfo=PLUS_ONE)

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


@pytest.fixture
def now() -> FixedNow:
    return FixedNow()


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.sqlite3"


@pytest.fixture
def journal(journal_path: Path, now: FixedNow) -> Iterator[Journal]:
    opened = open_journal(journal_path, now=now)
    assert isinstance(opened, Journal), opened.problem
    yield opened
    opened.close()


def peek(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Reads through a second, independent connection: sees only what was committed."""
    connection = sqlite3.connect(path)
    try:
        return [tuple(row) for row in connection.execute(sql).fetchall()]
    finally:
        connection.close()


def dead_pid() -> int:
    """The pid of a process that has ended and been reaped."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(child.stdout)


# Schema, WAL and commits.


def test_schema_version_wal_and_application_id_are_recorded(
    journal: Journal, journal_path: Path
) -> None:
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 1
    assert peek(journal_path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert peek(journal_path, "PRAGMA journal_mode") == [("wal",)]
    assert peek(journal_path, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert journal.problem is None


def test_opening_twice_migrates_once_and_keeps_the_data(journal_path: Path, now: FixedNow) -> None:
    first = open_journal(journal_path, now=now)
    session = first.start_session("xplain-back", 13)
    first.end_session(session, Outcome.COMPLETED, None)
    first.close()
    tables = peek(journal_path, "SELECT type, name FROM sqlite_master ORDER BY name")
    for _ in range(2):
        again = open_journal(journal_path, now=now)
        assert again.problem is None
        assert [s.id for s in again.sessions()] == [session]
        again.close()
    assert peek(journal_path, "SELECT type, name FROM sqlite_master ORDER BY name") == tables
    assert peek(journal_path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_an_empty_database_file_is_migrated_from_the_first_step(
    journal_path: Path, now: FixedNow
) -> None:
    journal_path.parent.mkdir(parents=True)
    journal_path.touch()
    opened = open_journal(journal_path, now=now)
    assert opened.problem is None
    opened.close()
    assert peek(journal_path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_every_write_is_committed_before_close(
    journal: Journal, journal_path: Path, now: FixedNow
) -> None:
    session = journal.start_session("xplain-back", 3, {"hold_seconds": 20})
    assert peek(journal_path, "SELECT id, routine, outcome, exercises_total FROM sessions") == [
        (session, "xplain-back", "open", 3)
    ]
    now.advance(60)
    journal.exercise_finished(session, "pelvic-tilt", 0, True)
    journal.exercise_finished(session, "bridge", 1, False)
    assert peek(journal_path, "SELECT exercise_id, position, completed FROM exercises") == [
        ("pelvic-tilt", 0, 1),
        ("bridge", 1, 0),
    ]
    now.advance(35.5)
    journal.end_session(session, Outcome.STOPPED, DIZZY)
    assert peek(
        journal_path,
        "SELECT outcome, ended_at, stop_reason, stop_note, stop_exercise, stop_side, stop_rep,"
        " stop_stage, stop_phase, stop_session_seconds FROM sessions",
    ) == [
        (
            "stopped",
            "2026-11-21T10:16:35.500000+01:00",
            "dizziness",
            "the room was spinning",
            "hamstring-stretch",
            "left",
            2,
            1,
            "hold",
            95.5,
        )
    ]


def test_sessions_read_back_oldest_first(journal: Journal, now: FixedNow) -> None:
    first = journal.start_session("xplain-back", 3, {"hold_seconds": 20, "reps": [5, 6]})
    journal.exercise_finished(first, "a", 0, True)
    journal.exercise_finished(first, "b", 1, False)
    journal.exercise_finished(first, "b", 1, True)  # went back and did it after all
    journal.exercise_finished(first, "c", 2, True)
    now.advance(300)
    journal.end_session(first, Outcome.COMPLETED, None)
    now.advance(3600)
    second = journal.start_session("spine-clinic", 8)
    journal.end_session(second, Outcome.STOPPED, DIZZY)

    done, stopped = journal.sessions()
    assert (done.id, done.routine, done.outcome) == (first, "xplain-back", "completed")
    assert done.started_at == datetime(2026, 11, 21, 10, 15, tzinfo=PLUS_ONE)
    assert done.started_at.utcoffset() == timedelta(hours=1)
    assert done.ended_at == datetime(2026, 11, 21, 10, 20, tzinfo=PLUS_ONE)
    assert (done.exercises_completed, done.exercises_total) == (3, 3)
    assert done.stop is None
    assert done.values == {"hold_seconds": 20, "reps": [5, 6]}
    assert [(e.exercise_id, e.completed) for e in done.exercises] == [
        ("a", True),
        ("b", False),
        ("b", True),
        ("c", True),
    ]
    assert (stopped.outcome, stopped.stop, stopped.values) == ("stopped", DIZZY, None)
    assert (stopped.exercises_completed, stopped.exercises_total) == (0, 8)


def test_a_stop_is_never_overwritten_by_a_later_ending(journal: Journal) -> None:
    session = journal.start_session("xplain-back", 13)
    journal.end_session(session, Outcome.STOPPED, DIZZY)
    closed = StopRecord(StopReason.CLOSED, "", None, None, None, None, None, 100.0)
    journal.end_session(session, Outcome.STOPPED, closed)
    journal.end_session(session, Outcome.COMPLETED, None)
    (record,) = journal.sessions()
    assert (record.outcome, record.stop) == ("stopped", DIZZY)
    assert journal.problem is None


def test_a_naive_clock_is_stored_with_the_local_offset(journal_path: Path) -> None:
    opened = open_journal(journal_path, now=lambda: datetime(2026, 1, 2, 3, 4, 5))
    opened.start_session("xplain-back", 1)
    (record,) = opened.sessions()
    opened.close()
    assert record.started_at.tzinfo is not None


def test_stop_record_from_the_engines_session_ended() -> None:
    where = Segment(1, Side.LEFT, 2, 1, Phase.HOLD, 20000)
    ended = SessionEnded(Outcome.STOPPED, StopReason.DIZZINESS, where, 95.5, 1, 3)
    assert stop_record(ended, ["pelvic-tilt", "hamstring-stretch", "bridge"], "spinning") == (
        StopRecord(
            StopReason.DIZZINESS, "spinning", "hamstring-stretch", "left", 2, 1, "hold", 95.5
        )
    )
    nowhere = SessionEnded(Outcome.STOPPED, StopReason.PAIN, None, 3.0, 0, 3)
    assert stop_record(nowhere, []) == StopRecord(
        StopReason.PAIN, "", None, None, None, None, None, 3.0
    )


# Open sessions: interrupted when their process is gone, left alone while it lives.


def test_a_session_of_a_live_process_is_left_open(journal_path: Path, now: FixedNow) -> None:
    running = open_journal(journal_path, now=now)
    session = running.start_session("xplain-back", 13)
    other = open_journal(journal_path, now=now, pid=os.getpid() + 1)
    assert other.interrupted_since_last_open() == []
    assert [(s.id, s.outcome) for s in other.sessions()] == [(session, "open")]
    other.close()
    running.exercise_finished(session, "a", 0, True)
    running.end_session(session, Outcome.COMPLETED, None)
    assert running.problem is None
    assert running.sessions()[0].outcome == "completed"
    running.close()


def test_a_session_of_a_dead_process_is_marked_interrupted_once(
    journal_path: Path, now: FixedNow
) -> None:
    gone = dead_pid()
    assert not process_alive(gone)
    crashed = open_journal(journal_path, now=now, pid=gone)
    session = crashed.start_session("xplain-back", 13)
    crashed.exercise_finished(session, "a", 0, True)
    crashed.close()

    reopened = open_journal(journal_path, now=now)
    (found,) = reopened.interrupted_since_last_open()
    assert (found.id, found.outcome, found.exercises_completed) == (session, "interrupted", 1)
    assert found.ended_at is None and found.stop is None
    reopened.close()
    again = open_journal(journal_path, now=now)
    assert again.interrupted_since_last_open() == []
    assert again.sessions()[0].outcome == "interrupted"
    again.close()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_reused_pid_does_not_keep_a_dead_session_open(journal_path: Path) -> None:
    opened = open_journal(journal_path)
    opened.start_session("xplain-back", 13)
    opened.close()
    # The same pid, but a process that started at another time: the pid was reused.
    connection = sqlite3.connect(journal_path)
    with connection:
        connection.execute("UPDATE sessions SET process_token = '1'")
    connection.close()
    reopened = open_journal(journal_path)
    assert [s.outcome for s in reopened.interrupted_since_last_open()] == ["interrupted"]
    reopened.close()


CHILD = """
import sys, time
from pathlib import Path
from exercise_timer.core.effects import Outcome, StopReason
from exercise_timer.storage.journal import StopRecord, open_journal

journal = open_journal(Path(sys.argv[1]))
assert journal.problem is None, journal.problem
session = journal.start_session("xplain-back", 13, {"hold_seconds": 20})
journal.exercise_finished(session, "pelvic-tilt", 0, True)
journal.exercise_finished(session, "knee-to-chest", 1, True)
if sys.argv[2] == "stop":
    journal.end_session(session, Outcome.STOPPED, StopRecord(
        StopReason.DIZZINESS, "the room was spinning", "hamstring-stretch", "left", 2, 1,
        "hold", 95.5))
print("ready", flush=True)
time.sleep(600)
"""


def run_and_kill(journal_path: Path, mode: str) -> None:
    """Runs the child until it says ready, then kills it with SIGKILL, mid-sleep."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(journal_path), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line == "ready\n", child.stderr.read() if child.stderr else line
        child.kill()
        assert child.wait(timeout=30) == -9
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_9_mid_session_loses_nothing_and_shows_interrupted(journal_path: Path) -> None:
    run_and_kill(journal_path, "exercises")

    # history's read-only view already tells, without writing anything.
    assert [s.outcome for s in read_journal(journal_path)] == ["interrupted"]

    journal = open_journal(journal_path)
    assert journal.problem is None
    (session,) = journal.sessions()
    assert session.outcome == "interrupted"
    assert [(e.exercise_id, e.position, e.completed) for e in session.exercises] == [
        ("pelvic-tilt", 0, True),
        ("knee-to-chest", 1, True),
    ]
    assert (session.exercises_completed, session.exercises_total) == (2, 13)
    assert session.values == {"hold_seconds": 20}
    assert [s.id for s in journal.interrupted_since_last_open()] == [session.id]
    journal.close()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_9_right_after_a_stop_keeps_the_reason_note_and_place(journal_path: Path) -> None:
    run_and_kill(journal_path, "stop")
    journal = open_journal(journal_path)
    (session,) = journal.sessions()
    assert session.outcome == "stopped"
    assert session.stop == DIZZY
    assert session.ended_at is not None
    assert session.exercises_completed == 2
    assert journal.interrupted_since_last_open() == []
    journal.close()


# A journal that cannot be opened or written never stops the session.


def exercise_everything(journal: SessionJournal) -> None:
    """The calls a session makes; none may raise (history, read before one, says why)."""
    session = journal.start_session("xplain-back", 13, {"hold_seconds": 20})
    journal.exercise_finished(session, "a", 0, True)
    journal.end_session(session, Outcome.STOPPED, DIZZY)
    journal.sessions()
    with contextlib.suppress(JournalUnreadable):
        journal.history()
    journal.interrupted_since_last_open()
    journal.close()


def test_a_damaged_file_is_reported_and_kept_byte_for_byte(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    junk = b"this is not a database, it is junk\x00\xff" * 200
    journal_path.write_bytes(junk)
    opened = open_journal(journal_path)
    assert isinstance(opened, UnavailableJournal)
    assert opened.problem is not None
    assert "could not be opened (file is damaged" in opened.problem
    assert "this session will not be recorded" in opened.problem
    assert f"The damaged file was kept at {journal_path}" in opened.problem
    assert opened.start_session("xplain-back", 13) == 0
    exercise_everything(opened)
    assert opened.sessions() == []
    with pytest.raises(JournalUnreadable, match="damaged"):
        read_journal(journal_path)
    assert journal_path.read_bytes() == junk


def test_a_journal_damaged_inside_is_reported_and_kept(journal_path: Path) -> None:
    healthy = open_journal(journal_path)
    for number in range(50):
        healthy.start_session(f"routine-{number}", 13, {"note": "x" * 200})
    healthy.close()
    data = bytearray(journal_path.read_bytes())
    page = 4096
    data[page : 3 * page] = b"\xa5" * (2 * page)  # scribble over the tables' pages
    journal_path.write_bytes(bytes(data))
    opened = open_journal(journal_path)
    assert isinstance(opened, UnavailableJournal)
    assert opened.problem is not None and "damaged" in opened.problem
    exercise_everything(opened)
    assert journal_path.read_bytes() == bytes(data)


def test_a_folder_that_cannot_be_created_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a regular file where the folder should be", encoding="utf-8")
    path = blocker / "journal.sqlite3"
    opened = open_journal(path)
    assert isinstance(opened, UnavailableJournal)
    assert opened.problem is not None
    assert opened.problem.startswith("The session journal could not be opened (")
    assert str(tmp_path / "data") in opened.problem
    exercise_everything(opened)
    assert blocker.read_text(encoding="utf-8") == "a regular file where the folder should be"


def test_a_folder_in_place_of_the_file_is_reported(journal_path: Path) -> None:
    journal_path.mkdir(parents=True)
    opened = open_journal(journal_path)
    assert isinstance(opened, UnavailableJournal)
    assert opened.problem is not None and "could not be opened" in opened.problem
    exercise_everything(opened)


def test_a_journal_from_a_newer_version_is_left_alone(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    connection = sqlite3.connect(journal_path)
    connection.execute("CREATE TABLE sessions (id INTEGER PRIMARY KEY, future TEXT)")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    before = journal_path.read_bytes()
    opened = open_journal(journal_path)
    assert isinstance(opened, UnavailableJournal)
    assert opened.problem is not None and "newer version" in opened.problem
    with pytest.raises(JournalUnreadable, match="newer version"):
        read_journal(journal_path)
    assert journal_path.read_bytes() == before


def test_another_programs_database_is_not_taken_over(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    connection = sqlite3.connect(journal_path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()
    before = journal_path.read_bytes()
    opened = open_journal(journal_path)
    assert isinstance(opened, UnavailableJournal)
    assert opened.problem is not None and "not a session journal" in opened.problem
    assert journal_path.read_bytes() == before


def test_disk_full_mid_session_switches_to_failed_without_raising(
    journal: Journal, journal_path: Path
) -> None:
    session = journal.start_session("xplain-back", 13)
    journal.exercise_finished(session, "a", 0, True)
    # SQLite's own limit on the file's size: the next page it needs fails with SQLITE_FULL,
    # exactly as a full disk does.
    pages = journal._connection.execute("PRAGMA page_count").fetchone()[0]
    journal._connection.execute(f"PRAGMA max_page_count = {pages}")
    long_note = StopRecord(StopReason.DIZZINESS, "spinning " * 20000, "b", None, 1, 1, "hold", 9)
    journal.end_session(session, Outcome.STOPPED, long_note)
    assert journal.problem is not None
    assert "database or disk is full" in journal.problem
    assert "This session could not be saved (" in journal.problem
    assert "stopped because of dizziness" in journal.problem  # so the person can note it
    journal.exercise_finished(session, "b" * 200_000, 1, True)  # still full: no exception
    assert journal.start_session("xplain-back", 13) == 0
    journal.close()
    # What was committed before the failure is all there.
    assert peek(journal_path, "SELECT outcome FROM sessions") == [("open",)]
    assert peek(journal_path, "SELECT exercise_id FROM exercises") == [("a",)]


def test_a_stop_after_a_passing_failure_is_still_recorded(
    journal: Journal, journal_path: Path
) -> None:
    session = journal.start_session("xplain-back", 13)
    pages = journal._connection.execute("PRAGMA page_count").fetchone()[0]
    journal._connection.execute(f"PRAGMA max_page_count = {pages}")
    journal.exercise_finished(session, "a" * 200_000, 0, True)  # fails: the file is full
    assert journal.problem is not None
    journal._connection.execute("PRAGMA max_page_count = 1073741823")  # space again
    stop = StopRecord(StopReason.DIZZINESS, "room spinning", "b", None, 1, 1, "hold", 42)
    journal.end_session(session, Outcome.STOPPED, stop)
    journal.close()
    assert peek(journal_path, "SELECT outcome, stop_reason, stop_note FROM sessions") == [
        ("stopped", "dizziness", "room spinning")
    ]


def test_a_lost_connection_mid_session_switches_to_failed_without_raising(
    journal: Journal,
) -> None:
    session = journal.start_session("xplain-back", 13)
    journal._connection.close()
    journal.exercise_finished(session, "a", 0, True)
    assert journal.problem is not None
    assert journal.problem.startswith("The session journal stopped working (")
    exercise_everything(journal)


def test_both_journals_offer_the_same_interface() -> None:
    public = {name for name in vars(Journal) if not name.startswith("_")}
    assert public == {
        "start_session",
        "exercise_finished",
        "end_session",
        "rate_pain",
        "stop_withdrawn",
        "sessions",
        "history",
        "interrupted_since_last_open",
        "close",
    }
    for name in public:
        assert inspect.signature(getattr(Journal, name)) == inspect.signature(
            getattr(UnavailableJournal, name)
        ), name


def test_the_history_is_read_again_after_any_write_here_or_by_another_process(
    tmp_path: Path,
) -> None:
    path = tmp_path / "journal.sqlite3"
    mine = open_journal(path)
    assert isinstance(mine, Journal)
    assert mine.history().records == []
    first = mine.start_session("xplain-back", 13)
    assert [r.id for r in mine.history().records] == [first]
    mine.rate_pain(first, 4)
    assert mine.history().records[0].pain_rating == 4
    other = open_journal(path)
    assert isinstance(other, Journal)
    second = other.start_session("spine-clinic", 10)
    other.close()
    assert [r.id for r in mine.history().records] == [first, second]
    mine.history().records.clear()
    assert len(mine.history().records) == 2
    mine.close()
