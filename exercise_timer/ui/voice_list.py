"""The voices the settings offer: those that speak the language in use, not every one installed.

espeak-ng has a hundred languages; an English speaker looking for a voice wants the English
ones. The services list voices as ``(id, "Name (tags)")``; a voice's languages are its id's
last part (``gmw/en``, ``roa/es``, ``en-gb``) and the tags in its label's brackets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exercise_timer.speech.probe import Voice
from exercise_timer.speech.voice_choice import speaks


def voice_of(voice_id: str, label: str) -> Voice:
    """A listed voice with the languages its id and label give."""
    tags = [voice_id.rsplit("/", 1)[-1]]
    bracket = re.search(r"\(([^()]*)\)\s*$", label)
    if bracket:
        tags.extend(tag.strip() for tag in bracket.group(1).split(","))
    return Voice(voice_id, label, tuple(tag for tag in tags if tag))


def voices_for_language(
    voices: Sequence[tuple[str, str]], language: str, chosen: str = ""
) -> list[tuple[str, str]]:
    """The voices that speak ``language``, and the chosen voice whatever it speaks.

    When no voice speaks it, all are offered (better a choice than none).
    """
    fitting = [
        (voice_id, label)
        for voice_id, label in voices
        if voice_id == chosen or speaks(voice_of(voice_id, label), language)
    ]
    return fitting if any(v != chosen for v, _label in fitting) else list(voices)
