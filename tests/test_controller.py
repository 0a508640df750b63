"""The session controller without Qt: commands, published states, policies and today's values."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes.recording_speaker import RecordingSpeaker

from exercise_timer.app.controller import SessionController
from exercise_timer.app.options import AppOptions
from exercise_timer.app.policy import HOME, KIOSK, policy_for
from exercise_timer.app.services import Services
from exercise_timer.app.state import SessionState, Status
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.effects import StopReason
from exercise_timer.core.loader import parse_routine_text
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.progression import Progression
from exercise_timer.core.schedule import Phase
from exercise_timer.core.value_source import ValueSource
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.journal import Journal
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_access import StoredPersonal
from exercise_timer.storage.personal_store import save_personal


class BusySpeaker(RecordingSpeaker):
    """Still speaking until told otherwise."""

    speaking = True

    @property
    def busy(self) -> bool:
        return self.speaking


@pytest.fixture
def routine(example_text: str) -> Routine:
    return parse_routine_text(example_text.replace("repetitions = 5", "repetitions = 2"), "ex.toml")


def controller_for(
    routine: Routine,
    journal: Journal,
    clock: SimulatedClock,
    *,
    speaker: RecordingSpeaker | None = None,
    **kwargs: object,
) -> tuple[SessionController, list[SessionState]]:
    services = Services(journal=journal, speaker=speaker or RecordingSpeaker(), clock=clock)
    controller = SessionController(services, routine, **kwargs)  # type: ignore[arg-type]
    states: list[SessionState] = []
    controller.subscribe(states.append)
    return controller, states


def run_out(controller: SessionController, clock: SimulatedClock) -> None:
    while (deadline := controller.engine.next_deadline()) is not None:
        clock.now = deadline
        controller.wake()


def test_commands_publish_states_that_say_where_the_session_is(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    controller, states = controller_for(routine, journal, clock)
    assert controller.state.status is Status.READY and controller.state.segment is None
    assert (
        controller.state.exercise is not None and controller.state.exercise.name == "Cat and Camel"
    )
    controller.start()
    first = states[-1]
    assert (first.status, first.phase, first.exercise_index) == (Status.RUNNING, Phase.PREPARE, 0)
    assert first.cue.startswith("Cat and Camel.")
    assert first.next_exercise is not None and first.next_exercise.name == "Hamstring Stretch"
    clock.advance(10)
    controller.wake()
    move = states[-1]
    assert (move.phase, move.repetition, move.stage, move.current_step) == (Phase.MOVE, 1, 1, 1)
    assert move.phase_serial == first.phase_serial + 1
    controller.toggle()
    assert states[-1].status is Status.PAUSED and states[-1].paused
    clock.advance(100)
    controller.poll()
    assert states[-1].seconds_left == pytest.approx(move.phase_seconds)
    controller.toggle()
    controller.skip()
    assert states[-1].exercise_index == 1 and states[-1].phase is Phase.PREPARE


def test_stop_asks_then_records_the_reason_note_and_place(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    speaker = RecordingSpeaker()
    controller, states = controller_for(routine, journal, clock, speaker=speaker)
    controller.start()
    clock.advance(12)
    controller.wake()
    controller.halt()
    assert states[-1].status is Status.ASKING and controller.next_wake() is None
    controller.toggle()  # Space on the stop page does not resume
    assert states[-1].status is Status.ASKING
    clock.advance(60)
    controller.stop(StopReason.DIZZINESS, "dizzy when I stood up")
    ended = states[-1]
    assert ended.status is Status.ENDED and ended.stopped and ended.recorded
    assert ended.stop_reason is StopReason.DIZZINESS and "sit down" in speaker.said[-1]
    (record,) = journal.sessions()
    assert record.stop is not None
    assert (record.stop.note, record.stop.phase, record.stop.session_seconds) == (
        "dizzy when I stood up",
        "move",
        12,
    )


def test_a_held_session_carries_on_as_it_was(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    controller, states = controller_for(routine, journal, clock)
    controller.start()
    controller.halt(ask=False)
    assert states[-1].status is Status.PAUSED
    clock.advance(30)
    controller.carry_on()
    assert states[-1].status is Status.RUNNING
    assert states[-1].seconds_left == pytest.approx(10)
    controller.toggle()
    controller.halt(ask=False)
    controller.carry_on()
    assert states[-1].status is Status.PAUSED


def test_exit_when_done_quits_with_0_after_the_last_words_or_6_seconds(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    speaker = BusySpeaker()
    policy = policy_for(AppOptions(routine="x", exit_when_done=True))
    controller, states = controller_for(routine, journal, clock, speaker=speaker, policy=policy)
    controller.start()
    run_out(controller, clock)
    controller.poll()
    assert states[-1].exit_code is None
    clock.advance(5.9)
    controller.poll()
    assert states[-1].exit_code is None
    speaker.speaking = False
    controller.poll()
    assert states[-1].exit_code is None, "the pain question is still open"
    controller.rate_pain(2)
    controller.poll()
    assert states[-1].exit_code == 0
    assert journal.sessions()[-1].pain_rating == 2


def test_exit_when_done_waits_for_an_unanswered_pain_rating_no_longer_than_6_s(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    policy = policy_for(AppOptions(routine="x", exit_when_done=True))
    controller, states = controller_for(routine, journal, clock, policy=policy)
    controller.start()
    run_out(controller, clock)
    clock.advance(5.9)
    controller.poll()
    assert states[-1].exit_code is None and states[-1].asks_pain
    clock.advance(0.1)
    controller.poll()
    assert states[-1].exit_code == 0


def test_exit_when_done_quits_with_3_after_a_stop_even_while_speaking(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    policy = policy_for(AppOptions(routine="x", exit_when_done=True))
    controller, states = controller_for(
        routine, journal, clock, speaker=BusySpeaker(), policy=policy
    )
    controller.start()
    controller.halt()
    controller.stop(StopReason.OTHER)
    clock.advance(6)
    controller.poll()
    assert states[-1].exit_code == 3


def test_a_kiosk_starts_again_15_s_after_a_completed_session_but_never_after_a_stop(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    controller, states = controller_for(routine, journal, clock, policy=KIOSK)
    controller.start()
    run_out(controller, clock)
    clock.advance(14.9)
    controller.poll()
    assert states[-1].status is Status.ENDED
    clock.advance(0.1)
    controller.poll()
    assert states[-1].status is Status.RUNNING and states[-1].phase is Phase.PREPARE
    controller.halt()
    controller.stop(StopReason.PAIN)
    controller.poll()
    clock.advance(29.9)
    controller.poll()
    assert states[-1].status is Status.ENDED and states[-1].stop_reason is StopReason.PAIN
    clock.advance(0.1)
    controller.poll()
    assert states[-1].status is Status.READY, "the advice gives way to the attract screen"
    clock.advance(3600)
    controller.poll()
    assert states[-1].status is Status.READY, "no session starts talking by itself"


def test_a_kiosk_never_waits_for_a_visitor(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    controller, states = controller_for(routine, journal, clock, policy=KIOSK)
    controller.set_wait_for_me(True)
    controller.start()
    assert states[-1].status is Status.RUNNING and not states[-1].wait_for_me
    home, home_states = controller_for(routine, journal, clock, policy=HOME)
    home.set_wait_for_me(True)
    home.start()
    assert home_states[-1].status is Status.WAITING


def test_the_safety_notice_holds_autostart_until_acknowledged(
    routine: Routine, journal: Journal, clock: SimulatedClock, tmp_path: Path
) -> None:
    folder = tmp_path / "config" / "before-you-start"
    services = Services(
        journal=journal, speaker=RecordingSpeaker(), clock=clock, read_routines_dir=folder
    )
    controller = SessionController(services, routine)
    controller.autostart()
    controller.toggle()
    assert controller.state.notice_pending and controller.state.status is Status.READY
    controller.acknowledge_notice()
    assert controller.state.status is Status.RUNNING and (folder / routine.id).is_file()
    again = SessionController(services, routine)
    assert not again.state.notice_pending


def test_todays_values_say_where_each_comes_from(
    paths: Paths, journal: Journal, clock: SimulatedClock, example_text: str
) -> None:
    routine = parse_routine_text(example_text, "ex.toml")
    routine_file = paths.routines_dir / "my-routine.toml"
    routine_file.parent.mkdir(parents=True)
    routine_file.write_text(example_text, encoding="utf-8")
    save_personal(
        paths,
        routine.id,
        PersonalValues({"cat-and-camel": ExerciseValues(repetitions=3)}),
        Progression(),
    )
    services = Services(
        journal=journal,
        speaker=RecordingSpeaker(),
        clock=clock,
        personal=StoredPersonal(paths, load_catalogue(paths), journal),
    )
    controller = SessionController(services, routine)
    cat = controller.state.values
    assert cat is not None
    assert (cat.repetitions, cat.repetitions_from) == (3, ValueSource.PERSONAL)
    assert (cat.holds_from, cat.relax_from) == (ValueSource.DOCUMENT, ValueSource.DOCUMENT)
    controller.start()
    controller.skip()
    hamstring = controller.state.values
    assert hamstring is not None and controller.state.exercise is not None
    assert controller.state.exercise.needs_prescription
    assert ValueSource.DEFAULT in (hamstring.holds_from, hamstring.repetitions_from)


def test_a_session_of_skips_leaves_the_build_up_where_it_was(
    paths: Paths, journal: Journal, clock: SimulatedClock
) -> None:
    catalogue = load_catalogue(paths)
    routine = catalogue.find("xplain-back")
    assert routine is not None
    save_personal(paths, routine.id, PersonalValues(), Progression(enabled=True, every=1))
    services = Services(
        journal=journal,
        speaker=RecordingSpeaker(),
        clock=clock,
        personal=StoredPersonal(paths, catalogue, journal),
    )

    def first_values() -> tuple[int, tuple[float, ...]]:
        controller = SessionController(services, routine)
        values = controller.state.values
        assert values is not None and values.repetitions_from is ValueSource.BUILD_UP
        return values.repetitions, values.holds

    before = first_values()
    skipped = SessionController(services, routine)
    skipped.start()
    for _ in range(13):
        skipped.skip()
    assert skipped.state.ended is not None and skipped.state.ended.exercises_completed == 0
    assert journal.sessions()[-1].outcome == "completed"
    assert first_values() == before

    done = SessionController(services, routine)
    done.start()
    run_out(done, clock)
    repetitions, holds = first_values()
    assert repetitions == before[0] + 1
    assert holds[0] == before[1][0] + 1


def test_after_a_session_the_pain_rating_is_asked_once_and_recorded(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    controller, states = controller_for(routine, journal, clock)
    assert not controller.state.asks_pain
    controller.start()
    controller.halt()
    controller.stop(StopReason.PAIN, "")
    assert states[-1].asks_pain
    with pytest.raises(ValueError):
        controller.rate_pain(11)
    assert states[-1].asks_pain
    controller.rate_pain(7)
    assert (states[-1].asks_pain, states[-1].pain_rating) == (False, 7)
    controller.rate_pain(2)
    assert journal.sessions()[-1].pain_rating == 7


def test_the_pain_rating_can_be_skipped_and_a_kiosk_never_asks(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    controller, states = controller_for(routine, journal, clock)
    controller.start()
    run_out(controller, clock)
    assert states[-1].asks_pain
    controller.rate_pain(None)
    assert not states[-1].asks_pain and journal.sessions()[-1].pain_rating is None
    kiosk, kiosk_states = controller_for(routine, journal, clock, policy=KIOSK)
    kiosk.start()
    run_out(kiosk, clock)
    assert kiosk_states[-1].ended is not None and not kiosk_states[-1].asks_pain


def test_a_stop_taken_back_within_10_s_goes_on_from_the_start_of_the_repetition(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    controller, states = controller_for(routine, journal, clock)
    controller.start()
    clock.advance(10 + 3 + 2)  # two seconds into the first hold
    controller.wake()
    assert states[-1].phase is Phase.HOLD
    controller.halt()
    assert states[-1].can_take_back
    clock.advance(9.9)
    controller.poll()
    controller.take_back_stop()
    resumed = states[-1]
    assert (resumed.status, resumed.phase, resumed.repetition, resumed.stage) == (
        Status.RUNNING,
        Phase.MOVE,
        1,
        1,
    )
    assert resumed.seconds_left == pytest.approx(resumed.phase_seconds)
    controller.halt()
    controller.stop(StopReason.OTHER, "")
    (record,) = journal.sessions()
    (taken,) = record.withdrawn_stops
    assert (taken.exercise, taken.rep, taken.stage, taken.phase) == ("cat-and-camel", 1, 1, "hold")
    assert taken.session_seconds == pytest.approx(15)
    assert record.stop is not None and record.stop.reason is StopReason.OTHER


def test_after_10_s_the_stop_can_no_longer_be_taken_back(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    controller, states = controller_for(routine, journal, clock)
    controller.start()
    controller.halt()
    clock.advance(10.1)
    controller.poll()
    assert not states[-1].can_take_back
    controller.take_back_stop()
    assert states[-1].status is Status.ASKING
    assert journal.sessions()[0].withdrawn_stops == ()


@pytest.mark.parametrize("routine_id", ["xplain-back", "spine-clinic", "chiro-clinic"])
def test_each_exercises_cautions_are_said_once_per_session_when_it_is_prepared(
    journal: Journal, clock: SimulatedClock, routine_id: str
) -> None:
    from exercise_timer import resources
    from exercise_timer.core.loader import load_routine

    routine = load_routine(resources.routines_dir() / f"{routine_id}.toml")
    speaker = RecordingSpeaker()
    controller, _states = controller_for(routine, journal, clock, speaker=speaker)
    controller.start()
    run_out(controller, clock)
    cautioned = [e for e in controller.engine.session.exercises if e.exercise.cautions]
    assert cautioned, "every bundled routine has cautions"
    for exercise in cautioned:
        for caution in exercise.exercise.cautions:
            said = [t for t in speaker.said if caution in t and t.startswith(exercise.name + ".")]
            assert len(said) == 1, (exercise.id, caution, said)


def test_the_journal_records_each_exercise_done_skipped_or_stopped(
    routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    controller, _states = controller_for(routine, journal, clock)
    controller.start()
    controller.skip()
    controller.halt()
    controller.stop(StopReason.DIZZINESS, "")
    (record,) = journal.sessions()
    assert [(e.exercise_id, e.completed, e.stopped) for e in record.exercises] == [
        ("cat-and-camel", False, False),
        ("hamstring", False, True),
    ]
    assert record.exercises_completed == 0
