"""The words the voice says in a session, fitted to its phases at the person's voice and rate.

The lengths come from the cache folder; the ones not yet known are measured by rendering them
with the real voice, in the background for the window (the estimate is used meanwhile) or at
once for ``plan``. A fresh fit follows every new measurement, so a session in progress gets the
measured lengths from its next phase on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from exercise_timer.core.cue_fit import CuePlan, Timing, fit_cues
from exercise_timer.core.schedule import Schedule
from exercise_timer.speech.speaker import VoiceSettings
from exercise_timer.storage.cue_lengths import CueLengths

Measure = Callable[[Sequence[str]], Mapping[str, float]]
"""Renders texts with the voice in use and returns the seconds of each it could render."""

ROUNDS = 3
"""Fits that may each ask for new texts (a carried sentence) before the plan is final."""


def real_measure(voice: str | None, rate: int) -> Measure:
    """Measures with a one-shot worker of the real voice at ``voice`` and ``rate``."""

    def measure(texts: Sequence[str]) -> Mapping[str, float]:
        from exercise_timer.speech.measure import measure_cue_seconds  # only when measuring

        return measure_cue_seconds(texts, VoiceSettings(voice=voice, rate=rate)).seconds

    return measure


def texts_asked(
    schedule: Schedule, lengths: CueLengths, timing: Timing
) -> tuple[CuePlan, list[str]]:
    """Fits the cues and lists every text whose length the fit asked for."""
    asked: list[str] = []

    def length_of(text: str) -> tuple[float, bool]:
        asked.append(text)
        return lengths.length_of(text)

    return fit_cues(schedule, length_of, timing), asked


def fit_measured(
    schedule: Schedule, lengths: CueLengths, timing: Timing, measure: Measure | None
) -> CuePlan:
    """Measures what the fit needs (when ``measure`` is given), then fits; blocks meanwhile."""
    plan, asked = texts_asked(schedule, lengths, timing)
    for _round in range(ROUNDS):
        missing = lengths.missing(asked)
        if not missing or measure is None:
            break
        found = measure(missing)
        if not found:
            break
        lengths.learn(dict(found))
        plan, asked = texts_asked(schedule, lengths, timing)
    return plan


class CueVoice:
    """The controller's fitted cues; what is missing is measured in a background thread.

    Measuring starts at the first ``poll()``, not at ``fit()``, so it never competes with the
    window's start-up.
    """

    def __init__(
        self,
        cache_file: Path | None,
        measure: Callable[[str | None, int], Measure | None],
    ) -> None:
        """Measures with ``measure(voice, rate)`` (None when there is no voice to measure)."""
        self._cache_file = cache_file
        self._measure = measure
        self._lengths: CueLengths | None = None
        self._thread: threading.Thread | None = None
        self._arrived: CueLengths | None = None
        self._lock = threading.Lock()
        self._last: tuple[Schedule, Timing, VoiceSettings] | None = None
        self._missing: list[str] = []
        self._rounds = 0
        self.plan: CuePlan | None = None

    def fit(self, schedule: Schedule, timing: Timing, settings: VoiceSettings) -> CuePlan:
        """Fits the cues with the lengths known now; ``poll()`` measures the missing ones."""
        voice, rate = settings.voice, settings.rate
        lengths = self._lengths
        if lengths is None or (lengths.voice, lengths.rate) != (voice, rate):
            lengths = self._lengths = CueLengths(self._cache_file, voice, rate)
            self._rounds = 0
        self._last = (schedule, timing, settings)
        self.plan, asked = texts_asked(schedule, lengths, timing)
        self._missing = lengths.missing(asked)
        return self.plan

    @property
    def measuring(self) -> bool:
        """Whether lengths are being measured now."""
        thread = self._thread
        return thread is not None and thread.is_alive()

    @property
    def settled(self) -> bool:
        """Whether the plan is as good as it will get: nothing left to measure, or no way to."""
        if self.measuring:
            return False
        lengths = self._lengths
        return (
            not self._missing
            or self._rounds >= ROUNDS
            or lengths is None
            or self._measure(lengths.voice, lengths.rate) is None
        )

    def poll(self) -> bool:
        """Fits again when lengths were measured meanwhile, and measures what is still missing.

        Returns:
            True when the plan changed.
        """
        with self._lock:
            arrived, self._arrived = self._arrived, None
        lengths, last = self._lengths, self._last
        changed = False
        if arrived is not None and arrived is lengths and lengths is not None and last is not None:
            self.fit(*last)
            changed = True
        if lengths is not None and not self.measuring and not self.settled:
            self._start_measuring(lengths, self._missing)
        return changed

    def _start_measuring(self, lengths: CueLengths, missing: Sequence[str]) -> None:
        measure = self._measure(lengths.voice, lengths.rate)
        if measure is None:
            return
        self._rounds += 1
        texts = list(missing)

        def work() -> None:
            found = dict(measure(texts))
            if found:
                lengths.learn(found)  # a cache that cannot be written only means measuring again
                with self._lock:
                    self._arrived = lengths

        self._thread = threading.Thread(target=work, name="cue-measure", daemon=True)
        self._thread.start()
