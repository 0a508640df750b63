"""The window's language: ``--lang``, else the settings', before the routines are read; a new
language chosen in Settings reads the routine again, at once before a session, else after it.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes.recording_speaker import RecordingSpeaker
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox
from pytestqt.qtbot import QtBot
from window_support import press

from exercise_timer.app.controller import SessionController
from exercise_timer.app.routine_language import RoutineLanguage
from exercise_timer.app.services import Services
from exercise_timer.cli.entry import main
from exercise_timer.core import i18n
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.effects import StopReason
from exercise_timer.core.model import Routine
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.journal import Journal
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.settings import Settings, chosen_language, save_settings
from exercise_timer.ui.main_window import MainWindow

ENGLISH_NAME, SPANISH_NAME = "Pelvic Tilt", "Basculación pélvica"
SPANISH_STEP = "Apriete la parte baja de la espalda contra el suelo, dejándola plana."


@pytest.fixture(autouse=True)
def english_again() -> Iterator[None]:
    yield
    i18n.use_language(i18n.ENGLISH)


@pytest.fixture(autouse=True)
def answer_close_question(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)


def services_over(paths: Paths, journal: Journal, clock: SimulatedClock) -> Services:
    services = Services(
        journal=journal,
        speaker=RecordingSpeaker(),
        clock=clock,
        catalogue=load_catalogue(paths),
        paths=paths,
    )
    services.write_settings = lambda settings: save_settings(paths.settings_file, settings)
    return services


def xplain(services: Services) -> Routine:
    assert services.catalogue is not None
    routine = services.catalogue.find("xplain-back")
    assert routine is not None
    return routine


# -- the command line: which language the routines are read in -------------------------------


def opened_routine(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> Routine:
    """The routine ``exercise-timer ARGV`` would open the window on (the window is not opened)."""
    from exercise_timer.ui import app

    seen: list[Routine] = []

    def run_window(options: object, paths: Paths, catalogue: object, routine: Routine) -> int:
        seen.append(routine)
        return 0

    monkeypatch.setattr(app, "run_window", run_window)
    assert main(argv) == 0
    return seen[0]


@pytest.mark.gui
def test_the_settings_language_is_used_before_the_routines_are_read(
    home: Path, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_settings(paths.settings_file, Settings.default().replace(language="es"))
    routine = opened_routine(monkeypatch, ["--no-voice"])
    assert routine.exercises[0].name == SPANISH_NAME
    assert i18n.current_language() == "es"


@pytest.mark.gui
def test_lang_wins_over_the_settings_language(
    home: Path, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_settings(paths.settings_file, Settings.default().replace(language="es"))
    routine = opened_routine(monkeypatch, ["--lang", "en", "--no-voice"])
    assert routine.exercises[0].name == ENGLISH_NAME
    assert i18n.current_language() == "en"


def test_a_damaged_settings_file_gives_no_language_and_stays_for_the_window(
    tmp_path: Path,
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("format_version = 1\nlanguage = [", encoding="utf-8")
    assert chosen_language(path) is None
    assert path.exists()  # load_settings keeps it aside and says so in the window
    path.write_text('format_version = 1\nlanguage = "es"\n', encoding="utf-8")
    assert chosen_language(path) == "es"
    path.write_text('format_version = 1\nlanguage = "klingon"\n', encoding="utf-8")
    assert chosen_language(path) is None
    assert chosen_language(tmp_path / "none.toml") is None


def test_window_options_know_whether_lang_was_given() -> None:
    from exercise_timer.cli.entry import parse_command_line

    assert parse_command_line(["--lang", "es"]).lang == "es"
    assert getattr(parse_command_line([]), "lang", None) is None
    assert isinstance(parse_command_line([]), argparse.Namespace)


# -- Settings in the window --------------------------------------------------------------------


@pytest.mark.gui
def test_choosing_spanish_in_settings_gives_spanish_labels_and_routine(
    qtbot: QtBot, paths: Paths, journal: Journal, clock: SimulatedClock
) -> None:
    services = services_over(paths, journal, clock)
    controller = SessionController(services, xplain(services))
    window = MainWindow(controller, choices=services.routine_choices(xplain(services)))
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    page = window.session_page
    assert (page.exercise_name.text(), page.toggle_button.text()) == (ENGLISH_NAME, "Start")

    dialog = window.open_settings()
    combo = dialog.editors["language"]
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("es"))
    dialog.accept()

    assert page.toggle_button.text() == i18n.pgettext("button", "Start") != "Start"
    assert page.settings_button.text() == i18n._("Settings…") != "Settings…"
    assert page.exercise_name.text() == SPANISH_NAME
    assert page.step_labels[0].text().endswith(SPANISH_STEP)
    assert controller.routine.title.startswith("Ejercicios")
    assert page.picker.currentText().startswith("Ejercicios")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, window, Qt.Key.Key_Space)
    assert page.phase.text() == i18n._("Get into position") != "Get into position"


def test_a_session_under_way_keeps_its_words_and_the_next_one_is_in_the_new_language(
    paths: Paths, journal: Journal, clock: SimulatedClock
) -> None:
    services = services_over(paths, journal, clock)
    controller = SessionController(services, xplain(services))
    language = RoutineLanguage(controller, services.routine_choices(xplain(services)))
    controller.start()
    i18n.use_language("es")
    language.language_changed()
    assert controller.state.exercise is not None
    assert controller.state.exercise.name == ENGLISH_NAME  # halfway, never changed
    controller.halt()
    controller.stop(StopReason.OTHER)
    assert controller.routine.exercises[0].name == ENGLISH_NAME
    controller.again()
    assert controller.routine.exercises[0].name == SPANISH_NAME
    assert controller.state.exercise is not None
    assert controller.state.exercise.name == SPANISH_NAME
    assert language.choices[0].routine is controller.routine


def test_the_same_language_again_reads_nothing(
    paths: Paths, journal: Journal, clock: SimulatedClock
) -> None:
    services = services_over(paths, journal, clock)
    routine = xplain(services)
    controller = SessionController(services, routine)
    RoutineLanguage(controller, services.routine_choices(routine)).language_changed()
    assert controller.routine is routine
