"""A kiosk never stalls: a pause, the Stop page and the advice give way to the attract screen."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fakes.recording_speaker import RecordingSpeaker

from exercise_timer.app.controller import SessionController
from exercise_timer.app.options import AppOptions
from exercise_timer.app.policy import HOME, KIOSK, Policy, policy_for
from exercise_timer.app.services import Services
from exercise_timer.app.state import SessionState, Status
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.effects import StopReason
from exercise_timer.core.loader import parse_routine_text
from exercise_timer.core.model import Routine
from exercise_timer.storage.journal import Journal


@pytest.fixture
def routine(example_text: str) -> Routine:
    return parse_routine_text(example_text, "ex.toml")


def kiosk(
    routine: Routine, journal: Journal, clock: SimulatedClock, policy: Policy = KIOSK
) -> tuple[SessionController, list[SessionState]]:
    services = Services(journal=journal, speaker=RecordingSpeaker(), clock=clock)
    controller = SessionController(services, routine, policy=policy)
    states: list[SessionState] = []
    controller.subscribe(states.append)
    return controller, states


def wait(controller: SessionController, clock: SimulatedClock, seconds: float) -> None:
    """Lets ``seconds`` pass as the window would: a poll every 100 ms."""
    for _ in range(round(seconds * 10)):
        clock.advance(0.1)
        controller.poll()


def test_a_pause_ends_after_60_s_and_the_kiosk_shows_its_attract_screen(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    controller, states = kiosk(routine, journal, clock)
    controller.start()
    controller.toggle()
    controller.poll()
    wait(controller, clock, 59.8)
    assert states[-1].status is Status.PAUSED
    wait(controller, clock, 0.3)
    assert states[-1].status is Status.READY
    assert journal.sessions()[-1].stop is not None
    assert journal.sessions()[-1].stop.reason is StopReason.CLOSED


def test_an_unanswered_stop_page_gives_way_after_30_s(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    controller, states = kiosk(routine, journal, clock)
    controller.start()
    controller.halt()
    controller.poll()
    wait(controller, clock, 29.8)
    assert states[-1].status is Status.ASKING
    wait(controller, clock, 0.3)
    assert states[-1].status is Status.READY


def test_the_advice_after_a_stop_stays_30_s_then_the_attract_screen(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    controller, states = kiosk(routine, journal, clock)
    controller.start()
    controller.halt()
    controller.stop(StopReason.DIZZINESS)
    controller.poll()
    wait(controller, clock, 29.8)
    assert states[-1].status is Status.ENDED
    assert states[-1].stop_reason is StopReason.DIZZINESS
    wait(controller, clock, 0.3)
    assert states[-1].status is Status.READY
    wait(controller, clock, 120)
    assert states[-1].status is Status.READY


def test_kiosk_idle_sets_the_limits(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    policy = policy_for(AppOptions(routine="x", kiosk=True, kiosk_idle=10))
    assert policy.idle_seconds == 10
    controller, states = kiosk(routine, journal, clock, policy)
    controller.start()
    controller.toggle()
    controller.poll()
    wait(controller, clock, 9.8)
    assert states[-1].status is Status.PAUSED
    wait(controller, clock, 0.3)
    assert states[-1].status is Status.READY


def test_resuming_starts_the_count_again(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    controller, states = kiosk(routine, journal, clock, replace(KIOSK, idle_seconds=20))
    controller.start()
    controller.toggle()
    controller.poll()
    wait(controller, clock, 15)
    controller.toggle()
    controller.poll()
    controller.toggle()
    controller.poll()
    wait(controller, clock, 15)
    assert states[-1].status is Status.PAUSED


def test_at_home_a_pause_waits_for_the_person(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    controller, states = kiosk(routine, journal, clock, HOME)
    controller.start()
    controller.toggle()
    wait(controller, clock, 600)
    assert states[-1].status is Status.PAUSED
