"""The phase engine: a Qt-free state machine that runs a session on deadlines.

The engine never sleeps or schedules anything. Its owner asks ``next_deadline()``, wakes it
at or after that time, and calls ``advance()``; commands (start, pause, resume, skip, back,
stop) are plain calls. Every call answers with a list of typed effects.

Deadlines come from one anchor: segment i ends at ``zero + offsets_ms[i + 1] / 1000``. A
pause moves ``zero`` by exactly the paused time and a jump re-anchors it, so no error
accumulates however long the session runs.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from exercise_timer.core.countdown import Countdown, count_numbers
from exercise_timer.core.effects import (
    CountdownTick,
    Effect,
    ExerciseFinished,
    Outcome,
    Paused,
    PhaseStarted,
    Resumed,
    SessionEnded,
    SessionStarted,
    StopReason,
)
from exercise_timer.core.resolve import Session
from exercise_timer.core.schedule import Phase, Schedule, Segment, build_schedule

Clock = Callable[[], float]

__all__ = ["BACK_GRACE_SECONDS", "Clock", "Countdown", "Engine", "State"]

BACK_GRACE_SECONDS = 3.0
"""Back within this long of an exercise's start goes to the previous exercise."""


class State(StrEnum):
    """Where the engine is in a session's life."""

    READY = "ready"
    RUNNING = "running"
    WAITING = "waiting"
    PAUSED = "paused"
    FINISHED = "finished"


class Engine:
    """Runs one session of a resolved routine against an injected monotonic clock."""

    def __init__(
        self,
        session: Session,
        clock: Clock,
        *,
        countdown: Countdown = Countdown.LAST_THREE,
        schedule: Schedule | None = None,
        wait_for_ready: bool = False,
        cue_lead: float = 0.0,
    ) -> None:
        self.schedule = schedule or build_schedule(session)
        self.session = session
        self._clock = clock
        self._countdown = countdown
        self.wait_for_ready = wait_for_ready
        self.cue_lead = cue_lead
        self.state = State.READY
        self.index = 0
        self._zero = 0.0
        self._paused_at = 0.0
        self._started_at = 0.0
        self._paused_total = 0.0
        self._ticks: list[tuple[float, int]] = []
        self._completed: set[int] = set()
        self.ended: SessionEnded | None = None

    # -- what the owner reads --------------------------------------------------------------

    @property
    def segment(self) -> Segment | None:
        """The current phase, or None before the start and after the end."""
        if self.state in (State.RUNNING, State.WAITING, State.PAUSED):
            return self.schedule.segments[self.index]
        return None

    @property
    def started_at(self) -> float:
        """When the session started, on the engine's clock."""
        return self._started_at

    def deadline_of(self, index: int) -> float:
        """When segment ``index`` ends, on the engine's clock (pauses so far included)."""
        return self._zero + self.schedule.offsets_ms[index + 1] / 1000

    def start_of(self, index: int) -> float:
        """When segment ``index`` starts (or started), on the engine's clock."""
        return self._zero + self.schedule.offsets_ms[index] / 1000

    def next_deadline(self) -> float | None:
        """The next moment ``advance()`` has work to do, or None when nothing is due."""
        if self.state is not State.RUNNING:
            return None
        end = self.deadline_of(self.index)
        return min(self._ticks[0][0], end) if self._ticks else end

    def remaining(self) -> float:
        """Seconds left in the current phase (frozen while paused)."""
        if self.segment is None:
            return 0.0
        if self.state is State.WAITING:
            return self.schedule.segments[self.index].seconds
        now = self._paused_at if self.state is State.PAUSED else self._clock()
        return max(0.0, self.deadline_of(self.index) - now)

    def session_seconds(self) -> float:
        """Seconds the session has been running, pauses left out."""
        if self.state is State.READY:
            return 0.0
        if self.ended is not None:
            return self.ended.session_seconds
        now = self._paused_at if self.state is State.PAUSED else self._clock()
        return now - self._started_at - self._paused_total

    def remaining_session(self) -> float:
        """Planned seconds left in the whole session from now."""
        if self.segment is None:
            return 0.0 if self.state is State.FINISHED else self.schedule.total_ms / 1000
        after = (self.schedule.total_ms - self.schedule.offsets_ms[self.index + 1]) / 1000
        return after + self.remaining()

    # -- commands --------------------------------------------------------------------------

    def start(self) -> list[Effect]:
        """Begins the session at the first phase."""
        if self.state is not State.READY:
            return []
        now = self._clock()
        self._started_at = now
        self._zero = now
        effects: list[Effect] = [
            SessionStarted(self.schedule.total_ms / 1000, len(self.session.exercises))
        ]
        if not self.schedule.segments:
            return [*effects, self._end(Outcome.COMPLETED, None, now)]
        self.state = State.RUNNING
        effects.append(self._enter(0, now))
        return effects

    def ready(self) -> list[Effect]:
        """The person is in position: a waiting prepare phase ends now."""
        if self.state is not State.WAITING:
            return []
        self.state = State.RUNNING
        now = self._clock()
        return (
            [self._jump(self.index + 1, now)]
            if self.index + 1 < len(self.schedule.segments)
            else [self._end(Outcome.COMPLETED, None, now)]
        )

    def pause(self) -> list[Effect]:
        """Freezes the timer where it is."""
        if self.state is not State.RUNNING:
            return []
        self._paused_at = self._clock()
        self.state = State.PAUSED
        return [Paused(self._paused_at)]

    def resume(self) -> list[Effect]:
        """Goes on; every later deadline moves by exactly the paused time."""
        if self.state is not State.PAUSED:
            return []
        paused = self._clock() - self._paused_at
        self._zero += paused
        self._paused_total += paused
        self._ticks = [(when + paused, number) for when, number in self._ticks]
        segment = self.schedule.segments[self.index]
        waits = self.wait_for_ready and segment.phase is Phase.PREPARE
        self.state = State.WAITING if waits else State.RUNNING
        return [Resumed(paused)]

    def skip(self) -> list[Effect]:
        """Leaves the current exercise for the next one (the end, after the last)."""
        if self.segment is None:
            return []
        current = self.segment.exercise
        now = self._now()
        effects: list[Effect] = [ExerciseFinished(current, self._exercise_id(current), False)]
        following = current + 1
        if following >= len(self.schedule.exercise_starts):
            effects.append(self._end(Outcome.COMPLETED, None, now))
            return effects
        effects.append(self._jump(self.schedule.exercise_starts[following], now))
        return effects

    def back(self) -> list[Effect]:
        """Restarts the current exercise, or goes to the previous one if it has just started."""
        if self.segment is None:
            return []
        current = self.segment.exercise
        now = self._now()
        first = self.schedule.exercise_starts[current]
        just_started = now - self.start_of(first) < BACK_GRACE_SECONDS
        target = current - 1 if just_started and current > 0 else current
        return [self._jump(self.schedule.exercise_starts[target], now)]

    def restart_repetition(self) -> list[Effect]:
        """Goes back to the start of the repetition running (of the prepare phase before one).

        Stop pressed by mistake: the person starts the movement again rather than being
        dropped mid-hold. Paused stays paused until resumed.
        """
        if self.segment is None:
            return []
        segments = self.schedule.segments
        current = segments[self.index]
        first = self.index
        while first > 0:
            before = segments[first - 1]
            same = (before.exercise, before.side, before.rep) == (
                current.exercise,
                current.side,
                current.rep,
            )
            # A relax is the last phase of its repetition, so one before us ends the last rep.
            if not same or current.phase is Phase.PREPARE or before.phase is Phase.RELAX:
                break
            first -= 1
        return [self._jump(first, self._now())]

    def stop(self, reason: StopReason) -> list[Effect]:
        """Ends the session at once for ``reason``; there is no resuming."""
        if self.segment is None:
            return []
        return [self._end(Outcome.STOPPED, reason, self._now())]

    def advance(self) -> list[Effect]:
        """Does everything that has fallen due by now, in order."""
        effects: list[Effect] = []
        if self.state is not State.RUNNING:
            return effects
        now = self._clock()
        segments = self.schedule.segments
        while self.state is State.RUNNING:
            end = self.deadline_of(self.index)
            if self._ticks and self._ticks[0][0] <= min(now, end):
                when, number = self._ticks.pop(0)
                effects.append(CountdownTick(number, self.index, when + self.cue_lead))
                continue
            if now < end:
                break
            finished = segments[self.index].exercise
            following = self.index + 1
            if following >= len(segments) or segments[following].exercise != finished:
                self._completed.add(finished)
                effects.append(ExerciseFinished(finished, self._exercise_id(finished), True))
            if following >= len(segments):
                effects.append(self._end(Outcome.COMPLETED, None, end))
                break
            effects.append(self._enter(following, end))
        return effects

    # -- inside ----------------------------------------------------------------------------

    def _now(self) -> float:
        return self._paused_at if self.state is State.PAUSED else self._clock()

    def _exercise_id(self, exercise: int) -> str:
        return self.session.exercises[exercise].id

    def _enter(self, index: int, planned_at: float) -> PhaseStarted:
        self.index = index
        segment = self.schedule.segments[index]
        self._ticks = self._countdown_ticks(index, segment)
        if self.state in (State.RUNNING, State.WAITING):
            waits = self.wait_for_ready and segment.phase is Phase.PREPARE
            self.state = State.WAITING if waits else State.RUNNING
        return PhaseStarted(index, segment, planned_at)

    def _countdown_ticks(self, index: int, segment: Segment) -> list[tuple[float, int]]:
        if segment.phase is not Phase.HOLD or self._countdown is Countdown.NONE:
            return []
        end = self.deadline_of(index)
        start = self.start_of(index)
        numbers = count_numbers(segment.duration_ms, self._countdown)
        return [(max(start, end - number - self.cue_lead), number) for number in numbers]

    def _jump(self, index: int, now: float) -> PhaseStarted:
        """Makes segment ``index`` start now (or at resume, when paused)."""
        self._zero = now - self.schedule.offsets_ms[index] / 1000
        return self._enter(index, now)

    def _end(self, outcome: Outcome, reason: StopReason | None, at: float) -> SessionEnded:
        where = self.segment if outcome is Outcome.STOPPED else None
        if self.state is State.PAUSED:
            at = self._paused_at
        self.state = State.FINISHED
        self._ticks = []
        self.ended = SessionEnded(
            outcome=outcome,
            reason=reason,
            where=where,
            session_seconds=at - self._started_at - self._paused_total,
            exercises_completed=len(self._completed),
            exercises_total=len(self.session.exercises),
        )
        return self.ended
