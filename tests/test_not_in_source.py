"""Values a routine sets where its document gives none are marked, checked and reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exercise_timer.cli import main
from exercise_timer.core.loader import load_routine
from exercise_timer.core.problems import InputError
from exercise_timer.core.resolve import resolve
from exercise_timer.core.value_source import ValueSource

ROUTINES = Path(__file__).resolve().parents[1] / "routines"

ONE_EXERCISE = """format_version = 1
id = "mine"
title = "Mine"
[source]
title = "My sheet"
[defaults]
relax_seconds = 2
{defaults}
[[exercises]]
id = "stretch"
name = "Stretch"
purpose = "Stretches."
kind = "stretch"
position = "standing"
start = "Stand."
steps = ["Bend."]
repetitions = 4
hold_seconds = 5
sides = "each"
{exercise}
"""


def routine_file(tmp_path: Path, *, defaults: str = "", exercise: str = "") -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(ONE_EXERCISE.format(defaults=defaults, exercise=exercise), encoding="utf-8")
    return path


def sources_of(path: Path) -> tuple[ValueSource, ...]:
    sources = resolve(load_routine(path)).exercises[0].sources
    return (sources.hold, sources.repetitions, sources.sides, sources.relax)


DOC, DEF = ValueSource.DOCUMENT, ValueSource.DEFAULT


@pytest.mark.parametrize(
    ("defaults", "exercise", "expected"),
    [
        ("", "", (DOC, DOC, DOC, DOC)),
        ("", 'not_in_source = ["hold_seconds"]', (DEF, DOC, DOC, DOC)),
        ("", 'not_in_source = ["repetitions", "sides"]', (DOC, DEF, DEF, DOC)),
        ("", 'not_in_source = ["relax_seconds"]', (DOC, DOC, DOC, DEF)),
        ('not_in_source = ["relax_seconds"]', "", (DOC, DOC, DOC, DEF)),
        # The exercise's own relax is the document's, whatever the routine's default is.
        ('not_in_source = ["relax_seconds"]', "relax_seconds = 5", (DOC, DOC, DOC, DOC)),
    ],
)
def test_marked_values_are_defaults(
    tmp_path: Path, defaults: str, exercise: str, expected: tuple[ValueSource, ...]
) -> None:
    assert sources_of(routine_file(tmp_path, defaults=defaults, exercise=exercise)) == expected


@pytest.mark.parametrize(
    ("defaults", "exercise", "line", "words"),
    [
        ("", 'not_in_source = ["hold"]', 20, "'hold'; list only some of 'hold_seconds', "),
        ('not_in_source = ["sides"]', "", 8, "'sides'; list only some of 'relax_seconds'\n"),
        ("", 'not_in_source = "sides"', 20, "not_in_source must be a list of texts"),
    ],
)
def test_check_names_the_line_and_the_fix(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    defaults: str,
    exercise: str,
    line: int,
    words: str,
) -> None:
    path = routine_file(tmp_path, defaults=defaults, exercise=exercise)
    with pytest.raises(InputError):
        load_routine(path)
    assert main(["check", str(path)]) == 1
    output = capsys.readouterr()
    message = output.out + output.err
    assert f"{path.name}:{line}: " in message
    assert words in message


def test_plan_says_what_the_spine_page_does_not_give(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", "spine-clinic", "--json"]) == 0
    exercises = {e["id"]: e for e in json.loads(capsys.readouterr().out)["exercises"]}
    knee = exercises["knee-to-chest-raise"]
    assert (knee["stages"][0]["hold_seconds"], knee["values_source"]["hold"]) == (5, "default")
    assert knee["values_source"]["repetitions"] == "document"
    for once_each_side in ("kneeling-quadratus-lumborum-stretch", "trunk-side-and-leg-stretch"):
        exercise = exercises[once_each_side]
        assert (exercise["repetitions"], exercise["sides"]) == (1, ["left", "right"])
        assert exercise["values_source"]["repetitions"] == "document"


def test_the_chiropractic_lunge_does_not_say_it_changes_legs(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", "chiro-clinic", "--json"]) == 0
    exercises = {e["id"]: e for e in json.loads(capsys.readouterr().out)["exercises"]}
    assert exercises["lunge"]["values_source"]["sides"] == "default"
    assert exercises["dead-bug"]["values_source"]["sides"] == "document"
    assert {e["values_source"]["relax"] for e in exercises.values()} == {"default"}


def test_the_text_plan_names_the_routines_own_values(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", "spine-clinic"]) == 0
    lines = capsys.readouterr().out.splitlines()
    knee = lines.index(next(line for line in lines if line.startswith("3. Knee-To-Chest Raise")))
    assert lines[knee + 1] == "   Not in the document, the routine's own: hold, relax"
    tilt = lines.index(next(line for line in lines if line.startswith("4. Pelvic Tilt")))
    assert "routine's own" not in lines[tilt + 1]
