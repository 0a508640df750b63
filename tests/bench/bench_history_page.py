"""How long the history page takes to open over a journal of 1,000 sessions (goal: under 300 ms).

Run: .venv/bin/python tests/bench/bench_history_page.py [--sessions 1000] [--runs 5]

Offscreen. A journal of two years of sessions (some stopped, some with skipped exercises, pain
ratings, the values of each) is written with the real writer into a temporary folder; the real
window is built over it and shown; then History is pressed: the time from the press to the
page painted (the journal read, the rows worked out, the page built and drawn). The first
opening also loads the page's modules and builds the page; later ones only read and draw.
Each tab is then drawn once and timed, and the journal read and the rows alone, for comparison.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before PySide6 is imported

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fakes.recording_speaker import RecordingSpeaker
from PySide6.QtWidgets import QApplication
from test_history_page_rows import at, fill_journal, stop_in

from exercise_timer import resources
from exercise_timer.app.controller import SessionController
from exercise_timer.app.services import RoutineChoice, Services
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.effects import StopReason
from exercise_timer.core.loader import load_routine
from exercise_timer.report.history_page import history_page_rows
from exercise_timer.storage.journal import Journal, open_journal
from exercise_timer.ui.main_window import MainWindow

GOAL_MS = 300.0
REASONS = (StopReason.PAIN, StopReason.NUMBNESS, StopReason.DIZZINESS, StopReason.OTHER)


def build_journal(path: Path, sessions: int) -> None:
    """``sessions`` sessions spread over two years, about one in 13 stopped."""
    first = date(2024, 12, 2)
    starts = [
        at(first + timedelta(days=(index * 730) // sessions), 8 + index % 12)
        for index in range(sessions)
    ]
    stops = {
        index: stop_in("pretzel", REASONS[index % len(REASONS)], f"note {index}")
        for index in range(5, sessions, 13)
    }
    pain = {index: index % 11 for index in range(0, sessions, 2)}
    fill_journal(path, starts, stops=stops, pain=pain)


def ms(since: float) -> float:
    return (time.perf_counter() - since) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.sqlite3"
        started = time.perf_counter()
        build_journal(path, args.sessions)
        print(f"journal of {args.sessions} sessions written in {ms(started):.0f} ms")
        journal = open_journal(path)
        assert isinstance(journal, Journal)
        routine = load_routine(resources.routines_dir() / "xplain-back.toml")
        services = Services(journal=journal, speaker=RecordingSpeaker(), clock=SimulatedClock(0.0))
        window = MainWindow(
            SessionController(services, routine), choices=[RoutineChoice(routine, 900.0)]
        )
        window.resize(1024, 600)
        window.show()
        app.processEvents()
        openings = []
        for run in range(args.runs):
            started = time.perf_counter()
            window.open_history()
            app.processEvents()
            window.repaint()
            openings.append(ms(started))
            page = window.history_page
            assert page.sessions_model.rowCount() == args.sessions
            tabs = []
            for tab in range(page.tabs.count()):
                started = time.perf_counter()
                page.tabs.setCurrentIndex(tab)
                app.processEvents()
                window.repaint()
                tabs.append(f"{page.tabs.tabText(tab)} {ms(started):.0f}")
            page.tabs.setCurrentIndex(0)
            window.close_history()
            app.processEvents()
            if run == 0:
                print("each tab drawn the first time (ms):", ", ".join(tabs))
        started = time.perf_counter()
        history = journal.history()
        read = ms(started)
        started = time.perf_counter()
        history_page_rows(history, routine.id, advice="2-3", today=date(2026, 12, 1))
        rows = ms(started)
        journal.close()
    later = openings[1:] or openings
    print(f"journal read (cached by the journal after the first) {read:.1f} ms, rows {rows:.1f} ms")
    print(
        f"history page opened, first time: {openings[0]:.0f} ms; later: median "
        f"{statistics.median(later):.0f} ms, worst {max(later):.0f} ms  [goal < {GOAL_MS:.0f} ms]"
    )
    return 0 if max(openings) < GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
