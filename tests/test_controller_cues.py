"""The controller says the fitted cues, measures what it does not know, and autostarts in time."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from fakes.recording_speaker import RecordingSpeaker

from exercise_timer import resources
from exercise_timer.app.controller import AUTOSTART_PATIENCE, SessionController
from exercise_timer.app.cue_voice import Measure
from exercise_timer.app.services import Services
from exercise_timer.app.state import Status
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.cue_fit import Timing, fit_cues
from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Routine
from exercise_timer.core.schedule import Phase
from exercise_timer.storage.cue_lengths import CueLengths, estimate_seconds
from exercise_timer.storage.journal import Journal


def xplain() -> Routine:
    return load_routine(resources.routines_dir() / "xplain-back.toml")


class Measurer:
    """Stands in for the voice's renderer: reports given lengths, else the estimate."""

    def __init__(self, lengths: Mapping[str, float] | None = None, *, hold: bool = False) -> None:
        self.lengths = dict(lengths or {})
        self.calls: list[list[str]] = []
        self.release = threading.Event()
        if not hold:
            self.release.set()

    def __call__(self, voice: str | None, rate: int) -> Measure:
        def measure(texts: Sequence[str]) -> dict[str, float]:
            self.calls.append(list(texts))
            self.release.wait(timeout=30)
            return {t: self.lengths.get(t, estimate_seconds(t, rate) * 0.9) for t in texts}

        return measure


def make(
    journal: Journal,
    clock: SimulatedClock,
    tmp_path: Path,
    measurer: Measurer | None = None,
) -> tuple[SessionController, RecordingSpeaker]:
    speaker = RecordingSpeaker(clock=clock)
    services = Services(
        journal=journal,
        speaker=speaker,
        clock=clock,
        cue_cache=tmp_path / "cache" / "cue-seconds.json",
        measure_cues=measurer or (lambda _voice, _rate: None),
    )
    return SessionController(services, xplain()), speaker


def settle(controller: SessionController) -> None:
    """Lets a background measurement finish and be taken in (it is not timed)."""
    controller.poll()
    thread = controller._cues.voice._thread
    if thread is not None:
        thread.join(timeout=30)
    controller.poll()


def run_out(controller: SessionController, clock: SimulatedClock) -> None:
    while (deadline := controller.engine.next_deadline()) is not None:
        clock.now = deadline
        controller.wake()


def test_the_voice_says_the_fitted_words_and_the_caption_shows_the_whole(
    journal: Journal, clock: SimulatedClock, tmp_path: Path
) -> None:
    controller, speaker = make(journal, clock, tmp_path)
    captions: list[str] = []
    controller.subscribe(lambda state: captions.append(state.cue))
    controller.start()
    run_out(controller, clock)
    schedule = controller.engine.schedule
    rate = 160
    plan = fit_cues(schedule, lambda t: (estimate_seconds(t, rate), False), Timing())
    expected: list[str] = []
    for index, cue in enumerate(plan.cues):
        expected += [cue.text] if cue.text else []
        expected += [str(count.number) for count in plan.counts[index]]
    assert speaker.said[: len(expected)] == expected
    assert "Relax." in speaker.said
    assert not any("is next" in text for text in speaker.said)
    assert any("Relax. Repetition 2 of" in caption for caption in captions)


def test_lengths_measured_in_the_background_change_the_words_from_the_next_phase_on(
    journal: Journal, clock: SimulatedClock, tmp_path: Path
) -> None:
    whole = "Press your lower back flat to the floor."
    measurer = Measurer({whole: 3.5})
    controller, speaker = make(journal, clock, tmp_path, measurer)
    first = controller._cues.plan()
    move = next(
        i for i, s in enumerate(controller.engine.schedule.segments) if s.phase is Phase.MOVE
    )
    assert first.cues[move].text == whole, "the estimate says it fits 3 s"
    settle(controller)
    assert measurer.calls and whole in measurer.calls[0]
    assert controller._cues.plan().cues[move].text != whole
    assert controller._cues.plan().cues[move].measured
    controller.start()
    run_out(controller, clock)
    assert whole not in speaker.said


def test_measured_lengths_are_kept_and_not_measured_again(
    journal: Journal, clock: SimulatedClock, tmp_path: Path
) -> None:
    measurer = Measurer()
    controller, _ = make(journal, clock, tmp_path, measurer)
    settle(controller)
    assert len(measurer.calls) == 1
    cache = tmp_path / "cache" / "cue-seconds.json"
    assert cache.is_file()
    again = Measurer()
    second, _ = make(journal, clock, tmp_path, again)
    settle(second)
    assert again.calls == []
    assert all(cue.measured for cue in second._cues.plan().cues)
    assert CueLengths(cache, None, 160).missing(["Relax.", "Hold."]) == []


def test_autostart_waits_for_the_measured_lengths(
    journal: Journal, clock: SimulatedClock, tmp_path: Path
) -> None:
    measurer = Measurer(hold=True)
    controller, _ = make(journal, clock, tmp_path, measurer)
    controller.autostart()
    controller.poll()
    assert controller.state.status is Status.READY
    measurer.release.set()
    settle(controller)
    assert controller.state.status is Status.RUNNING
    assert all(cue.measured for cue in controller._cues.plan().cues)


def test_autostart_waits_no_longer_than_its_patience(
    journal: Journal, clock: SimulatedClock, tmp_path: Path
) -> None:
    measurer = Measurer(hold=True)
    controller, _ = make(journal, clock, tmp_path, measurer)
    controller.autostart()
    controller.poll()
    clock.now += AUTOSTART_PATIENCE - 0.1
    controller.poll()
    assert controller.state.status is Status.READY
    clock.now += 0.1
    controller.poll()
    assert controller.state.status is Status.RUNNING
    measurer.release.set()


def test_without_a_voice_to_measure_autostart_starts_at_once(
    journal: Journal, clock: SimulatedClock, tmp_path: Path
) -> None:
    controller, _ = make(journal, clock, tmp_path)
    controller.autostart()
    assert controller.state.status is Status.RUNNING


def test_a_countdown_number_that_does_not_fit_is_not_said(
    journal: Journal, clock: SimulatedClock, tmp_path: Path
) -> None:
    measurer = Measurer({"1": 1.2})
    controller, speaker = make(journal, clock, tmp_path, measurer)
    settle(controller)
    controller.start()
    run_out(controller, clock)
    assert "1" not in speaker.said
    assert "2" in speaker.said or "3" in speaker.said or any("Hold" in t for t in speaker.said)


class SlowLead(RecordingSpeaker):
    """A voice still measuring how late it speaks."""

    measured = False

    @property
    def lead_measured(self) -> bool:
        return self.measured


def test_autostart_waits_for_the_voices_lead(
    journal: Journal, clock: SimulatedClock, tmp_path: Path
) -> None:
    speaker = SlowLead(clock=clock, lead_seconds=0.08)
    services = Services(journal=journal, speaker=speaker, clock=clock)
    controller = SessionController(services, xplain())
    controller.autostart()
    controller.poll()
    assert controller.state.status is Status.READY
    speaker.measured = True
    controller.poll()
    assert controller.state.status is Status.RUNNING
    assert controller.engine.cue_lead == pytest.approx(0.08)
