"""Where sides take turns, both sides get the same number of repetitions."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from exercise_timer.core.loader import load_routine
from exercise_timer.core.personal import NO_PERSONAL_VALUES, ExerciseValues, PersonalValues
from exercise_timer.core.plan import make_plan
from exercise_timer.core.resolve import resolve
from exercise_timer.core.schedule import Phase

CHIRO = Path(__file__).resolve().parents[1] / "routines" / "chiro-clinic.toml"


def sides_moved(exercise_id: str, personal: PersonalValues = NO_PERSONAL_VALUES) -> Counter[str]:
    session = resolve(load_routine(CHIRO, bundled=True), personal)
    index = next(i for i, e in enumerate(session.exercises) if e.id == exercise_id)
    return Counter(
        str(phase.segment.side)
        for phase in make_plan(session).phases
        if phase.segment.exercise == index and phase.segment.phase is Phase.MOVE
    )


@pytest.mark.parametrize("exercise_id", ["dead-bug", "on-all-fours"])
def test_the_default_of_three_gives_each_arm_two(exercise_id: str) -> None:
    # The sheet leaves "a total of ___ repetitions" blank; the default is 3 for the routine.
    assert sides_moved(exercise_id) == {"right": 2, "left": 2}


@pytest.mark.parametrize(("asked", "each"), [(1, 1), (4, 2), (5, 3), (29, 15)])
def test_an_odd_personal_total_is_rounded_up(asked: int, each: int) -> None:
    personal = PersonalValues({"dead-bug": ExerciseValues(repetitions=asked)})
    assert sides_moved("dead-bug", personal) == {"right": each, "left": each}


def test_sides_that_do_not_alternate_keep_an_odd_count() -> None:
    session = resolve(load_routine(CHIRO, bundled=True))
    bridge = next(e for e in session.exercises if e.id == "bridge")
    assert bridge.repetitions == 3
