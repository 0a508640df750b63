"""Makes pyttsx3's espeak-ng driver apply every setting and finish every file before a cue ends.

pyttsx3 (2.99) runs espeak-ng asynchronously: ``SetParameter`` and ``Synth`` only queue
commands for espeak-ng's own thread. Two races follow, both measured in the worker:

- ``runAndWait`` ends with ``endLoop``, which calls the driver's ``stop``; while espeak-ng's
  queue still holds the settings just sent, ``IsPlaying`` is true and ``stop`` calls
  ``Cancel``, which throws those settings away. The cue is then synthesised at the previous
  rate: 200, pyttsx3's own default, in a fresh worker (about one render in ten).
- ``runAndWait`` returns once the synthesis is queued, not when the file is written: the
  driver runs its queue (whose last command ends the loop) before it calls ``Synth``, and
  writes the WAV from espeak-ng's thread when that reports the end of the message. Waiting
  while ``espeak_IsPlaying()`` is not enough either: libespeak-ng 1.51 answers false until its
  thread has taken the command (false right after ``Synth`` in 32 of 200 tries here), so the
  wait could end before the synthesis began, leaving no file, an empty one, or a part of one.

:func:`attach` replaces that ``stop`` (the worker never stops a cue that way: it is killed),
and gives the worker a way to wait for the driver's ``finished-utterance`` notification (sent
after the file is closed), to wait for espeak-ng's queue, and to read back the rate in force.
"""

from __future__ import annotations

import ctypes
import importlib
import threading
import time
from typing import Any

_DRIVER_MODULE = "pyttsx3.drivers.espeak"
_BINDINGS_MODULE = "pyttsx3.drivers._espeak"
_CURRENT = 1  # espeak_GetParameter: the value set, not the default


class EspeakQueue:
    """espeak-ng's command queue, as the worker needs it."""

    def __init__(self, bindings: Any) -> None:
        """Wraps pyttsx3's ctypes bindings of libespeak-ng."""
        self._espeak = bindings
        # pyttsx3 binds espeak_GetParameter with one argument of its two; bind it whole.
        get = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_int)
        self._get_parameter = get(("espeak_GetParameter", bindings.dll))
        self._finished = threading.Event()

    def expect_utterance(self) -> None:
        """Call before ``runAndWait``: :meth:`wait_until_written` then waits for this one."""
        self._finished.clear()

    def on_finished_utterance(self, **_: object) -> None:
        """The engine's ``finished-utterance`` callback (on espeak-ng's thread)."""
        self._finished.set()

    def wait_until_written(self, timeout: float) -> bool:
        """Waits until the driver has closed the file of the utterance; False on timeout."""
        return self._finished.wait(timeout)

    def wait_until_idle(self, timeout: float) -> bool:
        """Waits until espeak-ng has carried out every queued command; False on timeout."""
        deadline = time.monotonic() + timeout
        while self._espeak.IsPlaying():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.002)
        return True

    def rate(self) -> int:
        """The speaking rate in force, in words per minute."""
        return int(self._get_parameter(self._espeak.RATE, _CURRENT))


def attach(engine: Any) -> EspeakQueue | None:
    """Fixes the races of an engine on pyttsx3's espeak-ng driver; None for any other engine."""
    driver = getattr(getattr(engine, "proxy", None), "_driver", None)
    if driver is None or type(driver).__module__ != _DRIVER_MODULE:
        return None
    driver.stop = _keep_queued_commands
    found = EspeakQueue(importlib.import_module(_BINDINGS_MODULE))
    engine.connect("finished-utterance", found.on_finished_utterance)
    return found


def _keep_queued_commands() -> None:
    """Replaces the driver's ``stop``, whose ``Cancel`` drops settings not yet carried out."""
