"""What the window draws: one immutable snapshot of the session, published by the controller.

Everything here is data, not words: the window chooses how to say it (and in which language).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from exercise_timer.core.effects import SessionEnded, StopReason
from exercise_timer.core.model import Breathing, Routine, Side, Variant
from exercise_timer.core.progression import ExerciseProgress
from exercise_timer.core.resolve import ResolvedExercise
from exercise_timer.core.schedule import Phase, Segment
from exercise_timer.core.value_source import ValueSource


class Status(StrEnum):
    """Where the session is in its life, as a person sees it."""

    READY = "ready"
    RUNNING = "running"
    WAITING = "waiting"
    PAUSED = "paused"
    ASKING = "asking"
    """Stop was pressed: everything is frozen until the person says why."""
    ENDED = "ended"


@dataclass(frozen=True)
class TodayValues:
    """The numbers one exercise runs with today, and where each comes from."""

    repetitions: int
    holds: tuple[float, ...]
    """The first repetition's hold of each stage (0: the stage has no hold)."""
    relax_seconds: float
    repetitions_from: ValueSource
    holds_from: ValueSource
    relax_from: ValueSource
    progress: ExerciseProgress | None = None
    """Today's values beside the targets while building up; None when not building up."""


class LeaveOutAnswer(StrEnum):
    """What became of the offer to leave an exercise out after a symptom stop."""

    LEFT_OUT = "left-out"
    KEPT_IN = "kept-in"
    LOCKED = "locked"
    """The values are locked with the clinician's PIN: nothing was changed."""


@dataclass(frozen=True)
class LastTime:
    """What the start screen says about the last session and the exercises left out.

    Attributes:
        stopped_at: The name of the exercise the last session was stopped at for a symptom.
        reason: That symptom.
        left_out: The names of the exercises left out after a stop, until the clinic is asked.
    """

    stopped_at: str | None = None
    reason: StopReason | None = None
    left_out: tuple[str, ...] = ()


@dataclass(frozen=True)
class Notices:
    """Facts the window states above the session, each in its own sentence."""

    startup: tuple[str, ...] = ()
    """Problems found at start-up (already in words: file names and reasons)."""
    unfilled: tuple[str, ...] = ()
    """Names of the exercises the document leaves to the clinic and nobody filled in."""
    default_hold: float = 0.0
    default_repetitions: int = 0
    personal_problem: str | None = None
    build_up_problem: str | None = None
    """Journal rows the build-up could not count, in words."""
    journal_problem: str | None = None
    speech_problem: str | None = None
    last_time: LastTime = LastTime()


@dataclass(frozen=True)
class SessionState:
    """One moment of a session: everything the window shows, nothing it must work out."""

    routine: Routine
    status: Status
    exercise_count: int
    exercise_index: int
    """-1 before a routine with no exercises."""
    exercise: ResolvedExercise | None
    next_exercise: ResolvedExercise | None
    segment: Segment | None
    """The phase running (None before the start and after the end)."""
    phase_serial: int
    """Counts phases entered; a new number means a new phase to announce."""
    phase_seconds: float
    seconds_left: float
    session_seconds_left: float
    session_total_seconds: float
    values: TodayValues | None
    current_step: int | None
    breathing: Breathing | None
    cue: str
    """The caption: the words just spoken (or that would be, without a voice)."""
    notices: Notices
    ended: SessionEnded | None = None
    note: str = ""
    recorded: bool = False
    """The ended session is in the journal."""
    notice_pending: bool = False
    """The routine's "before you start" page (its safety text and advice) is to be read now."""
    start_blocked: bool = False
    """No session starts until that page is read (it was declined, or not yet shown)."""
    sessions_this_week: int = 0
    """Completed sessions of this routine since Monday."""
    wait_for_me: bool = False
    exit_code: int | None = None
    """The program should quit now with this code."""
    asks_pain: bool = False
    """The session has ended and the person may rate their pain, 0 to 10 (or skip)."""
    pain_rating: int | None = None
    """The rating given after this session, once given."""
    can_take_back: bool = False
    """Stop was pressed less than 10 s ago: "I pressed Stop by mistake" is offered."""
    offer_leave_out: str | None = None
    """After a symptom stop: the id of the exercise the person may leave out until the clinic
    is asked (None: nothing offered)."""
    leave_out_answer: LeaveOutAnswer | None = None

    @property
    def phase(self) -> Phase | None:
        """The phase running."""
        return self.segment.phase if self.segment is not None else None

    @property
    def side(self) -> Side | None:
        """The side worked now."""
        return self.segment.side if self.segment is not None else None

    @property
    def repetition(self) -> int | None:
        """The repetition (1-based) running."""
        return self.segment.rep if self.segment is not None else None

    @property
    def stage(self) -> int | None:
        """The stage (1-based) running."""
        return self.segment.stage if self.segment is not None else None

    @property
    def variant(self) -> Variant | None:
        """The version of the exercise in use."""
        return self.exercise.variant if self.exercise is not None else None

    @property
    def active(self) -> bool:
        """A session is under way (running, waiting, paused or asking why it stopped)."""
        return self.status in (Status.RUNNING, Status.WAITING, Status.PAUSED, Status.ASKING)

    @property
    def paused(self) -> bool:
        """The timer stands still, by a person's choice."""
        return self.status is Status.PAUSED

    @property
    def waiting(self) -> bool:
        """With "wait for me", the exercise waits until the person is ready."""
        return self.status is Status.WAITING

    @property
    def stopped(self) -> bool:
        """The session was stopped before its end (Stop, or the window closed)."""
        return self.ended is not None and self.ended.reason is not None

    @property
    def stop_reason(self) -> StopReason | None:
        """Why the session was stopped."""
        return self.ended.reason if self.ended is not None else None

    @property
    def advice(self) -> StopReason | None:
        """The advice to show: that of the stop reason (the window words it)."""
        return self.stop_reason
