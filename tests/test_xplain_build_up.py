"""X-Plain builds up by default, as its document asks, and the person can switch it off.

The document: "Start out with a 2-second hold ... until you can comfortably hold your stretch
for 5 seconds. Start out with two or three repetitions and gradually increase"; "Do up to 5
repetitions". Real routine files, personal files, prescription files and SQLite journals.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fakes.recording_speaker import RecordingSpeaker

from exercise_timer import resources
from exercise_timer.app.controller import SessionController
from exercise_timer.app.services import Services
from exercise_timer.cli import main
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.model import BuildUp, Routine
from exercise_timer.core.personal import ExerciseValues, LeftOut, PersonalValues
from exercise_timer.core.progression import Progression, routine_progression
from exercise_timer.core.value_source import ValueSource
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.journal import Journal, open_journal
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_access import StoredPersonal
from exercise_timer.storage.personal_store import load_personal, personal_file

XPLAIN = resources.routines_dir() / "xplain-back.toml"


@pytest.fixture
def xplain(paths: Paths) -> Routine:
    routine = load_catalogue(paths).find("xplain-back")
    assert routine is not None
    return routine


@pytest.fixture
def journal(paths: Paths) -> Iterator[Journal]:
    opened = open_journal(paths.journal_file)
    assert isinstance(opened, Journal)
    yield opened
    opened.close()


def services_for(paths: Paths, journal: Journal, clock: SimulatedClock) -> Services:
    return Services(
        journal=journal,
        speaker=RecordingSpeaker(),
        clock=clock,
        personal=StoredPersonal(paths, load_catalogue(paths), journal),
    )


def first_values(services: Services, routine: Routine) -> tuple[int, tuple[float, ...], object]:
    values = SessionController(services, routine).state.values
    assert values is not None
    return values.repetitions, values.holds, values.repetitions_from


def run_out(controller: SessionController, clock: SimulatedClock) -> None:
    controller.start()
    while (deadline := controller.engine.next_deadline()) is not None:
        clock.now = deadline
        controller.wake()


def plan_json(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["plan", "xplain-back", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert isinstance(plan, dict)
    return plan


def exercise_of(plan: dict[str, object], exercise_id: str) -> dict[str, object]:
    exercises = plan["exercises"]
    assert isinstance(exercises, list)
    found = next(e for e in exercises if e["id"] == exercise_id)
    assert isinstance(found, dict)
    return found


def test_the_routine_says_build_up_from_2_s_and_2_repetitions_to_5_s_and_5(
    xplain: Routine,
) -> None:
    assert xplain.advice.build_up == BuildUp(start_hold_seconds=2.0, start_repetitions=2)
    assert routine_progression(xplain.advice.build_up) == Progression(
        enabled=True, every=2, start_hold=2.0, start_repetitions=2
    )
    assert xplain.defaults.hold_seconds == 5.0 and xplain.defaults.repetitions == 5
    assert all(exercise.repetitions.low == 5 for exercise in xplain.exercises)


def test_other_routines_do_not_build_up_by_default(paths: Paths) -> None:
    for routine in load_catalogue(paths).routines:
        if routine.id != "xplain-back":
            assert routine.advice.build_up is None, routine.id
            assert not load_personal(paths, routine).progression.enabled


@pytest.mark.parametrize(
    "personal",
    [
        pytest.param(None, id="no personal file"),
        pytest.param(
            'format_version = 1\nroutine = "xplain-back"\n\n'
            "[exercises.pretzel]\nrelax_seconds = 4\n",
            id="a personal file that says nothing about progression",
        ),
    ],
)
def test_without_a_word_from_the_person_xplain_builds_up_from_the_document_values(
    paths: Paths, capsys: pytest.CaptureFixture[str], personal: str | None
) -> None:
    if personal is not None:
        personal_file(paths, "xplain-back").parent.mkdir(parents=True)
        personal_file(paths, "xplain-back").write_text(personal, encoding="utf-8")
    plan = plan_json(capsys)
    assert plan["progression"] == {
        "steps": 0,
        "every": 2,
        "completed_toward_next": 0,
        "held_by": None,
        "all_reached": False,
    }
    leg_pull = exercise_of(plan, "single-leg-pull")
    assert leg_pull["repetitions"] == 2
    assert leg_pull["stages"][0]["hold_seconds"] == 2.0  # type: ignore[index]
    assert leg_pull["progression"] == {
        "target_repetitions": 5,
        "target_hold_seconds": [5.0],
        "reached": False,
    }
    assert main(["plan", "xplain-back"]) == 0
    assert "Building up gradually" in capsys.readouterr().out


def test_every_session_counts_and_leaving_an_exercise_out_does_not_start_again(
    paths: Paths, journal: Journal, clock: SimulatedClock, xplain: Routine
) -> None:
    services = services_for(paths, journal, clock)
    assert first_values(services, xplain) == (2, (2.0,), ValueSource.BUILD_UP)
    for _ in range(2):
        run_out(SessionController(services, xplain), clock)
    assert journal.sessions()[-1].outcome == "completed"
    assert first_values(services, xplain)[:2] == (3, (3.0,))

    assert services.personal is not None
    loaded = services.personal.load(xplain)
    left_out = PersonalValues(
        {"pretzel": ExerciseValues(included=False, left_out=LeftOut(date(2026, 11, 21), "pain"))}
    )
    services.personal.save(xplain, left_out, loaded.progression)
    assert "progression" not in tomllib.loads(
        personal_file(paths, xplain.id).read_text(encoding="utf-8")
    )
    assert first_values(services, xplain)[:2] == (3, (3.0,))


def test_switched_off_in_the_editor_it_stays_off_and_the_routine_values_run(
    paths: Paths,
    journal: Journal,
    clock: SimulatedClock,
    xplain: Routine,
    capsys: pytest.CaptureFixture[str],
) -> None:
    services = services_for(paths, journal, clock)
    assert services.personal is not None
    loaded = services.personal.load(xplain)
    assert loaded.progression.enabled
    # What the values editor hands back when "Build up gradually" is unticked.
    services.personal.save(xplain, loaded.values, Progression(enabled=False))
    written = tomllib.loads(personal_file(paths, xplain.id).read_text(encoding="utf-8"))
    assert written["progression"]["enabled"] is False
    # Pelvic Tilt comes first: its hold is "3-5 s", a session starts at 3.
    assert first_values(services, xplain) == (5, (3.0,), ValueSource.DOCUMENT)
    run_out(SessionController(services, xplain), clock)
    assert first_values(services, xplain)[:2] == (5, (3.0,))
    plan = plan_json(capsys)
    assert plan["progression"] is None
    assert exercise_of(plan, "single-leg-pull")["repetitions"] == 5

    services.personal.save(xplain, loaded.values, loaded.progression)
    assert first_values(services, xplain) == (2, (2.0,), ValueSource.BUILD_UP)


def test_a_prescription_with_progression_off_switches_it_off_and_exports_so(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prescription = tmp_path / "from the clinic.toml"
    prescription.write_text(
        'format_version = 1\nkind = "exercise-timer prescription"\nroutine = "xplain-back"\n'
        'clinic = "Main Street Clinic"\ndate = 2026-11-20\n\n[progression]\nenabled = false\n',
        encoding="utf-8",
    )
    assert main(["prescription", "import", str(prescription)]) == 0
    capsys.readouterr()
    assert plan_json(capsys)["progression"] is None
    assert main(["prescription", "show", "xplain-back"]) == 0
    assert "Building up" not in capsys.readouterr().out

    exported = tmp_path / "handed back.toml"
    assert (
        main(["prescription", "export", "xplain-back", str(exported), "--clinic", "Main St"]) == 0
    )
    assert tomllib.loads(exported.read_text(encoding="utf-8"))["progression"]["enabled"] is False


@pytest.mark.parametrize(
    ("build_up", "expected"),
    [
        ("build_up = 2", "advice.build_up: must be a table written as build_up = {"),
        (
            "build_up = { start_hold_seconds = 0, start_repetitions = 2 }",
            "advice.build_up: start_hold_seconds is 0; use a number of seconds from 1 to 120",
        ),
        (
            "build_up = { start_hold_seconds = 2, start_repetitions = 2.5 }",
            "advice.build_up: start_repetitions is 2.5; use a whole number from 1 to 30",
        ),
        (
            "build_up = { start_hold_seconds = 2 }",
            "advice.build_up: start_repetitions is missing; add start_repetitions = 2",
        ),
        (
            "build_up = { start_hold_seconds = 2, start_repetitions = 2, evry = 2 }",
            "advice.build_up: unknown key evry; did you mean every?",
        ),
    ],
)
def test_check_names_the_file_and_line_of_a_bad_build_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], build_up: str, expected: str
) -> None:
    text = XPLAIN.read_text(encoding="utf-8")
    good = "build_up = { start_hold_seconds = 2, start_repetitions = 2 }"
    assert good in text
    line = text[: text.index(good)].count("\n") + 1
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace(good, build_up), encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:{line}: {expected}" in err
    assert "Traceback" not in err
