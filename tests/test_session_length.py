"""A session's length summed without its phases is the schedule's own, to the millisecond."""

from __future__ import annotations

import random

import pytest

from exercise_timer import resources
from exercise_timer.core.limits import HOLD_SECONDS, RELAX_SECONDS, REPETITIONS
from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.resolve import resolve
from exercise_timer.core.schedule import build_schedule, session_ms

BUNDLED = ("xplain-back", "spine-clinic", "chiro-clinic")


@pytest.fixture(scope="module", params=BUNDLED)
def routine(request: pytest.FixtureRequest) -> Routine:
    return load_routine(resources.routines_dir() / f"{request.param}.toml", bundled=True)


def random_values(routine: Routine, rng: random.Random) -> PersonalValues:
    """Values a clinician could set: holds, repetitions, relax, versions, some left out."""
    hold, repetitions, relax = HOLD_SECONDS, REPETITIONS, RELAX_SECONDS
    chosen = {}
    for exercise in routine.exercises:
        stages = len(exercise.stages)
        variant = rng.choice([None, *(v.id for v in exercise.variants)])
        chosen[exercise.id] = ExerciseValues(
            hold_seconds=tuple(
                round(rng.uniform(hold.low, hold.high), rng.choice([0, 1, 3]))
                for _ in range(stages)
            )
            if rng.random() < 0.7
            else None,
            repetitions=rng.randint(int(repetitions.low), int(repetitions.high))
            if rng.random() < 0.7
            else None,
            relax_seconds=round(rng.uniform(relax.low, relax.high), 2)
            if rng.random() < 0.5
            else None,
            variant=variant,
            included=rng.random() < 0.9,
        )
    order = tuple(rng.sample([e.id for e in routine.exercises], k=len(routine.exercises)))
    return PersonalValues(chosen, order if rng.random() < 0.5 else ())


def test_the_routines_own_values(routine: Routine) -> None:
    session = resolve(routine)
    assert session_ms(session) == build_schedule(session).total_ms > 0


def test_any_personal_values(routine: Routine) -> None:
    rng = random.Random(routine.id)
    for _ in range(60):
        session = resolve(routine, random_values(routine, rng))
        assert session_ms(session) == build_schedule(session).total_ms
