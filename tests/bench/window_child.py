"""Child process of bench_window.py: one measurement in a fresh interpreter, printed as JSON.

Run by bench_window.py only (offscreen, with real time):
  window_child.py bare                      a bare QApplication + a QLabel window, shown
  window_child.py program HOME              the real program (cli.main, so run_window), shown
  window_child.py hold-cpu HOME ROUTINE     the program in a long hold; CPU over 10 s

"Shown" means: show() was called and the event loop was run until the native window is
exposed (expose delivery paints the widgets synchronously), then drained once more. The
child prints its CLOCK_MONOTONIC at that moment; monotonic is system-wide on Linux, so the
parent subtracts its own stamp taken just before spawning us.
"""

from __future__ import annotations

import time

BEGAN = time.monotonic()  # the interpreter is up; before any import of ours

# Only what is cheap or loaded anyway: everything imported here before the window is shown
# counts in the bare window's time and the program's alike (importlib.abc alone brings
# importlib.resources, tempfile and zipfile, ~15 ms that neither needs).
import importlib.machinery  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from typing import Any  # noqa: E402

EXPOSE_TIMEOUT_S = 10.0
SETTLE_S = 0.3
CLEAN_S = 10.0
PART_S = 3.0


def rss_kib() -> int:
    """Resident memory now (VmRSS), in KiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def singleton_refs() -> dict[str, int]:
    """Reference counts of None, True and False (to see a C extension lose references)."""
    return {
        "None": sys.getrefcount(None),
        "True": sys.getrefcount(True),
        "False": sys.getrefcount(False),
    }


def void_call_leak() -> float:
    """References to None that one void PySide6 call loses (PySide6 6.12.0 on 3.11: one)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        probe.setObjectName("probe")
    return (before - sys.getrefcount(None)) / 100


def shield_singletons() -> bool:
    """Lets a measurement outlive that leak: 2**40 more references to None, True and False.

    Only before Python 3.12, where these objects are not yet immortal, so that a count that
    reaches zero aborts the interpreter ("none_dealloc: deallocating None"). The bench
    reports the leak; this only keeps it from ending the measurement.
    """
    if sys.version_info >= (3, 12) or void_call_leak() <= 0:
        return False
    import ctypes

    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    return True


def report(**fields: object) -> None:
    """The one line the parent reads (json is imported after every stamp)."""
    import json

    print("RESULT " + json.dumps(fields), flush=True)


def wait_exposed(app: object, widget: object) -> bool:
    """Runs the event loop until the widget's native window is exposed (and so painted)."""
    deadline = time.monotonic() + EXPOSE_TIMEOUT_S
    while time.monotonic() < deadline:
        app.processEvents()  # type: ignore[attr-defined]
        handle = widget.windowHandle()  # type: ignore[attr-defined]
        if handle is not None and handle.isExposed():
            app.processEvents()  # type: ignore[attr-defined]  # anything posted by the paint
            return True
        time.sleep(0.0005)
    return False


def bare() -> int:
    """The smallest PySide6 program with a window of the program's size that shows a label.

    The label's text makes Qt load its fonts, as every real window must; an empty QWidget
    would leave that cost out of the bare figure and so count it against the program.
    """
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    label = QLabel("Exercise Timer")
    label.resize(1280, 800)
    label.show()
    exposed = wait_exposed(app, label)
    shown = time.monotonic()
    report(began=BEGAN, shown=shown, cpu=time.process_time(), rss_kib=rss_kib(), exposed=exposed)
    return 0


def _main_window(app: object) -> object:
    from exercise_timer.ui.main_window import MainWindow

    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]  # type: ignore[attr-defined]
    assert len(windows) == 1, windows
    return windows[0]


def after_import(name: str, then: Callable[[Any], None]) -> None:
    """Calls ``then(module)`` as soon as module ``name`` is imported, without importing it.

    The program imports PySide6 late (only once a window is wanted), and a module imported
    after PySide6 costs more (its import hook reads the module's source); importing PySide6
    here first, just to replace ``exec``, would put that cost on every module of the program.
    """

    class Finder:  # a meta path finder needs only find_spec
        def find_spec(
            self, fullname: str, path: Sequence[str] | None, target: object = None
        ) -> importlib.machinery.ModuleSpec | None:
            if fullname != name:
                return None
            sys.meta_path.remove(self)
            spec = importlib.machinery.PathFinder.find_spec(fullname, path)
            assert spec is not None and spec.loader is not None
            original = spec.loader.exec_module

            def exec_module(module: Any) -> None:
                original(module)
                then(module)

            spec.loader.exec_module = exec_module  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, Finder())


def program(home: str) -> int:
    """The real start-up path: cli.main -> run_window, with exec() replaced by "report shown"."""
    reached = 0.0

    def shown_instead_of_exec(app: Any) -> int:
        window = _main_window(app)
        exposed = wait_exposed(app, window)
        report(
            began=BEGAN,
            exec_reached=reached,
            shown=time.monotonic(),
            cpu=time.process_time(),
            rss_kib=rss_kib(),
            exposed=exposed,
            page=window.pages.currentWidget().objectName(),  # type: ignore[attr-defined]
            refs=singleton_refs(),
            package=os.path.dirname(sys.modules["exercise_timer"].__file__ or ""),
        )
        return 0

    def mark_then_show(app: Any) -> int:
        nonlocal reached
        reached = time.monotonic()
        return shown_instead_of_exec(app)

    def replace_exec(widgets: Any) -> None:
        widgets.QApplication.exec = mark_then_show

    after_import("PySide6.QtWidgets", replace_exec)
    from exercise_timer.cli import main

    return main(["--home", home, "--no-voice"])


def hold_cpu(home: str, routine: str) -> int:
    """CPU while the window sits in a long hold, then where that CPU goes.

    1. CLEAN_S with everything as the program runs it (the figure with the target).
    2. PART_S with the window's 100 ms display-refresh timer stopped (what is left).
    3. PART_S with our own 100 ms timer calling the same refresh slot, timed, so the
       Python side of a refresh is separated from the painting it causes.
    """
    from PySide6.QtCore import QObject, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from exercise_timer.core.schedule import Phase

    original_exec = QApplication.exec
    figures: dict[str, object] = {"shielded": shield_singletons()}

    def cpu() -> tuple[float, float, int, int]:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return (time.monotonic(), time.process_time(), usage.ru_nvcsw, usage.ru_nivcsw)

    def share(
        before: tuple[float, float, int, int], after: tuple[float, float, int, int]
    ) -> dict[str, float]:
        wall = after[0] - before[0]
        return {
            "wall_s": round(wall, 3),
            "cpu_s": round(after[1] - before[1], 4),
            "percent": round(100 * (after[1] - before[1]) / wall, 3),
            "wakeups_per_s": round((after[2] - before[2] + after[3] - before[3]) / wall, 1),
        }

    def run(app: QApplication) -> int:
        window = _main_window(app)
        refresh = window.findChild(QTimer, "display-refresh")  # type: ignore[attr-defined]
        keeper = QObject(app)  # parent of our timers
        steps: list[tuple[float, object]] = []
        marks: dict[str, tuple[float, float, int, int]] = {}
        slot_cpu = [0.0, 0]

        def in_hold() -> bool:
            segment = window.controller.engine.segment  # type: ignore[attr-defined]
            return segment is not None and segment.phase is Phase.HOLD

        def timed_refresh() -> None:
            began = time.process_time()
            window.controller.poll()  # type: ignore[attr-defined]  # what the refresh calls
            slot_cpu[0] += time.process_time() - began
            slot_cpu[1] += 1

        ours = QTimer(keeper)
        ours.setInterval(refresh.interval())
        ours.timeout.connect(timed_refresh)

        def begin_clean() -> None:
            figures["hold_at_start"] = in_hold()
            figures["refresh_active"] = refresh.isActive()
            figures["refs_before"] = singleton_refs()
            marks["clean"] = cpu()

        def end_clean() -> None:
            figures["clean"] = share(marks["clean"], cpu())
            figures["refs_after"] = singleton_refs()
            refresh.stop()
            marks["quiet"] = cpu()

        def end_quiet() -> None:
            figures["no_refresh"] = share(marks["quiet"], cpu())
            ours.start()
            marks["ours"] = cpu()

        def end_ours() -> None:
            ours.stop()
            figures["timed_refresh"] = share(marks["ours"], cpu())
            figures["refresh_slot_cpu_s"] = round(slot_cpu[0], 4)
            figures["refresh_slot_calls"] = slot_cpu[1]
            figures["hold_at_end"] = in_hold()
            figures["rss_kib"] = rss_kib()
            report(**figures)
            app.exit(0)

        offset = SETTLE_S
        for length, step in (
            (0.0, begin_clean),
            (CLEAN_S, end_clean),
            (PART_S, end_quiet),
            (PART_S, end_ours),
        ):
            offset += length
            steps.append((offset, step))

        def hold_started(_state: object = None) -> None:
            if in_hold() and "armed" not in figures:
                figures["armed"] = True
                for at, step in steps:
                    once = QTimer(keeper)  # PySide singleShot() is coarse: up to 5 % off
                    once.setSingleShot(True)
                    once.setTimerType(Qt.TimerType.PreciseTimer)
                    once.timeout.connect(step)
                    once.start(round(at * 1000))

        window.controller.subscribe(hold_started)  # type: ignore[attr-defined]
        hold_started()
        return original_exec()

    QApplication.exec = run  # type: ignore[method-assign,assignment]
    from exercise_timer.cli import main

    return main(["--home", home, "--routine", routine, "--autostart", "--no-voice"])


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode, *rest = sys.argv[1:]
    handlers: dict[str, Callable[..., int]] = {
        "bare": bare,
        "program": program,
        "hold-cpu": hold_cpu,
    }
    sys.exit(handlers[mode](*rest))
