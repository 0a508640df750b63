"""What the moving figure costs: frames, CPU and phase timing, with the figure and without.

Run: .venv/bin/python tests/bench/bench_figure.py  (prints figures; targets in brackets)
     --seconds N (default 60), --size WxH (default 1280x800), --offscreen (no Xvfb).

Two sessions of about a minute at speed 1, each in a fresh child process with ``--no-voice``,
under Xvfb when it is there (a real X window; else offscreen): the X-Plain routine with short
phases (prepare 1 s, move 2 s, hold 2 s, return 2 s, relax 1 s; two repetitions), so most
of the minute is movement and holds. Once with the figure animating, once with "reduce
motion" (the still, no frame timer). Side by side:
- frames per second the figure is drawn while it moves (move and return phases) [>= 30];
- CPU time of the program's process per second of session, as % of one core, and the
  difference the animation makes [<= 5 points of one core]; the X server's CPU for
  information;
- phase-start lateness from the trace (actual minus planned start) p50 / p99 / max
  [p99 < 10 ms].
Everything is written under one temporary folder that is removed at the end.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before PySide6 is imported

import argparse
import itertools
import json
import math
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

Result = dict[str, Any]

TIMING = {"prepare": 1, "move": 2, "hold": 2, "return": 2, "relax": 1}
REPETITIONS = 2
FPS_TARGET = 30
CPU_EXTRA_TARGET = 5.0
P99_TARGET_MS = 10.0
MOVING = ("move", "return")


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile with linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    rank = (len(ordered) - 1) * q / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


# -- the child: one session in a window -------------------------------------------------


def bench_routine(folder: Path) -> Path:
    """The bundled X-Plain routine (same id, so its figures are found) with short phases."""
    from exercise_timer import resources

    data = tomllib.loads((resources.routines_dir() / "xplain-back.toml").read_text("utf-8"))
    data["defaults"].update(
        prepare_seconds=TIMING["prepare"],
        move_seconds=TIMING["move"],
        hold_seconds=TIMING["hold"],
        return_seconds=TIMING["return"],
        relax_seconds=TIMING["relax"],
        repetitions=REPETITIONS,
    )
    data.get("advice", {}).pop("build_up", None)
    for exercise in data["exercises"]:
        for key in ("prepare_seconds", "move_seconds", "return_seconds", "relax_seconds"):
            exercise.pop(key, None)
        exercise["repetitions"] = REPETITIONS
        for stage in exercise.get("stages", []):
            stage["hold_seconds"] = TIMING["hold"]
    path = folder / "xplain-back.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def child(mode: str, folder: Path, seconds: float, size: tuple[int, int]) -> Result:
    """Runs one session for ``seconds`` and measures it (in this process)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from exercise_timer.app.controller import SessionController
    from exercise_timer.app.options import AppOptions
    from exercise_timer.app.policy import policy_for
    from exercise_timer.app.services import READ_ROUTINES, build_services
    from exercise_timer.core.loader import load_routine
    from exercise_timer.storage.catalogue import load_catalogue
    from exercise_timer.storage.paths import Paths
    from exercise_timer.storage.settings import Settings, save_settings
    from exercise_timer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    home = folder / f"home-{mode}"
    paths = Paths.under(home)
    (paths.config_dir / READ_ROUTINES).mkdir(parents=True, exist_ok=True)
    (paths.config_dir / READ_ROUTINES / "xplain-back").write_text("seen\n", encoding="utf-8")
    save_settings(paths.settings_file, Settings.default().replace(reduce_motion=mode == "still"))
    routine = load_routine(bench_routine(folder))
    trace = folder / f"trace-{mode}.jsonl"
    options = AppOptions(routine=routine.id, speed=1.0, autostart=True, no_voice=True, trace=trace)
    services = build_services(options, paths, load_catalogue(paths))
    controller = SessionController(services, routine, policy=policy_for(options), speed=1.0)
    window = MainWindow(controller, choices=services.routine_choices(routine))

    class Paints(QObject):
        def __init__(self, parent: QObject) -> None:
            super().__init__(parent)
            self.stamps: list[float] = []

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.stamps.append(time.monotonic())
            return False

    paints = Paints(app)
    window.session_page.figure.view.installEventFilter(paints)
    window.resize(*size)
    window.show()
    while window.windowHandle() is None or not window.windowHandle().isExposed():
        app.processEvents()
    for _ in range(20):
        app.processEvents()
    QTimer.singleShot(round(seconds * 1000), lambda: app.exit(0))
    cpu0, wall0 = time.process_time(), time.monotonic()
    window.autostart()
    app.exec()
    cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
    start = controller.engine.started_at
    shown = window.session_page.figure.shows_figure
    window.driver.shutdown()
    controller.shutdown()
    services.close()
    lines = [json.loads(line) for line in trace.read_text(encoding="utf-8").splitlines()]
    phases = [line for line in lines if line["event"] == "phase"]
    late = [1000 * (p["t_actual"] - p["t_planned"]) for p in phases[1:]]
    moving_seconds, moving_paints = 0.0, 0
    for here, after in itertools.pairwise(phases):
        if here["phase"] not in MOVING:
            continue
        begin, end = start + here["t_actual"], start + after["t_actual"]
        moving_seconds += end - begin
        moving_paints += sum(1 for stamp in paints.stamps if begin <= stamp < end)
    return {
        "mode": mode,
        "figure_shown": shown,
        "wall": wall,
        "cpu_percent": 100 * cpu / wall,
        "phases": len(phases),
        "moving_seconds": moving_seconds,
        "fps": moving_paints / moving_seconds if moving_seconds else math.nan,
        "late_p50": percentile(late, 50),
        "late_p99": percentile(late, 99),
        "late_max": max(late, default=math.nan),
    }


# -- the parent: Xvfb, the two children, the table ---------------------------------------


def start_xvfb(size: tuple[int, int], display: int) -> subprocess.Popen[bytes] | None:
    """An X server of its own on ``display``, or None without Xvfb."""
    if shutil.which("Xvfb") is None:
        return None
    server = subprocess.Popen(
        ["Xvfb", f":{display}", "-screen", "0", f"{size[0]}x{size[1]}x24"],
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{display}")
    for _ in range(100):
        if socket.exists():
            return server
        time.sleep(0.05)
    server.terminate()
    return None


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_child(
    mode: str, folder: Path, seconds: float, size: tuple[int, int], display: str | None
) -> Result:
    env = {**os.environ}
    if display is not None:
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    command = [
        sys.executable,
        __file__,
        "--child",
        mode,
        "--folder",
        str(folder),
        "--seconds",
        str(seconds),
        "--size",
        f"{size[0]}x{size[1]}",
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=seconds + 120)
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return dict(json.loads(line.removeprefix("RESULT ")))
    raise RuntimeError(f"child {mode} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--offscreen", action="store_true")
    parser.add_argument("--display", type=int, default=71, help="Xvfb's display number")
    parser.add_argument("--child", choices=("figure", "still"))
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    if args.child is not None:
        result = child(args.child, args.folder, args.seconds, (width, height))
        print("RESULT " + json.dumps(result))
        return 0
    folder = Path(tempfile.mkdtemp(prefix="bench-figure-"))
    server = None if args.offscreen else start_xvfb((width, height), args.display)
    xvfb = (server, f":{args.display}") if server is not None else None
    try:
        where = f"Xvfb {xvfb[1]}" if xvfb else "offscreen"
        print(f"Sessions of {args.seconds:.0f} s at speed 1, window {args.size}, {where}")
        results, x_cpu = {}, {}
        for mode in ("figure", "still"):
            before = cpu_seconds(xvfb[0].pid) if xvfb else 0.0
            results[mode] = run_child(
                mode, folder, args.seconds, (width, height), xvfb[1] if xvfb else None
            )
            used = cpu_seconds(xvfb[0].pid) - before if xvfb else math.nan
            x_cpu[mode] = 100 * used / results[mode]["wall"]
    finally:
        if xvfb is not None:
            xvfb[0].terminate()
            xvfb[0].wait()
        shutil.rmtree(folder, ignore_errors=True)
    moving, still = results["figure"], results["still"]
    extra = moving["cpu_percent"] - still["cpu_percent"]
    rows = [
        ("figure shown", "figure_shown", "{}"),
        ("phases", "phases", "{:d}"),
        ("seconds of movement", "moving_seconds", "{:.1f}"),
        ("frames/s while moving", "fps", "{:.1f}"),
        ("CPU, % of one core", "cpu_percent", "{:.1f}"),
        ("phase lateness p50 (ms)", "late_p50", "{:.2f}"),
        ("phase lateness p99 (ms)", "late_p99", "{:.2f}"),
        ("phase lateness max (ms)", "late_max", "{:.2f}"),
    ]
    print(f"{'':28}{'animating':>12}{'reduce motion':>16}")
    for label, key, form in rows:
        print(f"{label:28}{form.format(moving[key]):>12}{form.format(still[key]):>16}")
    if xvfb is not None:
        print(f"{'X server CPU, % of one core':28}{x_cpu['figure']:>12.1f}{x_cpu['still']:>16.1f}")
    checks = [
        (f"frames/s while moving >= {FPS_TARGET}", moving["fps"] >= FPS_TARGET),
        (f"extra CPU {extra:.1f} % <= {CPU_EXTRA_TARGET:.0f} %", extra <= CPU_EXTRA_TARGET),
        (
            f"phase lateness p99 < {P99_TARGET_MS:.0f} ms (animating)",
            moving["late_p99"] < P99_TARGET_MS,
        ),
    ]
    for text, ok in checks:
        print(f"  {'PASS' if ok else 'MISS'}  {text}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
