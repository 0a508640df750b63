"""Core speed figures: loading the bundled routines, planning 1,000 exercises, an 8-hour session.

Run: .venv/bin/python tests/bench/bench_core.py  (prints figures; targets in brackets)
"""

from __future__ import annotations

import time
from dataclasses import replace

from exercise_timer import resources
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.engine import Countdown, Engine
from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Routine, Sides
from exercise_timer.core.plan import make_plan
from exercise_timer.core.resolve import resolve


def best_of(runs: int, work: object) -> float:
    assert callable(work)
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return min(times)


def bundled() -> list[Routine]:
    return [load_routine(f, bundled=True) for f in sorted(resources.routines_dir().glob("*.toml"))]


def generated(count: int, routines: list[Routine]) -> Routine:
    """A routine of ``count`` exercises cycling through every bundled exercise."""
    pool = [e for r in routines for e in r.exercises]
    exercises = tuple(
        replace(
            pool[i % len(pool)], id=f"x{i}", variants=(), default_variant=None, balance_variant=None
        )
        for i in range(count)
    )
    return replace(routines[0], id="generated", exercises=exercises)


def main() -> None:
    routines = bundled()
    load = best_of(5, bundled)
    print(f"load and validate {len(routines)} bundled routines: {load * 1000:.1f} ms")

    big = generated(1000, routines)
    plan_time = best_of(3, lambda: make_plan(resolve(big)))
    plan = make_plan(resolve(big))
    print(
        f"plan a generated routine of 1,000 exercises ({len(plan.phases)} phases, "
        f"{plan.total_seconds / 3600:.1f} h): {plan_time:.3f} s   [target < 0.2 s]"
    )
    no_cues = best_of(3, lambda: make_plan(resolve(big), with_cues=False))
    print(f"  same without cue wording: {no_cues:.3f} s")

    long_exercise = replace(routines[0].exercises[0], sides=Sides.EACH)
    session_routine = replace(routines[0], exercises=(long_exercise,) * 1)
    session = resolve(session_routine)
    one_pass = make_plan(session).total_seconds
    copies = int(8 * 3600 // one_pass) + 1
    eight_hours = resolve(
        replace(
            session_routine,
            exercises=tuple(replace(long_exercise, id=f"e{i}") for i in range(copies)),
        )
    )
    clock = SimulatedClock(1_000_000.125)
    engine = Engine(eight_hours, clock, countdown=Countdown.LAST_THREE)
    began = time.perf_counter()
    effects = len(engine.start())
    while (deadline := engine.next_deadline()) is not None:
        clock.now = deadline
        effects += len(engine.advance())
    took = time.perf_counter() - began
    planned_end = 1_000_000.125 + engine.schedule.total_ms / 1000
    print(
        f"simulated session of {engine.schedule.total_ms / 3_600_000:.2f} h on the simulated clock "
        f"({effects} effects): {took:.3f} s   [target < 5 s]"
    )
    print(f"  final deadline error: {clock.now - planned_end!r} s   [target exactly 0]")


if __name__ == "__main__":
    main()
