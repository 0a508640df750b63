"""``exercise-timer history [--json|--csv]``: the documented shapes, read without writing."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from exercise_timer.cli import main
from exercise_timer.core.effects import Outcome, StopReason
from exercise_timer.storage.journal import StopRecord, open_journal
from exercise_timer.storage.paths import Paths

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
SESSION_KEYS = {
    "id",
    "routine",
    "started_at",
    "ended_at",
    "outcome",
    "stop",
    "exercises_completed",
    "exercises_total",
    "pain_rating",
    "withdrawn_stops",
}
STOP_KEYS = {"reason", "note", "exercise", "side", "rep", "stage", "phase", "session_seconds"}


def dead_pid() -> int:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(child.stdout)


@pytest.fixture
def recorded(paths: Paths) -> Path:
    """Three sessions: completed, stopped for dizziness, and one a crash left open."""
    moments = iter(
        datetime(2026, 11, 21, 10, 15, tzinfo=PLUS_ONE) + timedelta(minutes=m)
        for m in (0, 1, 2, 3, 9, 60, 61, 63, 120)
    )
    journal = open_journal(paths.journal_file, now=lambda: next(moments))
    first = journal.start_session("xplain-back", 3)
    for position, exercise in enumerate(("pelvic-tilt", "bridge", "cat-camel")):
        journal.exercise_finished(first, exercise, position, True)
    journal.end_session(first, Outcome.COMPLETED, None)
    second = journal.start_session("spine-clinic", 8, {"hold_seconds": 20})
    journal.exercise_finished(second, "chin-tuck", 0, True)
    journal.end_session(second, Outcome.STOPPED, DIZZY)
    journal.close()
    crashed = open_journal(paths.journal_file, now=lambda: next(moments), pid=dead_pid())
    crashed.start_session("chiro-clinic", 5)
    crashed.close()
    return paths.journal_file


def history(capsys: pytest.CaptureFixture[str], *options: str) -> str:
    assert main(["history", *options]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def test_json_shape_is_exactly_the_documented_one(
    recorded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = json.loads(history(capsys, "--json"))
    assert [set(row) for row in rows] == [SESSION_KEYS] * 3
    completed, stopped, interrupted = rows
    assert completed == {
        "id": 1,
        "routine": "xplain-back",
        "started_at": "2026-11-21T10:15:00+01:00",
        "ended_at": "2026-11-21T10:24:00+01:00",
        "outcome": "completed",
        "stop": None,
        "exercises_completed": 3,
        "exercises_total": 3,
        "pain_rating": None,
        "withdrawn_stops": [],
    }
    assert stopped == {
        "id": 2,
        "routine": "spine-clinic",
        "started_at": "2026-11-21T11:15:00+01:00",
        "ended_at": "2026-11-21T11:18:00+01:00",
        "outcome": "stopped",
        "stop": {
            "reason": "dizziness",
            "note": "the room was spinning",
            "exercise": "hamstring-stretch",
            "side": "left",
            "rep": 2,
            "stage": 1,
            "phase": "hold",
            "session_seconds": 95.5,
        },
        "exercises_completed": 1,
        "exercises_total": 8,
        "pain_rating": None,
        "withdrawn_stops": [],
    }
    assert set(stopped["stop"]) == STOP_KEYS
    assert interrupted["outcome"] == "interrupted"
    assert interrupted["ended_at"] is None and interrupted["stop"] is None
    assert (interrupted["routine"], interrupted["exercises_completed"]) == ("chiro-clinic", 0)


def test_every_stop_reason_round_trips(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    journal = open_journal(paths.journal_file)
    for reason in StopReason:
        session = journal.start_session("xplain-back", 13)
        stop = StopRecord(reason, "", None, None, None, None, None, 1.0)
        journal.end_session(session, Outcome.STOPPED, stop)
    journal.close()
    rows = json.loads(history(capsys, "--json"))
    assert [row["stop"]["reason"] for row in rows] == [r.value for r in StopReason]
    assert {row["outcome"] for row in rows} == {"stopped"}


def test_csv_has_a_header_and_flattened_stop_fields(
    recorded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = list(csv.DictReader(io.StringIO(history(capsys, "--csv"))))
    assert list(rows[0]) == [
        "id",
        "routine",
        "started_at",
        "ended_at",
        "outcome",
        "stop_reason",
        "stop_note",
        "stop_exercise",
        "stop_side",
        "stop_rep",
        "stop_stage",
        "stop_phase",
        "stop_session_seconds",
        "exercises_completed",
        "exercises_total",
        "pain_rating",
        "withdrawn_stops",
    ]
    assert [row["outcome"] for row in rows] == ["completed", "stopped", "interrupted"]
    stopped = rows[1]
    assert stopped["started_at"] == "2026-11-21T11:15:00+01:00"
    assert (stopped["stop_reason"], stopped["stop_note"]) == ("dizziness", "the room was spinning")
    assert (stopped["stop_exercise"], stopped["stop_side"], stopped["stop_phase"]) == (
        "hamstring-stretch",
        "left",
        "hold",
    )
    assert (stopped["stop_rep"], stopped["stop_stage"], stopped["stop_session_seconds"]) == (
        "2",
        "1",
        "95.5",
    )
    assert (rows[0]["stop_reason"], rows[0]["ended_at"], rows[2]["ended_at"]) == (
        "",
        "2026-11-21T10:24:00+01:00",
        "",
    )


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--json"], "[]\n"),
        (["--csv"], None),
        ([], "No sessions recorded yet.\n"),
    ],
)
def test_no_journal_yet_is_empty_and_creates_nothing(
    home: Path, capsys: pytest.CaptureFixture[str], options: list[str], expected: str | None
) -> None:
    out = history(capsys, *options)
    if expected is None:
        assert list(csv.reader(io.StringIO(out)))[1:] == []
        assert out.startswith("id,routine,started_at,")
    else:
        assert out == expected
    assert not home.exists()


def test_reading_never_changes_the_journal_file(
    recorded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = recorded.read_bytes()
    history(capsys, "--json")
    history(capsys)
    assert recorded.read_bytes() == before
    # The crashed session shows as interrupted, but only opening the journal records that.
    connection = sqlite3.connect(recorded)
    assert connection.execute("SELECT outcome FROM sessions WHERE id = 3").fetchone() == ("open",)
    connection.close()


def test_a_damaged_journal_is_one_line_exit_1_and_untouched(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    paths.data_dir.mkdir(parents=True)
    junk = b"\x00junk, not SQLite\xff" * 300
    paths.journal_file.write_bytes(junk)
    assert main(["history", "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1
    assert captured.err.startswith(f"{paths.journal_file}: the session journal is damaged")
    assert "move it elsewhere" in captured.err
    assert "Traceback" not in captured.err
    assert paths.journal_file.read_bytes() == junk


def test_home_option_chooses_the_journal(
    tmp_path: Path, home: Path, recorded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--home", str(tmp_path / "elsewhere"), "history", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--home", str(home), "history", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_json_and_csv_together_is_a_usage_error(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["history", "--json", "--csv"])
    assert exit_info.value.code == 2
    assert "not allowed with" in capsys.readouterr().err


def damage(journal: Path, *statements: str) -> None:
    connection = sqlite3.connect(journal)
    with connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()


def test_unreadable_sessions_are_left_out_and_named_on_stderr(
    recorded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage(
        recorded,
        "UPDATE sessions SET exercises_total = 'thirteen' WHERE id = 1",
        "UPDATE sessions SET stop_reason = 'boredom' WHERE id = 2",
    )
    for options in (["--json"], ["--csv"], []):
        assert main(["history", *options]) == 0
        captured = capsys.readouterr()
        assert captured.err == (
            "Skipped 2 sessions of the journal that could not be read: "
            "session 1 (its number of exercises is not a whole number), "
            "session 2 (its stop reason is not one the program knows).\n"
        )
        if options == ["--json"]:
            assert [row["id"] for row in json.loads(captured.out)] == [3]
        elif options == ["--csv"]:
            assert [row["id"] for row in csv.DictReader(io.StringIO(captured.out))] == ["3"]
        else:
            assert len(captured.out.splitlines()) == 2 and "chiro-clinic" in captured.out


def test_one_unreadable_session_is_counted_in_words(
    recorded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage(recorded, "UPDATE sessions SET started_at = 'soon' WHERE id = 2")
    assert main(["history", "--json"]) == 0
    captured = capsys.readouterr()
    assert [row["id"] for row in json.loads(captured.out)] == [1, 3]
    assert captured.err.startswith("Skipped 1 session of the journal that could not be read: ")
    assert "session 2 (" in captured.err
