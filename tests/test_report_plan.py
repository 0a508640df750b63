"""report.plan: the rows of a plan, the documented JSON and the text schedule."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from exercise_timer.core.effects import StopReason
from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import NO_PERSONAL_VALUES, ExerciseValues, PersonalValues
from exercise_timer.core.plan import make_plan
from exercise_timer.core.progression import ExerciseProgress, ProgressState, Target
from exercise_timer.core.resolve import Session, resolve
from exercise_timer.report.plan import PlanReport, plan_json, plan_report, plan_text
from exercise_timer.report.wording import progression_text

ROUTINES = Path(__file__).resolve().parents[1] / "routines"


@pytest.fixture
def example(tmp_path: Path, example_text: str) -> Routine:
    path = tmp_path / "mine.toml"
    path.write_text(example_text, encoding="utf-8")
    return load_routine(path)


def report_of(routine: Routine, personal: PersonalValues = NO_PERSONAL_VALUES) -> PlanReport:
    return plan_report(make_plan(resolve(routine, personal)))


def test_json_of_the_readme_example(example: Routine) -> None:
    document = plan_json(report_of(example))
    assert document["routine"] == {
        "id": "my-routine",
        "title": "Morning back routine",
        "source": "My clinic's sheet",
    }
    assert (document["total_seconds"], document["progression"]) == (265.0, None)
    assert document["exercises"] == [
        {
            "id": "cat-and-camel",
            "name": "Cat and Camel",
            "kind": "stretch",
            "position": "hands-and-knees",
            "variant": None,
            "repetitions": 5,
            "sides": [],
            "sides_mode": "none",
            "stages": [
                {"name": "Round", "hold_seconds": 5.0},
                {"name": "Sag", "hold_seconds": 5.0},
            ],
            "needs_prescription": False,
            "personal": False,
            "progression": None,
            "values_source": {
                "hold": "document",
                "repetitions": "document",
                "sides": "document",
                "relax": "document",
            },
        },
        {
            "id": "hamstring",
            "name": "Hamstring Stretch",
            "kind": "stretch",
            "position": "seated-on-floor",
            "variant": "seated",
            "repetitions": 5,
            "sides": ["right", "left"],
            "sides_mode": "each",
            "stages": [{"name": "Hamstring Stretch", "hold_seconds": 5.0}],
            "needs_prescription": True,
            "personal": False,
            "progression": None,
            "values_source": {
                "hold": "default",
                "repetitions": "default",
                "sides": "document",
                "relax": "document",
            },
        },
    ]
    assert document["timeline"][1] == {
        "start": 10.0,
        "seconds": 3.0,
        "exercise": "cat-and-camel",
        "side": None,
        "rep": 1,
        "stage": 1,
        "phase": "move",
        "cue": "Breathe in and round your back up and lower your head.",
        "caption": "Breathe in and round your back up and lower your head.",
        "cue_seconds": 0.0,
        "cue_seconds_measured": False,
        "counts": [],
    }


def test_timeline_rows_are_the_plans_phases(example: Routine) -> None:
    plan = make_plan(resolve(example))
    report = plan_report(plan)
    assert [
        (row.start, row.seconds, row.exercise, row.side, row.rep, row.stage, row.phase, row.cue)
        for row in report.timeline
    ] == [
        (p.start, p.seconds, p.segment.exercise, p.segment.side, p.segment.rep, p.segment.stage,
         p.segment.phase, p.cue)
        for p in plan.phases
    ]  # fmt: skip
    assert [row.number for row in report.exercises] == [1, 2]


def test_holds_that_grow_are_listed_one_per_repetition(example: Routine) -> None:
    report = report_of(example)
    first = report.exercises[0]
    stage = dataclasses.replace(first.exercise.stages[0], holds=(1.0, 2.0, 3.0))
    grown = dataclasses.replace(
        first, exercise=dataclasses.replace(first.exercise, stages=(stage,))
    )
    report = dataclasses.replace(report, exercises=(grown, *report.exercises[1:]))
    assert plan_json(report)["exercises"][0]["stages"] == [
        {"name": "Round", "hold_seconds": [1.0, 2.0, 3.0]}
    ]
    assert "hold 1/2/3 s, relax 2 s" in plan_text(report)


def test_saved_personal_values_are_marked(example: Routine) -> None:
    personal = PersonalValues({"hamstring": ExerciseValues(repetitions=3)})
    session = resolve(example, personal)
    from exercise_timer.storage.personal_store import Today

    day = Today(session=session, values=personal, progress=None, saved=personal)
    document = plan_json(plan_report(make_plan(session), day))
    assert [e["personal"] for e in document["exercises"]] == [False, True]


def test_text_reads_as_a_schedule() -> None:
    text = plan_text(report_of(load_routine(ROUTINES / "spine-clinic.toml")))
    assert "Knee-To-Chest Raise" in text
    assert "Both legs" in text
    assert "Breathe in and" in text
    assert text.splitlines()[-1].startswith("Total: ")


def test_text_counts_in_words(example: Routine) -> None:
    session = resolve(example, PersonalValues({"cat-and-camel": ExerciseValues(repetitions=1)}))
    one = Session(session.routine, session.exercises[:1])
    lines = plan_text(plan_report(make_plan(one))).splitlines()
    assert lines[2].startswith("1 exercise, ")
    assert lines[4].startswith("1. Cat and Camel (stretch, hands and knees): 1 repetition, ")
    two = plan_text(report_of(example)).splitlines()
    assert two[2] == "2 exercises, 4:25 in all"
    assert ": 5 repetitions, hold 5 s + 5 s, relax 2 s" in two[4]


def progress_state(
    *, counted: int, every: int, held_by: StopReason | None = None, reached: bool = False
) -> ProgressState:
    target = Target(holds=(5.0,), repetitions=5)
    today = target if reached else Target(holds=(3.0,), repetitions=3)
    return ProgressState(
        steps=1,
        counted=counted,
        every=every,
        held_by=held_by,
        exercises={"x": ExerciseProgress(today.holds, today.repetitions, target)},
    )


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (
            progress_state(counted=1, every=2, held_by=StopReason.PAIN),
            "Building up gradually: held where it is after a stop for pain or discomfort; "
            "1 more completed session without such a stop to the next step.",
        ),
        (
            progress_state(counted=0, every=3, held_by=StopReason.DIZZINESS),
            "Building up gradually: held where it is after a stop for dizziness; "
            "3 more completed sessions without such a stop to the next step.",
        ),
        (
            progress_state(counted=1, every=2),
            "Building up gradually: 1 s more hold and 1 more repetition after every 2 "
            "completed sessions. 1 more completed session to the next step.",
        ),
        (
            progress_state(counted=0, every=1),
            "Building up gradually: 1 s more hold and 1 more repetition after every "
            "completed session. 1 more completed session to the next step.",
        ),
        (
            progress_state(counted=0, every=2, reached=True),
            "Building up gradually: every exercise is at its target.",
        ),
    ],
)
def test_build_up_is_whole_sentences_with_counts_in_words(
    state: ProgressState, expected: str
) -> None:
    assert progression_text(state) == expected
