"""One scripted session, run headless through SessionController or in the window, same result.

The script presses the same commands at the same phases on a simulated clock: pause and resume,
skip, back, and (for some routines) a stop for dizziness with a note. ``python session_script.py
ROUTINE HOME`` runs it headless and prints the journal rows, the trace and the Qt modules loaded.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from fakes.recording_speaker import RecordingSpeaker

from exercise_timer import resources
from exercise_timer.app.controller import SessionController
from exercise_timer.app.services import Services
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.effects import StopReason
from exercise_timer.core.loader import load_routine
from exercise_timer.speech.speaker import CueReport
from exercise_timer.storage.journal import open_journal
from exercise_timer.storage.trace import TraceWriter

PAUSE_AT, RESUME_AFTER, SKIP_AT, BACK_AT, STOP_AT = 3, 7.5, 12, 25, 60
STOPPED_ROUTINES = {"chiro-clinic"}


class ReportingSpeaker(RecordingSpeaker):
    """Reports each cue as started when asked and finished 0.25 s later on the clock."""

    def __init__(self, clock: Callable[[], float]) -> None:
        super().__init__(clock=clock)
        self._told = 0

    def reports(self) -> list[CueReport]:
        new = list(zip(self.said[self._told :], self.times[self._told :], strict=True))
        self._told = len(self.said)
        return [CueReport(text, "recording", t, t, t + 0.25) for text, t in new]


class Actor(Protocol):
    """What the script does: the same commands, headless or through the window's keys."""

    def start(self) -> None: ...
    def toggle(self) -> None: ...
    def skip(self) -> None: ...
    def back(self) -> None: ...
    def stop_for_dizziness(self, note: str) -> None: ...
    def wake(self) -> None: ...


@dataclass
class Headless:
    """The script's commands sent straight to the controller."""

    controller: SessionController

    def start(self) -> None:
        self.controller.start()

    def toggle(self) -> None:
        self.controller.toggle()

    def skip(self) -> None:
        self.controller.skip()

    def back(self) -> None:
        self.controller.back()

    def stop_for_dizziness(self, note: str) -> None:
        self.controller.halt()
        self.controller.stop(StopReason.DIZZINESS, note)

    def wake(self) -> None:
        self.controller.wake()


def build(routine_id: str, home: Path) -> tuple[SessionController, SimulatedClock, Services]:
    """A controller over a real journal and trace under ``home``, on a simulated clock."""
    home.mkdir(parents=True, exist_ok=True)
    clock = SimulatedClock(500.0)
    routine = load_routine(resources.routines_dir() / f"{routine_id}.toml", bundled=True)
    services = Services(
        journal=open_journal(home / "journal.sqlite3"),
        speaker=ReportingSpeaker(clock),
        clock=clock,
        trace=TraceWriter(home / "trace.jsonl"),
    )
    return SessionController(services, routine), clock, services


def play(
    routine_id: str, actor: Actor, controller: SessionController, clock: SimulatedClock
) -> None:
    """Runs the script to the session's end (or its stop)."""
    actor.start()
    done: set[str] = set()

    def due(name: str, at: int) -> bool:
        if name in done or controller.state.phase_serial < at:
            return False
        done.add(name)
        return True

    while (deadline := controller.engine.next_deadline()) is not None:
        clock.now = deadline
        actor.wake()
        controller.poll()
        if due("pause", PAUSE_AT):
            clock.advance(0.4)
            actor.toggle()
            clock.advance(RESUME_AFTER)
            actor.toggle()
        elif due("skip", SKIP_AT):
            actor.skip()
        elif due("back", BACK_AT):
            clock.advance(1.0)
            actor.back()
        elif routine_id in STOPPED_ROUTINES and due("stop", STOP_AT):
            clock.advance(1.5)
            actor.stop_for_dizziness("dizzy after the twist")
            break
    controller.poll()


def journal_rows(path: Path) -> dict[str, list[list[object]]]:
    """The journal's rows without the wall-clock times and the process identity."""
    connection = sqlite3.connect(path)
    try:
        sessions = connection.execute(
            "SELECT id, routine, outcome, exercises_total, values_json, stop_reason, stop_note, "
            "stop_exercise, stop_side, stop_rep, stop_stage, stop_phase, stop_session_seconds "
            "FROM sessions ORDER BY id"
        ).fetchall()
        exercises = connection.execute(
            "SELECT session_id, exercise_id, position, completed FROM exercises ORDER BY id"
        ).fetchall()
    finally:
        connection.close()
    return {"sessions": [list(r) for r in sessions], "exercises": [list(r) for r in exercises]}


def results(home: Path) -> dict[str, object]:
    """What a run left behind: journal rows and trace lines."""
    trace = (home / "trace.jsonl").read_text(encoding="utf-8").splitlines()
    return {
        "journal": journal_rows(home / "journal.sqlite3"),
        "trace": [json.loads(line) for line in trace],
    }


def main(routine_id: str, home: Path) -> None:
    """Runs the script headless and prints its results and the Qt modules that were loaded."""
    controller, clock, services = build(routine_id, home)
    play(routine_id, Headless(controller), controller, clock)
    controller.shutdown()
    services.close()
    found = results(home)
    found["qt_modules"] = sorted(m for m in sys.modules if m.startswith("PySide6"))
    print(json.dumps(found))


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
