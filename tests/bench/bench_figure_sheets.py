"""How long the contact sheets of the three bundled routines take to draw (goal: under 10 s in all).

Usage: .venv/bin/python tests/bench/bench_figure_sheets.py [--runs 3]

Each routine is drawn as a person runs it, ``exercise-timer figures ROUTINE --out DIR`` in a
fresh process (the interpreter, Qt and the figures loaded each time), and in this process
(the drawing alone, after a first run). A routine without a figures file yet exits 1 saying
so; its time is printed all the same. Exits 1 when the fresh processes together take 10 s or
more.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from exercise_timer.cli import main as cli_main

ROUTINES = ("xplain-back", "spine-clinic", "chiro-clinic")
GOAL_SECONDS = 10.0


def fresh_process(routine: str, home: Path, out: Path) -> tuple[float, int, str]:
    """Seconds, exit code and the first line of stderr of one ``figures`` command."""
    started = time.perf_counter()
    command = [sys.executable, "-m", "exercise_timer", "--home", str(home), "figures", routine]
    done = subprocess.run(
        [*command, "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    seconds = time.perf_counter() - started
    return seconds, done.returncode, (done.stderr.strip().splitlines() or [""])[0]


def in_process(routine: str, home: Path, out: Path) -> tuple[float, int]:
    """Seconds and exit code of the command run in this process."""
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = cli_main(["--home", str(home), "figures", routine, "--out", str(out)])
    return time.perf_counter() - started, code


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        home = root / "home"
        in_process(ROUTINES[0], home, root / "warm-up")
        print(
            f"{'routine':<14} {'process':>9} {'in-process':>11} {'PNGs':>5}  "
            f"(median of {args.runs})"
        )
        total = 0.0
        for routine in ROUTINES:
            out = root / routine
            fresh = [fresh_process(routine, home, out) for _ in range(args.runs)]
            inside = [in_process(routine, home, out) for _ in range(args.runs)]
            process_s = statistics.median(seconds for seconds, _code, _err in fresh)
            inside_s = statistics.median(seconds for seconds, _code in inside)
            total += process_s
            code, error = fresh[-1][1], fresh[-1][2]
            pngs = len(list(out.glob("*.png")))
            note = "" if code == 0 else f"  exit {code}: {error}"
            print(
                f"{routine:<14} {process_s * 1000:7.0f}ms {inside_s * 1000:9.0f}ms {pngs:>5}{note}"
            )
    verdict = "under" if total < GOAL_SECONDS else "NOT under"
    print(f"all three in fresh processes: {total:.2f} s, {verdict} the {GOAL_SECONDS:.0f} s goal")
    return 0 if total < GOAL_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
