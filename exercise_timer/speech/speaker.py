"""The Speaker interface the window talks to, and the captions-only speaker.

The real voice (a pyttsx3 worker process) implements the same interface; the window never
knows which one it has. Times are ``time.monotonic()`` seconds, which on Linux are the same
clock in every process, so a worker's report can be compared with the window's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

#: What became of a cue (README, ``--trace``):
#:
#: - ``spoken``: it was played to its end;
#: - ``cut``: it started, and a newer cue or an interrupt cut it off;
#: - ``replaced``: it never started: a newer cue replaced it while it waited, or it was
#:   interrupted before it began;
#: - ``failed``: the speaker could not produce or play it.
CueStatus = Literal["spoken", "cut", "replaced", "failed"]


@dataclass(frozen=True)
class CueReport:
    """What became of one cue: when it was asked for, and when speech began and ended.

    ``t_started`` and ``t_finished`` are None for a cue that never started (``replaced``) or
    that could not be played (``failed``). A ``cut`` cue keeps its ``t_started`` (the best
    estimate: when its player was launched), and its ``t_finished`` is when it was cut.
    ``rate`` is the speaking rate the engine used for it, when the engine can tell.
    """

    text: str
    backend: str
    t_requested: float
    t_started: float | None
    t_finished: float | None
    status: CueStatus = "spoken"
    rate: int | None = None


@dataclass(frozen=True)
class VoiceSettings:
    """How cues are spoken."""

    voice: str | None = None
    rate: int = 160
    volume: float = 1.0
    mute: bool = False


class Speaker(Protocol):
    """Says cues; the newest cue wins when speech falls behind."""

    @property
    def problem(self) -> str | None:
        """Why speech does not work here and how to get it, in plain words; None when it does."""

    @property
    def lead_seconds(self) -> float:
        """How long after a request speech is usually heard; cues are sent that much early."""

    @property
    def lead_measured(self) -> bool:
        """Whether ``lead_seconds`` is final (measured, or no measuring will happen)."""

    @property
    def busy(self) -> bool:
        """True while a cue is being spoken or waits to be. Never blocks."""

    def say(self, text: str, *, expected_seconds: float | None = None) -> None:
        """Speaks ``text`` soon, dropping anything older still waiting. Never blocks.

        ``expected_seconds`` is the measured length of the speech, when known: a clip of
        another length is rendered again (it would not fit the time it was planned for).
        """

    def interrupt(self) -> None:
        """Silences speech at once (Stop, skip, pause). Never blocks."""

    def configure(self, settings: VoiceSettings) -> None:
        """Applies new voice settings to the cues that follow."""

    def reports(self) -> list[CueReport]:
        """The reports that arrived since the last call (for --trace). Never blocks."""

    def close(self) -> None:
        """Stops any worker; the speaker is not used again."""


class CaptionsOnly:
    """No voice: the window's caption line is the only cue (``--no-voice``, or no engine)."""

    def __init__(self, problem: str | None = None) -> None:
        self._problem = problem

    @property
    def problem(self) -> str | None:
        """Why there is no voice, if it is not by choice."""
        return self._problem

    @property
    def lead_seconds(self) -> float:
        """Captions appear at once."""
        return 0.0

    @property
    def lead_measured(self) -> bool:
        """Nothing to measure."""
        return True

    @property
    def busy(self) -> bool:
        """Never speaking."""
        return False

    def say(self, text: str, *, expected_seconds: float | None = None) -> None:
        """Says nothing."""

    def interrupt(self) -> None:
        """Nothing to silence."""

    def configure(self, settings: VoiceSettings) -> None:
        """Nothing to configure."""

    def reports(self) -> list[CueReport]:
        """Nothing is spoken, so nothing is reported."""
        return []

    def close(self) -> None:
        """Nothing to stop."""
