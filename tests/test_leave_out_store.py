"""An exercise left out after a symptom stop: kept in the personal file, checked, shown."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from exercise_timer.cli import main
from exercise_timer.core.effects import StopReason
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import ExerciseValues, LeftOut, PersonalValues
from exercise_timer.core.progression import NO_PROGRESSION, Progression
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_store import (
    LoadedPersonal,
    check_values,
    load_personal,
    personal_file,
    save_personal,
)
from exercise_timer.storage.prescription import export_prescription, read_prescription

NOW = datetime(2026, 12, 3, 9, 30, 0, tzinfo=UTC)
HEAD = 'format_version = 1\nroutine = "chiro-clinic"\n'
LEFT = ExerciseValues(
    included=False, left_out=LeftOut(date(2026, 12, 3), StopReason.DIZZINESS), repetitions=4
)


@pytest.fixture
def chiro(paths: Paths) -> Routine:
    routine = load_catalogue(paths).find("chiro-clinic")
    assert routine is not None
    return routine


def test_a_left_out_mark_is_saved_and_read_back(paths: Paths, chiro: Routine) -> None:
    values = PersonalValues({"bridge": LEFT, "lunge": ExerciseValues(included=False)})
    save_personal(paths, chiro.id, values, NO_PROGRESSION)
    written = tomllib.loads(personal_file(paths, chiro.id).read_text())
    assert written["exercises"]["bridge"]["left_out"] == {
        "date": date(2026, 12, 3),
        "reason": "dizziness",
    }
    assert "left_out" not in written["exercises"]["lunge"]
    assert load_personal(paths, chiro).values == values


def test_a_file_without_marks_still_reads(paths: Paths, chiro: Routine) -> None:
    path = personal_file(paths, chiro.id)
    path.parent.mkdir(parents=True)
    path.write_text(HEAD + "[exercises.bridge]\nincluded = false\n")
    loaded = load_personal(paths, chiro)
    assert loaded.problem is None
    assert loaded.values.for_exercise("bridge") == ExerciseValues(included=False)


@pytest.mark.parametrize(
    ("table", "reason"),
    [
        pytest.param(
            'left_out = { date = 2026-12-03, reason = "dizziness" }\n',
            "line 4: exercises.bridge.left_out: marks a left-out exercise; add included = false",
            id="mark on an included exercise",
        ),
        pytest.param(
            'included = false\nleft_out = { date = "yesterday", reason = "pain" }\n',
            "exercises.bridge.left_out.date: is 'yesterday'; use a date without quotes",
            id="date in quotes",
        ),
        pytest.param(
            'included = false\nleft_out = { date = 2026-12-03, reason = "other" }\n',
            "exercises.bridge.left_out.reason: is 'other'; use one of \"pain\"",
            id="not a symptom",
        ),
        pytest.param(
            "included = false\nleft_out = true\n",
            "exercises.bridge.left_out: use { date = YYYY-MM-DD",
            id="not a table",
        ),
    ],
)
def test_a_bad_mark_names_its_line_and_the_file_is_kept(
    paths: Paths, chiro: Routine, table: str, reason: str
) -> None:
    path = personal_file(paths, chiro.id)
    path.parent.mkdir(parents=True)
    text = HEAD + "[exercises.bridge]\n" + table
    path.write_text(text)
    loaded = load_personal(paths, chiro, now=lambda: NOW, keep_aside_if_unusable=True)
    assert loaded.problem is not None and reason in loaded.problem
    assert loaded.values == PersonalValues()
    assert (path.parent / "chiro-clinic.toml.broken-20261203-093000").read_text() == text


def test_a_leave_out_for_an_exercise_no_longer_in_the_routine_is_reported_and_kept(
    paths: Paths, chiro: Routine, capsys: pytest.CaptureFixture[str]
) -> None:
    path = personal_file(paths, chiro.id)
    path.parent.mkdir(parents=True)
    text = (
        HEAD + "[exercises.gone]\nincluded = false\n"
        'left_out = { date = 2026-12-03, reason = "pain" }\n'
    )
    path.write_text(text)
    assert main(["prescription", "show", "chiro-clinic"]) == 0
    err = capsys.readouterr().err
    assert 'line 3: exercises.gone: "gone" is not an exercise of the routine' in err
    assert path.read_text() == text
    loaded = load_personal(paths, chiro, now=lambda: NOW, keep_aside_if_unusable=True)
    assert loaded.problem is not None and "is not an exercise" in loaded.problem
    assert (path.parent / "chiro-clinic.toml.broken-20261203-093000").read_text() == text


def test_the_editor_check_accepts_a_mark(chiro: Routine) -> None:
    assert check_values(chiro, PersonalValues({"bridge": LEFT})) == []


def test_prescription_show_gives_the_date_and_reason(
    home: Path, paths: Paths, chiro: Routine, capsys: pytest.CaptureFixture[str]
) -> None:
    save_personal(paths, chiro.id, PersonalValues({"bridge": LEFT}), NO_PROGRESSION)
    assert main(["prescription", "show", "chiro-clinic"]) == 0
    out = capsys.readouterr().out
    bridge = next(line for line in out.splitlines() if line.startswith("bridge"))
    assert "left out on 2026-12-03 after a stop for dizziness, 4 times" in bridge
    assert "include the exercise again in the values editor" in out


def test_leaving_out_and_undoing_it_keep_the_build_up_where_it_was(
    paths: Paths, chiro: Routine
) -> None:
    building = Progression(enabled=True)
    values = PersonalValues({"bridge": ExerciseValues(repetitions=4)})
    first = save_personal(paths, chiro.id, values, building, now=lambda: NOW)
    later = datetime(2026, 12, 10, 9, 0, 0, tzinfo=UTC)
    kept = save_personal(
        paths, chiro.id, PersonalValues({"bridge": LEFT}), building, now=lambda: later
    )
    assert kept.started == first.started == NOW
    undone = save_personal(paths, chiro.id, values, building, now=lambda: later)
    assert undone.started == NOW
    changed = PersonalValues({"bridge": ExerciseValues(repetitions=5)})
    assert save_personal(paths, chiro.id, changed, building, now=lambda: later).started == later


def test_a_prescription_file_carries_the_mark(paths: Paths, chiro: Routine, tmp_path: Path) -> None:
    values = PersonalValues({"bridge": LEFT})
    file = tmp_path / "p.toml"
    export_prescription(LoadedPersonal(values, NO_PROGRESSION, None, chiro), file, clinic="C")
    assert "left_out" in file.read_text()
    prescription, found = read_prescription(file, load_catalogue(paths))
    assert found.id == chiro.id and prescription.values == values
