"""The bundled spine clinic routine states the facts of its source page exactly.

Every row below can be checked against the page "Back & Spine Exercises"
(shared/seeds/001_15c9e06507e268fc.txt).
"""

from pathlib import Path

import pytest

from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Breathing, Dose, Position, Side, Sides
from exercise_timer.core.resolve import resolve

ROUTINE = Path(__file__).resolve().parent.parent / "routines" / "spine-clinic.toml"

F, R = Dose.fixed, Dose.range
IN, OUT = Breathing.IN, Breathing.OUT
EACH, NONE, RLB = Sides.EACH, Sides.NONE, Sides.RIGHT_LEFT_BOTH
RIGHT, LEFT = Side.RIGHT, Side.LEFT
HK, BACK, STAND = Position.HANDS_AND_KNEES, Position.LYING_ON_BACK, Position.STANDING
GROWING = Dose.growing((1, 2, 3, 4, 5))

# id: (position, hold per stage, breathing per stage, repetitions, sides, first side, relax)
FACTS = {
    "cat-and-camel": (HK, (F(5), F(5)), (IN, OUT), F(5), NONE, RIGHT, None),
    "prayer-stretch": (HK, (F(10),), (None,), F(5), NONE, RIGHT, None),
    "knee-to-chest-raise": (BACK, (F(5),), (None,), F(5), RLB, RIGHT, None),
    "pelvic-tilt": (BACK, (F(5),), (None,), F(5), NONE, RIGHT, 5),
    "hamstring-stretch-lying": (BACK, (GROWING,), (None,), F(5), EACH, RIGHT, None),
    "piriformis-stretch": (BACK, (R(3, 5),), (None,), F(5), EACH, LEFT, None),
    "kneeling-quadratus-lumborum-stretch": (HK, (F(5),), (None,), F(1), EACH, LEFT, None),
    "isometric-abdominal": (BACK, (R(3, 5),), (None,), F(5), NONE, RIGHT, None),
    "hip-outside-leg-stretch": (HK, (F(5),), (None,), R(5, 10), EACH, LEFT, None),
    "trunk-side-and-leg-stretch": (STAND, (R(5, 10),), (OUT,), F(1), EACH, LEFT, None),
}

# What the page leaves out of an exercise and the routine sets itself: marked not_in_source,
# and the exercise's note says so. (Kneeling Quadratus Lumborum and Trunk Side say "hold, then
# repeat on the opposite side" with no count: once on each side, as the page gives it.)
FROM_DEFAULTS = {"knee-to-chest-raise": {"hold_seconds"}}


@pytest.fixture(scope="module")
def routine():
    return load_routine(ROUTINE, bundled=True)


def test_routine_facts(routine):
    assert routine.id == "spine-clinic"
    assert routine.format_version == 1
    assert routine.language == "en"
    assert "Español" in routine.source.note
    assert len(routine.safety) >= 3
    d = routine.defaults
    assert (d.prepare_seconds, d.move_seconds, d.hold_seconds) == (10, 3, 5)
    assert (d.return_seconds, d.relax_seconds, d.repetitions) == (3, 2, 5)


def test_only_the_pelvic_tilt_has_a_relax_from_the_page(routine):
    assert routine.defaults.not_in_source == {"relax_seconds"}
    sources = {e.id: e.sources.relax.value for e in resolve(routine).exercises}
    assert {i for i, source in sources.items() if source == "document"} == {"pelvic-tilt"}


def test_ten_exercises_in_page_order(routine):
    assert [e.id for e in routine.exercises] == list(FACTS)


@pytest.mark.parametrize("exercise_id", list(FACTS))
def test_exercise_facts(routine, exercise_id):
    position, holds, breathing, repetitions, sides, first_side, relax = FACTS[exercise_id]
    exercise = routine.exercise(exercise_id)
    assert exercise.position is position
    assert tuple(stage.hold for stage in exercise.stages) == holds
    assert tuple(stage.breathing for stage in exercise.stages) == breathing
    assert exercise.repetitions == repetitions
    assert exercise.sides is sides
    assert exercise.first_side is first_side
    assert exercise.relax_seconds == relax
    for stage in exercise.stages:
        assert stage.instruction and not stage.instruction.endswith(".")
    assert exercise.not_in_source == FROM_DEFAULTS.get(exercise_id, set())
    if exercise_id in FROM_DEFAULTS:
        assert exercise.note and "default" in exercise.note
        assert all(key.split("_")[0] in exercise.note for key in FROM_DEFAULTS[exercise_id])


def test_cat_and_camel_stages_point_at_their_steps(routine):
    exercise = routine.exercise("cat-and-camel")
    for stage in exercise.stages:
        assert stage.step is not None
    arch, sag = (exercise.steps[stage.step - 1] for stage in exercise.stages)
    assert arch.startswith("Breathe in")
    assert sag.startswith("Breathe out")


def test_side_wording(routine):
    assert routine.exercise("knee-to-chest-raise").side_label == "leg"
    assert routine.exercise("hamstring-stretch-lying").side_label == "leg"
    assert routine.exercise("hip-outside-leg-stretch").side_names == {
        Side.LEFT: "Left arm and right leg",
        Side.RIGHT: "Right arm and left leg",
    }


def test_pain_goes_in_cautions(routine):
    hamstring = routine.exercise("hamstring-stretch-lying")
    assert any("pain" in caution for caution in hamstring.cautions)
    assert not any("pain" in tip.lower() for e in routine.exercises for tip in e.tips)
