"""The window with personal values on real files: sessions use them, the editor saves them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fakes.recording_speaker import RecordingSpeaker
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from exercise_timer import resources
from exercise_timer.app.controller import SessionController
from exercise_timer.app.services import RoutineChoice, Services
from exercise_timer.core.clock import SimulatedClock as FakeClock
from exercise_timer.core.effects import Outcome
from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.progression import Progression
from exercise_timer.storage import lock
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.journal import Journal, open_journal
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_access import StoredPersonal
from exercise_timer.storage.personal_store import load_personal, save_personal
from exercise_timer.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)


@pytest.fixture
def spine() -> Routine:
    return load_routine(resources.routines_dir() / "spine-clinic.toml", bundled=True)


@pytest.fixture
def journal(paths: Paths) -> Journal:
    opened = open_journal(paths.journal_file)
    assert isinstance(opened, Journal)
    yield opened
    opened.close()


def window_for(
    qtbot: QtBot, routine: Routine, paths: Paths, journal: Journal, clock: FakeClock
) -> MainWindow:
    personal = StoredPersonal(paths, load_catalogue(paths), journal)
    services = Services(journal=journal, speaker=RecordingSpeaker(), clock=clock, personal=personal)
    controller = SessionController(services, routine)
    window = MainWindow(controller, choices=[RoutineChoice(routine, 100.0)])
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    return window


def test_a_session_runs_the_saved_values_and_the_journal_records_them(
    qtbot: QtBot, spine: Routine, paths: Paths, journal: Journal, clock: FakeClock
) -> None:
    save_personal(
        paths,
        spine.id,
        PersonalValues({"cat-and-camel": ExerciseValues(repetitions=2, hold_seconds=(7.0, 6.0))}),
        Progression(),
    )
    window = window_for(qtbot, spine, paths, journal, clock)
    window.toggle()
    assert window.driver is not None
    clock.advance(10)
    window.driver.wake()
    assert window.session_page.detail.text().startswith("Repetition 1 of 2")
    clock.advance(3)
    window.driver.wake()
    assert window.session_page.caption.text() == "Hold for 7 seconds."
    assert window.session_page.detail.toolTip().splitlines() == [
        "2 repetitions (your personal value)",
        "Hold 7 s + 6 s (your personal value)",
        "Relax 2 s (not in the document: the routine's own value)",
    ]
    (record,) = journal.sessions()
    assert record.values is not None
    used = {e["id"]: e for e in record.values["exercises"]}  # type: ignore[index,union-attr]
    assert used["cat-and-camel"]["repetitions"] == 2


def test_values_set_in_the_editor_are_saved_to_disk_and_used(
    qtbot: QtBot, spine: Routine, paths: Paths, journal: Journal, clock: FakeClock
) -> None:
    window = window_for(qtbot, spine, paths, journal, clock)
    editor = window.open_values_editor()
    assert editor is not None and not editor.locked
    row = next(r for r in editor.rows if r.exercise.id == "prayer-stretch")
    row.repetitions.setValue(3)
    row.holds[0].setValue(12)
    editor.build_up.setChecked(True)
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    saved = load_personal(paths, spine)
    assert saved.problem is None
    assert saved.values.exercises["prayer-stretch"] == ExerciseValues(
        hold_seconds=(12.0,), repetitions=3
    )
    assert saved.progression.enabled
    assert window.controller.engine is not None
    prayer = next(e for e in window.controller.engine.session.exercises if e.id == "prayer-stretch")
    assert prayer.repetitions == 2 and prayer.stages[0].holds[0] == 2  # building up from 2
    qtbot.mouseClick(
        window.session_page.skip_button, Qt.MouseButton.LeftButton
    )  # not active: no effect
    window.toggle()
    window.controller.skip()
    assert (
        window.session_page.building.text() == "Building up: hold 2 s of 12 s; 2 of 3 repetitions"
    )


def test_progression_steps_up_after_clean_sessions(
    qtbot: QtBot, spine: Routine, paths: Paths, clock: FakeClock
) -> None:
    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    save_personal(
        paths,
        spine.id,
        PersonalValues({"cat-and-camel": ExerciseValues(hold_seconds=(5.0, 5.0), repetitions=5)}),
        Progression(enabled=True, every=2),
        now=lambda: start,
    )
    moments = iter(start + timedelta(hours=hour) for hour in range(1, 200))
    journal = open_journal(paths.journal_file, now=lambda: next(moments))
    assert isinstance(journal, Journal)
    for _ in range(4):
        session = journal.start_session(spine.id, 10)
        for position, exercise in enumerate(spine.exercises):
            journal.exercise_finished(session, exercise.id, position, True)
        journal.end_session(session, Outcome.COMPLETED, None)
    window = window_for(qtbot, spine, paths, journal, clock)
    assert window.session_page.building.text() == (
        "Building up: hold 4 s of 5 s, 4 s of 5 s; 4 of 5 repetitions"
    )
    journal.close()


def test_a_locked_editor_cannot_save_until_unlocked(
    qtbot: QtBot, spine: Routine, paths: Paths, journal: Journal, clock: FakeClock
) -> None:
    lock.set_pin(paths, "4823")
    window = window_for(qtbot, spine, paths, journal, clock)
    editor = window.open_values_editor()
    assert editor is not None and editor.locked
    assert not editor.buttons.button(editor.buttons.StandardButton.Save).isEnabled()
    assert not editor.unlock("0000")
    assert editor.unlock("4823")
    assert editor.buttons.button(editor.buttons.StandardButton.Save).isEnabled()


def test_a_damaged_values_file_is_kept_aside_and_said(
    qtbot: QtBot, spine: Routine, paths: Paths, journal: Journal, clock: FakeClock
) -> None:
    damaged = paths.personal_dir / f"{spine.id}.toml"
    damaged.parent.mkdir(parents=True)
    damaged.write_text("format_version = 1\nroutine = [\n", encoding="utf-8")
    window = window_for(qtbot, spine, paths, journal, clock)
    assert "kept" in window.session_page.notice.text()
    kept = list(paths.personal_dir.glob(f"{spine.id}.toml.broken-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8").endswith("routine = [\n")


def test_export_from_the_editor_then_import_elsewhere(
    qtbot: QtBot,
    spine: Routine,
    paths: Paths,
    journal: Journal,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    window = window_for(qtbot, spine, paths, journal, clock)
    editor = window.open_values_editor()
    assert editor is not None
    row = next(r for r in editor.rows if r.exercise.id == "pelvic-tilt")
    row.repetitions.setValue(8)
    file = tmp_path / "rx.toml"
    assert editor.export_path(file, "Example Clinic", "J.D.")
    assert "Example Clinic" in file.read_text(encoding="utf-8")
    other = Paths.under(tmp_path / "other-home")
    other_journal = open_journal(other.journal_file)
    assert isinstance(other_journal, Journal)
    second = window_for(qtbot, spine, other, other_journal, clock)
    importing = second.open_values_editor()
    assert importing is not None and importing.import_path(file)
    importing.buttons.button(importing.buttons.StandardButton.Save).click()
    assert load_personal(other, spine).values.exercises["pelvic-tilt"].repetitions == 8
    other_journal.close()


def test_every_personal_field_set_in_the_editor_is_read_back_from_disk(
    qtbot: QtBot, paths: Paths, journal: Journal, clock: FakeClock
) -> None:
    chiro = load_routine(resources.routines_dir() / "chiro-clinic.toml", bundled=True)
    window = window_for(qtbot, chiro, paths, journal, clock)
    editor = window.open_values_editor()
    assert editor is not None
    hamstring = next(r for r in editor.rows if r.exercise.id == "hamstring-stretch")
    hamstring.variant.setCurrentIndex(hamstring.variant.findData("supine"))  # variant
    assert hamstring.holds[0].text() == "no hold"  # pulling the thigh in has no hold
    hamstring.holds[1].setValue(20)
    hamstring.repetitions.setValue(6)  # repetitions
    hamstring.relax.setValue(4.5)  # relax
    lunge = next(r for r in editor.rows if r.exercise.id == "lunge")
    lunge.include.setChecked(False)  # included
    qtbot.mouseClick(hamstring.up, Qt.MouseButton.LeftButton)  # order
    editor.build_up.setChecked(True)  # progression
    editor.every.setValue(3)
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    on_disk = load_personal(paths, chiro)
    assert on_disk.problem is None
    assert on_disk.values.exercises["hamstring-stretch"] == ExerciseValues(
        hold_seconds=(0.0, 20.0), repetitions=6, relax_seconds=4.5, variant="supine"
    )
    assert on_disk.values.exercises["lunge"] == ExerciseValues(included=False)
    ids = [e.id for e in chiro.exercises]
    moved = ids.index("hamstring-stretch")
    assert on_disk.values.order[moved - 1 : moved + 1] == ("hamstring-stretch", ids[moved - 1])
    assert (on_disk.progression.enabled, on_disk.progression.every) == (True, 3)
