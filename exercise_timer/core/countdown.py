"""How a hold is counted down: a setting the person chooses and the engine follows."""

from __future__ import annotations

from enum import StrEnum


class Countdown(StrEnum):
    """How many of a hold's last seconds are counted down."""

    EVERY = "every"
    LAST_THREE = "last-three"
    NONE = "none"


def count_numbers(duration_ms: int, countdown: Countdown) -> list[int]:
    """The numbers said in a hold of ``duration_ms``, highest first.

    Number n is due n seconds before the hold ends, never at its very start (the hold's own
    cue is said then).
    """
    if countdown is Countdown.NONE:
        return []
    whole = duration_ms // 1000
    if whole * 1000 == duration_ms:
        whole -= 1
    top = whole if countdown is Countdown.EVERY else min(whole, 3)
    return list(range(top, 0, -1))
