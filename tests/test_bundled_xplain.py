"""The bundled X-Plain routine says what the X-Plain "Back Exercises" summary says.

Each row of EXERCISES is a fact a reader can check against the source document: the order
of the 13 exercises, what each is for, its position, the hold of each stage, the repetitions
and the sides.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Breathing, Dose, Kind, Position, Routine, Sides

PATH = Path(__file__).resolve().parent.parent / "routines" / "xplain-back.toml"

S, G = Kind.STRETCH, Kind.STRENGTHEN
BACK, HANDS = Position.LYING_ON_BACK, Position.HANDS_AND_KNEES
STAND, WALL = Position.STANDING, Position.STANDING_AT_WALL
FIVE = Dose.fixed(5)

# id, kind, position, hold of each stage, repetitions, sides, side label
EXERCISES = [
    ("pelvic-tilt", S, BACK, (Dose.range(3, 5),), FIVE, Sides.NONE, "side"),
    ("single-leg-pull", S, BACK, (FIVE,), FIVE, Sides.EACH, "leg"),
    ("double-knee-to-chest", S, BACK, (FIVE,), FIVE, Sides.NONE, "side"),
    ("pretzel", S, BACK, (FIVE,), FIVE, Sides.EACH, "leg"),
    ("side-stretch", S, STAND, (FIVE,), FIVE, Sides.EACH, "side"),
    ("back-arch", S, STAND, (FIVE,), FIVE, Sides.NONE, "side"),
    ("hamstring-stretch", S, BACK, (FIVE,), FIVE, Sides.EACH, "leg"),
    ("pelvic-lift", G, BACK, (FIVE,), FIVE, Sides.NONE, "side"),
    ("partial-sit-up", G, BACK, (Dose.range(3, 10),), FIVE, Sides.NONE, "side"),
    ("cat-and-camel", G, HANDS, (FIVE, FIVE), FIVE, Sides.NONE, "side"),
    ("arm-reach", G, HANDS, (FIVE,), FIVE, Sides.EACH, "arm"),
    ("leg-reach", G, HANDS, (FIVE,), FIVE, Sides.EACH, "leg"),
    ("wall-slide", G, WALL, (FIVE,), FIVE, Sides.NONE, "side"),
]


@pytest.fixture(scope="module")
def routine() -> Routine:
    return load_routine(PATH)


def test_routine_facts(routine: Routine) -> None:
    assert routine.id == "xplain-back"
    assert routine.format_version == 1
    assert [e.id for e in routine.exercises] == [row[0] for row in EXERCISES]
    assert len(routine.exercises) == 13
    assert [e.kind for e in routine.exercises] == [S] * 7 + [G] * 6
    # The document's cycle: hold 5 s, return, relax 2 s, up to 5 repetitions.
    d = routine.defaults
    assert (d.hold_seconds, d.relax_seconds, d.repetitions) == (5, 2, 5)
    assert (d.prepare_seconds, d.move_seconds, d.return_seconds) == (10, 3, 3)
    assert routine.advice.sessions_per_week == "2-3"
    assert routine.advice.minutes_per_session == "15-30"
    assert routine.safety and routine.advice.notes
    assert "X-Plain" in routine.source.publisher
    assert "Patient Education Institute" in routine.source.publisher


@pytest.mark.parametrize(
    ("exercise_id", "kind", "position", "holds", "repetitions", "sides", "side_label"),
    EXERCISES,
)
def test_exercise_facts(
    routine: Routine,
    exercise_id: str,
    kind: Kind,
    position: Position,
    holds: tuple[Dose, ...],
    repetitions: Dose,
    sides: Sides,
    side_label: str,
) -> None:
    exercise = routine.exercise(exercise_id)
    assert exercise is not None
    assert exercise.kind is kind
    assert exercise.position is position
    assert tuple(stage.hold for stage in exercise.stages) == holds
    assert exercise.repetitions == repetitions
    assert exercise.sides is sides
    assert exercise.side_label == side_label
    # Every exercise relaxes for the routine's 2 s; none overrides it.
    assert exercise.relax_seconds is None
    assert exercise.variants == ()
    for stage in exercise.stages:
        assert stage.step is not None and 1 <= stage.step <= len(exercise.steps)
        assert stage.instruction and not stage.instruction.endswith(".")
    if exercise.return_step is not None:
        assert 1 <= exercise.return_step <= len(exercise.steps)


def test_stated_details(routine: Routine) -> None:
    cat = routine.exercise("cat-and-camel")
    assert cat is not None
    assert [stage.step for stage in cat.stages] == [1, 3]  # arch up first, then sag
    back_arch = routine.exercise("back-arch")
    assert back_arch is not None
    assert back_arch.stages[0].breathing is Breathing.OUT  # breathe out as you lean back
    # The session speaks the breathing cue itself; the instruction must not repeat it.
    assert "breathe" not in back_arch.stages[0].instruction.lower()
    leg_reach = routine.exercise("leg-reach")
    assert leg_reach is not None
    assert any("behind you" in caution for caution in leg_reach.cautions)
    # Vague holds and a missing repetition count are explained where they were filled in.
    for exercise_id in ("pelvic-tilt", "partial-sit-up", "pretzel"):
        exercise = routine.exercise(exercise_id)
        assert exercise is not None and exercise.note
