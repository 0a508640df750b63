"""Progression: the pure rule, then weeks of real sessions through the journal and plan --json."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from exercise_timer.cli import main
from exercise_timer.core.effects import Outcome, StopReason
from exercise_timer.core.limits import PROGRESSION_EVERY
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.progression import (
    PastSession,
    Progression,
    Target,
    earned_steps,
    progress,
)
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.journal import Journal, StopRecord, open_journal, read_journal
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_store import (
    journal_values,
    load_personal,
    save_personal,
    today,
)

START = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)  # a Monday

C = PastSession("completed")
PAIN = PastSession("stopped", StopReason.PAIN)
NUMB = PastSession("stopped", StopReason.NUMBNESS)
DIZZY = PastSession("stopped", StopReason.DIZZINESS)
OTHER = PastSession("stopped", StopReason.OTHER)
CLOSED = PastSession("stopped", StopReason.CLOSED)
INTERRUPTED = PastSession("interrupted")
OPEN = PastSession("open")

ON = Progression(enabled=True)
FIVE = Target(holds=(5.0,), repetitions=5)


def today_of(
    history: list[PastSession], target: Target = FIVE, progression: Progression = ON
) -> tuple[tuple[float, ...], int, bool]:
    state = progress(progression, {"x": target}, history)
    item = state.exercises["x"]
    return item.holds, item.repetitions, item.reached


@pytest.mark.parametrize(
    ("history", "holds", "repetitions"),
    [
        pytest.param([], (2.0,), 2, id="start at 2 s and 2 repetitions"),
        pytest.param([C], (2.0,), 2, id="one completed session is not yet a step"),
        pytest.param([C, C], (3.0,), 3, id="two completed add 1 s and 1 repetition"),
        pytest.param([C, C, C], (3.0,), 3, id="the third starts the next count"),
        pytest.param([C, C, C, C], (4.0,), 4, id="four completed, two steps"),
        pytest.param([C, PAIN, C], (2.0,), 2, id="a pain stop resets the count"),
        pytest.param([C, C, C, PAIN, C], (3.0,), 3, id="a stop holds values, never lowers"),
        pytest.param([C, C, C, PAIN, C, C], (4.0,), 4, id="two completed after the stop"),
        pytest.param([C, NUMB, C, DIZZY, C], (2.0,), 2, id="numbness and dizziness reset too"),
        pytest.param([C, OTHER, C], (3.0,), 3, id="other reason neither counts nor resets"),
        pytest.param([C, CLOSED, INTERRUPTED, OPEN, C], (3.0,), 3, id="closed, killed, running"),
        pytest.param([OTHER, OTHER, CLOSED, CLOSED], (2.0,), 2, id="stops never count"),
        pytest.param([C] * 6, (5.0,), 5, id="three steps reach the target"),
        pytest.param([C] * 20, (5.0,), 5, id="the targets cap"),
        pytest.param([PAIN] * 3 + [C] * 2, (3.0,), 3, id="stops before anything"),
    ],
)
def test_the_rule_over_a_history(
    history: list[PastSession], holds: tuple[float, ...], repetitions: int
) -> None:
    assert today_of(history)[:2] == (holds, repetitions)


@pytest.mark.parametrize(
    ("done", "total", "counts"),
    [(13, 13, True), (11, 13, True), (8, 10, True), (10, 13, False), (0, 13, False), (0, 0, False)],
)
def test_a_completed_session_counts_only_if_most_of_it_was_done(
    done: int, total: int, counts: bool
) -> None:
    session = PastSession("completed", exercises_done=done, exercises_total=total)
    assert session.counts is counts
    assert earned_steps([session] * 2, 2)[0] == (1 if counts else 0)


@pytest.mark.parametrize(
    ("target", "history", "expected"),
    [
        pytest.param(Target((2.0,), 2), [], ((2.0,), 2, True), id="already at target stays"),
        pytest.param(Target((2.0,), 2), [C] * 8, ((2.0,), 2, True), id="at target never grows"),
        pytest.param(Target((1.0,), 1), [C] * 4, ((1.0,), 1, True), id="target below the start"),
        pytest.param(Target((10.0,), 3), [C] * 4, ((4.0,), 3, False), id="repetitions capped"),
        pytest.param(Target((3.0,), 8), [C] * 2, ((3.0,), 3, False), id="hold capped first"),
        pytest.param(Target((5.0, 8.0), 5), [C] * 8, ((5.0, 6.0), 5, False), id="two stages"),
        pytest.param(Target((0.0, 5.0), 4), [C] * 2, ((0.0, 3.0), 3, False), id="no-hold stage"),
        pytest.param(Target((7.5,), 4), [C] * 20, ((7.5,), 4, True), id="reaches a fraction"),
    ],
)
def test_targets_cap_each_value(
    target: Target,
    history: list[PastSession],
    expected: tuple[tuple[float, ...], int, bool],
) -> None:
    assert today_of(history, target) == expected


def test_every_and_the_starting_values_are_settings() -> None:
    slow = Progression(enabled=True, every=3, start_hold=3.0, start_repetitions=3)
    assert today_of([C, C], progression=slow)[:2] == ((3.0,), 3)
    assert today_of([C, C, C], progression=slow)[:2] == ((4.0,), 4)
    fast = Progression(enabled=True, every=1)
    assert today_of([C], progression=fast)[:2] == ((3.0,), 3)


def test_the_state_says_what_holds_it_and_how_far_the_next_step_is() -> None:
    assert earned_steps([C, C, C], 2) == (1, 1, None)
    assert earned_steps([C, C, C, DIZZY], 2) == (1, 0, StopReason.DIZZINESS)
    assert earned_steps([C, DIZZY, C, C], 2) == (1, 0, None)
    state = progress(ON, {"a": FIVE, "b": Target((2.0,), 2)}, [C, C, C, PAIN])
    assert state.steps == 1 and state.held_by is StopReason.PAIN
    assert state.sessions_to_next_step == 2
    assert not state.all_reached
    assert state.exercises["b"].reached


def test_every_below_the_table_of_limits_counts_as_its_least() -> None:
    least = int(PROGRESSION_EVERY.low)
    assert earned_steps([C] * least, 0) == (1, 0, None)
    assert progress(Progression(enabled=True, every=0), {"x": FIVE}, [C] * least).every == least


# Through the journal, the personal-values file and plan --json.


class Days:
    """An aware clock that the test moves from session to session."""

    def __init__(self) -> None:
        self.moment = START

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def days() -> Days:
    return Days()


@pytest.fixture
def journal(paths: Paths, days: Days) -> Iterator[Journal]:
    opened = open_journal(paths.journal_file, now=days)
    assert isinstance(opened, Journal)
    yield opened
    opened.close()


def plan_of(capsys: pytest.CaptureFixture[str], routine: str = "xplain-back") -> dict[str, object]:
    assert main(["plan", routine, "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert isinstance(plan, dict)
    return plan


def exercise_of(plan: dict[str, object], exercise_id: str) -> dict[str, object]:
    exercises = plan["exercises"]
    assert isinstance(exercises, list)
    return next(e for e in exercises if e["id"] == exercise_id)


def finish_every_exercise(journal: Journal, session_id: int, ids: list[str]) -> None:
    """Each exercise done, not skipped (a completed session of skips does not count)."""
    for position, exercise_id in enumerate(ids):
        journal.exercise_finished(session_id, exercise_id, position, True)


def completed_session(journal: Journal, routine_id: str, count: int) -> None:
    """A completed session in which all ``count`` exercises were done."""
    session = journal.start_session(routine_id, count)
    finish_every_exercise(journal, session, [f"exercise-{n}" for n in range(count)])
    journal.end_session(session, Outcome.COMPLETED, None)


def run_session(paths: Paths, journal: Journal, outcome: str, reason: StopReason | None) -> None:
    """One session as the window runs it: today's values, recorded, then its ending."""
    routine = load_catalogue(paths).find("xplain-back")
    assert routine is not None
    day = today(load_personal(paths, routine), journal.sessions())
    session_id = journal.start_session(
        routine.id, len(day.session.exercises), values=journal_values(day)
    )
    if outcome == "interrupted":
        return  # left open by this (live) process: neither counts nor resets
    if outcome == "completed":
        finish_every_exercise(journal, session_id, [e.id for e in day.session.exercises])
    stop = None
    if reason is not None:
        stop = StopRecord(reason, "", "pelvic-tilt", None, 1, 1, "hold", 30.0)
    journal.end_session(session_id, Outcome(outcome), stop)


Week = tuple[list[tuple[str, StopReason | None]], tuple[float, int], tuple[float, int]]

# Three sessions a week: (outcome, stop reason) for each, then single-leg-pull's hold and
# repetitions and pelvic-tilt's (its hold is "3-5 s": the target is 3) shown by plan --json.
WEEKS: list[Week] = [
    (
        [("completed", None), ("completed", None), ("completed", None)],
        (3.0, 3),
        (3.0, 3),
    ),
    (
        [("stopped", StopReason.PAIN), ("completed", None), ("stopped", StopReason.OTHER)],
        (3.0, 3),
        (3.0, 3),
    ),
    (
        [("completed", None), ("interrupted", None), ("completed", None)],
        (4.0, 4),
        (3.0, 4),
    ),
    (
        [("stopped", StopReason.DIZZINESS), ("stopped", StopReason.CLOSED), ("completed", None)],
        (4.0, 4),
        (3.0, 4),
    ),
    (
        [("completed", None), ("completed", None), ("completed", None)],
        (5.0, 5),
        (3.0, 5),
    ),
    (
        [("completed", None)] * 3,
        (5.0, 5),
        (3.0, 5),
    ),
]


def test_weeks_of_sessions_through_the_journal_and_plan_json(
    paths: Paths, journal: Journal, days: Days, capsys: pytest.CaptureFixture[str]
) -> None:
    save_personal(paths, "xplain-back", PersonalValues(), ON, now=days)
    plan = plan_of(capsys)
    assert exercise_of(plan, "single-leg-pull")["repetitions"] == 2
    assert exercise_of(plan, "single-leg-pull")["stages"][0]["hold_seconds"] == 2.0  # type: ignore[index]
    for week, (sessions, leg_pull, pelvic_tilt) in enumerate(WEEKS):
        for number, (outcome, reason) in enumerate(sessions):
            days.moment = START + timedelta(days=7 * week + 2 * number, hours=1)
            run_session(paths, journal, outcome, reason)
        plan = plan_of(capsys)
        for exercise_id, (hold, repetitions) in (
            ("single-leg-pull", leg_pull),
            ("pelvic-tilt", pelvic_tilt),
        ):
            shown = exercise_of(plan, exercise_id)
            stages = shown["stages"]
            assert isinstance(stages, list)
            assert (stages[0]["hold_seconds"], shown["repetitions"]) == (hold, repetitions), (
                week,
                exercise_id,
            )
    progression = exercise_of(plan, "single-leg-pull")["progression"]
    assert progression == {"target_repetitions": 5, "target_hold_seconds": [5.0], "reached": True}
    assert plan["progression"] == {
        "steps": 5,
        "every": 2,
        "completed_toward_next": 1,
        "held_by": None,
        "all_reached": True,
    }


def test_the_journal_records_the_values_each_session_used(
    paths: Paths, journal: Journal, days: Days
) -> None:
    save_personal(paths, "xplain-back", PersonalValues(), ON, now=days)
    for number in range(3):
        days.moment = START + timedelta(days=number + 1)
        run_session(paths, journal, "completed", None)
    used = [record.values for record in journal.sessions()]
    assert all(values is not None for values in used)
    steps = [values["progression"]["steps"] for values in used if values]  # type: ignore[index]
    assert steps == [0, 0, 1]
    first = used[0]["exercises"][1]  # type: ignore[index]
    assert first == {
        "id": "single-leg-pull",
        "variant": None,
        "repetitions": 2,
        "hold_seconds": [2.0],
        "relax_seconds": 2.0,
    }
    third = used[2]["exercises"][1]  # type: ignore[index]
    assert (third["repetitions"], third["hold_seconds"]) == (3, [3.0])


def test_sessions_before_the_start_and_of_other_routines_do_not_count(
    paths: Paths, journal: Journal, days: Days
) -> None:
    for number in range(4):
        days.moment = START + timedelta(hours=number)
        completed_session(journal, "xplain-back", 13)
    days.moment = START + timedelta(days=1)
    save_personal(paths, "xplain-back", PersonalValues(), ON, now=days)
    for number in range(4):
        days.moment = START + timedelta(days=2, hours=number)
        completed_session(journal, "spine-clinic", 10)
    routine = load_catalogue(paths).find("xplain-back")
    assert routine is not None
    values = today(load_personal(paths, routine), journal.sessions()).values
    assert values.for_exercise("back-arch") == ExerciseValues(hold_seconds=(2.0,), repetitions=2)


def test_without_progression_the_saved_values_are_used_as_they_are(
    paths: Paths, journal: Journal, days: Days
) -> None:
    saved = PersonalValues({"back-arch": ExerciseValues(hold_seconds=(8.0,), repetitions=6)})
    save_personal(paths, "xplain-back", saved, Progression(enabled=False), now=days)
    routine = load_catalogue(paths).find("xplain-back")
    assert routine is not None
    loaded = load_personal(paths, routine)
    day = today(loaded, journal.sessions())
    assert day.progress is None and day.values == saved
    back_arch = next(e for e in day.session.exercises if e.id == "back-arch")
    assert (back_arch.repetitions, back_arch.stages[0].holds) == (6, (8.0,) * 6)


def test_changing_the_targets_starts_progression_afresh_keeping_them_keeps_the_count(
    paths: Paths, journal: Journal, days: Days, capsys: pytest.CaptureFixture[str]
) -> None:
    save_personal(paths, "xplain-back", PersonalValues(), ON, now=days)
    for number in range(4):
        days.moment = START + timedelta(days=number + 1)
        run_session(paths, journal, "completed", None)
    assert exercise_of(plan_of(capsys), "back-arch")["repetitions"] == 4
    days.moment = START + timedelta(days=10)
    routine = load_catalogue(paths).find("xplain-back")
    assert routine is not None
    loaded = load_personal(paths, routine)
    save_personal(paths, "xplain-back", loaded.values, loaded.progression, now=days)
    assert load_personal(paths, routine).progression.started == START
    assert exercise_of(plan_of(capsys), "back-arch")["repetitions"] == 4
    higher = PersonalValues({"back-arch": ExerciseValues(hold_seconds=(20.0,), repetitions=12)})
    saved = save_personal(paths, "xplain-back", higher, loaded.progression, now=days)
    assert saved.started == days.moment
    shown = exercise_of(plan_of(capsys), "back-arch")
    assert shown["repetitions"] == 2 and shown["personal"] is True
    assert shown["progression"] == {
        "target_repetitions": 12,
        "target_hold_seconds": [20.0],
        "reached": False,
    }


def test_plan_does_not_create_the_journal_and_survives_a_damaged_one(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    save_personal(paths, "xplain-back", PersonalValues(), ON, now=lambda: START)
    plan_of(capsys)
    assert not paths.journal_file.exists()
    paths.journal_file.parent.mkdir(parents=True, exist_ok=True)
    paths.journal_file.write_bytes(b"this is not a database" * 100)
    assert main(["plan", "xplain-back", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["exercises"][0]["repetitions"] == 2
    assert "journal" in captured.err and "Progression is counted from its start" in captured.err
    assert paths.journal_file.read_bytes() == b"this is not a database" * 100
    with pytest.raises(Exception, match="damaged"):
        read_journal(paths.journal_file)


def test_a_blank_nobody_filled_in_stays_flagged_while_building_up(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    save_personal(paths, "chiro-clinic", PersonalValues(), ON, now=lambda: START)
    shown = exercise_of(plan_of(capsys, "chiro-clinic"), "bridge")
    assert shown["repetitions"] == 2 and shown["needs_prescription"] is True


def test_plan_text_says_what_is_built_up(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    save_personal(paths, "xplain-back", PersonalValues(), ON, now=lambda: START)
    assert main(["plan", "xplain-back"]) == 0
    out = capsys.readouterr().out
    assert "Building up gradually" in out
    assert "Building up: today hold 2 s, 2 times; the target is hold 5 s, 5 times" in out


def test_a_growing_hold_is_never_above_the_document_for_its_repetition(paths: Paths) -> None:
    """Spine clinic's lying Hamstring holds 1, 2, 3, 4, 5 s; building up must keep that shape."""
    routine = load_catalogue(paths).find("spine-clinic")
    assert routine is not None
    save_personal(
        paths, routine.id, PersonalValues(), Progression(enabled=True, every=1), now=lambda: START
    )
    clock = Days()
    journal = open_journal(paths.journal_file, now=clock)
    assert isinstance(journal, Journal)
    for number in range(2):  # two steps: today's flat value is 2 + 2 = 4 s
        clock.moment = START + timedelta(days=number + 1)
        completed_session(journal, routine.id, 10)
    day = today(load_personal(paths, routine), journal.sessions())
    journal.close()
    hamstring = next(e for e in day.session.exercises if e.id == "hamstring-stretch-lying")
    assert hamstring.repetitions == 4
    assert hamstring.stages[0].holds == (1.0, 2.0, 3.0, 4.0)
