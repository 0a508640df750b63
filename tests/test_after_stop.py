"""After a symptom stop: the offer to leave the exercise out, and what the next start says."""

from __future__ import annotations

from datetime import date

import pytest
from fakes.recording_speaker import RecordingSpeaker

from exercise_timer.app.controller import SessionController
from exercise_timer.app.policy import KIOSK, Policy
from exercise_timer.app.services import Services
from exercise_timer.app.state import LastTime, LeaveOutAnswer, Notices
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.effects import StopReason
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import ExerciseValues, LeftOut, PersonalValues
from exercise_timer.core.progression import Progression
from exercise_timer.storage import lock
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.journal import Journal
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_access import StoredPersonal
from exercise_timer.storage.personal_store import load_personal, save_personal
from exercise_timer.ui.words import notices


@pytest.fixture
def routine(paths: Paths, example_text: str) -> Routine:
    routine_file = paths.routines_dir / "my-routine.toml"
    routine_file.parent.mkdir(parents=True)
    routine_file.write_text(example_text, encoding="utf-8")
    found = load_catalogue(paths).find("my-routine")
    assert found is not None
    return found


def controller(
    paths: Paths, journal: Journal, clock: SimulatedClock, routine: Routine, **kwargs: Policy
) -> SessionController:
    services = Services(
        journal=journal,
        speaker=RecordingSpeaker(),
        clock=clock,
        personal=StoredPersonal(paths, load_catalogue(paths), journal),
    )
    return SessionController(services, routine, **kwargs)


def stop_in_first(control: SessionController, clock: SimulatedClock, reason: StopReason) -> None:
    control.start()
    clock.advance(15)
    control.wake()
    control.halt()
    control.stop(reason, "")


def test_a_symptom_stop_offers_to_leave_the_exercise_out_and_saves_it(
    paths: Paths, journal: Journal, clock: SimulatedClock, routine: Routine
) -> None:
    save_personal(
        paths,
        routine.id,
        PersonalValues({"cat-and-camel": ExerciseValues(repetitions=3)}),
        Progression(),
    )
    control = controller(paths, journal, clock, routine)
    assert control.state.offer_leave_out is None
    stop_in_first(control, clock, StopReason.DIZZINESS)
    assert control.state.offer_leave_out == "cat-and-camel"
    control.leave_out("cat-and-camel")
    assert control.state.leave_out_answer is LeaveOutAnswer.LEFT_OUT
    saved = load_personal(paths, routine).values.for_exercise("cat-and-camel")
    assert saved == ExerciseValues(
        repetitions=3, included=False, left_out=LeftOut(date.today(), "dizziness")
    )
    control.again()
    assert control.state.leave_out_answer is None
    assert "cat-and-camel" not in [e.id for e in control.engine.session.exercises]
    last = control.state.notices.last_time
    assert last == LastTime("Cat and Camel", StopReason.DIZZINESS, ("Cat and Camel",))
    words = notices(control.state.notices)
    assert "Last time you stopped at Cat and Camel because of dizziness." in words
    assert "Left out until your clinic is asked: Cat and Camel." in words


def test_keep_in_changes_nothing_and_the_next_start_still_says_what_happened(
    paths: Paths, journal: Journal, clock: SimulatedClock, routine: Routine
) -> None:
    control = controller(paths, journal, clock, routine)
    stop_in_first(control, clock, StopReason.PAIN)
    control.keep_in()
    assert control.state.leave_out_answer is LeaveOutAnswer.KEPT_IN
    control.leave_out("hamstring")
    assert load_personal(paths, routine).values == PersonalValues()
    control.again()
    assert control.state.notices.last_time == LastTime("Cat and Camel", StopReason.PAIN)
    assert "Left out" not in notices(control.state.notices)


@pytest.mark.parametrize("reason", [StopReason.OTHER, StopReason.CLOSED])
def test_no_offer_after_other_stops(
    paths: Paths, journal: Journal, clock: SimulatedClock, routine: Routine, reason: StopReason
) -> None:
    control = controller(paths, journal, clock, routine)
    stop_in_first(control, clock, reason)
    assert control.state.offer_leave_out is None
    control.again()
    assert control.state.notices.last_time == LastTime()


def test_no_offer_in_a_kiosk(
    paths: Paths, journal: Journal, clock: SimulatedClock, routine: Routine
) -> None:
    control = controller(paths, journal, clock, routine, policy=KIOSK)
    stop_in_first(control, clock, StopReason.NUMBNESS)
    assert control.state.offer_leave_out is None
    control.leave_out("cat-and-camel")
    assert load_personal(paths, routine).values == PersonalValues()


def test_locked_values_are_not_changed_and_the_state_says_so(
    paths: Paths, journal: Journal, clock: SimulatedClock, routine: Routine
) -> None:
    lock.set_pin(paths, "4823")
    control = controller(paths, journal, clock, routine)
    stop_in_first(control, clock, StopReason.DIZZINESS)
    control.leave_out("cat-and-camel")
    assert control.state.leave_out_answer is LeaveOutAnswer.LOCKED
    assert load_personal(paths, routine).values == PersonalValues()


def test_the_notice_names_every_exercise_left_out() -> None:
    found = Notices(last_time=LastTime(left_out=("Cat and Camel", "Hamstring Stretch")))
    assert notices(found) == (
        "Left out until your clinic is asked: Cat and Camel, Hamstring Stretch."
    )
