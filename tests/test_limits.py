"""The one table of limits: the loader, personal values, settings and the editor agree with it.

For each limit every reader accepts both ends and refuses just outside them, from real files.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from exercise_timer.core import limits
from exercise_timer.core.limits import Limit
from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Routine
from exercise_timer.core.problems import InputError
from exercise_timer.storage.personal_store import parse_values
from exercise_timer.storage.settings import Settings, load_settings

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

STAGE = """
[[exercises.stages]]
name = "Tilt"
instruction = "Tilt"
hold_seconds = 5
"""


def routine_text(exercise: str = "", defaults: str = "", stages: str = STAGE) -> str:
    return f"""format_version = 1
id = "limits"
title = "Limits"

[source]
title = "A test"

[defaults]
{defaults}

[[exercises]]
id = "tilt"
name = "Tilt"
purpose = "Testing"
kind = "stretch"
position = "standing"
start = "Stand."
steps = ["Tilt."]
{exercise}
{stages}
"""


def load(tmp_path: Path, text: str) -> Routine:
    path = tmp_path / "routine.toml"
    path.write_text(text, encoding="utf-8")
    return load_routine(path)


def edges(limit: Limit, step: float) -> tuple[list[float], list[float]]:
    """Both ends, and the values just outside them."""
    return [limit.low, limit.high], [round(limit.low - step, 6), round(limit.high + step, 6)]


def toml_number(value: float, whole: bool) -> str:
    return str(int(value)) if whole else repr(float(value))


SECONDS = 0.1

LOADER_CASES = [
    # (id, where the key goes, key, limit, whole number)
    ("relax", "exercise", "relax_seconds", limits.RELAX_SECONDS, False),
    ("prepare", "exercise", "prepare_seconds", limits.PREPARE_SECONDS, False),
    ("move", "exercise", "move_seconds", limits.MOVE_SECONDS, False),
    ("return", "exercise", "return_seconds", limits.MOVE_SECONDS, False),
    ("repetitions", "exercise", "repetitions", limits.REPETITIONS, True),
    ("hold", "hold", "hold_seconds", limits.ROUTINE_HOLD_SECONDS, False),
    ("stage-move", "stage", "move_seconds", limits.MOVE_SECONDS, False),
    ("default-hold", "defaults", "hold_seconds", limits.ROUTINE_HOLD_SECONDS, False),
    ("default-repetitions", "defaults", "repetitions", limits.REPETITIONS, True),
    ("default-relax", "defaults", "relax_seconds", limits.RELAX_SECONDS, False),
    ("default-prepare", "defaults", "prepare_seconds", limits.PREPARE_SECONDS, False),
    ("default-move", "defaults", "move_seconds", limits.MOVE_SECONDS, False),
]


def text_with(where: str, key: str, value: str) -> str:
    line = f"{key} = {value}"
    if where == "defaults":
        return routine_text("repetitions = 5", defaults=line)
    if where == "hold":
        return routine_text(f"repetitions = 5\n{line}", stages="")
    if where == "stage":
        return routine_text("repetitions = 5", stages=STAGE + line + "\n")
    if key == "repetitions":
        return routine_text(line)
    return routine_text(f"repetitions = 5\n{line}")


@pytest.mark.parametrize(
    ("where", "key", "limit", "whole"),
    [case[1:] for case in LOADER_CASES],
    ids=[case[0] for case in LOADER_CASES],
)
def test_the_loader_accepts_the_ends_and_refuses_just_outside(
    tmp_path: Path, where: str, key: str, limit: Limit, whole: bool
) -> None:
    inside, outside = edges(limit, 1 if whole else SECONDS)
    for value in inside:
        load(tmp_path, text_with(where, key, toml_number(value, whole)))
    for value in outside:
        with pytest.raises(InputError) as refused:
            load(tmp_path, text_with(where, key, toml_number(value, whole)))
        assert key in str(refused.value)


def test_a_routine_hold_may_be_zero_but_not_between_zero_and_the_low_end(tmp_path: Path) -> None:
    low = limits.ROUTINE_HOLD_SECONDS.low
    routine = load(tmp_path, text_with("hold", "hold_seconds", "0"))
    assert routine.exercises[0].stages[0].hold.values == (0.0,)
    with pytest.raises(InputError, match="use 0 for no hold"):
        load(tmp_path, text_with("hold", "hold_seconds", repr(low / 2)))


def test_a_routine_hold_range_and_list_keep_the_same_limit(tmp_path: Path) -> None:
    hold, repetitions = limits.ROUTINE_HOLD_SECONDS, limits.REPETITIONS
    low, high = toml_number(hold.low, False), toml_number(hold.high, False)
    load(tmp_path, text_with("hold", "hold_seconds", f'"{low}-{high}"'))
    for bad in (f'"{hold.low - SECONDS:.1f}-5"', f'"5-{hold.high + SECONDS:.1f}"'):
        with pytest.raises(InputError, match="hold_seconds"):
            load(tmp_path, text_with("hold", "hold_seconds", bad))
    most = int(repetitions.high)
    growing = routine_text(f"repetitions = {most}\nhold_seconds = {[hold.high] * most}", stages="")
    load(tmp_path, growing)
    too_many = routine_text(
        f"repetitions = {most}\nhold_seconds = {[hold.high] * (most + 1)}", stages=""
    )
    with pytest.raises(InputError, match="hold_seconds"):
        load(tmp_path, too_many)


def test_the_number_of_stages_keeps_its_limit(tmp_path: Path) -> None:
    most = int(limits.STAGES.high)
    load(tmp_path, routine_text("repetitions = 5", stages=STAGE * most))
    with pytest.raises(InputError, match="at most"):
        load(tmp_path, routine_text("repetitions = 5", stages=STAGE * (most + 1)))


# -- personal values -------------------------------------------------------------------------

PERSONAL_CASES = [
    ("hold_seconds", limits.HOLD_SECONDS, False),
    ("repetitions", limits.REPETITIONS, True),
    ("relax_seconds", limits.RELAX_SECONDS, False),
]


def personal_problems(routine: Routine, text: str) -> list[str]:
    _values, _progression, problems = parse_values(
        tomllib.loads(text), routine, allow_started=False
    )
    return [str(problem) for problem in problems]


@pytest.mark.parametrize(
    ("key", "limit", "whole"), PERSONAL_CASES, ids=[case[0] for case in PERSONAL_CASES]
)
def test_personal_values_accept_the_ends_and_refuse_just_outside(
    tmp_path: Path, key: str, limit: Limit, whole: bool
) -> None:
    routine = load(tmp_path, routine_text("repetitions = 5"))
    inside, outside = edges(limit, 1 if whole else SECONDS)

    def text(value: float) -> str:
        number = toml_number(value, whole)
        shown = f"[{number}]" if key == "hold_seconds" else number
        return f"[exercises.tilt]\n{key} = {shown}\n"

    for value in inside:
        assert personal_problems(routine, text(value)) == []
    for value in outside:
        problems = personal_problems(routine, text(value))
        assert len(problems) == 1 and key in problems[0]


def test_the_build_up_step_accepts_the_ends_and_refuses_just_outside(tmp_path: Path) -> None:
    routine = load(tmp_path, routine_text("repetitions = 5"))
    inside, outside = edges(limits.PROGRESSION_EVERY, 1)
    for value in inside:
        text = f"[progression]\nenabled = true\nevery = {int(value)}\n"
        assert personal_problems(routine, text) == []
    for value in outside:
        text = f"[progression]\nenabled = true\nevery = {int(value)}\n"
        assert any("every" in problem for problem in personal_problems(routine, text))


# -- settings --------------------------------------------------------------------------------

SETTINGS_CASES = [("rate", limits.SPEAKING_RATE, True), ("volume", limits.VOLUME, False)]


@pytest.mark.parametrize(
    ("key", "limit", "whole"), SETTINGS_CASES, ids=[case[0] for case in SETTINGS_CASES]
)
def test_settings_accept_the_ends_and_refuse_just_outside(
    tmp_path: Path, key: str, limit: Limit, whole: bool
) -> None:
    inside, outside = edges(limit, 1 if whole else 0.01)
    path = tmp_path / "settings.toml"
    for value in inside:
        path.write_text(f"format_version = 1\n{key} = {toml_number(value, whole)}\n")
        loaded = load_settings(path)
        assert loaded.problem is None
        assert loaded.settings[key] == value
    for value in outside:
        path.write_text(f"format_version = 1\n{key} = {toml_number(value, whole)}\n")
        loaded = load_settings(path)
        assert loaded.problem is not None and key in loaded.problem
        with pytest.raises(ValueError, match=key):
            Settings.default().replace(**{key: int(value) if whole else value})


# -- the values editor -----------------------------------------------------------------------


@pytest.mark.gui
def test_the_editor_spin_boxes_have_exactly_the_table_ranges(qtbot: QtBot, tmp_path: Path) -> None:
    from exercise_timer.core.personal import PersonalValues
    from exercise_timer.ui.values_editor import ValuesEditor

    routine = load(tmp_path, routine_text("repetitions = 5"))
    dialog = ValuesEditor(None, routine, PersonalValues())
    qtbot.addWidget(dialog)
    row = dialog.rows[0]
    (hold,) = row.holds
    assert (hold.minimum(), hold.maximum()) == (
        limits.HOLD_SECONDS.low,
        limits.HOLD_SECONDS.high,
    )
    assert (row.repetitions.minimum(), row.repetitions.maximum()) == (
        limits.REPETITIONS.low,
        limits.REPETITIONS.high,
    )
    assert (row.relax.minimum(), row.relax.maximum()) == (
        limits.RELAX_SECONDS.low,
        limits.RELAX_SECONDS.high,
    )
    assert (dialog.every.minimum(), dialog.every.maximum()) == (
        limits.PROGRESSION_EVERY.low,
        limits.PROGRESSION_EVERY.high,
    )
