"""What the engine answers with: typed effects the window renders and the voice speaks."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from exercise_timer.core.schedule import Segment


class StopReason(StrEnum):
    """Why a session was stopped before its end."""

    PAIN = "pain"
    NUMBNESS = "numbness"
    DIZZINESS = "dizziness"
    OTHER = "other"
    CLOSED = "closed"


class Outcome(StrEnum):
    """How a session ended."""

    COMPLETED = "completed"
    STOPPED = "stopped"


@dataclass(frozen=True)
class SessionStarted:
    """The session began; ``total_seconds`` is its planned length."""

    total_seconds: float
    exercises: int


@dataclass(frozen=True)
class PhaseStarted:
    """A phase began at ``planned_at`` on the engine's clock."""

    index: int
    segment: Segment
    planned_at: float


@dataclass(frozen=True)
class CountdownTick:
    """``number`` seconds are left in a hold at ``planned_at``.

    It arrives the engine's ``cue_lead`` early, so that speech begun now is heard on time.
    """

    number: int
    index: int
    planned_at: float


@dataclass(frozen=True)
class ExerciseFinished:
    """An exercise ended; ``completed`` is False when it was skipped."""

    exercise: int
    exercise_id: str
    completed: bool


@dataclass(frozen=True)
class Paused:
    """The timer stopped; nothing moves until Resumed."""

    at: float


@dataclass(frozen=True)
class Resumed:
    """The timer goes on; every later deadline moved by ``paused_seconds``."""

    paused_seconds: float


@dataclass(frozen=True)
class SessionEnded:
    """The session is over; ``where`` is the phase it ended in (None when completed)."""

    outcome: Outcome
    reason: StopReason | None
    where: Segment | None
    session_seconds: float
    exercises_completed: int
    exercises_total: int


Effect = (
    SessionStarted
    | PhaseStarted
    | CountdownTick
    | ExerciseFinished
    | Paused
    | Resumed
    | SessionEnded
)
