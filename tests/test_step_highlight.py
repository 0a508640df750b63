"""The current step stands out: pale yellow in the standard theme, and in high contrast black
on strong yellow (the paused banner's colour) on the black page.

No frame: a frame around each step made the steps of a 1024x600 window in high contrast
taller than their column, and the last step was cut off behind a scroll bar.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from window_support import advance_to, make_window, press

from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.loader import parse_routine_text
from exercise_timer.storage.journal import Journal
from exercise_timer.storage.settings import HIGH_CONTRAST_THEME, Settings, save_settings
from exercise_timer.ui.theme import HIGHLIGHT, INK, PAUSED_COLOUR

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def answer_close_question(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)


def steps_in_move(
    qtbot: QtBot, example_text: str, journal: Journal, clock: SimulatedClock, settings: Path
) -> list[QLabel]:
    """The step labels while the first step's movement runs (step 1 is the current one)."""
    routine = parse_routine_text(example_text, "ex.toml")
    window = make_window(qtbot, routine, journal, clock, settings_path=settings)
    press(qtbot, window, Qt.Key.Key_Space)
    advance_to(window, clock, 10)
    return window.session_page.step_labels


def looks(label: QLabel) -> tuple[str, str]:
    """The text colour, and the fill near the right edge (where no text is), as drawn."""
    image = label.grab().toImage()
    fill = image.pixelColor(image.width() - 3, image.height() // 2).name()
    return label.palette().color(QPalette.ColorRole.WindowText).name(), fill


def test_high_contrast_marks_the_current_step_black_on_strong_yellow(
    qtbot: QtBot, example_text: str, journal: Journal, clock: SimulatedClock, tmp_path: Path
) -> None:
    settings = tmp_path / "settings.toml"
    save_settings(settings, Settings.default().replace(theme=HIGH_CONTRAST_THEME))
    current, other = steps_in_move(qtbot, example_text, journal, clock, settings)[:2]
    assert looks(current) == ("#000000", PAUSED_COLOUR)
    assert looks(other) == ("#ffffff", "#000000")
    assert current.font().bold()


def test_the_standard_theme_keeps_its_pale_yellow_step(
    qtbot: QtBot, example_text: str, journal: Journal, clock: SimulatedClock, tmp_path: Path
) -> None:
    current = steps_in_move(qtbot, example_text, journal, clock, tmp_path / "settings.toml")[0]
    assert looks(current) == (INK, HIGHLIGHT)
    assert current.font().bold()
