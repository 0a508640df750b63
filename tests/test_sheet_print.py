"""The Print… button of the values editor: the sheet of the values on screen."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from window_support import make_window

from exercise_timer.app.policy import HOME, KIOSK, Policy
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.journal import Journal, open_journal
from exercise_timer.storage.paths import find_paths
from exercise_timer.storage.personal_access import StoredPersonal
from exercise_timer.ui.main_window import MainWindow
from exercise_timer.ui.print_sheet import add_print_button, print_on, save_sheet_to
from exercise_timer.ui.values_editor import ValuesEditor

pytestmark = pytest.mark.gui


@pytest.fixture
def routine(tmp_path: Path) -> Routine:
    found = load_catalogue(find_paths(str(tmp_path / "home"))).find("spine-clinic")
    assert found is not None
    return found


def _text(pdf: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_values_editor_has_print_with_print_and_save_as_pdf(
    qapp: object, routine: Routine
) -> None:
    editor = ValuesEditor(None, routine, PersonalValues())
    button = editor.findChild(QPushButton, "print-sheet")
    assert button is editor.print_button
    assert button.text() == "Print…"
    menu = button.menu()
    assert menu is not None
    assert [a.text() for a in menu.actions()] == [
        "Print the exercise sheet…",
        "Save the exercise sheet as PDF…",
    ]
    editor.deleteLater()


def test_saving_shows_the_values_as_they_stand_in_the_editor(
    qapp: object, routine: Routine, tmp_path: Path
) -> None:
    first = routine.exercises[0]
    values = PersonalValues(exercises={first.id: ExerciseValues(repetitions=9)})
    editor = ValuesEditor(None, routine, values)
    target = tmp_path / "sheet.pdf"
    assert save_sheet_to(editor, lambda: (routine, editor.values()), target)
    text = _text(target)
    assert f"1. {first.name}" in text
    assert "Repeat: 9 times." in text
    editor.deleteLater()


def test_a_file_that_cannot_be_written_is_said_and_nothing_is_left(
    qapp: object, routine: Routine, tmp_path: Path
) -> None:
    shown: list[tuple[str, str]] = []
    parent = QWidget()
    target = tmp_path / "missing" / "sheet.pdf"
    ok = save_sheet_to(
        parent,
        lambda: (routine, PersonalValues()),
        target,
        warn=lambda _w, title, text: shown.append((title, text)),
    )
    assert not ok
    (title, text), *more = shown
    assert (title, more) == ("Save as PDF", [])
    assert text.startswith(f"{target}: cannot be written")
    assert not (tmp_path / "missing").exists()
    assert not list(tmp_path.glob("*.tmp"))


def test_printing_paints_the_sheet_on_the_printer(
    qapp: object, routine: Routine, tmp_path: Path
) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    assert print_on(QWidget(), printer, lambda: (routine, PersonalValues()))
    text = _text(target)
    assert routine.safety[0].split()[0] in text
    assert all(e.name in text for e in routine.exercises)


def test_the_button_goes_at_the_end_of_the_layout(qapp: object, routine: Routine) -> None:
    parent = QWidget()
    row = QHBoxLayout(parent)
    row.addWidget(QPushButton("Export…", parent))
    button = add_print_button(row, parent, lambda: (routine, PersonalValues()))
    assert row.itemAt(row.count() - 1).widget() is button


def _start_screen(qtbot: QtBot, home: Path, policy: Policy = HOME) -> MainWindow:
    paths = find_paths(str(home))
    routine = load_catalogue(paths).find("xplain-back")
    assert routine is not None
    journal = open_journal(home / "journal.sqlite3")
    assert isinstance(journal, Journal)
    return make_window(
        qtbot,
        routine,
        journal,
        SimulatedClock(1000.0),
        policy=policy,
        personal=StoredPersonal(paths, load_catalogue(paths), journal),
    )


def test_the_start_screen_saves_todays_values_with_the_build_up(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = _start_screen(qtbot, tmp_path / "home")
    button = window.session_page.print_button
    assert button.isVisible()
    assert button.text() == "Print…"
    menu = button.menu()
    assert menu is not None
    assert [a.text() for a in menu.actions()] == [
        "Print the exercise sheet…",
        "Save the exercise sheet as PDF…",
    ]
    source = button.source
    assert source is not None
    target = tmp_path / "today.pdf"
    assert save_sheet_to(window, source, target)
    text = _text(target)
    session = window.controller.engine.session
    first = session.exercises[0]
    assert text.index(f"1. {first.name}") < text.index(f"2. {session.exercises[1].name}")
    block = text[text.index(f"1. {first.name}") : text.index(f"2. {session.exercises[1].name}")]
    assert f"Repeat: {first.repetitions} times." in block
    assert "Goal: build up to" in block


def test_print_is_not_offered_during_a_session_or_at_a_kiosk(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Closing the window mid-session asks a question; at teardown the answer is Yes.
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    window = _start_screen(qtbot, tmp_path / "home")
    window.controller.start()
    qtbot.waitUntil(lambda: not window.session_page.print_button.isVisible())
    kiosk = _start_screen(qtbot, tmp_path / "kiosk", KIOSK)
    assert not kiosk.session_page.print_button.isVisible()
