"""Keys act on what has the focus: text fields keep what is typed, a focused button takes
Space and Return, the session's keys work everywhere else, and Esc is always Stop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from window_support import make_window, press

from exercise_timer.app.state import Status
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.effects import StopReason
from exercise_timer.core.loader import parse_routine_text
from exercise_timer.core.model import Routine
from exercise_timer.storage.journal import Journal
from exercise_timer.ui.keys import control_keeps, is_text_field
from exercise_timer.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

KEY = Qt.Key


@pytest.fixture(autouse=True)
def answer_close_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a window mid-session asks a question; at teardown the answer is Yes."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)


@pytest.fixture
def routine(example_text: str) -> Routine:
    return parse_routine_text(example_text, "ex.toml")


@pytest.fixture
def window(qtbot: QtBot, routine: Routine, journal: Journal, clock: SimulatedClock) -> MainWindow:
    return make_window(qtbot, routine, journal, clock)


def stopped(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, KEY.Key_Space)
    press(qtbot, window, KEY.Key_Escape)
    assert window.pages.currentWidget() is window.stop_page


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def tab_to(qtbot: QtBot, widget: QWidget) -> None:
    """Presses Tab until ``widget`` has the focus, as a person without a mouse does."""
    for _ in range(40):
        if widget.hasFocus():
            return
        current = QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, KEY.Key_Tab)
    raise AssertionError(f"Tab never reaches {widget.accessibleName()!r}")


def test_a_digit_typed_into_the_stop_note_goes_into_the_note(
    qtbot: QtBot, window: MainWindow, journal: Journal
) -> None:
    stopped(qtbot, window)
    note = window.stop_page.note
    focus(qtbot, note)
    qtbot.keyClicks(note, "1 2 3 4 0 Left")
    qtbot.keyClick(note, KEY.Key_Right)
    assert note.text() == "1 2 3 4 0 Left"
    assert window.pages.currentWidget() is window.stop_page
    assert window.controller.state.status is Status.ASKING
    assert journal.sessions()[-1].stop is None


def test_esc_in_the_stop_note_keeps_the_note_and_the_keys_answer_again(
    qtbot: QtBot, window: MainWindow, journal: Journal
) -> None:
    stopped(qtbot, window)
    page = window.stop_page
    focus(qtbot, page.note)
    qtbot.keyClicks(page.note, "sharp 2")
    qtbot.keyClick(page.note, KEY.Key_Escape)
    assert window.controller.state.status is Status.ASKING, "still stopped"
    assert page.note.text() == "sharp 2"
    assert page.buttons[StopReason.PAIN].hasFocus()
    qtbot.keyClick(page.buttons[StopReason.PAIN], KEY.Key_2)
    record = journal.sessions()[-1]
    assert record.stop is not None
    assert (record.stop.reason, record.stop.note) == (StopReason.NUMBNESS, "sharp 2")


def test_space_on_a_focused_skip_button_skips_and_does_not_pause(
    qtbot: QtBot, window: MainWindow
) -> None:
    press(qtbot, window, KEY.Key_Space)
    page = window.session_page
    assert window.controller.state.exercise_index == 0
    tab_to(qtbot, page.skip_button)
    qtbot.keyClick(page.skip_button, KEY.Key_Space)
    state = window.controller.state
    assert state.status is Status.RUNNING, "Space pressed Skip, not Pause"
    assert state.exercise_index == 1


def test_return_on_a_focused_button_presses_that_button(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, KEY.Key_Space)
    page = window.session_page
    tab_to(qtbot, page.toggle_button)
    qtbot.keyClick(page.toggle_button, KEY.Key_Return)
    assert window.controller.state.status is Status.PAUSED
    tab_to(qtbot, page.stop_button)
    qtbot.keyClick(page.stop_button, KEY.Key_Enter)
    assert window.pages.currentWidget() is window.stop_page


def test_the_session_keys_still_work_from_a_focused_button(
    qtbot: QtBot, window: MainWindow
) -> None:
    press(qtbot, window, KEY.Key_Space)
    page = window.session_page
    tab_to(qtbot, page.toggle_button)
    qtbot.keyClick(page.toggle_button, KEY.Key_Right)
    assert window.controller.state.exercise_index == 1, "Right skips, it does not move focus"
    qtbot.keyClick(page.toggle_button, KEY.Key_Escape)
    assert window.pages.currentWidget() is window.stop_page
    qtbot.keyClick(window.stop_page.buttons[StopReason.PAIN], KEY.Key_3)
    assert window.controller.state.ended is not None


def test_space_on_the_focused_wait_box_ticks_it_and_leaves_the_session_alone(
    qtbot: QtBot, window: MainWindow
) -> None:
    box = window.session_page.wait_box
    tab_to(qtbot, box)
    qtbot.keyClick(box, KEY.Key_Space)
    assert box.isChecked()
    assert window.controller.state.status is Status.READY


def test_esc_from_a_text_field_stops_a_running_session(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, KEY.Key_Space)
    field = QLineEdit(window.session_page)
    field.show()
    focus(qtbot, field)
    qtbot.keyClicks(field, "1 ")
    qtbot.keyClick(field, KEY.Key_Left)
    assert field.text() == "1 "
    assert window.controller.state.status is Status.RUNNING
    assert window.controller.state.exercise_index == 0
    qtbot.keyClick(field, KEY.Key_Escape)
    assert window.pages.currentWidget() is window.stop_page


def test_which_keys_a_focused_control_keeps(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    field, spin, button, box = QLineEdit(host), QSpinBox(host), QPushButton(host), QCheckBox(host)
    read_only = QLineEdit(host)
    read_only.setReadOnly(True)
    control = Qt.KeyboardModifier.ControlModifier.value
    assert is_text_field(field) and is_text_field(spin) and not is_text_field(read_only)
    for key in (KEY.Key_1, KEY.Key_Space, KEY.Key_Left, KEY.Key_L, KEY.Key_Return):
        for chosen in (True, False):
            assert control_keeps(field, key.value, chosen=chosen)
            assert control_keeps(spin, key.value, chosen=chosen)
        assert not control_keeps(read_only, key.value, chosen=True)
    assert not control_keeps(field, KEY.Key_Escape.value, chosen=True)
    assert not control_keeps(field, KEY.Key_Q.value, control, chosen=True)
    space, enter = KEY.Key_Space.value, KEY.Key_Return.value
    assert control_keeps(button, space, chosen=True)
    assert control_keeps(button, enter, chosen=True)
    assert not control_keeps(button, space, chosen=False), "focus the person did not move"
    assert control_keeps(box, space, chosen=True) and not control_keeps(box, enter, chosen=True)
    for key in (KEY.Key_Right, KEY.Key_Left, KEY.Key_1, KEY.Key_Escape, KEY.Key_L):
        assert not control_keeps(button, key.value, chosen=True)
    button.setEnabled(False)
    assert not control_keeps(button, space, chosen=True)
    assert not control_keeps(None, space, chosen=True)


def test_space_starts_after_a_click_on_wait_for_me(qtbot: QtBot, window: MainWindow) -> None:
    box = window.session_page.wait_box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked()
    press(qtbot, window, KEY.Key_Space)
    assert window.controller.state.status is not Status.READY


def test_space_stays_pause_when_the_focus_fell_on_a_button_by_itself(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.session_page
    tab_to(qtbot, page.picker)
    press(qtbot, window, KEY.Key_Space)  # the picker is disabled: the focus moves on by itself
    assert window.controller.state.status is Status.RUNNING
    press(qtbot, window, KEY.Key_Space)
    assert window.controller.state.status is Status.PAUSED
    assert not page.wait_box.isChecked()
