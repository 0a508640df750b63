"""The history page in the window: opened from the start screen over a real journal."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from fakes.recording_speaker import RecordingSpeaker
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QMessageBox, QTableView, QWidget
from pytestqt.qtbot import QtBot
from test_history_page_rows import XPLAIN, Unreadable, at, fill_journal, stop_in
from window_support import make_window

from exercise_timer import resources
from exercise_timer.app.policy import KIOSK
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.effects import StopReason
from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Routine
from exercise_timer.storage.journal import Journal, open_journal
from exercise_timer.ui.history_calendar import month_rows
from exercise_timer.ui.history_page import HistoryPage
from exercise_timer.ui.history_tables import TableModel
from exercise_timer.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def xplain() -> Routine:
    return load_routine(resources.routines_dir() / "xplain-back.toml")


def window_over(qtbot: QtBot, path: Path, routine: Routine) -> tuple[MainWindow, Journal]:
    journal = open_journal(path)
    assert isinstance(journal, Journal)
    window = make_window(
        qtbot, routine, journal, SimulatedClock(1000.0), speaker=RecordingSpeaker()
    )
    return window, journal


def opened(qtbot: QtBot, window: MainWindow) -> HistoryPage:
    button = window.session_page.history_button
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    page = window.history_page
    assert window.pages.currentWidget() is page
    return page


def cells(model: TableModel) -> list[list[str]]:
    return [
        [str(model.index(row, column).data()) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_the_page_lists_the_sessions_newest_first(
    qtbot: QtBot, tmp_path: Path, xplain: Routine
) -> None:
    starts = [at(date(2026, 3, 2)) + timedelta(days=2 * i) for i in range(5)]
    stops = {1: stop_in("pretzel", StopReason.PAIN, "sharp in the left hip")}
    fill_journal(tmp_path / "j.sqlite3", starts, stops=stops, pain={4: 3})
    window, journal = window_over(qtbot, tmp_path / "j.sqlite3", xplain)
    try:
        page = opened(qtbot, window)

        rows = cells(page.sessions_model)
        assert [row[0] for row in rows] == [s.strftime("%Y-%m-%d %H:%M") for s in starts[::-1]]
        newest, skipped, _, stopped, _ = rows
        assert newest[2:7] == ["completed", "5 of 5", "", "", "3"]
        assert skipped[2:4] == ["completed", "4 of 5"]  # its third exercise was skipped
        assert stopped[2:8] == [
            "stopped",
            "3 of 5",
            "pain or discomfort",
            "Pretzel, left side, repetition 2, holding",
            "",
            "sharp in the left hip",
        ]
        assert page.summary.text() == "5 sessions recorded, 4 completed."
    finally:
        journal.close()


def test_stops_show_reason_place_and_note(qtbot: QtBot, tmp_path: Path, xplain: Routine) -> None:
    starts = [at(date(2026, 3, 2)) + timedelta(days=i) for i in range(6)]
    stops = {
        1: stop_in("pretzel", StopReason.DIZZINESS, "the room was spinning", rep=3),
        3: stop_in("single-leg-pull", StopReason.NUMBNESS, ""),
        4: stop_in("pretzel", StopReason.DIZZINESS, "again"),
    }
    fill_journal(tmp_path / "j.sqlite3", starts, stops=stops)
    window, journal = window_over(qtbot, tmp_path / "j.sqlite3", xplain)
    try:
        page = opened(qtbot, window)
        page.tabs.setCurrentIndex(2)

        assert cells(page.stops_model) == [
            ["2026-03-06 18:00", "dizziness", "Pretzel, left side, repetition 2, holding", "again"],
            [
                "2026-03-05 18:00",
                "tingling or numbness",
                "Single Leg Pull, left side, repetition 2, holding",
                "(no note)",
            ],
            [
                "2026-03-03 18:00",
                "dizziness",
                "Pretzel, left side, repetition 3, holding",
                "the room was spinning",
            ],
        ]
        assert page.stop_summary.text() == "Tingling or numbness: 1 stop   Dizziness: 2 stops"
    finally:
        journal.close()


def test_the_calendar_puts_the_weeks_of_a_year_boundary_in_their_month(
    qtbot: QtBot, tmp_path: Path, xplain: Routine
) -> None:
    days = [date(2025, 12, 23), date(2025, 12, 29), date(2025, 12, 31), date(2026, 1, 2)]
    days += [date(2026, 1, 4), date(2026, 1, 6)]
    fill_journal(tmp_path / "j.sqlite3", [at(day) for day in days])
    window, journal = window_over(qtbot, tmp_path / "j.sqlite3", xplain)
    try:
        page = opened(qtbot, window)
        page.show_history(journal, xplain.id, today=date(2026, 1, 14))
        page.tabs.setCurrentIndex(1)
        calendar = page.calendar

        weeks = page.rows.weeks if page.rows else []
        assert [(w.monday, w.completed) for w in weeks] == [
            (date(2025, 12, 22), 1),
            (date(2025, 12, 29), 4),
            (date(2026, 1, 5), 1),
            (date(2026, 1, 12), 0),
        ]
        # The week of Monday 29 December holds 1 January: it is January's first week.
        assert month_rows(weeks) == [(date(2026, 1, 1), [1, 2, 3]), (date(2025, 12, 1), [0])]
        assert page.week_line.text() == (
            "Week of 2026-01-12: no session completed; 2-3 a week are advised."
        )
        calendar.setFocus()
        qtbot.keyClick(calendar, Qt.Key.Key_Left)
        qtbot.keyClick(calendar, Qt.Key.Key_Left)
        assert page.week_line.text() == (
            "Week of 2025-12-29: 4 sessions completed, more than the 2-3 a week advised."
        )
        assert calendar.accessibleDescription() == page.week_line.text()
    finally:
        journal.close()


def test_an_empty_journal_says_there_is_nothing_yet(
    qtbot: QtBot, tmp_path: Path, xplain: Routine
) -> None:
    window, journal = window_over(qtbot, tmp_path / "j.sqlite3", xplain)
    try:
        page = opened(qtbot, window)

        assert page.body.currentWidget() is page.empty
        assert page.empty.text().startswith("No sessions recorded yet.")
        assert not page.notice.isVisible()
    finally:
        journal.close()


def test_a_journal_that_cannot_be_read_is_said_so(
    qtbot: QtBot, tmp_path: Path, xplain: Routine
) -> None:
    window, journal = window_over(qtbot, tmp_path / "j.sqlite3", xplain)
    try:
        page = opened(qtbot, window)
        page.show_history(Unreadable(), xplain.id)

        assert page.notice.text() == "journal.sqlite3: the session journal is damaged."
        assert page.body.currentWidget() is page.empty
        assert page.empty.text() == "The journal could not be read, so there is nothing to show."
    finally:
        journal.close()


def test_an_unreadable_row_is_reported_and_the_rest_shown(
    qtbot: QtBot, tmp_path: Path, xplain: Routine
) -> None:
    path = tmp_path / "j.sqlite3"
    fill_journal(path, [at(date(2026, 3, 2)) + timedelta(days=i) for i in range(3)])
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE sessions SET started_at = 'yesterday' WHERE id = 2")
    connection.close()
    window, journal = window_over(qtbot, path, xplain)
    try:
        page = opened(qtbot, window)

        assert page.notice.isVisible()
        assert "session 2 (its start time is not a date and time)" in page.notice.text()
        assert [row[0] for row in cells(page.sessions_model)] == [
            "2026-03-04 18:00",
            "2026-03-02 18:00",
        ]
    finally:
        journal.close()


def test_keys_open_nothing_else_and_esc_goes_back(
    qtbot: QtBot, tmp_path: Path, xplain: Routine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Closing the window mid-session asks a question; at teardown the answer is Yes.
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    fill_journal(tmp_path / "j.sqlite3", [at(date(2026, 3, 2))])
    window, journal = window_over(qtbot, tmp_path / "j.sqlite3", xplain)
    try:
        page = opened(qtbot, window)
        qtbot.keyClick(page.back_button, Qt.Key.Key_Space)  # presses Back, starts no session
        assert window.pages.currentWidget() is window.session_page
        assert window.controller.state.segment is None

        page = opened(qtbot, window)
        qtbot.keyClick(page.sessions, Qt.Key.Key_Escape)
        assert window.pages.currentWidget() is window.session_page
        assert window.session_page.history_button.hasFocus()
        assert window.controller.state.segment is None

        window.toggle()  # a session runs: no way into the history until it ends
        assert window.controller.state.segment is not None
        assert not window.session_page.history_button.isVisible()
        window.open_history()
        assert window.pages.currentWidget() is window.session_page
    finally:
        journal.close()


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, tmp_path: Path, xplain: Routine
) -> None:
    fill_journal(
        tmp_path / "j.sqlite3", [at(date(2026, 3, 2)) + timedelta(days=i) for i in range(4)]
    )
    window, journal = window_over(qtbot, tmp_path / "j.sqlite3", xplain)
    try:
        page = opened(qtbot, window)
        page.tabs.setCurrentIndex(4)  # the build-up is worked out when first looked at
        controls = page.findChildren(QAbstractButton) + page.findChildren(QComboBox)
        controls += [*page.findChildren(QTableView), page.calendar, page.pain_chart, page.tabs]
        controls += [chart for chart in page.build_up_charts if chart.isVisibleTo(page)]
        named = [w for w in controls if isinstance(w, QWidget) and not _inner(w, page)]
        assert len(page.build_up_charts) == len(XPLAIN)
        assert all(w.accessibleName() for w in named), [
            type(w).__name__ for w in named if not w.accessibleName()
        ]
    finally:
        journal.close()


def _inner(widget: QWidget, page: HistoryPage) -> bool:
    """Parts Qt builds inside a control (a tab bar's scroll buttons, a table's corner)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QTableView | QComboBox) or parent is page.tabs.tabBar():
            return True
        parent = parent.parentWidget()
    return widget.objectName().startswith("qt_")


def test_a_kiosk_offers_no_history(qtbot: QtBot, tmp_path: Path, xplain: Routine) -> None:
    journal = open_journal(tmp_path / "j.sqlite3")
    assert isinstance(journal, Journal)
    try:
        window = make_window(qtbot, xplain, journal, SimulatedClock(1000.0), policy=KIOSK)
        assert not window.session_page.history_button.isVisible()
    finally:
        journal.close()
