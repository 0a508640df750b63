"""X-Plain's closing stretches: advised, said and shown after a completed session.

The document: "try to end the session with more stretching exercises" (decision record 0009).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes.recording_speaker import RecordingSpeaker

from exercise_timer import resources
from exercise_timer.app.controller import SessionController
from exercise_timer.app.services import Services
from exercise_timer.cli import main
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.cues import end_cue, stop_advice
from exercise_timer.core.effects import Outcome, SessionEnded, StopReason
from exercise_timer.core.model import Routine
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.journal import Journal, open_journal
from exercise_timer.storage.paths import Paths
from exercise_timer.ui import words

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


def controller_for(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> tuple[SessionController, RecordingSpeaker]:
    speaker = RecordingSpeaker()
    services = Services(journal=journal, speaker=speaker, clock=clock)
    return SessionController(services, routine), speaker


def test_the_routine_asks_to_finish_with_more_stretches(xplain: Routine) -> None:
    at_end = xplain.advice.at_end
    assert "finish" in at_end and "stretches" in at_end
    assert [e.kind.value for e in xplain.exercises] == ["stretch"] * 7 + ["strengthen"] * 6
    assert "seven stretches" in at_end


def test_a_completed_session_ends_by_saying_it(
    xplain: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    controller, speaker = controller_for(xplain, journal, clock)
    controller.start()
    while (deadline := controller.engine.next_deadline()) is not None:
        clock.now = deadline
        controller.wake()
    assert journal.sessions()[-1].outcome == "completed"
    assert speaker.said[-1] == (
        f"Well done. That is the end of the session. {xplain.advice.at_end}"
    )


def test_a_session_stopped_for_pain_does_not_advise_more_stretches(
    xplain: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    controller, speaker = controller_for(xplain, journal, clock)
    controller.start()
    controller.halt()
    controller.stop(StopReason.PAIN, "")
    assert xplain.advice.at_end not in " ".join(speaker.said)
    assert stop_advice(StopReason.PAIN) in speaker.said


def test_the_summary_and_the_cue_carry_it_only_when_the_routine_has_one() -> None:
    ended = SessionEnded(Outcome.COMPLETED, None, None, 600.0, 13, 13)
    assert words.summary(ended, "Stretch again.").endswith("\n\nStretch again.")
    assert words.summary(ended) == words.summary(ended, "")
    assert "\n" not in words.summary(ended)
    assert end_cue(ended) == "Well done. That is the end of the session."
    stopped = SessionEnded(Outcome.STOPPED, StopReason.DIZZINESS, None, 60.0, 1, 13)
    assert end_cue(stopped, "Stretch again.") == stop_advice(StopReason.DIZZINESS)


def test_plan_reads_right(
    paths: Paths, xplain: Routine, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", "xplain-back"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2].startswith("Total: ")
    assert lines[-1] == f"After the session: {xplain.advice.at_end}"
    assert main(["plan", "xplain-back", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["at_end"] == xplain.advice.at_end
    assert main(["plan", "spine-clinic", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["at_end"] is None


def test_check_names_the_line_of_an_at_end_that_is_not_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = XPLAIN.read_text(encoding="utf-8")
    start = text.index("at_end = ")
    line = text[:start].count("\n") + 1
    end = text.index("\n", start)
    bad = tmp_path / "bad.toml"
    bad.write_text(text[:start] + "at_end = 3" + text[end:], encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}:{line}: advice: at_end")
    assert "Traceback" not in err
