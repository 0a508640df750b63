"""The highlighted step follows the phase: the one being held during a hold, and the pass with
both sides together shows its own steps."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes.recording_speaker import RecordingSpeaker

from exercise_timer.app.controller import SessionController
from exercise_timer.app.services import Services
from exercise_timer.app.state import SessionState
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.loader import load_routine, parse_routine_text
from exercise_timer.core.model import Routine, Side
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.plan import make_plan
from exercise_timer.core.problems import InputError
from exercise_timer.core.resolve import resolve
from exercise_timer.core.schedule import Phase, shown_step
from exercise_timer.storage.journal import Journal

ROUTINES = Path(__file__).resolve().parents[1] / "routines"
BUNDLED = ["xplain-back", "spine-clinic", "chiro-clinic"]


def bundled(routine_id: str) -> Routine:
    return load_routine(ROUTINES / f"{routine_id}.toml", bundled=True)


def says_hold(step: str) -> bool:
    """A step that is the hold itself ("Hold.", "Hold a little longer each time: ...")."""
    return step == "Hold." or step.startswith(("Hold a little", "Hold when"))


def every_version(routine: Routine) -> Iterator[PersonalValues]:
    """The routine as run with each exercise's every variant."""
    yield PersonalValues()
    most = max((len(e.variants) for e in routine.exercises), default=0)
    for index in range(most):
        yield PersonalValues(
            {
                e.id: ExerciseValues(variant=e.variants[index].id)
                for e in routine.exercises
                if index < len(e.variants)
            }
        )


@pytest.mark.parametrize("routine_id", BUNDLED)
def test_a_hold_shows_the_step_that_says_hold(routine_id: str) -> None:
    """Where an exercise's steps have a "Hold" step, every hold highlights one of them; every
    highlighted step is one of the steps on screen."""
    routine = bundled(routine_id)
    checked = 0
    for personal in every_version(routine):
        session = resolve(routine, personal)
        for phase in make_plan(session).phases:
            segment = phase.segment
            exercise = session.exercises[segment.exercise]
            steps = exercise.steps_for(segment.side)
            step = shown_step(exercise, segment)
            if step is not None:
                assert 1 <= step <= len(steps), (exercise.id, segment)
            if segment.phase is Phase.HOLD and any(says_hold(s) for s in steps):
                assert step is not None and says_hold(steps[step - 1]), exercise.id
                checked += 1
    assert checked > 0 or routine_id == "xplain-back"


def test_holds_point_past_the_movement_where_the_steps_say_so() -> None:
    session = resolve(bundled("spine-clinic"))
    hamstring = next(e for e in session.exercises if e.id == "hamstring-stretch-lying")
    phases = [p.segment for p in make_plan(session).phases]
    index = session.exercises.index(hamstring)
    shown = {
        s.phase: shown_step(hamstring, s) for s in phases if s.exercise == index and s.rep == 1
    }
    assert (shown[Phase.MOVE], shown[Phase.HOLD], shown[Phase.RETURN]) == (3, 4, 5)
    assert hamstring.steps[3].startswith("Hold a little longer each time")


def test_the_both_legs_pass_of_knee_to_chest_shows_both_legs_steps() -> None:
    session = resolve(bundled("spine-clinic"))
    knee = next(e for e in session.exercises if e.id == "knee-to-chest-raise")
    assert knee.passes() == (Side.RIGHT, Side.LEFT, Side.BOTH)
    one_leg = knee.steps_for(Side.RIGHT)
    both = knee.steps_for(Side.BOTH)
    assert knee.steps_for(Side.LEFT) == one_leg == knee.steps
    assert "both knees" in both[0] and "the knee of that leg" in one_leg[0]
    assert not any("other knee" in step for step in both)


def test_the_controller_highlights_the_held_step(journal: Journal, clock: SimulatedClock) -> None:
    routine = bundled("chiro-clinic")
    services = Services(journal=journal, speaker=RecordingSpeaker(), clock=clock)
    controller = SessionController(services, routine)
    states: list[SessionState] = []
    controller.subscribe(states.append)
    controller.start()
    while states[-1].phase is not Phase.RETURN:
        deadline = controller.engine.next_deadline()
        assert deadline is not None
        clock.now = deadline
        controller.wake()
    shown = {state.phase: state.current_step for state in states if state.exercise_index == 0}
    # Forward Flexion: 1 bend forward, 2 stop at a comfortable stretch, 3 hold, 4 stand up.
    assert shown == {Phase.PREPARE: None, Phase.MOVE: 1, Phase.HOLD: 3, Phase.RETURN: 4}


BOTH_STEPS = """format_version = 1
id = "mine"
title = "Mine"
[source]
title = "My sheet"
[[exercises]]
id = "pull"
name = "Pull"
purpose = "Stretches."
kind = "stretch"
position = "lying-on-back"
start = "Lie down."
steps = ["Pull one knee in.", "Hold.", "Let go."]
both_steps = {both}
repetitions = 2
sides = "{sides}"
return_step = 3
[[exercises.stages]]
name = "Pull"
instruction = "Pull"
hold_seconds = 5
step = 1
hold_step = {hold_step}
"""


@pytest.mark.parametrize(
    ("both", "sides", "hold_step", "words"),
    [
        ('["Pull both knees in.", "Hold.", "Let go."]', "right-left-both", 2, None),
        ('["Pull both knees in."]', "right-left-both", 2, "both_steps has 1 step but a step"),
        ('["Pull both knees in.", "Hold.", "Let go."]', "each", 2, 'needs sides = "right-left'),
        ('["Pull both knees in.", "Hold.", "Let go."]', "right-left-both", 4, "hold_step is 4"),
    ],
)
def test_check_validates_both_steps_and_hold_step(
    both: str, sides: str, hold_step: int, words: str | None
) -> None:
    text = BOTH_STEPS.format(both=both, sides=sides, hold_step=hold_step)
    if words is None:
        routine = parse_routine_text(text, "mine.toml")
        assert routine.exercises[0].both_steps[0] == "Pull both knees in."
        assert routine.exercises[0].stages[0].hold_step == hold_step
        return
    with pytest.raises(InputError) as raised:
        parse_routine_text(text, "mine.toml")
    assert words in str(raised.value)
