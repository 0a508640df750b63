"""The window shows the steps of the pass running and highlights the step being held."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from window_support import make_window, press

from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.effects import StopReason
from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Side
from exercise_timer.core.schedule import Phase
from exercise_timer.storage.journal import Journal
from exercise_timer.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

SPINE = Path(__file__).resolve().parents[1] / "routines" / "spine-clinic.toml"


def run_until(window: MainWindow, clock: SimulatedClock, exercise: int, side: Side | None,
              phase: Phase) -> None:  # fmt: skip
    state = window.controller.state
    while (state.exercise_index, state.side, state.phase) != (exercise, side, phase):
        deadline = window.controller.engine.next_deadline()
        assert deadline is not None
        clock.now = deadline
        assert window.driver is not None
        window.driver.wake()
        state = window.controller.state


def shown(window: MainWindow) -> tuple[list[str], list[str]]:
    labels = window.session_page.step_labels
    return [label.text() for label in labels], [
        label.text() for label in labels if label.property("current")
    ]


def test_knee_to_chest_shows_one_leg_then_both_legs_steps_and_the_held_step(
    qtbot: QtBot, journal: Journal, clock: SimulatedClock
) -> None:
    window = make_window(qtbot, load_routine(SPINE, bundled=True), journal, clock)
    press(qtbot, window, Qt.Key.Key_Space)
    run_until(window, clock, 2, Side.LEFT, Phase.HOLD)
    steps, highlighted = shown(window)
    assert steps[0].startswith("1.  With both hands, pull the knee of that leg in")
    assert highlighted == [steps[0]]
    run_until(window, clock, 2, Side.BOTH, Phase.HOLD)
    steps, highlighted = shown(window)
    assert steps[0] == "1.  With both hands, pull both knees in, as near to your chest as you can."
    assert not any("other knee" in step for step in steps)
    assert highlighted == [steps[0]]
    run_until(window, clock, 3, None, Phase.HOLD)
    steps, highlighted = shown(window)
    # Pelvic Tilt: tighten and press (1), tilt the pelvis up and hold it there (2).
    assert highlighted == [steps[1]] and steps[1].startswith("2.  Tilt your pelvis up")
    window.controller.halt()
    window.controller.stop(StopReason.OTHER, "")


def Qt_space():
    from PySide6.QtCore import Qt

    return Qt.Key.Key_Space
