"""Words that read differently by where they are used get their own Spanish.

"Start" is the button that starts a session and the first panel of a figure (its start
pose); "completed" and "stopped" are one session's outcome and a column of session counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from exercise_timer import resources
from exercise_timer.app.state import Status
from exercise_timer.cli import main
from exercise_timer.core import i18n
from exercise_timer.core.figures.reader import load_figures
from exercise_timer.core.loader import load_routine
from exercise_timer.report.contact_sheet import contact_sheet
from exercise_timer.report.history import HistoryRow, outcome_text
from exercise_timer.ui import words


@pytest.fixture
def spanish() -> Iterator[None]:
    """The bundled Spanish catalogue in use; English again afterwards."""
    i18n.use_language("es")
    assert i18n.current_language() == "es"
    yield
    i18n.use_language(i18n.ENGLISH)


def session(outcome: str) -> HistoryRow:
    return HistoryRow(
        id=1,
        routine="xplain-back",
        started_at=datetime(2026, 12, 3, 10, 0),
        ended_at=datetime(2026, 12, 3, 10, 10),
        outcome=outcome,
        stop=None,
        exercises_completed=13,
        exercises_total=13,
    )


def first_panel_name() -> str:
    routine = load_routine(resources.routines_dir() / "xplain-back.toml")
    book = load_figures(resources.asset("figures", "xplain-back.toml"))
    page = contact_sheet(routine, book, 0.3)
    return re.findall(r'<td style="width:[\d.]+%">([^<]+)</td>', page)[0]


def test_start_on_the_button_and_under_a_figure_are_translated_apart(spanish: None) -> None:
    assert words.toggle(Status.READY) == "Empezar"
    assert words.toggle(Status.ENDED) == "Empezar"
    assert first_panel_name() == "Posición inicial"


def test_in_english_both_read_start() -> None:
    i18n.use_language(i18n.ENGLISH)
    assert words.toggle(Status.READY) == "Start"
    assert first_panel_name() == "Start"


def test_one_sessions_outcome_is_singular(spanish: None) -> None:
    assert outcome_text(session("completed")) == "completada"
    assert outcome_text(session("stopped")).startswith("detenida")


def test_the_kiosks_columns_count_sessions(
    spanish: None, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "es", "kiosk", "stats"]) == 0
    header = capsys.readouterr().out.splitlines()[0].split()
    assert header[:4] == ["fecha", "iniciadas", "completadas", "detenidas"]
