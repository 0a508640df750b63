"""Measuring how long cues take to say, with a worker on the fake engine (40 ms a character)."""

from __future__ import annotations

import pytest
from fakes import worker_spec
from fakes.pyttsx3_engine import SECONDS_PER_CHARACTER

from exercise_timer.speech import measure, problems
from exercise_timer.speech.measure import measure_cue_seconds
from exercise_timer.speech.process import WorkerSpec
from exercise_timer.speech.speaker import VoiceSettings

pytestmark = pytest.mark.slow


def test_each_text_is_measured_once_and_blank_ones_not_at_all() -> None:
    texts = ["Relax.", "Hold for 5 seconds.", "Relax.", " ", "3"]
    outcome = measure_cue_seconds(texts, VoiceSettings(rate=150), spec=worker_spec())
    assert outcome.problem is None
    assert list(outcome.seconds) == ["Relax.", "Hold for 5 seconds.", "3"]
    for text, seconds in outcome.seconds.items():
        assert seconds == pytest.approx(len(text) * SECONDS_PER_CHARACTER, abs=0.005)


def test_texts_are_sent_in_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(measure, "BATCH", 2)
    texts = [f"Cue number {n}." for n in range(5)]
    outcome = measure_cue_seconds(texts, VoiceSettings(), spec=worker_spec())
    assert outcome.problem is None and list(outcome.seconds) == texts


def test_a_worker_that_dies_is_replaced_once_and_the_rest_measured(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(measure, "BATCH", 1)
    texts = ["Relax.", "crash while measuring", "Hold for 5 seconds."]
    outcome = measure_cue_seconds(texts, VoiceSettings(), spec=worker_spec())
    assert list(outcome.seconds) == ["Relax.", "Hold for 5 seconds."]
    assert outcome.problem is not None and "stopped working" in outcome.problem


def test_an_engine_that_cannot_load_says_how_to_get_it() -> None:
    spec = worker_spec(env={"FAKE_TTS_INIT": "runtime-error"})
    outcome = measure_cue_seconds(["Relax."], VoiceSettings(), spec=spec)
    assert outcome.seconds == {} and outcome.problem == problems.install(["espeak-ng"])


def test_a_worker_that_cannot_start_is_a_problem_not_an_exception() -> None:
    spec = WorkerSpec(python="/no/such/python", quiet=True)
    outcome = measure_cue_seconds(["Relax."], VoiceSettings(), spec=spec)
    assert outcome.seconds == {} and outcome.problem is not None


def test_a_hanging_engine_gives_what_was_measured_in_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(measure, "BATCH", 1)
    texts = ["Relax.", "hang while measuring"]
    outcome = measure_cue_seconds(texts, VoiceSettings(), spec=worker_spec(), timeout=3.0)
    assert list(outcome.seconds) == ["Relax."]
    assert outcome.problem == problems.no_answer()


def test_nothing_to_measure() -> None:
    assert measure_cue_seconds([], VoiceSettings(), spec=worker_spec()) == measure.MeasureOutcome()
