"""The one table of limits: every bound a value must keep, read by every layer that checks one.

The loader, the personal values, prescription files, the values editor, the settings and the
command line all take their bounds from here, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    """An inclusive range a value must lie in."""

    low: float
    high: float

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies within the range, both ends included."""
        return self.low <= value <= self.high


HOLD_SECONDS = Limit(1, 120)
"""A hold a person sets (personal values, prescriptions, the editor); 0 only for a stage with no
hold."""
ROUTINE_HOLD_SECONDS = Limit(0.5, HOLD_SECONDS.high)
"""A hold a routine file gives: 0 (a stage with no hold) or within this, fractions allowed."""
REPETITIONS = Limit(1, 30)
"""Also the most holds a list of one hold per repetition may give."""
RELAX_SECONDS = Limit(0, 60)
PREPARE_SECONDS = Limit(0, 300)
MOVE_SECONDS = Limit(0.5, 60)
"""Moving into a stage, and returning from it."""
STAGES = Limit(1, 10)
"""Stages in one repetition of an exercise."""
PROGRESSION_EVERY = Limit(1, 30)
"""Build-up: completed sessions between two steps."""
SPEAKING_RATE = Limit(80, 300)
"""Words per minute."""
VOLUME = Limit(0, 1)
PIN_DIGITS = Limit(4, 12)
SPEED = Limit(0.01, 1000)
"""``--speed``: every duration divided by this factor."""
KIOSK_IDLE_SECONDS = Limit(2, 3600)
"""``--kiosk-idle``: how long a kiosk waits for a visitor who paused before giving up."""
PAIN_RATING = Limit(0, 10)
"""After a session: 0 no pain, 10 the worst imaginable."""

TOML_FILE_BYTES = Limit(0, 1024 * 1024)
"""Any TOML file the program reads. The largest bundled routine is 29 KB; 1 MB of plain
tables parses in under a second, tens of megabytes would hold the window for many."""
TOML_KEY_PARTS = Limit(1, 32)
"""Parts of one dotted key or table header (``a.b.c`` has 3). The program's files need 3 at
most (``exercises.ID.left_out``); tomllib's time grows with the square of the parts (60 KB
of ``a.a.a...`` takes 13 s), and at 32 it is a fraction of a millisecond a key."""
TOML_NESTING = Limit(0, 32)
"""Brackets within each other (arrays, inline tables, ``[[...]]`` headers). The program's files
need 2 at most; tomllib recurses once per level, so a deep file would otherwise end in a
RecursionError."""
