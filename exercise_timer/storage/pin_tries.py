"""Wrong tries of the clinician's PIN, counted across windows and commands, and the waits.

The rules are the kiosk exit's (``app.kiosk_exit``): three wrong PINs in a row make the next
try wait 30 seconds, and each wrong PIN after a wait doubles it (60, 120, ...); while a wait
runs no PIN is even checked; a right PIN resets all of it. Here the count is kept in
``Paths.config_dir / "pin-tries.json"`` (mode 0600), so a script that starts the program
again for every guess waits like a person at the editor does. The clock is the wall clock
(injected: tests drive a simulated one); a clock put back never makes a wait longer than it
was set to be. A file that cannot be read or written only means the count starts again.
"""

from __future__ import annotations

import contextlib
import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from exercise_timer.core.i18n import _, ngettext
from exercise_timer.storage.atomic import write_text_atomic
from exercise_timer.storage.paths import Paths

FREE_TRIES = 3
"""Wrong PINs allowed before the first wait."""
FIRST_WAIT_SECONDS = 30.0


def pin_tries_file(paths: Paths) -> Path:
    """Where the wrong tries of the clinician's PIN are counted."""
    return paths.config_dir / "pin-tries.json"


@dataclass(frozen=True)
class PinAnswer:
    """What became of a PIN given.

    Attributes:
        ok: The PIN is right.
        wait_seconds: How long until another PIN is taken (0 unless a wait runs).
        tries_left: Wrong PINs still allowed before the next wait (0 while waiting).
        message: What to show, in the language in use now ("" when ``ok``).
        later: Its last sentence alone: the tries left, or how long to wait.
    """

    ok: bool
    wait_seconds: float
    tries_left: int
    message: str
    later: str = ""


@dataclass(frozen=True)
class _Count:
    wrong: int = 0
    wait: float = 0.0
    """The wait set by the last wrong PIN (0 when none runs)."""
    wait_until: float = 0.0


class PinTries:
    """Checks PINs through a count of wrong ones kept in a file."""

    def __init__(self, file: Path | None, clock: Callable[[], float] | None = None) -> None:
        """``file`` keeps the count (None: in memory only); ``clock`` gives wall seconds."""
        self._file = file
        self._clock = clock or time.time
        self._memory = _Count()

    def wait_seconds(self) -> float:
        """How long until another PIN is taken (0 when one may be given now)."""
        count = self._read()
        return min(count.wait, max(0.0, count.wait_until - self._clock()))

    def refusal(self) -> str | None:
        """The sentence that refuses any PIN while a wait runs, else None."""
        waiting = self.wait_seconds()
        return _waiting_message(waiting) if waiting > 0 else None

    def attempt(self, check: Callable[[str], bool], pin: str) -> PinAnswer:
        """Checks ``pin`` with ``check`` unless a wait runs, and counts it when it is wrong."""
        waiting = self.wait_seconds()
        if waiting > 0:
            message = _waiting_message(waiting)
            return PinAnswer(False, waiting, 0, message, message)
        count = self._read()
        if check(pin):
            if count != _Count():
                self._write(_Count())
            return PinAnswer(True, 0.0, FREE_TRIES, "")
        wrong = count.wrong + 1
        if wrong < FREE_TRIES:
            self._write(_Count(wrong))
            left = FREE_TRIES - wrong
            later = ngettext(
                "{count} more try before a wait.", "{count} more tries before a wait.", left
            ).format(count=left)
            return PinAnswer(False, 0.0, left, _not_right(later), later)
        wait = FIRST_WAIT_SECONDS if count.wait <= 0 else count.wait * 2
        self._write(_Count(wrong, wait, self._clock() + wait))
        seconds = math.ceil(wait)
        later = ngettext(
            "Try again in {seconds} second.", "Try again in {seconds} seconds.", seconds
        ).format(seconds=seconds)
        return PinAnswer(False, wait, 0, _not_right(later), later)

    def _read(self) -> _Count:
        if self._file is None:
            return self._memory
        try:
            data = json.loads(self._file.read_text(encoding="utf-8"))
            found = _Count(int(data["wrong"]), float(data["wait"]), float(data["wait_until"]))
        except (OSError, ValueError, TypeError, KeyError, OverflowError):
            return self._memory
        if found.wrong < 0 or not all(map(math.isfinite, (found.wait, found.wait_until))):
            return self._memory
        return found

    def _write(self, count: _Count) -> None:
        self._memory = count
        if self._file is None:
            return
        document = {"wrong": count.wrong, "wait": count.wait, "wait_until": count.wait_until}
        with contextlib.suppress(OSError):  # counted in memory: this process still waits
            write_text_atomic(self._file, json.dumps(document) + "\n")


class GuardedCheck:
    """A ``Callable[[str], bool]`` for a PIN dialog, through :class:`PinTries`.

    ``refusal`` is the sentence to show after it said False.
    """

    def __init__(self, tries: PinTries, check: Callable[[str], bool]) -> None:
        """``check`` tells the right PIN; ``tries`` counts the wrong ones."""
        self._tries = tries
        self._check = check
        self.refusal = ""

    def __call__(self, pin: str) -> bool:
        """True for the right PIN, given while no wait runs."""
        answer = self._tries.attempt(self._check, pin)
        self.refusal = answer.message
        return answer.ok


def _not_right(later: str) -> str:
    return _("That PIN is not right. {later}").format(later=later)


def _waiting_message(waiting: float) -> str:
    seconds = math.ceil(waiting)
    return ngettext(
        "Too many wrong PINs. Try again in {seconds} second.",
        "Too many wrong PINs. Try again in {seconds} seconds.",
        seconds,
    ).format(seconds=seconds)
