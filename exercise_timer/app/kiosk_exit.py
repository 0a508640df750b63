"""Leaving the kiosk: the PIN that lets staff out, and the wait that stops a visitor guessing.

Three wrong PINs in a row make the next try wait 30 seconds; after a wait, each wrong PIN
doubles it (60, 120, ...), and while a wait runs no PIN is even checked. A right PIN resets
all of it. The wait never needs a cap: to make it longer a visitor must first sit out the
whole of the one before, so it is never more than about the time they have spent guessing.
The state is in memory only; the clock is injected (tests drive a simulated one).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from exercise_timer.core.i18n import _, ngettext
from exercise_timer.storage.kiosk_pin import check_kiosk_pin, has_kiosk_pin, kiosk_pin_problem
from exercise_timer.storage.lock import check_pin, is_locked
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.pin_tries import FIRST_WAIT_SECONDS, FREE_TRIES


@dataclass(frozen=True)
class ExitAnswer:
    """What the window shows after a PIN was given.

    Attributes:
        ok: The PIN is right (or none is needed): leave the kiosk.
        wait_seconds: How long until another PIN is taken (0 unless a wait runs).
        tries_left: Wrong PINs still allowed before the next wait (0 while waiting).
        message: One sentence for the window, in the language in use now.
    """

    ok: bool
    wait_seconds: float
    tries_left: int
    message: str


class KioskExit:
    """Checks the PIN that leaves the kiosk and makes guessers wait."""

    def __init__(self, check: Callable[[str], bool] | None, clock: Callable[[], float]) -> None:
        """``check`` tells a right PIN (None: no PIN is set, anyone may leave).

        ``clock`` gives monotonic seconds.
        """
        self._check = check
        self._clock = clock
        self._wrong = 0
        self._next_wait = FIRST_WAIT_SECONDS
        self._wait_until: float | None = None

    @property
    def needs_pin(self) -> bool:
        """Whether leaving asks for a PIN at all."""
        return self._check is not None

    @property
    def wait_seconds(self) -> float:
        """How long until another PIN is taken (0 when one may be given now)."""
        if self._wait_until is None:
            return 0.0
        return max(0.0, self._wait_until - self._clock())

    @property
    def tries_left(self) -> int:
        """Wrong PINs still allowed before the next wait."""
        if self.wait_seconds > 0:
            return 0
        return max(1, FREE_TRIES - self._wrong)

    def try_pin(self, pin: str) -> ExitAnswer:
        """Checks ``pin`` unless a wait runs; a right one resets the count of wrong ones."""
        if self._check is None:
            return ExitAnswer(True, 0.0, FREE_TRIES, _("Leaving the kiosk."))
        waiting = self.wait_seconds
        if waiting > 0:
            return ExitAnswer(False, waiting, 0, _waiting_message(waiting))
        if not pin:
            return ExitAnswer(
                False, 0.0, self.tries_left, _("Type the PIN, then press Enter, or Cancel.")
            )
        if self._check(pin):
            self._wrong, self._next_wait, self._wait_until = 0, FIRST_WAIT_SECONDS, None
            return ExitAnswer(True, 0.0, FREE_TRIES, _("Leaving the kiosk."))
        self._wrong += 1
        if self._wrong < FREE_TRIES:
            left = FREE_TRIES - self._wrong
            return ExitAnswer(
                False,
                0.0,
                left,
                ngettext(
                    "That PIN is not right. {count} more try before a wait.",
                    "That PIN is not right. {count} more tries before a wait.",
                    left,
                ).format(count=left),
            )
        wait = self._next_wait
        self._next_wait *= 2
        self._wait_until = self._clock() + wait
        seconds = math.ceil(wait)
        return ExitAnswer(
            False,
            wait,
            0,
            ngettext(
                "That PIN is not right. Try again in {seconds} second.",
                "That PIN is not right. Try again in {seconds} seconds.",
                seconds,
            ).format(seconds=seconds),
        )


def _waiting_message(waiting: float) -> str:
    seconds = math.ceil(waiting)
    return ngettext(
        "Too many wrong PINs. Try again in {seconds} second.",
        "Too many wrong PINs. Try again in {seconds} seconds.",
        seconds,
    ).format(seconds=seconds)


def kiosk_pin_check(paths: Paths) -> Callable[[str], bool] | None:
    """What tells the PIN that leaves the kiosk; None when no PIN is set at all.

    The kiosk's own PIN when it is set (``exercise-timer kiosk pin``); else the clinician's
    PIN when the values are locked. A kiosk PIN file that cannot be read lets no kiosk PIN
    through, but the clinician's PIN still works if there is one, so staff are not shut in.
    """
    if has_kiosk_pin(paths):
        if kiosk_pin_problem(paths) is None:
            return lambda pin: check_kiosk_pin(paths, pin)
        return lambda pin: is_locked(paths) and check_pin(paths, pin)
    if is_locked(paths):
        return lambda pin: check_pin(paths, pin)
    return None
