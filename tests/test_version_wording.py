"""A version's clinician wording ("Choose this if your office prescribed ...") is for whoever
chooses the version: the values editor shows it; the session shows and says only the name."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.plan import make_plan
from exercise_timer.core.resolve import resolve
from exercise_timer.ui import words
from exercise_timer.ui.values_editor import ValuesEditor

CHIRO = Path(__file__).resolve().parents[1] / "routines" / "chiro-clinic.toml"


@pytest.fixture
def chiro() -> Routine:
    return load_routine(CHIRO, bundled=True)


def seated(routine: Routine) -> PersonalValues:
    """Every exercise in its last version, so each version's wording is met once."""
    return PersonalValues(
        {e.id: ExerciseValues(variant=e.variants[-1].id) for e in routine.exercises if e.variants}
    )


def test_the_session_names_the_version_without_its_advice(chiro: Routine) -> None:
    for personal, version in ((PersonalValues(), "Standing"), (seated(chiro), "Seated in a chair")):
        session = resolve(chiro, personal)
        for exercise in session.exercises:
            if exercise.variant is None:
                continue
            assert exercise.variant.advice
            assert words.variant(exercise) == f"Version: {exercise.variant.name}"
        cues = " ".join(phase.cue for phase in make_plan(session).phases)
        assert f"Version: {version}." in cues
        assert "Choose this" not in cues and "prescribed" not in cues


@pytest.mark.gui
def test_the_values_editor_shows_each_versions_advice(qtbot: QtBot, chiro: Routine) -> None:
    dialog = ValuesEditor(None, chiro, PersonalValues())  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    flexion = next(r for r in dialog.rows if r.exercise.id == "forward-flexion")
    assert "Choose this if your office prescribed the standing version." in flexion.document.text()
    seated_index = flexion.variant.findData("seated")
    assert flexion.variant.itemData(seated_index, Qt.ItemDataRole.ToolTipRole) == (
        "Choose this if your office prescribed the seated version."
    )
    flexion.variant.setCurrentIndex(seated_index)
    assert "prescribed the seated version" in flexion.document.text()
    assert "standing version" not in flexion.document.text()
