"""The values editor shows an exercise left out after a stop, and undoes it."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from exercise_timer import resources
from exercise_timer.core.loader import load_routine
from exercise_timer.core.personal import ExerciseValues, LeftOut, PersonalValues
from exercise_timer.ui.values_editor import ValuesEditor

pytestmark = pytest.mark.gui

MARKED = ExerciseValues(
    included=False, repetitions=4, left_out=LeftOut(date(2026, 12, 3), "dizziness")
)


def test_the_mark_is_shown_kept_and_cleared_by_including_again(qtbot: QtBot) -> None:
    spine = load_routine(resources.routines_dir() / "spine-clinic.toml")
    dialog = ValuesEditor(None, spine, PersonalValues({"pelvic-tilt": MARKED}))  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    row = next(r for r in dialog.rows if r.exercise.id == "pelvic-tilt")
    assert "left out 2026-12-03 after dizziness" in row.name.text()
    assert "until their clinic is asked" in row.name.toolTip()
    assert dialog.values().for_exercise("pelvic-tilt") == MARKED
    row.include.setChecked(True)
    assert row.name.text() == row.exercise.name
    assert dialog.values().for_exercise("pelvic-tilt") == ExerciseValues(repetitions=4)
    row.include.setChecked(False)
    assert dialog.values().for_exercise("pelvic-tilt").left_out is None
