"""Choosing a language in Settings changes every label of the window at once.

A catalogue for a made-up language "xx" translates every message of the program as itself
with "XX " in front, so a label that was translated at import, or not at all, stands out.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from catalogue_support import program_messages, write_mo
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from window_support import make_window, press

from exercise_timer.core import i18n
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.loader import parse_routine_text
from exercise_timer.core.model import Routine
from exercise_timer.storage.journal import Journal
from exercise_timer.storage.settings import load_settings
from exercise_timer.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

MARK = "XX "


@pytest.fixture(autouse=True)
def answer_close_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a window mid-session asks a question; at teardown the answer is Yes."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)


@pytest.fixture
def catalogues(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "locale"
    write_mo(folder / "xx" / "LC_MESSAGES" / "exercise_timer.mo", program_messages(MARK))
    i18n.use_catalogue_folder(folder)
    yield folder
    i18n.use_catalogue_folder(None)
    i18n.use_language(i18n.ENGLISH)


@pytest.fixture
def routine(example_text: str) -> Routine:
    return parse_routine_text(example_text, "ex.toml")


def fixed_texts(window: MainWindow) -> dict[str, str]:
    """Every text of the window that the program writes (not the routine's own words)."""
    page = window.session_page
    texts = {
        "title": window.windowTitle(),
        "phase": page.phase.text(),
        "caption": page.caption.text(),
        "time left": page.time_left.text(),
        "wait box": page.wait_box.text(),
        "stop title": window.stop_page.title.text(),
        "stop note": window.stop_page.note_label.text(),
        "next up": page.next_up.text(),
    }
    buttons = [
        *window.session_page.findChildren(QPushButton),
        *window.stop_page.findChildren(QPushButton),
        *window.before_page.findChildren(QPushButton),
        *window.summary_page.findChildren(QPushButton),
    ]
    for button in buttons:
        if button.objectName() != "pain":  # numbers 0-10 are the same in every language
            texts[f"button {button.text()!r}"] = button.text().lstrip("1234 ")
        texts[f"name of {button.text()!r}"] = button.accessibleName()
    before = window.before_page
    for label in (before.title, before.safety_heading, before.stop_hint, before.advice_heading):
        texts[f"before {label.text()[:20]!r}"] = label.text()
    for widget in (page.picker, page.wait_box, page.ring, page.caption, page.phase):
        texts[f"name of {type(widget).__name__}"] = widget.accessibleName()
    return texts


def choose_language(window: MainWindow, code: str) -> None:
    dialog = window.open_settings()
    combo = dialog.editors["language"]
    assert isinstance(combo, QComboBox)
    index = combo.findData(code)
    assert index >= 0, [combo.itemData(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)
    dialog.accept()


def test_choosing_a_language_changes_every_label_at_once_and_back(
    qtbot: QtBot,
    routine: Routine,
    journal: Journal,
    clock: SimulatedClock,
    tmp_path: Path,
    catalogues: Path,
) -> None:
    settings = tmp_path / "settings.toml"
    window = make_window(qtbot, routine, journal, clock, settings_path=settings)
    english = fixed_texts(window)
    assert english["button 'Start'"] == "Start" and english["phase"] == "Ready"
    assert not [key for key, text in english.items() if text.startswith(MARK)]

    choose_language(window, "xx")
    assert load_settings(settings).settings.language == "xx"
    shown = fixed_texts(window)
    untranslated = {key: text for key, text in shown.items() if not text.startswith(MARK)}
    assert untranslated == {}
    assert shown["caption"].startswith(MARK + "Press Start or the Space bar when you are ready.")

    press(qtbot, window, Qt.Key.Key_Space)
    assert window.session_page.phase.text() == MARK + "Get into position"
    assert window.session_page.toggle_button.text() == MARK + "Pause"
    assert window.session_page.detail.text() == ""

    press(qtbot, window, Qt.Key.Key_Space)
    choose_language(window, "")
    assert window.session_page.toggle_button.text() == "Resume"
    assert window.windowTitle() == "Exercise Timer"
    assert window.stop_page.title.text() == "Stopped. What made you stop?"
