"""The phase engine on a simulated clock: order of phases, timing, pause, skip, back and stop."""

from __future__ import annotations

import random

import pytest

from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.effects import (
    CountdownTick,
    Effect,
    ExerciseFinished,
    Outcome,
    PhaseStarted,
    SessionEnded,
    StopReason,
)
from exercise_timer.core.engine import BACK_GRACE_SECONDS, Countdown, Engine, State
from exercise_timer.core.loader import parse_routine_text
from exercise_timer.core.model import Side
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.plan import make_plan
from exercise_timer.core.resolve import Session, resolve
from exercise_timer.core.schedule import Phase

HEAD = """
format_version = 1
id = "t"
title = "T"
[source]
title = "S"
[defaults]
prepare_seconds = 10
move_seconds = 3
hold_seconds = 5
return_seconds = 3
relax_seconds = 2
repetitions = 2
"""


def exercise(eid: str, body: str = "") -> str:
    return f"""
[[exercises]]
id = "{eid}"
name = "{eid.title()}"
purpose = "P"
kind = "stretch"
position = "lying-on-back"
start = "Lie down. Then more."
steps = ["One.", "Two."]
{body}
{"" if "repetitions" in body else "repetitions = 2"}
"""


def session_of(*bodies: str, personal: PersonalValues | None = None) -> Session:
    routine = parse_routine_text(HEAD + "".join(bodies), "t.toml")
    return resolve(routine, personal or PersonalValues())


def run_to_end(engine: Engine, clock: SimulatedClock) -> list[Effect]:
    effects = list(engine.start())
    while (deadline := engine.next_deadline()) is not None:
        clock.now = deadline
        effects += engine.advance()
    return effects


def laid_out(durations_ms: list[int]) -> list[float]:
    """Built by hand, not by the engine: when each phase starts if they follow one another."""
    starts, now = [], 0
    for duration in durations_ms:
        starts.append(now / 1000)
        now += duration
    return [*starts, now / 1000]


def phases(effects: list[Effect]) -> list[tuple[str, str | None, int | None, int | None]]:
    return [
        (
            e.segment.phase.value,
            e.segment.side.value if e.segment.side else None,
            e.segment.rep,
            e.segment.stage,
        )
        for e in effects
        if isinstance(e, PhaseStarted)
    ]


def test_one_repetition_runs_prepare_move_hold_return_relax(clock: SimulatedClock) -> None:
    session = session_of(exercise("a", "repetitions = 1\nhold_seconds = 5"))
    effects = run_to_end(Engine(session, clock, countdown=Countdown.NONE), clock)
    assert phases(effects) == [
        ("prepare", None, None, None),
        ("move", None, 1, 1),
        ("hold", None, 1, 1),
        ("return", None, 1, None),
        ("relax", None, 1, None),
    ]
    starts = [e.planned_at - 1000 for e in effects if isinstance(e, PhaseStarted)]
    assert starts == [0, 10, 13, 18, 21]
    assert isinstance(effects[-1], SessionEnded) and effects[-1].outcome is Outcome.COMPLETED
    assert clock.now - 1000 == 23


def test_two_stages_each_move_and_hold_before_one_return(clock: SimulatedClock) -> None:
    body = """repetitions = 1
[[exercises.stages]]
name = "Arch"
instruction = "Arch"
breathing = "in"
hold_seconds = 5
[[exercises.stages]]
name = "Sag"
instruction = "Sag"
breathing = "out"
hold_seconds = 4
"""
    effects = run_to_end(Engine(session_of(exercise("a", body)), clock), clock)
    assert phases(effects)[1:] == [
        ("move", None, 1, 1),
        ("hold", None, 1, 1),
        ("move", None, 1, 2),
        ("hold", None, 1, 2),
        ("return", None, 1, None),
        ("relax", None, 1, None),
    ]


@pytest.mark.parametrize(
    ("sides", "first", "expected"),
    [
        ("each", "right", ["right", "right", "left", "left"]),
        ("each", "left", ["left", "left", "right", "right"]),
        ("right-left-both", "right", ["right", "right", "left", "left", "both", "both"]),
        ("alternating", "right", ["right", "left"]),
    ],
)
def test_sides_order_every_repetition(
    clock: SimulatedClock, sides: str, first: str, expected: list[str]
) -> None:
    body = f'hold_seconds = 5\nsides = "{sides}"\nfirst_side = "{first}"\nside_label = "leg"'
    effects = run_to_end(Engine(session_of(exercise("a", body)), clock), clock)
    holds = [side for phase, side, _, _ in phases(effects) if phase == "hold"]
    assert holds == expected
    prepares = [side for phase, side, _, _ in phases(effects) if phase == "prepare"]
    passes = 1 if sides == "alternating" else len(set(expected))
    assert len(prepares) == passes


def test_growing_hold_lengthens_each_repetition_and_zero_hold_has_no_hold_phase(
    clock: SimulatedClock,
) -> None:
    session = session_of(
        exercise("grow", "repetitions = 3\nhold_seconds = [1, 2, 3]"),
        exercise("lunge", "repetitions = 2\nhold_seconds = 0"),
    )
    plan = make_plan(session)
    holds = [(p.segment.exercise, p.seconds) for p in plan.phases if p.segment.phase is Phase.HOLD]
    assert holds == [(0, 1), (0, 2), (0, 3)]
    lunge = [p.segment.phase.value for p in plan.phases if p.segment.exercise == 1]
    assert lunge == ["prepare", "move", "return", "relax", "move", "return", "relax"]


def test_countdown_lands_on_the_last_three_seconds(clock: SimulatedClock) -> None:
    session = session_of(exercise("a", "repetitions = 1\nhold_seconds = 5"))
    engine = Engine(session, clock, countdown=Countdown.LAST_THREE)
    effects = run_to_end(engine, clock)
    hold_start = next(
        e.planned_at
        for e in effects
        if isinstance(e, PhaseStarted) and e.segment.phase is Phase.HOLD
    )
    ticks = [(e.number, e.planned_at - hold_start) for e in effects if isinstance(e, CountdownTick)]
    assert ticks == [(3, 2.0), (2, 3.0), (1, 4.0)]


def test_countdown_every_second_and_none(clock: SimulatedClock) -> None:
    session = session_of(exercise("a", "repetitions = 1\nhold_seconds = 6"))
    every = run_to_end(Engine(session, clock, countdown=Countdown.EVERY), clock)
    assert [e.number for e in every if isinstance(e, CountdownTick)] == [5, 4, 3, 2, 1]
    clock2 = SimulatedClock()
    none = run_to_end(Engine(session, clock2, countdown=Countdown.NONE), clock2)
    assert not [e for e in none if isinstance(e, CountdownTick)]


def test_pause_moves_every_later_deadline_by_exactly_the_pause(clock: SimulatedClock) -> None:
    session = session_of(exercise("a", "hold_seconds = 5"), exercise("b", "hold_seconds = 5"))
    *planned, total = laid_out(([10_000] + [3_000, 5_000, 3_000, 2_000] * 2) * 2)
    engine = Engine(session, clock)
    engine.start()
    clock.advance(11.25)
    engine.advance()
    remaining = engine.remaining()
    engine.pause()
    clock.advance(7.5)
    assert engine.next_deadline() is None
    assert engine.advance() == []
    assert engine.remaining() == remaining
    engine.resume()
    starts = []
    while (deadline := engine.next_deadline()) is not None:
        clock.now = deadline
        starts += [e.planned_at - 1000 for e in engine.advance() if isinstance(e, PhaseStarted)]
    later = [t for t in planned if t > 11.25]
    assert starts == pytest.approx([t + 7.5 for t in later], abs=1e-9)
    assert engine.session_seconds() == total == 72


def test_no_drift_whatever_the_wake_up_jitter() -> None:
    """Woken late by random amounts, the engine still plans every phase on the exact offsets."""
    session = session_of(exercise("a", 'hold_seconds = 5.3\nrepetitions = 30\nsides = "each"'))
    *planned, _ = laid_out(([10_000] + [3_000, 5_300, 3_000, 2_000] * 30) * 2)
    clock = SimulatedClock(0.0)
    engine = Engine(session, clock)
    seen = [e.planned_at for e in engine.start() if isinstance(e, PhaseStarted)]
    jitter = random.Random(4)
    while (deadline := engine.next_deadline()) is not None:
        clock.now = deadline + jitter.uniform(0, 0.02)
        seen += [e.planned_at for e in engine.advance() if isinstance(e, PhaseStarted)]
    assert seen == planned


def test_a_long_block_catches_up_every_phase_in_order(clock: SimulatedClock) -> None:
    session = session_of(exercise("a", "hold_seconds = 5"))
    engine = Engine(session, clock, countdown=Countdown.NONE)
    engine.start()
    clock.advance(10 + 3 + 5 + 3 + 1)
    effects = engine.advance()
    assert [p for p, *_ in phases(effects)] == ["move", "hold", "return", "relax"]
    assert engine.segment is not None and engine.segment.phase is Phase.RELAX


def test_skip_goes_to_the_next_exercise_and_past_the_last_ends(clock: SimulatedClock) -> None:
    session = session_of(exercise("a", "hold_seconds = 5"), exercise("b", "hold_seconds = 5"))
    engine = Engine(session, clock)
    engine.start()
    clock.advance(12)
    engine.advance()
    effects = engine.skip()
    assert effects[0] == ExerciseFinished(0, "a", False)
    assert isinstance(effects[1], PhaseStarted)
    assert effects[1].segment.exercise == 1 and effects[1].segment.phase is Phase.PREPARE
    assert engine.next_deadline() == clock.now + 10
    ended = engine.skip()[-1]
    assert isinstance(ended, SessionEnded) and ended.exercises_completed == 0
    assert engine.state is State.FINISHED


def test_back_restarts_the_exercise_or_goes_to_the_previous_if_just_started(
    clock: SimulatedClock,
) -> None:
    session = session_of(exercise("a", "hold_seconds = 5"), exercise("b", "hold_seconds = 5"))
    engine = Engine(session, clock)
    engine.start()
    engine.skip()
    clock.advance(BACK_GRACE_SECONDS + 1)
    restarted = engine.back()[0]
    assert isinstance(restarted, PhaseStarted)
    assert (restarted.segment.exercise, restarted.segment.phase) == (1, Phase.PREPARE)
    clock.advance(BACK_GRACE_SECONDS / 2)
    previous = engine.back()[0]
    assert isinstance(previous, PhaseStarted) and previous.segment.exercise == 0
    assert engine.next_deadline() == clock.now + 10


def test_back_on_the_first_exercise_restarts_it(clock: SimulatedClock) -> None:
    engine = Engine(session_of(exercise("a", "hold_seconds = 5")), clock)
    engine.start()
    clock.advance(1)
    effect = engine.back()[0]
    assert isinstance(effect, PhaseStarted) and effect.index == 0


@pytest.mark.parametrize("reason", list(StopReason))
def test_stop_ends_at_once_with_the_reason_and_the_place(
    clock: SimulatedClock, reason: StopReason
) -> None:
    body = 'hold_seconds = 5\nsides = "each"\nside_label = "leg"'
    engine = Engine(session_of(exercise("a", body)), clock)
    engine.start()
    clock.advance(10 + 3 + 2)
    engine.advance()
    clock.advance(0.5)
    engine.pause()
    clock.advance(60)
    (ended,) = engine.stop(reason)
    assert isinstance(ended, SessionEnded)
    assert (ended.outcome, ended.reason) == (Outcome.STOPPED, reason)
    assert ended.where is not None
    assert (ended.where.phase, ended.where.side, ended.where.rep, ended.where.stage) == (
        Phase.HOLD,
        Side.RIGHT,
        1,
        1,
    )
    assert ended.session_seconds == 15.5
    assert engine.next_deadline() is None
    assert engine.resume() == [] and engine.advance() == [] and engine.skip() == []


def test_completed_exercises_are_reported_as_they_finish(clock: SimulatedClock) -> None:
    session = session_of(exercise("a", "hold_seconds = 5"), exercise("b", "hold_seconds = 5"))
    effects = run_to_end(Engine(session, clock), clock)
    finished = [e for e in effects if isinstance(e, ExerciseFinished)]
    assert finished == [ExerciseFinished(0, "a", True), ExerciseFinished(1, "b", True)]
    ended = effects[-1]
    assert isinstance(ended, SessionEnded)
    assert (ended.exercises_completed, ended.exercises_total) == (2, 2)


def test_commands_out_of_turn_do_nothing(clock: SimulatedClock) -> None:
    engine = Engine(session_of(exercise("a", "hold_seconds = 5")), clock)
    assert engine.pause() == engine.resume() == engine.skip() == engine.back() == []
    assert engine.stop(StopReason.PAIN) == []
    engine.start()
    assert engine.start() == [] and engine.resume() == []


def test_personal_values_and_prescribed_defaults(clock: SimulatedClock) -> None:
    body = 'hold_seconds = "prescribed"\nrepetitions = "prescribed"'
    unfilled = session_of(exercise("a", body))
    assert unfilled.exercises[0].needs_prescription
    assert unfilled.exercises[0].repetitions == 2
    assert unfilled.exercises[0].stages[0].holds == (5, 5)
    filled = session_of(
        exercise("a", body),
        personal=PersonalValues(
            {"a": ExerciseValues(hold_seconds=(8,), repetitions=4, relax_seconds=6)}
        ),
    )
    resolved = filled.exercises[0]
    assert not resolved.needs_prescription
    assert (resolved.repetitions, resolved.stages[0].holds, resolved.relax_seconds) == (
        4,
        (8, 8, 8, 8),
        6,
    )


def test_ranges_use_their_low_end_and_personal_order_and_exclusion() -> None:
    session = session_of(
        exercise("a", 'hold_seconds = "3-5"\nrepetitions = "5-10"'),
        exercise("b", "hold_seconds = 5"),
        exercise("c", "hold_seconds = 5"),
        personal=PersonalValues({"b": ExerciseValues(included=False)}, order=("c", "a")),
    )
    assert [e.id for e in session.exercises] == ["c", "a"]
    a = session.exercises[1]
    assert (a.repetitions, a.stages[0].holds[0]) == (5, 3)


def test_eight_hour_session_ends_exactly_on_its_planned_deadline() -> None:
    bodies = [
        exercise(f"e{i}", 'hold_seconds = 7\nrepetitions = 30\nsides = "each"') for i in range(40)
    ]
    session = session_of(*bodies)
    *planned, total = laid_out(([10_000] + [3_000, 7_000, 3_000, 2_000] * 30) * 2 * 40)
    assert total == 36_800 > 8 * 3600
    clock = SimulatedClock(12345.678)
    effects = run_to_end(Engine(session, clock), clock)
    started = [e.planned_at - 12345.678 for e in effects if isinstance(e, PhaseStarted)]
    assert started == pytest.approx(planned, abs=1e-6)
    assert clock.now - 12345.678 == pytest.approx(total, abs=1e-6)
    assert isinstance(effects[-1], SessionEnded) and effects[-1].outcome is Outcome.COMPLETED


def test_wait_for_me_holds_prepare_until_ready(clock: SimulatedClock) -> None:
    session = session_of(exercise("a", "hold_seconds = 5"), exercise("b", "hold_seconds = 5"))
    engine = Engine(session, clock, wait_for_ready=True)
    engine.start()
    assert engine.state is State.WAITING and engine.next_deadline() is None
    clock.advance(600)
    assert engine.advance() == []
    (moved,) = engine.ready()
    assert isinstance(moved, PhaseStarted) and moved.segment.phase is Phase.MOVE
    assert engine.next_deadline() == clock.now + 3
    engine.skip()
    assert engine.state is State.WAITING
    assert engine.segment is not None and engine.segment.exercise == 1
    ended = engine.stop(StopReason.DIZZINESS)[0]
    assert isinstance(ended, SessionEnded) and ended.where is not None
    assert ended.where.phase is Phase.PREPARE


def test_without_wait_for_me_prepare_times_out(clock: SimulatedClock) -> None:
    engine = Engine(session_of(exercise("a", "hold_seconds = 5")), clock)
    engine.start()
    assert engine.state is State.RUNNING and engine.ready() == []
    assert engine.next_deadline() == clock.now + 10


def test_countdown_is_sent_early_by_the_cue_lead(clock: SimulatedClock) -> None:
    session = session_of(exercise("a", "repetitions = 1\nhold_seconds = 5"))
    engine = Engine(session, clock, countdown=Countdown.LAST_THREE, cue_lead=0.25)
    woken: list[tuple[int, float, float]] = []
    engine.start()
    while (deadline := engine.next_deadline()) is not None:
        clock.now = deadline
        woken += [
            (e.number, e.planned_at, clock.now)
            for e in engine.advance()
            if isinstance(e, CountdownTick)
        ]
    assert [(number, planned - woke) for number, planned, woke in woken] == [
        (3, pytest.approx(0.25)),
        (2, pytest.approx(0.25)),
        (1, pytest.approx(0.25)),
    ]
    plan = make_plan(session)
    hold = next(p for p in plan.phases if p.segment.phase is Phase.HOLD)
    assert [planned - 1000 for _, planned, _ in woken] == [
        pytest.approx(hold.start + 2),
        pytest.approx(hold.start + 3),
        pytest.approx(hold.start + 4),
    ]


def test_a_large_cue_lead_never_moves_the_countdown_before_its_hold(clock: SimulatedClock) -> None:
    session = session_of(exercise("a", "repetitions = 1\nhold_seconds = 5"))
    engine = Engine(session, clock, countdown=Countdown.LAST_THREE, cue_lead=4.0)
    engine.start()
    hold_start = None
    ticks = []
    while (deadline := engine.next_deadline()) is not None:
        clock.now = deadline
        for effect in engine.advance():
            if isinstance(effect, PhaseStarted) and effect.segment.phase is Phase.HOLD:
                hold_start = clock.now
            if isinstance(effect, CountdownTick):
                ticks.append((effect.number, clock.now))
    assert hold_start is not None
    assert [number for number, _ in ticks] == [3, 2, 1]
    assert all(woke >= hold_start for _, woke in ticks)


def test_an_exercise_repeated_with_back_counts_once(clock: SimulatedClock) -> None:
    session = session_of(exercise("a", "hold_seconds = 5"), exercise("b", "hold_seconds = 5"))
    engine = Engine(session, clock, countdown=Countdown.NONE)
    engine.start()
    while engine.segment is not None and engine.segment.exercise == 0:
        clock.now = engine.next_deadline() or clock.now
        engine.advance()
    engine.back()  # just started b: back to a, which is done again
    while (deadline := engine.next_deadline()) is not None:
        clock.now = deadline
        engine.advance()
    assert engine.ended is not None
    assert (engine.ended.exercises_completed, engine.ended.exercises_total) == (2, 2)


def test_restart_repetition_goes_back_to_the_move_of_the_repetition_running(
    clock: SimulatedClock,
) -> None:
    session = session_of(exercise("a", 'repetitions = 3\nhold_seconds = 5\nsides = "each"'))
    engine = Engine(session, clock)
    engine.start()
    schedule = engine.schedule
    target = next(
        i
        for i, s in enumerate(schedule.segments)
        if (s.side is not None and s.side.value == "left", s.rep, s.phase.value)
        == (True, 2, "hold")
    )
    clock.now = engine.start_of(target) + 2.0
    engine.advance()
    assert engine.index == target
    engine.pause()
    (started,) = [e for e in engine.restart_repetition() if isinstance(e, PhaseStarted)]
    segment = started.segment
    assert (segment.side is not None and segment.side.value, segment.rep, segment.phase.value) == (
        "left",
        2,
        "move",
    )
    assert engine.state is State.PAUSED
    clock.advance(30)
    engine.resume()
    assert engine.remaining() == pytest.approx(segment.seconds)


def test_restart_repetition_in_prepare_restarts_the_prepare(clock: SimulatedClock) -> None:
    engine = Engine(session_of(exercise("a", "repetitions = 2\nhold_seconds = 5")), clock)
    engine.start()
    clock.advance(4)
    engine.advance()
    (started,) = engine.restart_repetition()
    assert isinstance(started, PhaseStarted) and started.segment.phase.value == "prepare"
    assert engine.remaining() == pytest.approx(started.segment.seconds)
