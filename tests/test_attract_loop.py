"""The kiosk's attract loop (app.attract): the first exercise's movement, slowly, over and over."""

from __future__ import annotations

import pytest

from exercise_timer import resources
from exercise_timer.app.attract import HOLD_SECONDS, MOVE_SECONDS, REST_SECONDS, AttractLoop
from exercise_timer.app.policy import HOME, KIOSK
from exercise_timer.core.loader import load_routine
from exercise_timer.core.resolve import ResolvedExercise, resolve
from exercise_timer.core.schedule import Phase
from exercise_timer.storage.settings import Settings


@pytest.fixture(scope="module")
def exercises() -> tuple[ResolvedExercise, ...]:
    routine = load_routine(resources.routines_dir() / "spine-clinic.toml")
    return tuple(resolve(routine).exercises)


def test_one_round_moves_holds_each_stage_then_goes_back_and_rests(
    exercises: tuple[ResolvedExercise, ...],
) -> None:
    for exercise in exercises:
        loop = AttractLoop(exercise)
        stages = len(exercise.stages)
        expected = [p for n in range(1, stages + 1) for p in ((Phase.MOVE, n), (Phase.HOLD, n))]
        assert [(phase, stage) for phase, stage, _ in loop.pieces] == [
            *expected,
            (Phase.RETURN, None),
            (Phase.RELAX, None),
        ]
        assert loop.round_seconds == pytest.approx(
            stages * (MOVE_SECONDS + HOLD_SECONDS) + MOVE_SECONDS + REST_SECONDS
        )


def test_the_moment_runs_through_a_round_and_starts_again(
    exercises: tuple[ResolvedExercise, ...],
) -> None:
    loop = AttractLoop(exercises[0])
    start = loop.moment(0.0)
    assert (start.phase, start.stage, start.elapsed) == (Phase.MOVE, 1, 0.0)
    assert start.exercise == exercises[0].id and not start.paused
    halfway = loop.moment(MOVE_SECONDS / 2)
    assert halfway.phase is Phase.MOVE and halfway.fraction == pytest.approx(0.5)
    held = loop.moment(MOVE_SECONDS + 0.1)
    assert held.phase is Phase.HOLD and held.elapsed == pytest.approx(0.1)
    back = loop.moment(loop.round_seconds - REST_SECONDS - 1.0)
    assert back.phase is Phase.RETURN
    again = loop.moment(loop.round_seconds * 3 + 1.0)
    assert again.phase is Phase.MOVE and again.elapsed == pytest.approx(1.0)


def test_only_the_kiosk_attracts() -> None:
    assert KIOSK.attract and not HOME.attract


def test_reduce_motion_is_off_by_default() -> None:
    settings = Settings.default()
    assert settings.reduce_motion is False
    assert settings.replace(reduce_motion=True).reduce_motion is True
