"""The plan of a session, made by running the real engine on a simulated clock.

Because the plan is a recording of the engine, what it says and what a live session does
cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.cues import phase_cue
from exercise_timer.core.effects import PhaseStarted
from exercise_timer.core.engine import Countdown, Engine
from exercise_timer.core.resolve import Session
from exercise_timer.core.schedule import Segment, build_schedule


@dataclass(frozen=True)
class PlannedPhase:
    """One line of the plan: a phase, when it starts and what is said."""

    start: float
    seconds: float
    segment: Segment
    cue: str


@dataclass(frozen=True)
class Plan:
    """The whole session, phase by phase."""

    session: Session
    phases: tuple[PlannedPhase, ...]
    total_seconds: float


def make_plan(session: Session, *, with_cues: bool = True) -> Plan:
    """Runs the session from start to end on a simulated clock and records every phase."""
    schedule = build_schedule(session)
    clock = SimulatedClock()
    engine = Engine(session, clock, countdown=Countdown.NONE, schedule=schedule)
    phases: list[PlannedPhase] = []

    def record(effects: list[object]) -> None:
        for effect in effects:
            if isinstance(effect, PhaseStarted):
                phases.append(
                    PlannedPhase(
                        start=effect.planned_at,
                        seconds=effect.segment.seconds,
                        segment=effect.segment,
                        cue=phase_cue(schedule, effect.index) if with_cues else "",
                    )
                )

    record(list(engine.start()))
    deadline = engine.next_deadline()
    while deadline is not None:
        clock.now = deadline
        record(list(engine.advance()))
        deadline = engine.next_deadline()
    return Plan(session=session, phases=tuple(phases), total_seconds=clock.now)
