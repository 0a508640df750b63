"""The bundled chiropractic clinic routine states the facts of its source sheet exactly.

Every row below can be checked against the sheet "Back Exercises and Stretches"
(shared/seeds/000_4db85ace9650d0d1.txt). The sheet prints every hold and most repetition
counts as blanks for the office to fill in, so those are "prescribed".
"""

from pathlib import Path

import pytest

from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Dose, Kind, Position, Sides

ROUTINE = Path(__file__).resolve().parent.parent / "routines" / "chiro-clinic.toml"

P, ZERO = Dose.prescribed(), Dose.fixed(0)
ROM, STRETCH, STRONG = Kind.RANGE_OF_MOTION, Kind.STRETCH, Kind.STRENGTHEN
NONE, EACH, ALT = Sides.NONE, Sides.EACH, Sides.ALTERNATING
STAND, WALL = Position.STANDING, Position.STANDING_AT_WALL
BACK, FACE_DOWN, SIDE = Position.LYING_ON_BACK, Position.LYING_FACE_DOWN, Position.LYING_ON_SIDE
FOURS, KNEEL = Position.HANDS_AND_KNEES, Position.KNEELING
FLOOR, CHAIR = Position.SEATED_ON_FLOOR, Position.SEATED_IN_CHAIR

# id: (kind, position, hold per stage, sides, side label), in the sheet's order.
FACTS = {
    "forward-flexion": (ROM, STAND, (P,), NONE, "side"),
    "extension": (ROM, STAND, (P,), NONE, "side"),
    "trunk-rotation": (ROM, STAND, (P,), EACH, "side"),
    "lateral-flexion": (ROM, STAND, (P,), EACH, "side"),
    "knee-to-chest": (STRETCH, BACK, (P,), EACH, "leg"),
    "calf-stretch": (STRETCH, WALL, (P,), EACH, "leg"),
    "groin-stretch": (STRETCH, FLOOR, (P,), NONE, "side"),
    "hamstring-stretch": (STRETCH, FLOOR, (P,), EACH, "leg"),
    "iliotibial-band": (STRETCH, BACK, (P,), EACH, "leg"),
    "piriformis-stretch": (STRETCH, FLOOR, (P,), EACH, "leg"),
    "tensor-fasciae-latae": (STRETCH, STAND, (P,), EACH, "leg"),
    "hip-abduction": (STRONG, SIDE, (P,), EACH, "leg"),
    "hip-adduction": (STRONG, CHAIR, (P,), NONE, "side"),
    "resisted-hip-flexion": (STRONG, BACK, (P,), EACH, "leg"),
    "hip-extension": (STRONG, FACE_DOWN, (P,), EACH, "leg"),
    "lunge": (STRONG, STAND, (ZERO,), NONE, "side"),
    "wall-squats": (STRONG, WALL, (ZERO,), NONE, "side"),
    "abdominal-crunches": (STRONG, BACK, (P,), NONE, "side"),
    "oblique-crunches": (STRONG, BACK, (P,), EACH, "arm"),
    "leg-lift": (STRONG, BACK, (ZERO, ZERO), NONE, "side"),
    "bridge": (STRONG, BACK, (P,), NONE, "side"),
    "dead-bug": (STRONG, BACK, (ZERO,), ALT, "arm"),
    "mad-cat": (STRONG, FOURS, (P, P), NONE, "side"),
    "on-all-fours": (STRONG, FOURS, (P,), ALT, "arm"),
    "prone-extension": (STRONG, FACE_DOWN, (P,), NONE, "side"),
    "prone-press-up": (STRONG, FACE_DOWN, (P,), NONE, "side"),
}

# Headings lost from the sheet's text: named from the description, said in the note.
LOST_HEADINGS = {
    "forward-flexion",
    "extension",
    "knee-to-chest",
    "calf-stretch",
    "groin-stretch",
    "hamstring-stretch",
    "piriformis-stretch",
    "lunge",
    "bridge",
}

# Exercises where the sheet prints a repetitions blank; the others state no count at all.
REPETITIONS_BLANK = {
    "calf-stretch",
    "hamstring-stretch",
    "iliotibial-band",
    "hip-abduction",
    "resisted-hip-flexion",
    "hip-extension",
    "oblique-crunches",
    "dead-bug",
    "on-all-fours",
}

# id: ({variant id: (own position or None, own stage holds or None, own sides or None)},
#      balance variant)
VARIANTS = {
    "forward-flexion": ({"standing": (None, None, None), "seated": (CHAIR, (P,), None)}, None),
    "extension": (
        {
            "standing": (None, None, None),
            "kneeling": (KNEEL, None, None),
            "seated": (CHAIR, None, None),
        },
        "seated",
    ),
    "trunk-rotation": ({"standing": (None, None, None), "seated": (CHAIR, (P,), None)}, None),
    "lateral-flexion": ({"standing": (None, None, None), "seated": (CHAIR, None, None)}, "seated"),
    "knee-to-chest": ({"one-knee": (None, None, None), "both-knees": (None, (P,), NONE)}, None),
    "calf-stretch": ({"gastrocnemius": (None, None, None), "soleus": (None, (P,), None)}, None),
    "groin-stretch": ({"seated": (None, None, None), "supine": (BACK, (P,), None)}, None),
    "hamstring-stretch": ({"seated": (None, None, None), "supine": (BACK, (ZERO, P), None)}, None),
    "leg-lift": ({"floor": (None, None, None), "chair": (CHAIR, (P,), None)}, None),
}

# Exercises whose sheet tip about balance or dizziness is shown among the cautions.
BALANCE_TIPS = {"extension", "lateral-flexion", "calf-stretch", "tensor-fasciae-latae"}

# id: a word its cautions must contain (the sheet's tips and warnings).
CAUTIONS = {
    "iliotibial-band": "jerk",
    "piriformis-stretch": "back straight",
    "tensor-fasciae-latae": "wall",
    "abdominal-crunches": "neck relaxed",
    "oblique-crunches": "neck relaxed",
    "lunge": "weak",
    "leg-lift": "slow and controlled",
    "prone-extension": "chin tucked",
}


@pytest.fixture(scope="module")
def routine():
    return load_routine(ROUTINE, bundled=True)


def test_routine_facts(routine):
    assert routine.id == "chiro-clinic"
    assert routine.format_version == 1
    assert routine.language == "en"
    d = routine.defaults
    assert (d.prepare_seconds, d.move_seconds, d.hold_seconds) == (10, 3, 5)
    assert (d.return_seconds, d.relax_seconds, d.repetitions) == (3, 2, 3)
    assert any("5-second hold and 3 repetitions" in note for note in routine.advice.notes)
    safety = " ".join(routine.safety).lower()
    for word in ("prescribed", "pain", "tingling", "numbness", "contact your office", "dizzy"):
        assert word in safety


def test_twenty_six_exercises_in_sheet_order(routine):
    assert [e.id for e in routine.exercises] == list(FACTS)


@pytest.mark.parametrize("exercise_id", list(FACTS))
def test_exercise_facts(routine, exercise_id):
    kind, position, holds, sides, side_label = FACTS[exercise_id]
    exercise = routine.exercise(exercise_id)
    assert exercise.kind is kind
    assert exercise.position is position
    assert tuple(stage.hold for stage in exercise.stages) == holds
    assert exercise.sides is sides
    assert exercise.side_label == side_label
    assert exercise.repetitions == P
    note = exercise.note or ""
    assert ("taken from its description" in note) == (exercise_id in LOST_HEADINGS)
    assert ("leaves the count to the office" in note) == (exercise_id not in REPETITIONS_BLANK)
    cautions = " ".join(exercise.cautions)
    assert ("dizziness" in cautions) == (exercise_id in BALANCE_TIPS)
    if exercise_id in CAUTIONS:
        assert CAUTIONS[exercise_id] in cautions
    variant_steps = [v.steps or exercise.steps for v in exercise.variants]
    for stage in exercise.stages:
        assert stage.instruction and not stage.instruction.endswith(".")
        assert stage.step is not None and 1 <= stage.step <= len(exercise.steps)
    for variant, steps in zip(exercise.variants, variant_steps, strict=True):
        for stage in variant.stages:
            assert stage.instruction and not stage.instruction.endswith(".")
            assert stage.step is not None and 1 <= stage.step <= len(steps)


@pytest.mark.parametrize("exercise_id", list(FACTS))
def test_variants(routine, exercise_id):
    exercise = routine.exercise(exercise_id)
    variants, balance = VARIANTS.get(exercise_id, ({}, None))
    assert [v.id for v in exercise.variants] == list(variants)
    assert exercise.balance_variant == balance
    for variant in exercise.variants:
        position, holds, sides = variants[variant.id]
        assert variant.advice
        assert variant.position == position
        assert (tuple(s.hold for s in variant.stages) or None) == holds
        assert variant.sides == sides
        assert variant.repetitions is None
    if balance is not None:
        chosen = next(v for v in exercise.variants if v.id == balance)
        assert "dizziness" in chosen.advice


def test_mad_cat_arches_up_then_lets_the_belly_hang(routine):
    arch, sag = routine.exercise("mad-cat").stages
    assert "arch" in arch.instruction.lower() and "chin" in arch.instruction.lower()
    assert "belly" in sag.instruction.lower()
    assert (arch.step, sag.step) == (1, 3)


def test_seated_lateral_flexion_has_the_sheets_own_steps(routine):
    """The sheet gives no seated steps: the seated version does the sheet's steps on a chair."""
    exercise = routine.exercise("lateral-flexion")
    seated = next(v for v in exercise.variants if v.id == "seated")
    assert (seated.steps, seated.stages) == ((), ())
    assert "down the side of your leg" in exercise.steps[0]
    assert "no seated steps" in exercise.note


def test_values_the_sheet_does_not_give_are_marked(routine):
    assert routine.defaults.not_in_source == {"relax_seconds"}
    marked = {e.id: e.not_in_source for e in routine.exercises if e.not_in_source}
    assert marked == {"lunge": {"sides"}}
