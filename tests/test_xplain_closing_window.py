"""The summary page of a completed session shows the routine's advice for after it."""

from __future__ import annotations

import dataclasses

import pytest
from fakes.recording_speaker import RecordingSpeaker
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from window_support import advance_to, make_window, press

from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.cues import stop_advice
from exercise_timer.core.effects import StopReason
from exercise_timer.core.loader import parse_routine_text
from exercise_timer.core.model import Routine
from exercise_timer.storage.journal import Journal

pytestmark = pytest.mark.gui

AT_END = "If you can, finish now with more stretches."


@pytest.fixture
def routine(example_text: str) -> Routine:
    parsed = parse_routine_text(
        example_text.replace("repetitions = 5", "repetitions = 1"), "ex.toml"
    )
    return dataclasses.replace(parsed, advice=dataclasses.replace(parsed.advice, at_end=AT_END))


def test_the_summary_ends_with_the_advice_and_the_voice_says_it(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    speaker = RecordingSpeaker()
    window = make_window(qtbot, routine, journal, clock, speaker=speaker)
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.controller.engine is not None
    while (deadline := window.controller.engine.next_deadline()) is not None:
        advance_to(window, clock, deadline - clock.now)
    assert window.pages.currentWidget() is window.summary_page
    assert window.summary_page.body.text().endswith(AT_END)
    assert speaker.said[-1].endswith(AT_END)
    journal.close()


def test_after_a_stop_the_advice_page_does_not_show_it(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    window = make_window(qtbot, routine, journal, clock)
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.mouseClick(window.stop_page.buttons[StopReason.PAIN], Qt.MouseButton.LeftButton)
    assert stop_advice(StopReason.PAIN) in window.advice_page.body.text()
    assert AT_END not in window.advice_page.body.text()
    journal.close()
