"""A stand-in for pyttsx3 that the worker loads instead (``fakes.worker_spec()``).

It writes a quiet tone, 40 ms per character, instead of speech, and misbehaves on request, so
the worker's and the watchdog's handling of crashes and hangs can be tested deterministically:

- a text starting with ``hang`` blocks ``runAndWait`` for ever;
- ``crash`` ends the process at once (as a segfault in the library would);
- ``raise`` raises from ``runAndWait`` (after which real pyttsx3 is unusable);
- ``error`` reports an error through the ``error`` callback, as pyttsx3's driver proxy does;
- ``FAKE_TTS_INIT=runtime-error`` makes ``init()`` raise ``RuntimeError`` (no libespeak-ng1),
  ``FAKE_TTS_INIT=other`` raises ``OSError``.
"""

from __future__ import annotations

import array
import math
import os
import threading
import wave
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

SECONDS_PER_CHARACTER = 0.04
RATE = 22050


@dataclass(frozen=True)
class Voice:
    """Like ``pyttsx3.voice.Voice``."""

    id: str
    name: str
    languages: list[str] = field(default_factory=list)


VOICES = (Voice("fake/en", "Fake English", ["en"]), Voice("fake/es", "Fake Spanish", ["es"]))


class Engine:
    """Just enough of ``pyttsx3.Engine`` for the worker."""

    def __init__(self) -> None:
        self._callbacks: dict[str, list[Callable[..., Any]]] = {}
        self._properties: dict[str, Any] = {"voice": VOICES[0].id, "rate": 200, "volume": 1.0}
        self._job: tuple[str, str, str | None] | None = None

    def connect(self, topic: str, callback: Callable[..., Any]) -> tuple[str, Callable[..., Any]]:
        """Subscribes to ``started-utterance``, ``finished-utterance`` or ``error``."""
        self._callbacks.setdefault(topic, []).append(callback)
        return topic, callback

    def disconnect(self, token: tuple[str, Callable[..., Any]]) -> None:
        """Unsubscribes."""
        self._callbacks[token[0]].remove(token[1])

    def _notify(self, topic: str, **arguments: Any) -> None:
        for callback in list(self._callbacks.get(topic, [])):
            callback(**arguments)

    def getProperty(self, name: str) -> Any:
        """``voices`` or a setting."""
        if name == "voices":
            return list(VOICES)
        return self._properties[name]

    def setProperty(self, name: str, value: Any) -> None:
        """Stores a setting."""
        self._properties[name] = value

    def say(self, text: str) -> None:
        """Queues speech."""
        self._job = ("say", text, None)

    def save_to_file(self, text: str, path: str) -> None:
        """Queues writing to a file."""
        self._job = ("file", text, path)

    def runAndWait(self) -> None:
        """Does the queued job, or misbehaves as the text asks."""
        if self._job is None:
            return
        kind, text, path = self._job
        self._job = None
        if text.startswith("hang"):
            threading.Event().wait()
        if text.startswith("crash"):
            os._exit(70)
        if text.startswith("raise"):
            raise RuntimeError("run loop already started")
        if text.startswith("error"):
            self._notify("error", name=None, exception=ValueError("the fake engine failed"))
            return
        self._notify("started-utterance", name=None)
        if kind == "file" and path is not None:
            _write_tone(path, len(text) * SECONDS_PER_CHARACTER, float(self._properties["volume"]))
        self._notify("finished-utterance", name=None, completed=True)


def _write_tone(path: str, seconds: float, volume: float) -> None:
    count = int(seconds * RATE)
    amplitude = 8000 * volume
    samples = array.array(
        "h", (int(amplitude * math.sin(2 * math.pi * 220 * i / RATE)) for i in range(count))
    )
    with wave.open(path, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(samples.tobytes())


def init() -> Engine:
    """Like ``pyttsx3.init()``; fails as ``FAKE_TTS_INIT`` asks."""
    mode = os.environ.get("FAKE_TTS_INIT", "")
    if mode == "runtime-error":
        raise RuntimeError("This means you probably do not have eSpeak or eSpeak-ng installed!")
    if mode == "other":
        raise OSError("the fake engine could not start")
    return Engine()
