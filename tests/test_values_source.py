"""Every value a session runs with says where it comes from, the same in ``plan`` and the window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exercise_timer.app.values import today_values
from exercise_timer.cli import main
from exercise_timer.core.loader import load_routine
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.progression import ExerciseProgress, Target
from exercise_timer.core.resolve import resolve
from exercise_timer.core.value_source import ValueSource, value_sources
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_store import personal_file

ROUTINES = Path(__file__).resolve().parents[1] / "routines"
KEYS = {"hold", "repetitions", "sides", "relax"}


def plan_of(capsys: pytest.CaptureFixture[str], routine_id: str) -> dict[str, dict[str, str]]:
    assert main(["plan", routine_id, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    return {e["id"]: e["values_source"] for e in document["exercises"]}


@pytest.mark.parametrize("routine_id", ["xplain-back", "spine-clinic", "chiro-clinic"])
def test_every_exercise_has_a_source_for_each_value(
    home: Path, routine_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = plan_of(capsys, routine_id)
    for exercise_sources in sources.values():
        assert set(exercise_sources) == KEYS
        assert set(exercise_sources.values()) <= {"document", "default", "personal", "build-up"}


def test_a_blank_left_to_the_clinic_is_a_default_until_filled_in(
    home: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    bridge = plan_of(capsys, "chiro-clinic")["bridge"]
    assert (bridge["hold"], bridge["repetitions"]) == ("default", "default")
    path = personal_file(paths, "chiro-clinic")
    path.parent.mkdir(parents=True)
    path.write_text(
        'format_version = 1\nroutine = "chiro-clinic"\n\n'
        "[exercises.bridge]\nhold_seconds = 6\nrepetitions = 10\nrelax_seconds = 4\n",
        encoding="utf-8",
    )
    bridge = plan_of(capsys, "chiro-clinic")["bridge"]
    assert bridge == {
        "hold": "personal",
        "repetitions": "personal",
        "sides": "document",
        "relax": "personal",
    }


def test_values_while_building_up_come_from_the_build_up(
    home: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    path = personal_file(paths, "xplain-back")
    path.parent.mkdir(parents=True)
    path.write_text(
        'format_version = 1\nroutine = "xplain-back"\n\n'
        "[exercises.pelvic-lift]\nrelax_seconds = 3\n\n[progression]\nenabled = true\n",
        encoding="utf-8",
    )
    lift = plan_of(capsys, "xplain-back")["pelvic-lift"]
    assert lift == {
        "hold": "build-up",
        "repetitions": "build-up",
        "sides": "document",
        "relax": "personal",
    }


def test_the_window_and_plan_give_the_same_origin() -> None:
    routine = load_routine(ROUTINES / "chiro-clinic.toml", bundled=True)
    personal = PersonalValues({"bridge": ExerciseValues(repetitions=4)})
    bridge = next(e for e in resolve(routine, personal).exercises if e.id == "bridge")
    values = today_values(bridge, None)
    assert (values.holds_from, values.repetitions_from) == (
        ValueSource.DEFAULT,
        ValueSource.PERSONAL,
    )
    assert value_sources(bridge, None).repetitions is ValueSource.PERSONAL
    building = ExerciseProgress((2.0,), 2, Target((5.0,), 4))
    values = today_values(bridge, building)
    assert (values.holds_from, values.repetitions_from) == (
        ValueSource.BUILD_UP,
        ValueSource.BUILD_UP,
    )
    assert value_sources(bridge, building).hold is ValueSource.BUILD_UP
    reached = ExerciseProgress((5.0,), 4, Target((5.0,), 4))
    assert value_sources(bridge, reached).hold is ValueSource.DEFAULT
