"""Issue 16, point 6: a session whose end could not be saved never shows counts as if it were."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fakes.recording_speaker import RecordingSpeaker

from exercise_timer.app.controller import SessionController
from exercise_timer.app.services import Services
from exercise_timer.app.state import SessionState
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.effects import StopReason
from exercise_timer.core.loader import parse_routine_text
from exercise_timer.storage.journal import Journal, open_journal
from exercise_timer.ui import words


class FullDisk:
    """A connection whose writes of a session's end fail as on a full disk."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql.startswith("UPDATE sessions SET ended_at"):
            raise sqlite3.OperationalError("database or disk is full")
        return self._connection.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._connection, name)


@pytest.fixture
def full_journal(tmp_path: Path) -> Journal:
    journal = open_journal(tmp_path / "journal.sqlite3")
    assert isinstance(journal, Journal)
    journal._connection = FullDisk(journal._connection)  # type: ignore[assignment]
    return journal


def session(journal: Journal, example_text: str, stop: bool) -> SessionState:
    clock = SimulatedClock(1000.0)
    routine = parse_routine_text(example_text.replace("repetitions = 5", "repetitions = 1"), "x")
    services = Services(journal=journal, speaker=RecordingSpeaker(), clock=clock)
    controller = SessionController(services, routine)
    states: list[SessionState] = []
    controller.subscribe(states.append)
    controller.start()
    if stop:
        clock.now += 3
        controller.wake()
        controller.halt()
        controller.stop(StopReason.DIZZINESS, "")
    while (deadline := controller.engine.next_deadline()) is not None:
        clock.now = deadline
        controller.wake()
    return states[-1]


def test_a_completed_session_that_could_not_be_saved_says_so_instead_of_its_counts(
    full_journal: Journal, example_text: str
) -> None:
    state = session(full_journal, example_text, stop=False)
    assert state.ended is not None and not state.recorded
    shown = words.ended_summary(state)
    assert shown.startswith("This session could not be saved (database or disk is full)")
    assert "not in your journal" in shown
    assert "You did" not in shown
    assert words.recorded(state) == "", "said once, in place of the counts"
    assert [r.outcome for r in full_journal.sessions()] == ["open"]
    full_journal.close()


def test_a_stop_that_could_not_be_saved_asks_to_write_it_down(
    full_journal: Journal, example_text: str
) -> None:
    state = session(full_journal, example_text, stop=True)
    assert state.ended is not None and not state.recorded
    line = words.recorded(state)
    assert line.startswith("This session could not be saved (database or disk is full)")
    assert "write down that you stopped because of dizziness" in line
    full_journal.close()


def test_a_saved_session_still_shows_its_counts(journal: Journal, example_text: str) -> None:
    state = session(journal, example_text, stop=False)
    assert state.recorded
    assert words.ended_summary(state).startswith("You did ")
    assert words.recorded(state) == "This session has been recorded in your journal."
