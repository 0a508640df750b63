"""A whole session of each bundled routine: headless (no Qt loaded) and in the window, the same.

The same script (pause, skip, back, and for the chiropractic routine a stop for dizziness) runs
once through SessionController in a separate interpreter and once through the window's keys on
a simulated clock; the journal rows and the trace must be equal line for line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from session_script import STOPPED_ROUTINES, build, play, results

from exercise_timer.ui.main_window import MainWindow

TESTS = Path(__file__).resolve().parent
ROUTINES = ["xplain-back", "spine-clinic", "chiro-clinic"]


@dataclass
class ThroughTheWindow:
    """The script's commands as a person gives them: keys on the window."""

    qtbot: QtBot
    window: MainWindow

    def _key(self, key: Qt.Key) -> None:
        self.qtbot.keyClick(self.window.pages.currentWidget(), key)

    def start(self) -> None:
        self._key(Qt.Key.Key_Space)

    def toggle(self) -> None:
        self._key(Qt.Key.Key_Space)

    def skip(self) -> None:
        self._key(Qt.Key.Key_Right)

    def back(self) -> None:
        self._key(Qt.Key.Key_Left)

    def stop_for_dizziness(self, note: str) -> None:
        self._key(Qt.Key.Key_Escape)
        assert self.window.pages.currentWidget() is self.window.stop_page
        self.qtbot.keyClicks(self.window.stop_page.note, note)
        self.qtbot.keyClick(self.window.stop_page, Qt.Key.Key_3)

    def wake(self) -> None:
        self.window.driver.wake()


def headless(routine_id: str, home: Path) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, str(TESTS / "session_script.py"), routine_id, str(home)],
        env={**os.environ, "PYTHONPATH": str(TESTS)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found: dict[str, object] = json.loads(result.stdout)
    return found


@pytest.mark.gui
@pytest.mark.parametrize("routine_id", ROUTINES)
def test_headless_and_window_sessions_write_the_same_journal_and_trace(
    qtbot: QtBot, tmp_path: Path, routine_id: str
) -> None:
    alone = headless(routine_id, tmp_path / "headless")
    assert alone.pop("qt_modules") == []

    controller, clock, services = build(routine_id, tmp_path / "window")
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    play(routine_id, ThroughTheWindow(qtbot, window), controller, clock)
    window.driver.shutdown()
    controller.shutdown()
    services.close()
    shown = results(tmp_path / "window")

    assert shown["journal"] == alone["journal"]
    assert shown["trace"] == alone["trace"]
    sessions = alone["journal"]["sessions"]  # type: ignore[index]
    (session,) = sessions
    trace = alone["trace"]
    assert isinstance(trace, list)
    kinds = {event["event"] for event in trace}
    assert kinds == {"phase", "cue", "end"}
    if routine_id in STOPPED_ROUTINES:
        assert session[2] == "stopped"
        assert session[5:7] == ["dizziness", "dizzy after the twist"]
        assert trace[-1]["event"] == "cue" and "sit down" in trace[-1]["text"]
    else:
        assert session[2] == "completed"
        assert {"event": "end", "outcome": "completed", "reason": None} in trace
    phases = [event for event in trace if event["event"] == "phase"]
    assert all(event["t_actual"] == event["t_planned"] for event in phases[:3])
