"""The kiosk in the window: the PIN page to leave, no dialogs, no menus, a loud end."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from window_support import make_window

from exercise_timer.app.kiosk_exit import KioskExit
from exercise_timer.app.policy import EXIT_WINDOW_GONE, KIOSK
from exercise_timer.app.state import Status
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.loader import parse_routine_text
from exercise_timer.core.model import Routine
from exercise_timer.storage.journal import Journal
from exercise_timer.ui import main_window
from exercise_timer.ui.kiosk_screen import KioskScreen
from exercise_timer.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

PIN = "2580"


@pytest.fixture
def routine(example_text: str) -> Routine:
    return parse_routine_text(example_text, "ex.toml")


@pytest.fixture
def exits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The codes the window asked the application to exit with (the loop is not left)."""
    codes: list[int] = []
    monkeypatch.setattr(main_window.QApplication, "exit", lambda code=0: codes.append(code))
    return codes


def kiosk_window(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: SimulatedClock, pin: str | None = PIN
) -> MainWindow:
    window = make_window(qtbot, routine, journal, clock, policy=KIOSK)
    check = None if pin is None else (lambda typed: typed == pin)
    window.controller.services.kiosk_exit = KioskExit(check, clock)
    return window


def leave_keys(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(
        window.pages.currentWidget(),
        Qt.Key.Key_Q,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def test_ctrl_shift_q_asks_for_the_pin_and_escape_goes_back_as_it_was(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: SimulatedClock, exits: list[int]
) -> None:
    window = kiosk_window(qtbot, routine, journal, clock)
    window.controller.start()
    before = window.controller.state
    leave_keys(qtbot, window)
    assert window.pages.currentWidget() is window.exit_page
    assert window.controller.state.status is Status.RUNNING, "the kiosk goes on underneath"
    qtbot.keyClicks(window.exit_page.pin, "12")
    assert window.exit_page.pin.text() == "12", "digits go to the PIN, not the session"
    qtbot.keyClick(window.exit_page.pin, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.session_page
    after = window.controller.state
    assert (after.status, after.segment, after.exercise_index) == (
        before.status,
        before.segment,
        before.exercise_index,
    )
    assert exits == [] and window.isVisible()


def test_three_wrong_pins_wait_30_s_and_the_right_pin_leaves_with_0(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: SimulatedClock, exits: list[int]
) -> None:
    window = kiosk_window(qtbot, routine, journal, clock)
    window.controller.start()
    leave_keys(qtbot, window)
    page = window.exit_page
    for _ in range(3):
        qtbot.keyClicks(page.pin, "1111")
        qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert not page.leave_button.isEnabled() and not page.pin.isEnabled()
    assert "30 seconds" in page.message.text()
    clock.advance(30)
    page._show_wait()
    assert page.pin.isEnabled()
    qtbot.keyClicks(page.pin, PIN)
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert exits == [0] and window.exit_code == 0
    record = journal.sessions()[-1]
    assert record.stop is not None and record.stop.reason.value == "closed"


def test_the_pin_page_gives_way_by_itself(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: SimulatedClock, exits: list[int]
) -> None:
    window = kiosk_window(qtbot, routine, journal, clock)
    leave_keys(qtbot, window)
    page = window.exit_page
    assert page._idle.isActive() and page._idle.interval() == 30_000
    page._idle.timeout.emit()
    assert window.pages.currentWidget() is window.session_page


def test_without_any_pin_the_page_only_asks_to_confirm(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: SimulatedClock, exits: list[int]
) -> None:
    window = kiosk_window(qtbot, routine, journal, clock, pin=None)
    leave_keys(qtbot, window)
    page = window.exit_page
    assert not page.pin.isVisibleTo(page)
    assert "kiosk pin" in page.body.text()
    qtbot.keyClick(page.leave_button, Qt.Key.Key_Return)
    assert exits == [0]


def test_a_kiosk_offers_no_dialogs_and_no_wait_for_me(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    window = kiosk_window(qtbot, routine, journal, clock)
    page = window.session_page
    assert not page.settings_button.isVisibleTo(window)
    assert not page.values_button.isVisibleTo(window)
    assert not page.wait_box.isVisibleTo(window)
    assert not page.picker.isEnabled()
    assert page.phase.text() == "Press Start"
    window.close()
    assert window.isVisible(), "a kiosk cannot be closed"


def test_the_kiosk_screen_eats_context_menus_and_exits_4_when_its_window_goes(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    codes: list[int] = []
    monkeypatch.setattr(app, "exit", lambda code=0: codes.append(code))
    window = QWidget()
    screen = KioskScreen(app, window)
    menu = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(1, 1), QPoint(1, 1))
    assert screen.eventFilter(window, menu) is True
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    window.deleteLater()
    qtbot.waitUntil(lambda: codes == [EXIT_WINDOW_GONE])
    app.removeEventFilter(screen)
    screen.deleteLater()


def test_kiosk_idle_reaches_the_pin_page(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    window = make_window(qtbot, routine, journal, clock, policy=replace(KIOSK, idle_seconds=8))
    window.controller.services.kiosk_exit = KioskExit(lambda typed: typed == PIN, clock)
    leave_keys(qtbot, window)
    assert window.exit_page._idle.interval() == 4000
