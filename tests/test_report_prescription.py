"""report.prescription: one row per exercise, the table and the whole ``prescription show``."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.progression import NO_PROGRESSION, Progression
from exercise_timer.report.prescription import (
    prescription_rows,
    prescription_sheet,
    prescription_table,
)
from exercise_timer.report.wording import document_text, personal_text, values_text
from exercise_timer.storage.personal_store import LoadedPersonal, today

ROUTINES = Path(__file__).resolve().parents[1] / "routines"
VALUES = PersonalValues(
    {
        "forward-flexion": ExerciseValues(hold_seconds=(15.0,), repetitions=1, variant="seated"),
        "extension": ExerciseValues(included=False),
    }
)


@pytest.fixture(scope="module")
def chiro() -> Routine:
    return load_routine(ROUTINES / "chiro-clinic.toml")


def loaded(routine: Routine, progression: Progression = NO_PROGRESSION) -> LoadedPersonal:
    return LoadedPersonal(VALUES, progression, None, routine)


def test_rows_keep_the_routines_order_and_flag_unfilled_blanks(chiro: Routine) -> None:
    values = loaded(chiro)
    rows = prescription_rows(values, today(values, []))
    assert [row.exercise.id for row in rows] == [e.id for e in chiro.exercises]
    flexion, extension, rotation = rows[:3]
    assert not flexion.needs_prescription  # filled in
    assert not extension.needs_prescription  # left out, so nobody needs to fill it
    assert rotation.needs_prescription
    assert (flexion.building_up, flexion.progress) == (False, None)


def test_table_cells_in_words(chiro: Routine) -> None:
    values = loaded(chiro)
    table = prescription_table(prescription_rows(values, today(values, [])))
    assert table[0] == ("Exercise", "Routine says", "Personal", "Needs prescription")
    assert table[1] == (
        "forward-flexion",
        "hold ___ s, ___ times",
        "version: Seated in a chair, hold 15 s, 1 time",
        "",
    )
    assert table[2] == ("extension", "hold ___ s, ___ times", "left out", "")
    assert table[3] == ("trunk-rotation", "hold ___ s, ___ times", "-", "yes")


def test_while_building_up_a_today_column_shows(chiro: Routine) -> None:
    values = loaded(
        chiro, Progression(enabled=True, every=2, started=datetime(2026, 1, 1, tzinfo=UTC))
    )
    day = today(values, [])
    table = prescription_table(prescription_rows(values, day))
    assert table[0] == ("Exercise", "Routine says", "Personal", "Today", "Needs prescription")
    assert table[1][3] == "hold 2 s, 1 time"  # the build-up starts at 2, capped by the target
    assert table[3][3] == "hold 2 s, 2 times"


def test_the_sheet_says_where_the_values_come_from_and_the_lock(chiro: Routine) -> None:
    values = loaded(chiro)
    rows = prescription_rows(values, today(values, []))
    sheet = prescription_sheet(
        chiro, rows, personal_file=Path("/p/chiro-clinic.toml"), locked=True
    ).splitlines()
    assert sheet[:4] == [
        "Chiropractic clinic back exercises and stretches (chiro-clinic)",
        "Personal values: /p/chiro-clinic.toml",
        "Locked: the editor and prescription import ask for the clinician's PIN.",
        "",
    ]
    assert sheet[4].split() == ["Exercise", "Routine", "says", "Personal", "Needs", "prescription"]
    plain = prescription_sheet(chiro, rows, personal_file=None, locked=True, lock_problem="X.")
    assert plain.splitlines()[1:3] == [
        "No personal values saved: the routine's own values are in use.",
        "X.",
    ]


def test_counts_are_words_not_a_plural_in_brackets(chiro: Routine) -> None:
    assert values_text((4.0,), 1) == "hold 4 s, 1 time"
    assert values_text((0.0,), 1) == "no hold, 1 time"
    assert values_text((4.0, 2.0), 3) == "hold 4 s + 2 s, 3 times"
    assert personal_text(ExerciseValues(repetitions=1), None) == "1 time"
    assert personal_text(ExerciseValues(relax_seconds=2.5), None) == "relax 2.5 s"
    assert personal_text(ExerciseValues(), None) == "-"
    spine = load_routine(ROUTINES / "spine-clinic.toml")
    values = LoadedPersonal(PersonalValues(), NO_PROGRESSION, None, spine)
    texts = {
        row.exercise.id: document_text(row.exercise)
        for row in prescription_rows(values, today(values, []))
    }
    assert texts.pop("kneeling-quadratus-lumborum-stretch").endswith(", 1 time")
    assert all(text.endswith((" times", ", 1 time")) for text in texts.values()), texts
