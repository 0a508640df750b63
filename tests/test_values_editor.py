"""The personal values editor: every field, reset, out-of-range confirmation, lock, keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from exercise_timer import resources
from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.problems import InputError, Problem
from exercise_timer.core.progression import Progression
from exercise_timer.ui.values_editor import OUTSIDE_STYLE, UNFILLED_STYLE, ValuesEditor

pytestmark = pytest.mark.gui


@pytest.fixture
def spine() -> Routine:
    return load_routine(resources.routines_dir() / "spine-clinic.toml")


@pytest.fixture
def chiro() -> Routine:
    return load_routine(resources.routines_dir() / "chiro-clinic.toml")


def editor(
    qtbot: QtBot, routine: Routine, values: PersonalValues | None = None, **options: object
) -> ValuesEditor:
    dialog = ValuesEditor(None, routine, values or PersonalValues(), **options)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def row(dialog: ValuesEditor, exercise_id: str):
    return next(r for r in dialog.rows if r.exercise.id == exercise_id)


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *args: object) -> object:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_untouched_editor_changes_nothing(qtbot: QtBot, spine: Routine) -> None:
    dialog = editor(qtbot, spine)
    assert dialog.values() == PersonalValues()
    assert row(dialog, "pelvic-tilt").relax.value() == 5
    assert row(dialog, "prayer-stretch").holds[0].value() == 10


def test_every_field_is_set_through_the_editor(
    qtbot: QtBot, chiro: Routine, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog = editor(qtbot, chiro)
    hamstring = row(dialog, "hamstring-stretch")
    hamstring.variant.setCurrentIndex(hamstring.variant.findData("supine"))
    assert len(hamstring.holds) == 2
    hamstring.holds[1].setValue(20)
    hamstring.repetitions.setValue(4)
    hamstring.relax.setValue(3)
    lunge = row(dialog, "lunge")
    lunge.include.setChecked(False)
    assert not lunge.repetitions.isEnabled()
    qtbot.mouseClick(row(dialog, "extension").up, Qt.MouseButton.LeftButton)
    values = dialog.values()
    assert values.exercises["hamstring-stretch"] == ExerciseValues(
        hold_seconds=(0.0, 20.0),
        repetitions=4,
        relax_seconds=3.0,
        variant="supine",
    )
    assert values.exercises["lunge"] == ExerciseValues(included=False)
    assert values.order[:2] == ("extension", "forward-flexion")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_unfilled_prescriptions_are_highlighted_until_filled(qtbot: QtBot, chiro: Routine) -> None:
    dialog = editor(qtbot, chiro)
    flexion = row(dialog, "forward-flexion")
    assert flexion.document.styleSheet() == UNFILLED_STYLE
    assert "Not prescribed yet" in flexion.document.text()
    assert flexion.holds[0].text() == "–" and flexion.repetitions.text() == "–"
    flexion.holds[0].setValue(15)
    assert flexion.document.styleSheet() == UNFILLED_STYLE
    flexion.repetitions.setValue(3)  # the same number as the routine's default
    assert flexion.document.styleSheet() == ""
    assert dialog.values().exercises["forward-flexion"] == ExerciseValues(
        hold_seconds=(15.0,), repetitions=3
    )
    flexion.repetitions.setValue(0)
    assert "forward-flexion" not in {
        k for k, v in dialog.values().exercises.items() if v.repetitions is not None
    }


def test_out_of_range_values_are_marked_and_need_a_confirmation(
    qtbot: QtBot, spine: Routine, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    dialog = editor(qtbot, spine)
    piriformis = row(dialog, "piriformis-stretch")
    piriformis.holds[0].setValue(4)
    assert piriformis.holds[0].styleSheet() == ""
    piriformis.holds[0].setValue(30)
    assert piriformis.holds[0].styleSheet() == OUTSIDE_STYLE
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert asked and "Piriformis Stretch: hold 30 s (the document: 3-5 s)" in asked[0]
    assert dialog.isVisible()
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_nothing_absurd_can_be_entered(qtbot: QtBot, spine: Routine) -> None:
    dialog = editor(qtbot, spine)
    tilt = row(dialog, "pelvic-tilt")
    tilt.holds[0].setValue(36000)
    tilt.repetitions.setValue(500)
    tilt.relax.setValue(-5)
    assert (tilt.holds[0].value(), tilt.repetitions.value(), tilt.relax.value()) == (120, 30, 0)


def test_reset_one_and_all(qtbot: QtBot, spine: Routine) -> None:
    start = PersonalValues(
        {
            "pelvic-tilt": ExerciseValues(repetitions=8),
            "prayer-stretch": ExerciseValues(hold_seconds=(12.0,)),
        }
    )
    dialog = editor(qtbot, spine, start)
    assert row(dialog, "pelvic-tilt").repetitions.value() == 8
    qtbot.mouseClick(row(dialog, "pelvic-tilt").reset, Qt.MouseButton.LeftButton)
    assert row(dialog, "pelvic-tilt").repetitions.value() == 5
    assert dialog.values() == PersonalValues(
        {"prayer-stretch": ExerciseValues(hold_seconds=(12.0,))}
    )
    qtbot.mouseClick(dialog.reset_all, Qt.MouseButton.LeftButton)
    assert dialog.values() == PersonalValues()


def test_the_session_length_follows_the_values(qtbot: QtBot, spine: Routine) -> None:
    dialog = editor(qtbot, spine)
    before = dialog.duration.text()
    row(dialog, "cat-and-camel").repetitions.setValue(10)
    assert dialog.duration.text() != before
    row(dialog, "cat-and-camel").include.setChecked(False)
    assert "9 exercises" in dialog.duration.text()


def test_keyboard_moves_the_focused_exercise(qtbot: QtBot, spine: Routine) -> None:
    dialog = editor(qtbot, spine)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    row(dialog, "prayer-stretch").repetitions.setFocus()
    qtbot.keyClick(
        row(dialog, "prayer-stretch").repetitions, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier
    )
    assert [r.exercise.id for r in dialog.rows[:2]] == ["prayer-stretch", "cat-and-camel"]
    names = [
        w.accessibleName()
        for r in dialog.rows
        for w in (r.include, r.up, r.down, r.repetitions, r.relax, r.reset)
    ]
    assert all(names)


def test_locked_editor_shows_but_does_not_change(qtbot: QtBot, spine: Routine) -> None:
    dialog = editor(qtbot, spine, locked=True, check_pin=lambda pin: pin == "2468")
    assert dialog.lock_note.isVisible()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
    assert not row(dialog, "pelvic-tilt").repetitions.isEnabled()
    assert not dialog.unlock("1111") and dialog.locked
    assert dialog.unlock("2468")
    assert row(dialog, "pelvic-tilt").repetitions.isEnabled()
    assert dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()


def test_import_loads_values_and_a_bad_file_changes_nothing(
    qtbot: QtBot, spine: Routine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = PersonalValues({"pelvic-tilt": ExerciseValues(repetitions=7)}, order=("pelvic-tilt",))

    def import_file(path: Path) -> tuple[PersonalValues, Progression]:
        if path.name == "bad.toml":
            raise InputError([Problem(path, 3, "hold_seconds is 500; use 1 to 120")])
        return good, Progression(enabled=True, every=3)

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    dialog = editor(qtbot, spine, import_file=import_file)
    assert not dialog.import_path(tmp_path / "bad.toml")
    assert warnings == [f"{tmp_path / 'bad.toml'}:3: hold_seconds is 500; use 1 to 120"]
    assert dialog.values() == PersonalValues()
    assert not dialog.build_up.isChecked()
    assert dialog.import_path(tmp_path / "good.toml")
    assert dialog.rows[0].exercise.id == "pelvic-tilt"
    assert dialog.values().exercises == good.exercises
    assert (dialog.progression().enabled, dialog.progression().every) == (True, 3)


def test_a_stage_with_no_hold_stays_without_a_hold(qtbot: QtBot, chiro: Routine) -> None:
    dialog = editor(qtbot, chiro)
    hamstring = row(dialog, "hamstring-stretch")
    hamstring.variant.setCurrentIndex(hamstring.variant.findData("supine"))
    pull, straighten = hamstring.holds
    assert pull.text() == "no hold" and not pull.isEnabled()
    straighten.setValue(20)
    assert dialog.values().exercises["hamstring-stretch"].hold_seconds == (0.0, 20.0)
    assert dialog.outside_values() == []


def test_a_half_filled_prescription_is_refused_with_a_message(
    qtbot: QtBot, chiro: Routine, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    dialog = editor(qtbot, chiro)
    mad_cat = row(dialog, "mad-cat")
    mad_cat.holds[0].setValue(5)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert warned == ["Set the hold of every stage, or none, for: Mad Cat."]
    assert dialog.isVisible()
    mad_cat.holds[1].setValue(6)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_import_keeps_the_prescription_start_values(
    qtbot: QtBot, spine: Routine, tmp_path: Path
) -> None:
    wanted = Progression(enabled=True, every=3, start_hold=3.0, start_repetitions=4)
    dialog = editor(qtbot, spine, import_file=lambda _path: (PersonalValues(), wanted))
    assert dialog.import_path(tmp_path / "rx.toml")
    got = dialog.progression()
    assert (got.start_hold, got.start_repetitions, got.every) == (3.0, 4, 3)


def test_the_build_up_sentence_is_whole_and_shows_the_imported_start(
    qtbot: QtBot, spine: Routine, tmp_path: Path
) -> None:
    imported = Progression(enabled=True, every=3, start_hold=3.0, start_repetitions=4)
    dialog = editor(qtbot, spine, import_file=lambda _path: (PersonalValues(), imported))
    assert "start with 2 s holds and 2 repetitions" in dialog.build_up.text()
    assert dialog.build_up.text().endswith("without a stop for pain, numbness or dizziness.")
    assert dialog.every.suffix() == ""
    assert dialog.import_path(tmp_path / "rx.toml")
    assert "start with 3 s holds and 4 repetitions" in dialog.build_up.text()
    single = Progression(start_repetitions=1)
    one = editor(qtbot, spine, progression=single)
    assert "and 1 repetition, and add" in one.build_up.text()
