"""A trace, a journal or a voice that fails never holds up Stop and its advice (issue 16, point 3).

An unwritable ``--trace`` file once left the window stuck after Stop with 23 tracebacks and the
dizziness advice never shown. The trace is reported once and the session goes on.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fakes.recording_speaker import RecordingSpeaker

from exercise_timer.app.controller import SessionController
from exercise_timer.app.services import Services
from exercise_timer.app.state import Status
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.cues import stop_advice
from exercise_timer.core.effects import StopReason
from exercise_timer.core.loader import parse_routine_text
from exercise_timer.core.model import Routine
from exercise_timer.speech.speaker import CueReport
from exercise_timer.storage.journal import Journal
from exercise_timer.storage.trace import TraceWriter

DEV_FULL = Path("/dev/full")
needs_dev_full = pytest.mark.skipif(not DEV_FULL.exists(), reason="no /dev/full here")


@pytest.fixture
def routine(example_text: str) -> Routine:
    return parse_routine_text(example_text.replace("repetitions = 5", "repetitions = 2"), "ex.toml")


def reporting(path: Path) -> tuple[TraceWriter, list[str]]:
    said: list[str] = []
    return TraceWriter(path, report=said.append), said


# The writer alone.


@needs_dev_full
def test_a_full_disk_is_reported_once_and_never_raises() -> None:
    trace, said = reporting(DEV_FULL)
    for number in range(25):
        trace.write("phase", number=number)
    trace.close()
    trace.write("end", outcome="stopped")
    assert len(said) == 1
    assert str(DEV_FULL) in said[0] and "--trace" in said[0]
    assert trace.problem == said[0]


def test_a_file_closed_under_the_writer_is_reported_once(tmp_path: Path) -> None:
    trace, said = reporting(tmp_path / "trace.jsonl")
    trace.write("phase", number=1)
    os.close(trace.fileno())  # what a failing disk or a closed descriptor looks like from here
    for number in range(2, 10):
        trace.write("phase", number=number)
    trace.close()
    assert len(said) == 1 and "trace.jsonl" in said[0]
    lines = (tmp_path / "trace.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["number"] for line in lines] == [1]


def test_a_value_json_cannot_write_is_reported_not_raised(tmp_path: Path) -> None:
    trace, said = reporting(tmp_path / "trace.jsonl")
    trace.write("odd", value=object())
    trace.write("phase", number=2)
    trace.close()
    assert len(said) == 1
    lines = (tmp_path / "trace.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["event"] for line in lines] == ["phase"]


def test_by_default_the_problem_goes_to_stderr_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    trace = TraceWriter(tmp_path / "trace.jsonl")
    os.close(trace.fileno())
    trace.write("phase")
    trace.write("phase")
    trace.close()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "trace.jsonl" in err


def test_a_working_trace_says_nothing(tmp_path: Path) -> None:
    trace, said = reporting(tmp_path / "trace.jsonl")
    trace.write("end", outcome="completed", reason=None)
    trace.close()
    trace.close()
    assert said == [] and trace.problem is None
    text = (tmp_path / "trace.jsonl").read_text(encoding="utf-8")
    assert json.loads(text) == {"event": "end", "outcome": "completed", "reason": None}


# The controller with everything failing.


class BrokenSpeaker(RecordingSpeaker):
    """A voice whose every call fails, as a dead worker's pipe would."""

    def say(self, text: str, *, expected_seconds: float | None = None) -> None:
        super().say(text, expected_seconds=expected_seconds)
        raise BrokenPipeError(32, "Broken pipe")

    def interrupt(self) -> None:
        super().interrupt()
        raise BrokenPipeError(32, "Broken pipe")

    def reports(self) -> list[CueReport]:
        raise BrokenPipeError(32, "Broken pipe")


def broken_journal(journal: Journal) -> Journal:
    journal._connection.close()  # every later query fails, as on a disk that went away
    return journal


def stop_for_dizziness(
    routine: Routine, services: Services, clock: SimulatedClock
) -> SessionController:
    controller = SessionController(services, routine)
    controller.start()
    for _ in range(3):
        clock.advance(6)
        controller.wake()
        controller.poll()
    controller.halt()
    controller.stop(StopReason.DIZZINESS)
    controller.poll()
    return controller


@needs_dev_full
@pytest.mark.parametrize("failing", ["trace", "journal", "speaker", "all"])
def test_stop_shows_its_advice_whatever_fails(
    failing: str, routine: Routine, journal: Journal, clock: SimulatedClock, tmp_path: Path
) -> None:
    said: list[str] = []
    every = failing == "all"
    trace_path = DEV_FULL if failing == "trace" or every else tmp_path / "trace.jsonl"
    speaker = BrokenSpeaker() if failing == "speaker" or every else RecordingSpeaker()
    services = Services(
        journal=broken_journal(journal) if failing == "journal" or every else journal,
        speaker=speaker,
        clock=clock,
        trace=TraceWriter(trace_path, report=said.append),
    )

    controller = stop_for_dizziness(routine, services, clock)

    state = controller.state
    assert state.status is Status.ENDED and state.stopped
    assert state.stop_reason is StopReason.DIZZINESS
    assert state.cue == stop_advice(StopReason.DIZZINESS)
    assert len(said) == (1 if trace_path == DEV_FULL else 0)
    if failing in ("journal", "all"):
        assert not state.recorded and state.notices.journal_problem
    if failing in ("speaker", "all"):
        assert "Broken pipe" in str(state.notices.speech_problem)
        assert "captions" in str(state.notices.speech_problem)
    controller.shutdown()
    services.close()


@needs_dev_full
@pytest.mark.gui
@pytest.mark.slow
def test_the_window_finishes_its_session_with_a_trace_on_a_full_disk(
    tmp_path: Path, example_text: str
) -> None:
    home = tmp_path / "home"
    (home / "config" / "before-you-start").mkdir(parents=True)
    (home / "config" / "before-you-start" / "my-routine").write_text("read\n", encoding="utf-8")
    routine = tmp_path / "routine.toml"
    routine.write_text(example_text.replace("repetitions = 5", "repetitions = 1"), "utf-8")
    program = [sys.executable, "-m", "exercise_timer", "--home", str(home)]
    options = ["--speed", "200", "--autostart", "--exit-when-done", "--no-voice"]

    result = subprocess.run(
        [*program, "--routine", str(routine), *options, "--trace", str(DEV_FULL)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("--trace file cannot be written") == 1, result.stderr
