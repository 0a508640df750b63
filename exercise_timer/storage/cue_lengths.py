"""How long each cue takes to say: measured lengths kept in the cache folder, else an estimate.

Lengths are kept by voice, rate and text in ``cue-seconds.json``; measuring is the speech
layer's (:mod:`exercise_timer.speech.measure`). The file is a cache: a damaged one is read as
empty and written again.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

from exercise_timer.storage.atomic import write_text_atomic

FORMAT = 1
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_PAUSE = re.compile(r"[.!?:;,](?:\s|$)")
_NUMBER = re.compile(r"\d+")
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")


def estimate_seconds(text: str, rate: int) -> float:
    """A generous guess of how long espeak-ng takes to say ``text`` at ``rate`` words a minute.

    Fitted to the lengths measured for every cue form of the bundled routines at rates
    80-300 (docs/decisions/0009-cues-that-fit.md): it is longer than the measured length for
    all but a few of them, and never more than 5 % shorter.
    """
    letters = len(_LETTER.findall(text))
    pauses = len(_PAUSE.findall(text))
    numbers = len(_NUMBER.findall(text))
    spelled = sum(len(found) for found in _ACRONYM.findall(text))
    return (11.5 * letters + 60 * pauses + 80 * numbers + 25 * spelled) / rate


def voice_key(voice: str | None, rate: int) -> str:
    """The cache's key for one voice at one rate."""
    return f"{voice or 'default'}@{rate}"


class CueLengths:
    """The lengths of cues at one voice and rate: measured where known, estimated otherwise.

    Thread-safe: a background measurement may add lengths while the session reads them.
    """

    def __init__(self, cache_file: Path | None, voice: str | None, rate: int) -> None:
        """Reads what the cache already knows for this voice and rate."""
        self.cache_file = cache_file
        self.voice = voice
        self.rate = rate
        self._lock = threading.Lock()
        self._known: dict[str, float] = dict(_read(cache_file).get(voice_key(voice, rate), {}))

    def length_of(self, text: str) -> tuple[float, bool]:
        """Seconds to say ``text``, and whether that was measured."""
        with self._lock:
            known = self._known.get(text)
        if known is not None:
            return known, True
        return estimate_seconds(text, self.rate), False

    def missing(self, texts: Iterable[str]) -> list[str]:
        """The texts (each once, in order) whose length has not been measured yet."""
        with self._lock:
            return [text for text in dict.fromkeys(texts) if text and text not in self._known]

    def learn(self, seconds: Mapping[str, float]) -> str | None:
        """Keeps measured lengths, here and in the cache file; returns a problem or None."""
        with self._lock:
            self._known.update(seconds)
            if self.cache_file is None:
                return None
            stored = _read(self.cache_file)
            key = voice_key(self.voice, self.rate)
            stored[key] = {**stored.get(key, {}), **seconds}
            document = {"format": FORMAT, "lengths": stored}
            try:
                write_text_atomic(self.cache_file, json.dumps(document, ensure_ascii=False))
            except OSError as error:
                return f"{self.cache_file}: {error.strerror or error}"
        return None


def _read(cache_file: Path | None) -> dict[str, dict[str, float]]:
    """Every voice's lengths in the cache file; empty when it is missing or damaged."""
    if cache_file is None:
        return {}
    try:
        document = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return {}
    lengths = document.get("lengths")
    if not isinstance(lengths, dict):
        return {}
    return {
        key: {
            text: float(seconds)
            for text, seconds in table.items()
            if isinstance(text, str)
            and isinstance(seconds, int | float)
            and not isinstance(seconds, bool)
            and 0 <= seconds < 600
        }
        for key, table in lengths.items()
        if isinstance(key, str) and isinstance(table, dict)
    }
