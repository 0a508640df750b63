"""A kiosk keeps no visitor data: sessions reach only the kiosk counter, never the journal."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from exercise_timer.app.controller import SessionController
from exercise_timer.app.options import AppOptions
from exercise_timer.app.policy import policy_for
from exercise_timer.app.services import build_services
from exercise_timer.cli import main
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.effects import StopReason
from exercise_timer.storage.catalogue import load_catalogue, open_routine
from exercise_timer.storage.kiosk_counter import kiosk_counter_file, read_kiosk_counts
from exercise_timer.storage.lock import set_pin
from exercise_timer.storage.paths import Paths


def kiosk_controller(paths: Paths, clock: SimulatedClock) -> SessionController:
    options = AppOptions(routine="xplain-back", kiosk=True, no_voice=True)
    catalogue = load_catalogue(paths)
    services = build_services(options, paths, catalogue)
    services = dataclasses.replace(services, clock=clock)
    routine = open_routine("xplain-back", paths, catalogue)
    services.mark_routine_read(routine.id)  # its "before you start" page was read once
    return SessionController(services, routine, policy=policy_for(options))


def run_out(controller: SessionController, clock: SimulatedClock) -> None:
    while (deadline := controller.engine.next_deadline()) is not None:
        clock.now = deadline
        controller.wake()


def test_kiosk_sessions_are_counted_and_never_journaled(
    paths: Paths, clock: SimulatedClock
) -> None:
    controller = kiosk_controller(paths, clock)
    assert controller.services.personal is None, "a kiosk uses no one's values"
    controller.start()
    run_out(controller, clock)
    controller.again()
    controller.start()
    controller.halt()
    controller.stop(StopReason.DIZZINESS, "a visitor's note")
    controller.services.close()
    assert not paths.journal_file.exists()
    counts = read_kiosk_counts(kiosk_counter_file(paths)).total
    assert (counts.started, counts.completed, counts.stopped["dizziness"]) == (2, 1, 1)
    text = kiosk_counter_file(paths).read_text(encoding="utf-8")
    assert "visitor" not in text and "xplain" not in text and "T" not in text


def test_history_stays_empty_after_a_kiosk_session(
    paths: Paths, home: Path, clock: SimulatedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    controller = kiosk_controller(paths, clock)
    controller.start()
    run_out(controller, clock)
    controller.services.close()
    assert main(["--home", str(home), "history", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--home", str(home), "kiosk", "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["total"]["completed"] == 1


def test_the_kiosk_exit_asks_for_the_clinicians_pin(paths: Paths, clock: SimulatedClock) -> None:
    set_pin(paths, "2580")
    controller = kiosk_controller(paths, clock)
    guard = controller.services.kiosk_exit
    assert guard is not None and guard.needs_pin
    assert not guard.try_pin("1111").ok
    assert guard.try_pin("2580").ok
    controller.services.close()


def test_at_home_there_is_no_kiosk_exit(paths: Paths) -> None:
    options = AppOptions(routine="xplain-back", no_voice=True)
    services = build_services(options, paths, load_catalogue(paths))
    assert services.kiosk_exit is None and services.personal is not None
    services.close()
