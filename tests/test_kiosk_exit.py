"""Leaving the kiosk: the PIN, three tries, then waits of 30 s doubling; which PIN counts."""

from __future__ import annotations

import pytest

from exercise_timer.app.kiosk_exit import ExitAnswer, KioskExit, kiosk_pin_check
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.storage.kiosk_pin import kiosk_pin_file, set_kiosk_pin
from exercise_timer.storage.lock import set_pin
from exercise_timer.storage.paths import Paths


class Pins:
    """A check that knows one PIN and counts how often it was asked."""

    def __init__(self, right: str) -> None:
        self.right = right
        self.asked: list[str] = []

    def __call__(self, pin: str) -> bool:
        self.asked.append(pin)
        return pin == self.right


@pytest.fixture
def pins() -> Pins:
    return Pins("2468")


@pytest.fixture
def guard(pins: Pins, clock: SimulatedClock) -> KioskExit:
    return KioskExit(pins, clock)


def wrong(guard: KioskExit) -> ExitAnswer:
    return guard.try_pin("1111")


def test_the_right_pin_leaves(guard: KioskExit) -> None:
    assert guard.needs_pin
    answer = guard.try_pin("2468")
    assert answer.ok and answer.wait_seconds == 0 and answer.message == "Leaving the kiosk."


def test_without_any_pin_anyone_may_leave(clock: SimulatedClock) -> None:
    guard = KioskExit(None, clock)
    assert not guard.needs_pin
    assert guard.try_pin("").ok


def test_three_wrong_pins_wait_30_seconds_without_checking(
    guard: KioskExit, pins: Pins, clock: SimulatedClock
) -> None:
    first, second = wrong(guard), wrong(guard)
    assert (first.ok, first.tries_left, first.wait_seconds) == (False, 2, 0)
    assert first.message == "That PIN is not right. 2 more tries before a wait."
    assert second.tries_left == 1
    assert second.message == "That PIN is not right. 1 more try before a wait."
    third = wrong(guard)
    assert (third.ok, third.tries_left, third.wait_seconds) == (False, 0, 30)
    assert third.message == "That PIN is not right. Try again in 30 seconds."
    assert len(pins.asked) == 3

    clock.advance(29.5)
    refused = guard.try_pin("2468")  # even the right one is not looked at while waiting
    assert not refused.ok and refused.tries_left == 0
    assert refused.wait_seconds == pytest.approx(0.5)
    assert refused.message == "Too many wrong PINs. Try again in 1 second."
    assert len(pins.asked) == 3
    assert guard.wait_seconds == pytest.approx(0.5) and guard.tries_left == 0

    clock.advance(0.5)
    assert guard.wait_seconds == 0 and guard.tries_left == 1
    assert guard.try_pin("2468").ok


def test_each_wrong_pin_after_a_wait_doubles_it(guard: KioskExit, clock: SimulatedClock) -> None:
    for _ in range(2):
        wrong(guard)
    waits = []
    for _ in range(4):
        answer = wrong(guard)
        waits.append(answer.wait_seconds)
        clock.advance(answer.wait_seconds)
    assert waits == [30, 60, 120, 240]


def test_a_right_pin_resets_everything(guard: KioskExit, clock: SimulatedClock) -> None:
    for _ in range(4):
        clock.advance(wrong(guard).wait_seconds)
    assert guard.try_pin("2468").ok
    assert guard.tries_left == 3
    assert [wrong(guard).wait_seconds for _ in range(3)] == [0, 0, 30]


def test_an_empty_pin_is_not_a_try(guard: KioskExit, pins: Pins) -> None:
    for _ in range(5):
        answer = guard.try_pin("")
        assert not answer.ok and answer.tries_left == 3 and answer.wait_seconds == 0
    assert pins.asked == []


def test_the_kiosk_pin_comes_first(paths: Paths) -> None:
    assert kiosk_pin_check(paths) is None
    set_pin(paths, "4826")
    clinician = kiosk_pin_check(paths)
    assert clinician is not None and clinician("4826") and not clinician("5927")
    set_kiosk_pin(paths, "5927")
    kiosk = kiosk_pin_check(paths)
    assert kiosk is not None and kiosk("5927") and not kiosk("4826")


def test_the_kiosk_pin_alone(paths: Paths) -> None:
    set_kiosk_pin(paths, "5927")
    check = kiosk_pin_check(paths)
    assert check is not None and check("5927") and not check("0000")


def test_a_damaged_kiosk_pin_file_lets_only_the_clinician_out(paths: Paths) -> None:
    set_kiosk_pin(paths, "5927")
    kiosk_pin_file(paths).write_text("format_version = 1\nalgorithm = 'rot13'\n")
    shut = kiosk_pin_check(paths)
    assert shut is not None and not shut("5927") and not shut("4826")
    set_pin(paths, "4826")
    check = kiosk_pin_check(paths)
    assert check is not None and check("4826") and not check("5927")
