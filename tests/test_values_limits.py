"""A number typed out of its limits is kept, shown as wrong with the limits beside it, and not
saved until it is fixed: in the values editor and in the settings. Nothing is cut to fit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from exercise_timer import resources
from exercise_timer.core import limits
from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import PersonalValues
from exercise_timer.storage.settings import Settings
from exercise_timer.ui.limit_fields import LimitedSpinBox, in_limits
from exercise_timer.ui.settings_dialog import SettingsDialog
from exercise_timer.ui.values_editor import ValuesEditor
from exercise_timer.ui.values_rows import Row

pytestmark = pytest.mark.gui


@pytest.fixture
def spine() -> Routine:
    return load_routine(resources.routines_dir() / "spine-clinic.toml")


@pytest.fixture(autouse=True)
def no_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A value outside the document asks to confirm: the answer is Yes, and the text kept."""
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def editor(qtbot: QtBot, routine: Routine) -> ValuesEditor:
    dialog = ValuesEditor(None, routine, PersonalValues())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def row(dialog: ValuesEditor, exercise_id: str) -> Row:
    return next(r for r in dialog.rows if r.exercise.id == exercise_id)


def type_into(qtbot: QtBot, spin: QAbstractSpinBox, text: str) -> None:
    """Selects what the field shows and types ``text`` over it, as a person does."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def save_button(dialog: QDialog) -> object:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Save)


def test_45_repetitions_stay_45_with_the_limits_beside_them_and_are_not_saved(
    qtbot: QtBot, spine: Routine
) -> None:
    dialog = editor(qtbot, spine)
    tilt = row(dialog, "pelvic-tilt")
    type_into(qtbot, tilt.repetitions, "45")
    assert tilt.repetitions.text() == "45", "45 is not cut to 4"
    assert tilt.repetitions.value() == 45
    assert tilt.repetitions.note.isVisible()
    assert tilt.repetitions.note.text() == "Repetitions: 1 to 30"
    assert "Repetitions: 1 to 30" in tilt.repetitions.accessibleDescription()
    save = save_button(dialog)
    assert not save.isEnabled()
    dialog._save()  # Save refused even if reached some other way
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "pelvic-tilt" not in dialog.values().exercises, "neither 45 nor 4 is used"

    tilt.relax.setFocus()  # leaving the field keeps what was typed
    assert tilt.repetitions.text() == "45" and tilt.repetitions.note.isVisible()

    type_into(qtbot, tilt.repetitions, "12")
    assert not tilt.repetitions.note.isVisible()
    assert save.isEnabled()
    assert dialog.values().exercises["pelvic-tilt"].repetitions == 12
    save.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_each_field_says_its_own_limits(qtbot: QtBot, spine: Routine) -> None:
    dialog = editor(qtbot, spine)
    tilt = row(dialog, "pelvic-tilt")
    type_into(qtbot, tilt.holds[0], "150")
    type_into(qtbot, tilt.relax, "75")
    assert tilt.holds[0].value() == 150 and tilt.relax.value() == 75
    assert tilt.holds[0].note.text() == "Hold: 1 to 120 seconds"
    assert tilt.relax.note.text() == "Relax: 0 to 60 seconds"
    assert tilt.holds[0].note.isVisible() and tilt.relax.note.isVisible()
    assert not tilt.repetitions.note.isVisible()
    assert dialog.out_of_limits() == [tilt.holds[0], tilt.relax]
    type_into(qtbot, tilt.holds[0], "0")
    assert tilt.holds[0].note.isVisible(), "0 is below a hold's limits too"


def test_the_arrows_and_the_program_stay_within_the_limits(qtbot: QtBot, spine: Routine) -> None:
    dialog = editor(qtbot, spine)
    repetitions = row(dialog, "pelvic-tilt").repetitions
    repetitions.setValue(int(limits.REPETITIONS.high))
    repetitions.setFocus()
    qtbot.keyClick(repetitions, Qt.Key.Key_Up)
    assert repetitions.value() == limits.REPETITIONS.high
    repetitions.setValue(int(limits.REPETITIONS.low))
    qtbot.keyClick(repetitions, Qt.Key.Key_Down)
    assert repetitions.value() == limits.REPETITIONS.low
    assert (repetitions.minimum(), repetitions.maximum()) == (1, 30)
    type_into(qtbot, repetitions, "45")
    qtbot.keyClick(repetitions, Qt.Key.Key_Down)
    assert repetitions.value() == limits.REPETITIONS.high and in_limits(repetitions)


def test_a_blank_the_document_leaves_stays_allowed(qtbot: QtBot) -> None:
    chiro = load_routine(resources.routines_dir() / "chiro-clinic.toml")
    dialog = editor(qtbot, chiro)
    flexion = row(dialog, "forward-flexion")
    assert flexion.repetitions.text() == "–"
    assert not flexion.repetitions.note.isVisible()
    assert dialog.out_of_limits() == []
    type_into(qtbot, flexion.repetitions, "31")
    assert flexion.repetitions.note.isVisible()


def test_a_setting_out_of_its_limits_is_shown_and_not_saved(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(None, Settings.default())  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    rate = dialog.editors["rate"]
    assert isinstance(rate, LimitedSpinBox)
    type_into(qtbot, rate, "45")
    assert rate.text() == "45" and rate.value() == 45
    assert rate.note.isVisible()
    low, high = limits.SPEAKING_RATE.low, limits.SPEAKING_RATE.high
    assert rate.note.text() == f"Speaking rate (words per minute): {low:g} to {high:g}"
    assert not save_button(dialog).isEnabled()
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    type_into(qtbot, rate, "180")
    assert not rate.note.isVisible() and save_button(dialog).isEnabled()
    dialog.accept()
    assert dialog.values()["rate"] == 180
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_volume_in_per_cent_says_its_limits(qtbot: QtBot) -> None:
    dialog = SettingsDialog(None, Settings.default())  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    volume = dialog.editors["volume"]
    assert isinstance(volume, LimitedSpinBox)
    type_into(qtbot, volume, "150")
    assert volume.value() == 150, "150 is not cut to 15"
    assert volume.note.text() == "Volume: 0 to 100 %"
    assert not save_button(dialog).isEnabled()
