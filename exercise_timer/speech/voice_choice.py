"""Which voice says the cues: the person's, when it speaks the language in use, else one that does.

Spanish cues said by an English voice are hard to follow (and "3" is said "three"), so in a
language other than English a voice that does not speak it is replaced by the engine's voice
for it (espeak-ng's ``roa/es`` for Spanish), which also says the countdown's digits in that
language. In English the chosen voice (or the engine's default, English) is used as it always
was, without asking the engine for its voices. The resolved id is what every cache of lengths
and clips is keyed by, so the two languages never share a measured length.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from exercise_timer.core.i18n import ENGLISH

if TYPE_CHECKING:
    from exercise_timer.speech.probe import Voice

VOICES_TIMEOUT = 10.0


def _base(tag: str) -> str:
    return tag.replace("_", "-").split("-")[0].lower()


def speaks(voice: Voice, language: str) -> bool:
    """Whether one of the voice's languages is ``language`` ("es" for "es-419" too)."""
    return any(_base(tag) == _base(language) for tag in voice.languages)


def voice_for_language(chosen: str | None, language: str, voices: Sequence[Voice]) -> str | None:
    """The chosen voice if it speaks ``language``, else the voice that speaks it most plainly.

    "Most plainly": a voice whose language is exactly ``language`` ("es", Spain) before a
    regional one ("es-419"), then by id. When no voice speaks it, the chosen one stays.
    """
    by_id = {voice.id: voice for voice in voices}
    own = by_id.get(chosen) if chosen is not None else None
    if own is not None and speaks(own, language):
        return chosen
    fitting = [voice for voice in voices if speaks(voice, language)]
    if not fitting:
        return chosen

    def plainness(voice: Voice) -> tuple[int, int, str]:
        tags = [tag.lower() for tag in voice.languages if _base(tag) == _base(language)]
        return (0 if language.lower() in tags else 1, min(len(tag) for tag in tags), voice.id)

    return min(fitting, key=plainness).id


@functools.cache
def installed_voices() -> tuple[Voice, ...]:
    """The engine's voices, asked once per process from a worker; none if it cannot say."""
    from exercise_timer.speech.probe import Voice  # the worker only for another language
    from exercise_timer.speech.process import WorkerSpec, WorkerTimeout, run_requests

    try:
        events, _ = run_requests(WorkerSpec(quiet=True), [{"op": "voices"}], VOICES_TIMEOUT)
    except (WorkerTimeout, OSError):
        return ()
    for event in events:
        if event.get("event") == "voices":
            return tuple(
                Voice(str(v["id"]), str(v["name"]), tuple(str(tag) for tag in v["languages"]))
                for v in event.get("voices", [])
            )
    return ()


def spoken_voice(
    chosen: str | None,
    language: str,
    voices: Callable[[], Sequence[Voice]] = installed_voices,
) -> str | None:
    """The voice id to speak ``language`` with, the person having chosen ``chosen``.

    Args:
        chosen: The voice in the settings; None for the engine's default.
        language: The language the cues are in (``core.i18n.current_language()``).
        voices: The engine's voices, asked only for a language other than English.
    """
    if _base(language) == ENGLISH:
        return chosen
    return voice_for_language(chosen, language, voices())
