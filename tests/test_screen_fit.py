"""The window and its dialogs fit a 1024x600 screen, with Stop in sight, at every text size."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from window_support import make_window, press

from exercise_timer.core.clock import SimulatedClock
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.journal import Journal
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_access import StoredPersonal
from exercise_timer.storage.settings import (
    HIGH_CONTRAST_THEME,
    TEXT_SIZES,
    Settings,
    save_settings,
)
from exercise_timer.ui.main_window import MainWindow
from exercise_timer.ui.screen_fit import PREFERRED, fit_to_screen

pytestmark = pytest.mark.gui

SMALL = QRect(0, 0, 1024, 600)


@pytest.fixture(autouse=True)
def answer_close_question(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)


def test_a_small_screen_gets_a_maximised_window_within_it(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.setMinimumSize(1024, 600)  # as the main window asked before
    assert fit_to_screen(window, QRect(0, 24, 1024, 576)) is True
    assert QRect(0, 24, 1024, 576).contains(window.geometry())
    assert window.minimumWidth() <= 1024 and window.minimumHeight() <= 576


def test_a_large_screen_gets_the_preferred_size_in_its_middle(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    assert fit_to_screen(window, QRect(1920, 0, 1920, 1080)) is False
    assert window.size() == PREFERRED
    assert window.geometry().center().x() in range(1920 + 958, 1920 + 963)


def settings_at(path: Path, **values: object) -> Path:
    save_settings(path, Settings.default().replace(**values))
    return path


def window_at(
    qtbot: QtBot, paths: Paths, journal: Journal, clock: SimulatedClock, **values: object
) -> MainWindow:
    catalogue = load_catalogue(paths)
    routine = catalogue.find("spine-clinic")  # the longest title, the most steps
    assert routine is not None
    window = make_window(
        qtbot,
        routine,
        journal,
        clock,
        settings_path=settings_at(paths.settings_file, **values),
        personal=StoredPersonal(paths, catalogue, journal),
    )
    fit_to_screen(window, SMALL)
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.size().width() == 1024)
    return window


def assert_stop_in_sight(window: MainWindow) -> None:
    stop = window.session_page.stop_button
    top_left = stop.mapTo(window, stop.rect().topLeft())
    shown = QRect(top_left, stop.size())
    assert stop.isVisible()
    assert window.rect().contains(shown), (shown, window.rect())
    assert SMALL.contains(QRect(0, 0, window.width(), window.height()))


@pytest.mark.parametrize("size", TEXT_SIZES)
def test_stop_stays_in_sight_at_every_text_size(
    qtbot: QtBot, paths: Paths, journal: Journal, clock: SimulatedClock, size: str
) -> None:
    window = window_at(qtbot, paths, journal, clock, text_size=size, language="es")
    assert window.minimumSizeHint().width() <= 1024
    assert window.minimumSizeHint().height() <= 600
    assert_stop_in_sight(window)
    from PySide6.QtCore import Qt

    press(qtbot, window, Qt.Key.Key_Space)
    assert window.size().width() == 1024 and window.size().height() == 600
    assert_stop_in_sight(window)


SCREEN = {"screens": [{"name": "small", "x": 0, "y": 0, "width": 1024, "height": 600}]}
"""Qt's offscreen platform with one screen of 1024x600 (``configfile``)."""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("size", "theme"), [("100", "standard"), ("150", "standard"), ("100", HIGH_CONTRAST_THEME)]
)
def test_the_window_and_dialogs_open_within_a_1024x600_screen(
    tmp_path: Path, size: str, theme: str
) -> None:
    """In a process of its own: the tests' offscreen screen is 800x800, not a netbook's.

    The routine picker shows the start of the longest title within its box, and at 100 % its
    minutes too (a combo box under a style sheet cut the text off at the edge).
    """
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SCREEN), encoding="utf-8")
    environment = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, __file__, str(tmp_path / "home"), size, theme],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.splitlines()[-1])
    screen = QRect(0, 0, 1024, 600)
    for name in ("window", "stop", "settings", "values", "history"):
        assert screen.contains(QRect(*seen[name])), (name, seen[name])
    assert seen["maximised"] is True
    shown = str(seen["picker_shown"])
    assert shown.startswith("Spine"), shown
    if size == "100":
        assert shown.endswith(" min"), shown
    assert int(seen["picker_text_width"]) <= int(seen["picker_field"]), seen


def _child(home: Path, size: str, theme: str) -> None:
    """Opens the window as the program does (fit_to_screen), then the dialogs and the history."""
    from fakes.recording_speaker import RecordingSpeaker
    from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionComboBox

    from exercise_timer.app.controller import SessionController
    from exercise_timer.app.services import Services
    from exercise_timer.core.clock import SimulatedClock
    from exercise_timer.storage.journal import open_journal

    app = QApplication([])
    paths = Paths.under(home)
    chosen = Settings.default().replace(text_size=size, theme=theme)
    save_settings(paths.settings_file, chosen)
    catalogue = load_catalogue(paths)
    journal = open_journal(paths.journal_file)
    routine = catalogue.find("spine-clinic")
    assert routine is not None and isinstance(journal, Journal)
    services = Services(
        journal=journal,
        speaker=RecordingSpeaker(),
        clock=SimulatedClock(1000.0),
        settings=chosen,
        catalogue=catalogue,
        paths=paths,
        personal=StoredPersonal(paths, catalogue, journal),
    )
    window = MainWindow(
        SessionController(services, routine), choices=services.routine_choices(routine)
    )
    maximised = fit_to_screen(window)
    window.showMaximized() if maximised else window.show()
    app.processEvents()

    def box(widget: QWidget) -> list[int]:
        corner = widget.mapToGlobal(widget.rect().topLeft())
        return [corner.x(), corner.y(), widget.width(), widget.height()]

    seen: dict[str, object] = {"maximised": maximised, "window": box(window)}
    seen["stop"] = box(window.session_page.stop_button)
    picker = window.session_page.picker
    option = QStyleOptionComboBox()
    picker.initStyleOption(option)
    field = picker.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, picker
    )
    seen["picker_shown"] = picker.shown_text()
    seen["picker_text_width"] = picker.fontMetrics().horizontalAdvance(picker.shown_text())
    seen["picker_field"] = field.width()
    settings = window.open_settings()
    app.processEvents()
    seen["settings"] = box(settings)
    settings.reject()
    values = window.open_values_editor()
    assert values is not None
    app.processEvents()
    seen["values"] = box(values)
    values.reject()
    window.open_history()
    app.processEvents()
    seen["history"] = box(window)
    print(json.dumps(seen))
    window.driver.shutdown()
    journal.close()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    _child(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
