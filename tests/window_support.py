"""Building the window over real services for tests, and driving it as a person would."""

from __future__ import annotations

from pathlib import Path

from fakes.recording_speaker import RecordingSpeaker
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from exercise_timer.app.controller import SessionController
from exercise_timer.app.policy import HOME, Policy
from exercise_timer.app.services import RoutineChoice, Services
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.model import Routine
from exercise_timer.storage.personal_access import StoredPersonal
from exercise_timer.storage.settings import load_settings, save_settings
from exercise_timer.ui.main_window import MainWindow


def make_window(
    qtbot: QtBot,
    routine: Routine,
    journal: object,
    clock: SimulatedClock,
    *,
    notice: Path | None = None,
    policy: Policy = HOME,
    speaker: RecordingSpeaker | None = None,
    settings_path: Path | None = None,
    personal: StoredPersonal | None = None,
) -> MainWindow:
    services = Services(
        journal=journal,  # type: ignore[arg-type]
        speaker=speaker or RecordingSpeaker(),
        clock=clock,
        read_routines_dir=notice,
        personal=personal,
    )
    if settings_path is not None:
        services.settings = load_settings(settings_path).settings
        services.write_settings = lambda settings: save_settings(settings_path, settings)
        services.list_voices = lambda: [("en-gb", "English (Great Britain)"), ("de", "German")]
    controller = SessionController(services, routine, policy=policy)
    window = MainWindow(controller, choices=[RoutineChoice(routine, 100.0)])
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window.pages.currentWidget(), key)


def advance_to(window: MainWindow, clock: SimulatedClock, seconds: float) -> None:
    """Moves the fake clock and wakes the driver, as the deadline timer would."""
    assert window.driver is not None
    clock.advance(seconds)
    window.driver.wake()
