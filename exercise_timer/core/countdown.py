"""How a hold is counted down: a setting the person chooses and the engine follows."""

from __future__ import annotations

from enum import StrEnum


class Countdown(StrEnum):
    """How many of a hold's last seconds are counted down."""

    EVERY = "every"
    LAST_THREE = "last-three"
    NONE = "none"
