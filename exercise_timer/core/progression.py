"""Progression: building up from short holds and few repetitions to the prescribed targets.

The X-Plain advice is to start with 2-second holds and 2 or 3 repetitions and build up to the
prescribed values. The rule, for one routine, over the sessions since progression started:

- Every exercise starts at ``min(target, start)``: each stage's hold at ``start_hold`` seconds
  and its repetitions at ``start_repetitions``, never above what the clinician set.
- A *step* adds 1 second to every hold and 1 repetition, each capped at its target; an
  exercise already at its target stays there.
- A step is earned by every ``every`` completed sessions (default 2), counted since the last
  step or the last stop for pain, numbness or dizziness.
- A stop for pain, numbness or dizziness resets that count: the values stay where they are and
  the count starts again from zero. Nothing is ever taken away.
- Sessions stopped for another reason or because the window was closed, sessions that were
  interrupted (the program was killed) and sessions still running neither count nor reset.

Everything here is pure: the same targets and history always give the same values, so the
command line and the window cannot disagree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from exercise_timer.core.effects import StopReason
from exercise_timer.core.limits import PROGRESSION_EVERY
from exercise_timer.core.model import BuildUp

DEFAULT_EVERY = 2
DEFAULT_START_HOLD = 2.0
DEFAULT_START_REPETITIONS = 2
STEP_HOLD_SECONDS = 1.0
STEP_REPETITIONS = 1

HOLDING_REASONS = frozenset({StopReason.PAIN, StopReason.NUMBNESS, StopReason.DIZZINESS})
"""Stops that hold the values where they are (and reset the count toward the next step)."""


@dataclass(frozen=True)
class Progression:
    """Whether a routine builds up to its targets, how fast, and from when.

    ``started`` is when progression was (last) switched on or its targets changed; only the
    sessions from then on count.
    """

    enabled: bool = False
    every: int = DEFAULT_EVERY
    start_hold: float = DEFAULT_START_HOLD
    start_repetitions: int = DEFAULT_START_REPETITIONS
    started: datetime | None = None


NO_PROGRESSION = Progression()


def routine_progression(build_up: BuildUp | None) -> Progression:
    """What a routine builds up with when the person's values say nothing about it.

    A routine whose document asks for a gradual build-up (``[advice] build_up``) starts on, from
    the document's values; ``started`` is None: every session of the routine counts.
    """
    if build_up is None:
        return NO_PROGRESSION
    return Progression(
        enabled=True,
        every=DEFAULT_EVERY if build_up.every is None else build_up.every,
        start_hold=build_up.start_hold_seconds,
        start_repetitions=build_up.start_repetitions,
    )


class HistoryOutcome(StrEnum):
    """How a past session ended, as the journal records it."""

    COMPLETED = "completed"
    STOPPED = "stopped"
    INTERRUPTED = "interrupted"
    OPEN = "open"


DONE_SHARE_TO_COUNT = 0.8
"""A completed session counts toward the build-up only if this share of its exercises was done
(not skipped): a session of skips must not make the holds longer."""


@dataclass(frozen=True)
class PastSession:
    """One earlier session of the routine: its outcome, when stopped why, and what was done.

    ``exercises_done`` of ``exercises_total`` were done, not skipped; None when not known.
    """

    outcome: str
    stop_reason: StopReason | None = None
    exercises_done: int | None = None
    exercises_total: int | None = None

    @property
    def counts(self) -> bool:
        """Whether the session counts toward the next step of the build-up."""
        if self.outcome != HistoryOutcome.COMPLETED:
            return False
        if self.exercises_done is None or self.exercises_total is None:
            return True
        return (
            self.exercises_total > 0
            and self.exercises_done >= DONE_SHARE_TO_COUNT * self.exercises_total
        )


@dataclass(frozen=True)
class Target:
    """What the clinician set for one exercise: a hold per stage, and the repetitions.

    A stage without a hold (a dynamic movement) has a target of 0 and stays at 0.
    """

    holds: tuple[float, ...]
    repetitions: int


@dataclass(frozen=True)
class ExerciseProgress:
    """Today's values of one exercise beside its targets."""

    holds: tuple[float, ...]
    repetitions: int
    target: Target

    @property
    def reached(self) -> bool:
        """True when today's values are the targets."""
        return self.holds == self.target.holds and self.repetitions == self.target.repetitions


@dataclass(frozen=True)
class ProgressState:
    """Where progression stands today.

    Attributes:
        steps: Steps earned so far (each added 1 s per hold and 1 repetition, capped).
        counted: Completed sessions counted toward the next step.
        every: Completed sessions a step needs.
        held_by: The stop reason of the last session that reset the count, if the count was
            reset and no step was earned after it.
        exercises: Today's values and the targets, by exercise id.
    """

    steps: int
    counted: int
    every: int
    held_by: StopReason | None
    exercises: Mapping[str, ExerciseProgress] = field(default_factory=dict)

    @property
    def all_reached(self) -> bool:
        """True when every exercise is at its targets."""
        return all(progress.reached for progress in self.exercises.values())

    @property
    def sessions_to_next_step(self) -> int:
        """Completed sessions still needed for the next step."""
        return self.every - self.counted


def earned_steps(history: Sequence[PastSession], every: int) -> tuple[int, int, StopReason | None]:
    """Steps earned by a history, the count toward the next one, and what last reset it.

    Args:
        history: The routine's sessions since progression started, oldest first.
        every: Completed sessions a step needs (at least 1).
    """
    every = _at_least_one_session(every)
    steps = counted = 0
    held_by: StopReason | None = None
    for session in history:
        if session.counts:
            counted += 1
            if counted >= every:
                steps, counted, held_by = steps + 1, 0, None
        elif session.outcome == HistoryOutcome.STOPPED and session.stop_reason in HOLDING_REASONS:
            counted, held_by = 0, session.stop_reason
    return steps, counted, held_by


def progress(
    progression: Progression, targets: Mapping[str, Target], history: Sequence[PastSession]
) -> ProgressState:
    """Today's values for every exercise, from its targets and the sessions so far.

    Args:
        progression: How fast to build up, and the starting values.
        targets: What the clinician set, by exercise id.
        history: The routine's sessions since progression started, oldest first.
    """
    steps, counted, held_by = earned_steps(history, progression.every)
    exercises = {
        exercise_id: ExerciseProgress(
            holds=tuple(
                _grown(target_hold, progression.start_hold, steps * STEP_HOLD_SECONDS)
                for target_hold in target.holds
            ),
            repetitions=int(
                _grown(
                    target.repetitions,
                    progression.start_repetitions,
                    steps * STEP_REPETITIONS,
                )
            ),
            target=target,
        )
        for exercise_id, target in targets.items()
    }
    return ProgressState(
        steps=steps,
        counted=counted,
        every=_at_least_one_session(progression.every),
        held_by=held_by,
        exercises=exercises,
    )


def _at_least_one_session(every: int) -> int:
    """``every`` raised to the table's least (a step cannot come from no sessions at all)."""
    return max(int(PROGRESSION_EVERY.low), every)


def _grown(target: float, start: float, added: float) -> float:
    """``start`` plus what the steps added, never above ``target``."""
    return min(target, start + added)
