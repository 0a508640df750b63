"""The command line as other programs use it: routines, plan and --home."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from exercise_timer.cli import main
from exercise_timer.core.clock import SimulatedClock as FakeClock
from exercise_timer.core.effects import PhaseStarted
from exercise_timer.core.engine import Engine
from exercise_timer.core.loader import load_routine
from exercise_timer.core.resolve import ResolvedExercise, resolve

BUNDLED = ("xplain-back", "spine-clinic", "chiro-clinic")
ROUTINES = Path(__file__).resolve().parents[1] / "routines"


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_routines_lists_bundled_and_personal_with_durations(
    home: Path, example_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    personal = home / "data" / "routines"
    personal.mkdir(parents=True)
    (personal / "mine.toml").write_text(example_text, encoding="utf-8")
    rows = run_json(capsys, "routines", "--json")
    assert isinstance(rows, list)
    by_id = {row["id"]: row for row in rows}
    assert set(BUNDLED) | {"my-routine"} == set(by_id)
    assert {by_id[i]["origin"] for i in BUNDLED} == {"bundled"}
    assert by_id["my-routine"]["origin"] == "personal"
    assert by_id["my-routine"]["estimated_seconds"] == 265.0
    assert by_id["xplain-back"]["exercises"] == 13


def test_a_broken_personal_routine_is_reported_not_fatal(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    personal = home / "data" / "routines"
    personal.mkdir(parents=True)
    (personal / "broken.toml").write_text("format_version = 1\nid = [\n", encoding="utf-8")
    assert main(["routines"]) == 0
    captured = capsys.readouterr()
    assert "xplain-back" in captured.out
    assert "broken.toml:" in captured.err and "not valid TOML" in captured.err


def test_home_option_beats_the_environment(
    tmp_path: Path, home: Path, example_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    (other / "data" / "routines").mkdir(parents=True)
    (other / "data" / "routines" / "mine.toml").write_text(example_text, encoding="utf-8")
    rows = run_json(capsys, "--home", str(other), "routines", "--json")
    assert isinstance(rows, list) and "my-routine" in {row["id"] for row in rows}
    rows = run_json(capsys, "routines", "--json")
    assert isinstance(rows, list) and "my-routine" not in {row["id"] for row in rows}


@pytest.mark.parametrize("routine_id", BUNDLED)
def test_plan_json_shape_and_timeline_is_contiguous(
    home: Path, routine_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = run_json(capsys, "plan", routine_id, "--json")
    assert isinstance(plan, dict)
    assert set(plan["routine"]) >= {"id", "title", "source"}
    assert plan["routine"]["id"] == routine_id
    exercise_keys = {
        "id",
        "name",
        "kind",
        "position",
        "repetitions",
        "sides",
        "stages",
        "needs_prescription",
    }
    for exercise in plan["exercises"]:
        assert set(exercise) >= exercise_keys
        assert all(set(stage) >= {"name", "hold_seconds"} for stage in exercise["stages"])
    timeline = plan["timeline"]
    phase_keys = {"start", "seconds", "exercise", "side", "rep", "stage", "phase", "cue"}
    assert all(set(entry) >= phase_keys for entry in timeline)
    assert timeline[0]["start"] == 0
    for before, after in itertools.pairwise(timeline):
        assert after["start"] == pytest.approx(before["start"] + before["seconds"])
    last = timeline[-1]
    assert plan["total_seconds"] == pytest.approx(last["start"] + last["seconds"])
    assert {entry["phase"] for entry in timeline} <= {"prepare", "move", "hold", "return", "relax"}
    assert all(entry["cue"] for entry in timeline)
    ids = [e["id"] for e in plan["exercises"]]
    assert next(entry["exercise"] for entry in timeline if entry["phase"] == "prepare") == ids[0]


def test_plan_marks_unfilled_prescriptions(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = run_json(capsys, "plan", "chiro-clinic", "--json")
    assert isinstance(plan, dict)
    assert all(e["needs_prescription"] for e in plan["exercises"])
    text_code = main(["plan", "chiro-clinic"])
    assert text_code == 0
    assert "Not prescribed yet" in capsys.readouterr().out


def exercise_seconds(exercise: ResolvedExercise) -> float:
    """An exercise's length by the phase model's arithmetic, not by laying out its phases."""
    passes = len(exercise.passes())
    moves = sum(stage.move_seconds for stage in exercise.stages)
    holds = sum(sum(stage.holds) for stage in exercise.stages)
    per_rep = moves + exercise.return_seconds + exercise.relax_seconds
    return passes * (exercise.prepare_seconds + exercise.repetitions * per_rep + holds)


def test_plan_agrees_with_the_arithmetic_and_with_a_live_session_woken_at_odd_times() -> None:
    """Each exercise starts where the sum of the ones before ends, and a live engine woken
    13 ms late at every deadline enters every phase at the planned moment."""
    session = resolve(load_routine(ROUTINES / "spine-clinic.toml"))
    from exercise_timer.core.plan import make_plan

    plan = make_plan(session)
    starts: dict[int, float] = {}
    for phase in plan.phases:
        starts.setdefault(phase.segment.exercise, phase.start)
    expected, at = [], 0.0
    for exercise in session.exercises:
        expected.append(pytest.approx(at, abs=1e-9))
        at += exercise_seconds(exercise)
    assert [starts[i] for i in range(len(session.exercises))] == expected
    assert plan.total_seconds == pytest.approx(at, abs=1e-9)

    clock = FakeClock(50.0)
    engine = Engine(session, clock)
    live = [e for e in engine.start() if isinstance(e, PhaseStarted)]
    while (deadline := engine.next_deadline()) is not None:
        clock.now = deadline + 0.013
        live += [e for e in engine.advance() if isinstance(e, PhaseStarted)]
    assert [(e.planned_at - 50.0, e.segment) for e in live] == [
        (pytest.approx(p.start), p.segment) for p in plan.phases
    ]
    assert engine.ended is not None
    assert engine.ended.session_seconds == pytest.approx(at, abs=1e-9)


def test_plan_of_unknown_id_or_bad_path_exits_1(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", "no-such-routine"]) == 1
    assert "use one of xplain-back" in capsys.readouterr().err
    bad = tmp_path / "bad.toml"
    bad.write_text("format_version = 1\n", encoding="utf-8")
    assert main(["plan", str(bad)]) == 1
    assert f"{bad}" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["plan"])
    assert raised.value.code == 2
    with pytest.raises(SystemExit) as raised:
        main(["--speed", "fast"])
    assert raised.value.code == 2


def test_python_dash_m_runs_the_same_command(home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "exercise_timer", "routines", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert {row["id"] for row in json.loads(result.stdout)} >= set(BUNDLED)


def test_a_bad_routine_fails_before_any_window_opens(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('format_version = 1\nid = "x"\n', encoding="utf-8")
    code = (
        "import sys\n"
        "from exercise_timer.cli import main\n"
        f"status = main(['--routine', {str(bad)!r}, '--autostart'])\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was loaded'\n"
        "sys.exit(status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"{bad}:")
    assert "Traceback" not in result.stderr


def test_output_into_a_closed_pipe_is_not_reported_as_a_failure(home: Path) -> None:
    for command in (["plan", "chiro-clinic"], ["prescription", "show", "chiro-clinic"]):
        program = subprocess.Popen(
            [sys.executable, "-m", "exercise_timer", *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert program.stdout is not None
        program.stdout.close()  # the reader is gone before the first line is written
        _, errors = program.communicate(timeout=60)
        assert errors == "", (command, errors)
        assert program.returncode == 0
