"""Every control is reached with Tab, in the order the page reads, and has a name that says
what it is (read through Qt's accessibility interface, as a screen reader reads it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QComboBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from window_support import advance_to, make_window, press

from exercise_timer import resources
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.loader import load_routine, parse_routine_text
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import PersonalValues
from exercise_timer.storage.journal import Journal
from exercise_timer.storage.settings import SETTINGS_FIELDS
from exercise_timer.ui.main_window import MainWindow
from exercise_timer.ui.values_editor import ValuesEditor

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def answer_close_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a window mid-session asks a question; at teardown the answer is Yes."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)


@pytest.fixture
def window(qtbot: QtBot, example_text: str, journal: Journal, clock: SimulatedClock) -> MainWindow:
    routine = parse_routine_text(example_text.replace("repetitions = 5", "repetitions = 1"), "x")
    return make_window(qtbot, routine, journal, clock)


def tab_chain(qtbot: QtBot, start: QWidget) -> list[QWidget]:
    """The widgets Tab visits from ``start`` until it comes back round, in order."""
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    chain: list[QWidget] = []
    for _ in range(200):
        focus = QApplication.focusWidget()
        assert focus is not None, "Tab lost the focus"
        if focus in chain:
            assert focus is start, f"Tab is caught in a loop at {name_of(focus)!r}"
            return chain
        chain.append(focus)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    raise AssertionError("Tab never comes back round")


def controls(chain: list[QWidget]) -> list[QWidget]:
    """The chain without the areas that Tab stops at only to scroll their text."""
    return [widget for widget in chain if not isinstance(widget, QAbstractScrollArea)]


def name_of(widget: QWidget) -> str:
    """What a screen reader says the widget is called."""
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None, type(widget).__name__
    name = face.text(QAccessible.Text.Name)
    if isinstance(widget, QComboBox):
        # On Linux Qt gives a list its choice as its name (the label goes by a relation);
        # elsewhere, and to AT-SPI's labelled-by, the name is the widget's own.
        assert name == widget.currentText() or name == widget.accessibleName()
        return widget.accessibleName()
    return name


def assert_named(chain: list[QWidget]) -> None:
    """Each name is words, not empty, not a lone number, not the widget's class."""
    for widget in chain:
        name = name_of(widget).strip()
        classes = {cls.__name__ for cls in type(widget).__mro__}
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        assert name, f"{where} has no name"
        assert sum(c.isalpha() for c in name) >= 3, f"{where} is called only {name!r}"
        assert name not in classes, f"{where} is called by its class"


def test_the_start_screen_in_reading_order(qtbot: QtBot, window: MainWindow) -> None:
    page = window.session_page
    chain = tab_chain(qtbot, page.picker)
    assert controls(chain) == [
        page.picker,
        page.wait_box,
        page.safety_button,
        page.settings_button,
        page.toggle_button,
        page.history_button,
        page.print_button,
    ]
    assert_named(chain)
    assert name_of(page.settings_button) == "Settings"


def test_during_a_session_stop_is_two_tabs_from_pause(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_Space)
    page = window.session_page
    chain = tab_chain(qtbot, page.wait_box)
    assert controls(chain) == [
        page.wait_box,
        page.back_button,
        page.toggle_button,
        page.skip_button,
        page.stop_button,
    ]
    assert_named(chain)
    assert name_of(page.stop_button) == "Stop the session"


def test_the_stop_page_reasons_then_the_note(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_Escape)
    page = window.stop_page
    chain = tab_chain(qtbot, next(iter(page.buttons.values())))
    assert chain == [*page.buttons.values(), page.mistake, page.note]
    assert_named(chain)
    assert name_of(page.note) == "Note about why you stopped"


def test_after_a_session_the_pain_rating_then_back_to_the_start(
    qtbot: QtBot, window: MainWindow, clock: SimulatedClock
) -> None:
    press(qtbot, window, Qt.Key.Key_Space)
    engine = window.controller.engine
    while (deadline := engine.next_deadline()) is not None:
        advance_to(window, clock, deadline - clock.now)
    page = window.summary_page
    assert window.pages.currentWidget() is page
    chain = tab_chain(qtbot, page.pain.buttons[0])
    assert chain == [*page.pain.buttons.values(), page.pain.skip, page.button]
    assert_named(chain)
    assert name_of(page.pain.buttons[7]) == "Pain 7 of 10"


def test_the_history_page(qtbot: QtBot, window: MainWindow) -> None:
    window.open_history()
    page = window.history_page
    chain = tab_chain(qtbot, page.back_button)
    assert chain[0] is page.back_button and page.routine in chain
    assert_named(chain)


def test_the_settings_dialog_field_by_field(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    first = dialog.editors[SETTINGS_FIELDS[0].key]
    chain = tab_chain(qtbot, first)
    editors = [dialog.editors[field.key] for field in SETTINGS_FIELDS]
    assert chain[: len(editors)] == editors, "the fields in the order they are shown"
    assert chain[len(editors)] is dialog.test_button
    assert_named(chain)
    dialog.reject()


def test_the_values_editor_row_by_row(qtbot: QtBot) -> None:
    routine: Routine = load_routine(resources.routines_dir() / "spine-clinic.toml")
    dialog = ValuesEditor(
        None,
        routine,
        PersonalValues(),
        import_file=lambda path: (PersonalValues(), None),  # type: ignore[arg-type,return-value]
        export_file=lambda *args: None,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    first = dialog.rows[0]
    chain = tab_chain(qtbot, first.include)
    row_widgets = [
        w
        for row in dialog.rows
        for w in (row.include, row.up, row.down, *row.holds, row.repetitions, row.relax, row.reset)
        if w.isEnabled()
    ]
    assert chain[: len(row_widgets)] == row_widgets
    rest = chain[len(row_widgets) :]
    assert rest[:2] == [dialog.build_up, dialog.every]
    assert dialog.import_button in rest and dialog.export_button in rest
    assert_named(chain)
    assert name_of(first.repetitions) == "Repetitions of Cat and Camel"


def test_before_the_first_session_tab_and_return_reach_its_button(
    qtbot: QtBot, example_text: str, journal: Journal, clock: SimulatedClock, tmp_path: Path
) -> None:
    routine = parse_routine_text(example_text, "x")
    window = make_window(qtbot, routine, journal, clock, notice=tmp_path / "before-you-start")
    window.autostart()
    page = window.before_page
    assert window.pages.currentWidget() is page
    chain = tab_chain(qtbot, page.button)
    assert page.text_area in chain, "the text scrolls with the keys"
    assert_named(chain)
    assert page.button.hasFocus()
    qtbot.keyClick(page.button, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.session_page
