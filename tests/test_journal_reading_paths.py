"""Every way the journal is read goes on past a damaged row (issue 16, point 5).

``test_journal_rows`` damages each field of a row and reads the history; here each reading
path the person meets is checked with each kind of damage: the ``history`` command (text,
JSON, CSV), the build-up, the sessions this week on the start page and the "last time" notice.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_journal_rows import DAMAGES, damage, later, stored, write_sessions

from exercise_timer.app.after_stop import AfterStop
from exercise_timer.app.policy import HOME
from exercise_timer.app.services import Services
from exercise_timer.cli import main
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.effects import Outcome
from exercise_timer.core.personal import PersonalValues
from exercise_timer.core.progression import Progression
from exercise_timer.speech.speaker import CaptionsOnly
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.journal import Journal, open_journal, read_history
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_store import save_personal

SKIPPED = [
    *DAMAGES,
    pytest.param(
        "UPDATE sessions SET pain_rating = 99 WHERE id = 2",
        "its pain rating is not a whole number from 0 to 10",
        id="pain rating",
    ),
    pytest.param(
        "UPDATE sessions SET values_json = '" + "[" * 100_000 + "' WHERE id = 2",
        "the values it used are not readable JSON",
        id="values nested",
    ),
    pytest.param(
        "UPDATE sessions SET stop_session_seconds = 9e999 WHERE id = 2",
        "the moment it was stopped is not a number",
        id="stop time infinite",
    ),
]
READ = [
    pytest.param(
        "UPDATE sessions SET outcome = 'open', ended_at = NULL, pid = 9223372036854775807"
        " WHERE id = 2",
        id="open, pid beyond any process",
    ),
    pytest.param(
        "UPDATE sessions SET outcome = 'open', ended_at = NULL, pid = -5 WHERE id = 2",
        id="open, negative pid",
    ),
    pytest.param(
        "UPDATE sessions SET started_at = '2026-11-02T09:00:00' WHERE id = 2",
        id="start time without an offset",
    ),
]
WEEK_OF = datetime(2026, 11, 4, 12, 0, tzinfo=UTC)


@pytest.fixture
def damaged_home(paths: Paths) -> Paths:
    """Three sessions of xplain-back (completed, stopped for dizziness, completed), building up."""
    save_personal(
        paths, "xplain-back", PersonalValues(), Progression(enabled=True, every=1), now=later(0)
    )
    write_sessions(paths.journal_file, [Outcome.COMPLETED, Outcome.STOPPED, Outcome.COMPLETED])
    return paths


def history_command(
    paths: Paths, capsys: pytest.CaptureFixture[str], *options: str
) -> tuple[str, str]:
    assert main(["--home", str(paths.config_dir.parent), "history", *options]) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return out, err


def each_path(paths: Paths, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    """What every reading path makes of the journal."""
    text, text_err = history_command(paths, capsys)
    as_json, json_err = history_command(paths, capsys, "--json")
    as_csv, csv_err = history_command(paths, capsys, "--csv")
    assert text_err == json_err == csv_err
    journal = open_journal(paths.journal_file, now=later(10))
    assert isinstance(journal, Journal), journal.problem
    services = Services(journal=journal, speaker=CaptionsOnly(), clock=SimulatedClock(0))
    try:
        routine = load_catalogue(paths).find("xplain-back")
        assert routine is not None
        personal = stored(paths, journal)
        loaded = personal.load(routine)
        day = personal.today(loaded)
        last = AfterStop(services, HOME).last_time(routine, loaded)
        week = services.sessions_this_week("xplain-back", WEEK_OF)
    finally:
        services.close()
    return {
        "text": text,
        "err": text_err,
        "ids": [row["id"] for row in json.loads(as_json)],
        "csv rows": len(as_csv.splitlines()) - 1,
        "build-up": day,
        "last": last,
        "week": week,
    }


@pytest.mark.parametrize(("sql", "reason"), SKIPPED)
def test_a_damaged_row_is_named_and_every_path_reads_the_rest(
    damaged_home: Paths, capsys: pytest.CaptureFixture[str], sql: str, reason: str
) -> None:
    damage(damaged_home.journal_file, sql)

    seen = each_path(damaged_home, capsys)

    assert seen["ids"] == [1, 3]
    assert seen["csv rows"] == 2
    assert reason in str(seen["err"]) and "2" in str(seen["err"])
    assert seen["week"] == 2
    day = seen["build-up"]
    assert day.progress is not None and day.progress.steps == 2  # type: ignore[attr-defined]
    assert "1 session in the journal could not be read" in str(day.problem)  # type: ignore[attr-defined]
    assert seen["last"].stopped_at is None  # type: ignore[attr-defined]


@pytest.mark.parametrize("sql", READ)
def test_an_odd_but_readable_row_is_read_by_every_path(
    damaged_home: Paths, capsys: pytest.CaptureFixture[str], sql: str
) -> None:
    damage(damaged_home.journal_file, sql)

    seen = each_path(damaged_home, capsys)

    assert seen["ids"] == [1, 2, 3]
    assert seen["csv rows"] == 3
    assert seen["err"] == ""
    assert seen["week"] == 2


def test_the_last_session_damaged_leaves_the_notice_to_the_one_before(
    damaged_home: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    write_sessions(damaged_home.journal_file, [Outcome.STOPPED, Outcome.COMPLETED])
    damage(damaged_home.journal_file, "UPDATE sessions SET outcome = 'paused' WHERE id = 5")

    seen = each_path(damaged_home, capsys)

    assert seen["ids"] == [1, 2, 3, 4]
    assert seen["last"].stopped_at == "Back Arch"  # type: ignore[attr-defined]
    assert "5" in str(seen["err"])


def test_read_history_of_a_session_left_open_by_an_impossible_process(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    write_sessions(path, [Outcome.COMPLETED, Outcome.COMPLETED])
    damage(
        path,
        "UPDATE sessions SET outcome = 'open', ended_at = NULL, pid = 9223372036854775807"
        " WHERE id = 2",
    )
    history = read_history(path)
    assert [record.outcome for record in history.records] == ["completed", "interrupted"]
