"""Makes pyttsx3's espeak-ng driver apply every setting and finish every file before a cue ends.

pyttsx3 (2.99) runs espeak-ng asynchronously: ``SetParameter`` and ``Synth`` only queue
commands for espeak-ng's own thread. Two races follow, both measured in the worker:

- ``runAndWait`` ends with ``endLoop``, which calls the driver's ``stop``; while espeak-ng's
  queue still holds the settings just sent, ``IsPlaying`` is true and ``stop`` calls
  ``Cancel``, which throws those settings away. The cue is then synthesised at the previous
  rate: 200, pyttsx3's own default, in a fresh worker (about one render in ten).
- ``runAndWait`` returns once the synthesis is queued, not when the file is written.

:func:`attach` replaces that ``stop`` (the worker never stops a cue that way: it is killed)
and gives the worker a way to wait for espeak-ng's queue and to read back the rate in force.
"""

from __future__ import annotations

import ctypes
import importlib
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
    return EspeakQueue(importlib.import_module(_BINDINGS_MODULE))


def _keep_queued_commands() -> None:
    """Replaces the driver's ``stop``, whose ``Cancel`` drops settings not yet carried out."""
