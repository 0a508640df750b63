"""The planner of spoken cues: the longest wording that ends before the next cue is due."""

from __future__ import annotations

import itertools

import pytest

from exercise_timer import resources
from exercise_timer.core.countdown import Countdown, count_numbers
from exercise_timer.core.cue_fit import CuePlan, LengthOf, Timing, fit_cues
from exercise_timer.core.cue_forms import cue_forms
from exercise_timer.core.loader import load_routine, parse_routine_text
from exercise_timer.core.resolve import resolve
from exercise_timer.core.schedule import Phase, Schedule, build_schedule
from exercise_timer.storage.cue_lengths import estimate_seconds

ROUTINES = ("xplain-back", "spine-clinic", "chiro-clinic")


def bundled(routine_id: str) -> Schedule:
    return build_schedule(resolve(load_routine(resources.routines_dir() / f"{routine_id}.toml")))


def estimated(rate: int) -> LengthOf:
    return lambda text: (estimate_seconds(text, rate), False)


def heard_cues(schedule: Schedule, plan: CuePlan, timing: Timing) -> list[tuple[float, float, str]]:
    """Every cue the voice says: (when it is heard, when it ends, text), in session order."""
    said = []
    for index, cue in enumerate(plan.cues):
        start = schedule.offsets_ms[index] / 1000 / timing.speed + timing.lead
        if cue.text:
            said.append((start, start + cue.seconds, cue.text))
        said += [(c.at, c.at + c.seconds, str(c.number)) for c in plan.counts[index]]
    return said


@pytest.mark.parametrize("routine_id", ROUTINES)
@pytest.mark.parametrize("rate", [80, 160, 300])
@pytest.mark.parametrize("countdown", list(Countdown))
def test_no_cue_runs_into_the_next(routine_id: str, rate: int, countdown: Countdown) -> None:
    schedule = bundled(routine_id)
    timing = Timing(countdown=countdown)
    plan = fit_cues(schedule, estimated(rate), timing)
    said = heard_cues(schedule, plan, timing)
    assert len(said) > len(schedule.segments) / 2
    for (_, end, text), (start, _, following) in itertools.pairwise(said):
        assert end + timing.gap <= start + 1e-9, (text, following)
    assert all(cue.text or cue.caption for cue in plan.cues)


@pytest.mark.parametrize("routine_id", ROUTINES)
def test_every_phase_says_at_least_a_word_a_person_can_act_on(routine_id: str) -> None:
    schedule = bundled(routine_id)
    plan = fit_cues(schedule, estimated(160), Timing())
    for segment, cue in zip(schedule.segments, plan.cues, strict=True):
        assert cue.text, (segment, cue.caption)
        assert len(cue.text) <= len(cue.caption) or segment.phase is Phase.PREPARE


def test_the_caption_keeps_the_whole_cue_and_the_voice_says_what_fits() -> None:
    schedule = bundled("xplain-back")
    plan = fit_cues(schedule, estimated(160), Timing())
    relax = [
        (s, c) for s, c in zip(schedule.segments, plan.cues, strict=True) if s.phase is Phase.RELAX
    ]
    long_ones = [c for _, c in relax if "is next" in c.caption or "Next:" in c.caption]
    assert long_ones
    assert {c.text for c in long_ones} == {"Relax."}


def test_a_short_hold_says_hold_and_the_counts_that_fit_land_on_their_seconds() -> None:
    schedule = hold_schedule(2)
    timing = Timing()
    plan = fit_cues(schedule, estimated(160), timing)
    for index, segment in enumerate(schedule.segments):
        if segment.phase is not Phase.HOLD:
            continue
        cue = plan.cues[index]
        assert cue.caption == "Hold for 2 seconds."
        assert cue.text == "Hold."
        end = schedule.offsets_ms[index + 1] / 1000
        assert [(c.number, c.at) for c in plan.counts[index]] == [(1, end - 1)]


HOLD_ROUTINE = """
format_version = 1
id = "holds"
title = "Holds"
[source]
title = "A test"
[defaults]
prepare_seconds = 10
move_seconds = 3
return_seconds = 3
relax_seconds = 2
repetitions = 1
[[exercises]]
id = "lift"
name = "Lift"
purpose = "Strengthens the hip."
kind = "strengthen"
position = "lying-on-back"
start = "Lie on your back."
steps = ["Lift your leg."]
cautions = ["Stop if it hurts."]
repetitions = 1
sides = "each"
side_label = "leg"
[[exercises.stages]]
name = "Lift"
instruction = "{instruction}"
breathing = "out"
hold_seconds = {hold}
"""


LONG_MOVE = (
    "Lift your straight leg a little way off the floor while you keep the other knee bent "
    "with its foot flat on the mat"
)


def hold_schedule(hold: float) -> Schedule:
    text = HOLD_ROUTINE.format(hold=hold, instruction=LONG_MOVE)
    return build_schedule(resolve(parse_routine_text(text, "holds.toml")))


def test_a_1_second_hold_gets_a_single_word() -> None:
    schedule = hold_schedule(1)
    plan = fit_cues(schedule, estimated(160), Timing())
    holds = [c for s, c in zip(schedule.segments, plan.cues, strict=True) if s.phase is Phase.HOLD]
    assert holds and {c.text for c in holds} == {"Hold."}


def test_a_count_that_would_run_into_the_next_number_is_dropped_never_moved() -> None:
    schedule = hold_schedule(6)
    slow = {"5": 1.2, "3": 1.2}

    def length_of(text: str) -> tuple[float, bool]:
        return slow.get(text, estimate_seconds(text, 160)), True

    plan = fit_cues(schedule, length_of, Timing(countdown=Countdown.EVERY))
    index = next(i for i, s in enumerate(schedule.segments) if s.phase is Phase.HOLD)
    end = schedule.offsets_ms[index + 1] / 1000
    kept = {c.number: c.at for c in plan.counts[index]}
    assert count_numbers(6000, Countdown.EVERY) == [5, 4, 3, 2, 1]
    assert kept == {4: end - 4, 2: end - 2, 1: end - 1}
    assert plan.says_count(index, 4) and not plan.says_count(index, 5)


def test_what_a_movement_leaves_out_is_said_while_getting_into_position() -> None:
    schedule = hold_schedule(5)
    plan = fit_cues(schedule, estimated(160), Timing())
    moves = [i for i, s in enumerate(schedule.segments) if s.phase is Phase.MOVE]
    move = plan.cues[moves[0]]
    assert move.caption.startswith("Breathe out and lift your straight leg")
    assert not move.text.startswith("Breathe out"), "the whole movement is too long for 3 s"
    prepares = [
        c for s, c in zip(schedule.segments, plan.cues, strict=True) if s.phase is Phase.PREPARE
    ]
    assert "Breathe out as you lift." in prepares[0].text


def test_cautions_are_said_with_the_first_get_into_position_only() -> None:
    schedule = hold_schedule(5)
    plan = fit_cues(schedule, estimated(160), Timing())
    prepares = [
        c for s, c in zip(schedule.segments, plan.cues, strict=True) if s.phase is Phase.PREPARE
    ]
    assert len(prepares) == 2
    assert "Take care: Stop if it hurts." in prepares[0].text
    assert "Take care" not in prepares[1].text and "Take care" not in prepares[1].caption


def test_waiting_for_the_person_gives_get_into_position_all_the_time_it_needs() -> None:
    schedule = bundled("chiro-clinic")
    quick = fit_cues(schedule, estimated(120), Timing())
    waiting = fit_cues(schedule, estimated(120), Timing(waiting=True))
    for index, segment in enumerate(schedule.segments):
        if segment.phase is Phase.PREPARE:
            assert waiting.cues[index].text == waiting.cues[index].caption
            assert waiting.cues[index].text.endswith("when you are in position.")
    cut = [
        i
        for i, s in enumerate(schedule.segments)
        if s.phase is Phase.PREPARE and quick.cues[i].text != quick.cues[i].caption
    ]
    assert cut, "at 120 words a minute some whole cues do not fit 10 s"


def test_at_a_high_speed_the_voice_keeps_up_by_saying_less() -> None:
    schedule = bundled("spine-clinic")
    timing = Timing(speed=4)
    plan = fit_cues(schedule, estimated(160), timing)
    said = heard_cues(schedule, plan, timing)
    for (_, end, _), (start, _, _) in itertools.pairwise(said):
        assert end + timing.gap <= start + 1e-9
    assert sum(1 for c in plan.cues if not c.text) > 0


def test_the_forms_of_every_cue_run_from_the_whole_to_a_word() -> None:
    schedule = bundled("spine-clinic")
    for index in range(len(schedule.segments)):
        forms = cue_forms(schedule, index)
        texts = [f.text for f in forms]
        assert len(set(texts)) == len(texts)
        assert len(texts[-1]) <= len(texts[0])


def test_a_long_movement_says_its_first_action() -> None:
    schedule = bundled("spine-clinic")
    plan = fit_cues(schedule, estimated(160), Timing())
    said = {
        cue.caption: cue.text
        for segment, cue in zip(schedule.segments, plan.cues, strict=True)
        if segment.phase is Phase.MOVE
    }
    whole = "Bring your knee toward your chest and press on the ankle."
    assert said[whole] == "Bring your knee toward your chest."
