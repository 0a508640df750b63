"""The pain rating after a session: recorded in a real journal, shown by history, migrated in."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from exercise_timer.cli import main
from exercise_timer.core.effects import Outcome
from exercise_timer.storage.journal import Journal, open_journal, read_history
from exercise_timer.storage.journal.schema import MIGRATIONS, SCHEMA_VERSION
from exercise_timer.storage.paths import Paths


def one_session(path: Path) -> tuple[Journal, int]:
    journal = open_journal(path)
    assert isinstance(journal, Journal), journal.problem
    session = journal.start_session("xplain-back", 13)
    journal.end_session(session, Outcome.COMPLETED, None)
    return journal, session


@pytest.mark.parametrize("rating", [0, 4, 10])
def test_a_rating_is_recorded_and_read_back(tmp_path: Path, rating: int) -> None:
    journal, session = one_session(tmp_path / "journal.sqlite3")
    journal.rate_pain(session, rating)
    journal.close()
    (record,) = read_history(tmp_path / "journal.sqlite3").records
    assert record.pain_rating == rating


@pytest.mark.parametrize("rating", [-1, 11, 2.5, True, "3"])
def test_a_rating_out_of_range_is_refused_and_nothing_is_written(
    tmp_path: Path, rating: object
) -> None:
    journal, session = one_session(tmp_path / "journal.sqlite3")
    with pytest.raises(ValueError, match="pain rating"):
        journal.rate_pain(session, rating)  # type: ignore[arg-type]
    assert journal.problem is None
    journal.close()
    (record,) = read_history(tmp_path / "journal.sqlite3").records
    assert record.pain_rating is None


def test_history_gives_the_rating_in_json_and_csv(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    journal, session = one_session(paths.journal_file)
    journal.rate_pain(session, 3)
    unrated = journal.start_session("spine-clinic", 10)
    journal.end_session(unrated, Outcome.COMPLETED, None)
    journal.close()
    assert main(["history", "--json"]) == 0
    assert [row["pain_rating"] for row in json.loads(capsys.readouterr().out)] == [3, None]
    assert main(["history", "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith(",pain_rating,withdrawn_stops")
    assert lines[1].endswith(",3,0") and lines[2].endswith(",,0")


def test_a_journal_of_the_first_version_is_migrated_and_nothing_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    connection = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        connection.execute(statement)
    connection.execute("PRAGMA user_version = 1")
    connection.execute(
        "INSERT INTO sessions (routine, started_at, ended_at, outcome, exercises_total, pid,"
        " stop_reason, stop_note, stop_phase, stop_session_seconds) VALUES"
        " ('spine-clinic', '2026-11-21T10:15:00+01:00', '2026-11-21T10:18:00+01:00',"
        " 'stopped', 10, 1, 'dizziness', 'room spinning', 'hold', 95.5)"
    )
    connection.commit()
    connection.close()

    journal = open_journal(path)
    assert isinstance(journal, Journal), journal.problem
    (old,) = journal.sessions()
    journal.rate_pain(old.id, 6)
    journal.close()
    (record,) = read_history(path).records
    assert record.stop is not None
    assert (record.routine, record.stop.note, record.stop.session_seconds) == (
        "spine-clinic",
        "room spinning",
        95.5,
    )
    assert record.pain_rating == 6
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2


def test_a_damaged_rating_leaves_that_session_out_and_names_it(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal, session = one_session(path)
    kept = journal.start_session("spine-clinic", 10)
    journal.close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA ignore_check_constraints = ON")
        connection.execute("UPDATE sessions SET pain_rating = 42 WHERE id = ?", (session,))
    history = read_history(path)
    assert [record.id for record in history.records] == [kept]
    (skipped,) = history.skipped
    assert skipped.row_id == session and "pain rating" in skipped.reason
