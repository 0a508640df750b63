"""The Speaker interface the window talks to, and the captions-only speaker.

The real voice (a pyttsx3 worker process) implements the same interface; the window never
knows which one it has.
"""

from __future__ import annotations

from typing import Protocol


class Speaker(Protocol):
    """Says cues; the newest cue wins when speech falls behind."""

    @property
    def problem(self) -> str | None:
        """Why speech does not work here, in plain words, or None when it does."""

    def say(self, text: str) -> None:
        """Speaks ``text`` soon, dropping anything older that is still waiting."""

    def interrupt(self) -> None:
        """Silences speech at once."""

    def close(self) -> None:
        """Stops any worker; the speaker is not used again."""


class CaptionsOnly:
    """No voice: the window's caption line is the only cue (``--no-voice``)."""

    def __init__(self, problem: str | None = None) -> None:
        self._problem = problem

    @property
    def problem(self) -> str | None:
        """Why there is no voice, if it is not by choice."""
        return self._problem

    def say(self, text: str) -> None:
        """Says nothing."""

    def interrupt(self) -> None:
        """Nothing to silence."""

    def close(self) -> None:
        """Nothing to stop."""
