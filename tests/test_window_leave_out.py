"""The window's caution step after a symptom stop, and the next start screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from window_support import make_window, press

from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import PersonalValues
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.journal import Journal
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_access import StoredPersonal
from exercise_timer.storage.personal_store import load_personal
from exercise_timer.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def routine(paths: Paths, example_text: str) -> Routine:
    routine_file = paths.routines_dir / "my-routine.toml"
    routine_file.parent.mkdir(parents=True)
    routine_file.write_text(example_text, encoding="utf-8")
    found = load_catalogue(paths).find("my-routine")
    assert found is not None
    return found


def stopped_for_dizziness(
    qtbot: QtBot, paths: Paths, routine: Routine, journal: Journal, clock: SimulatedClock
) -> MainWindow:
    personal = StoredPersonal(paths, load_catalogue(paths), journal)
    window = make_window(qtbot, routine, journal, clock, personal=personal)
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_Escape)
    press(qtbot, window, Qt.Key.Key_3)
    assert window.pages.currentWidget() is window.advice_page
    return window


def test_the_caution_step_leaves_the_exercise_out_by_key_and_the_next_start_says_so(
    qtbot: QtBot, paths: Paths, routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    window = stopped_for_dizziness(qtbot, paths, routine, journal, clock)
    caution = window.advice_page.caution
    assert caution.isVisible() and caution.leave.isVisible() and caution.keep.isVisible()
    assert "leave Cat and Camel out of your sessions" in caution.sentence.text()
    assert caution.leave.accessibleName() == "Leave Cat and Camel out until I ask my clinic"
    assert caution.keep.accessibleName() == "Keep it in"
    press(qtbot, window, Qt.Key.Key_4)
    assert window.controller.state.pain_rating == 4
    press(qtbot, window, Qt.Key.Key_L)
    assert not caution.leave.isVisible()
    assert "Cat and Camel is left out of your sessions" in caution.sentence.text()
    saved = load_personal(paths, routine).values.for_exercise("cat-and-camel")
    assert not saved.included and saved.left_out is not None
    qtbot.mouseClick(window.advice_page.button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.session_page
    notice = window.session_page.notice.text()
    assert "Last time you stopped at Cat and Camel because of dizziness." in notice
    assert "Left out until your clinic is asked: Cat and Camel." in notice


def test_keep_it_in_by_mouse_changes_nothing(
    qtbot: QtBot, paths: Paths, routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    window = stopped_for_dizziness(qtbot, paths, routine, journal, clock)
    caution = window.advice_page.caution
    qtbot.mouseClick(caution.keep, Qt.MouseButton.LeftButton)
    assert "Cat and Camel stays in your sessions." in caution.sentence.text()
    press(qtbot, window, Qt.Key.Key_L)
    assert load_personal(paths, routine).values == PersonalValues()


def test_no_caution_step_without_personal_values(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    window = make_window(qtbot, routine, journal, clock)
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_Escape)
    press(qtbot, window, Qt.Key.Key_1)
    assert window.pages.currentWidget() is window.advice_page
    assert not window.advice_page.caution.isVisible()
