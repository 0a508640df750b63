"""How long the personal values editor takes to open, per bundled routine.

Usage: .venv/bin/python tests/bench/bench_values_editor.py [--runs 5]

Opens the editor (built, shown, first paint done) offscreen at 1024x600, as the window does:
the same routine object each time (the controller keeps it). The first opening of a routine
reads its figures and draws the stills in view; later ones reuse them, so it is printed apart
from the median and the slowest of the later ones.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from exercise_timer import resources
from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import PersonalValues
from exercise_timer.ui.values_editor import ValuesEditor

ROUTINES = ("chiro-clinic", "xplain-back", "spine-clinic")


def open_once(app: QApplication, routine: Routine) -> float:
    """Seconds from building the editor to its first paint done."""
    started = time.perf_counter()
    editor = ValuesEditor(None, routine, PersonalValues())
    editor.resize(1024, 600)
    editor.show()
    app.processEvents()
    editor.grab()
    seconds = time.perf_counter() - started
    editor.close()
    editor.deleteLater()
    app.processEvents()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    print(f"{'routine':<14} {'first':>9} {'median':>9} {'max':>9}")
    open_once(app, load_routine(resources.routines_dir() / "spine-clinic.toml"))  # Qt warm-up
    for routine_id in ROUTINES:
        routine = load_routine(resources.routines_dir() / f"{routine_id}.toml")
        first = open_once(app, routine)
        times = [open_once(app, routine) for _ in range(args.runs)]
        print(
            f"{routine_id:<14} {first * 1000:7.0f}ms {statistics.median(times) * 1000:7.0f}ms "
            f"{max(times) * 1000:7.0f}ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
