"""Photographs the real window under Xvfb during a chosen phase, for the README and UI checks.

Usage: .venv/bin/python tools/screenshot.py OUT.png [--size 1280x800] [--routine ID]
       [--exercise N] [--phase hold] [--speed 4] [--lang es]
Needs Xvfb, xdotool and ImageMagick (bash tools/bootstrap installs them).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--routine", default="xplain-back")
    parser.add_argument("--exercise", type=int, default=1, help="1 is the first exercise")
    parser.add_argument("--phase", default="hold")
    parser.add_argument("--speed", type=float, default=4.0)
    parser.add_argument("--lang", default="en", help="the language of the window")
    args = parser.parse_args()
    width, height = args.size.split("x")
    with tempfile.TemporaryDirectory() as folder:
        home, trace = Path(folder) / "home", Path(folder) / "trace.jsonl"
        read = home / "config" / "before-you-start"
        read.mkdir(parents=True)
        (read / args.routine).write_text("screenshot\n", encoding="utf-8")
        read, write = os.pipe()
        screen = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24"],
            pass_fds=(write,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            env = {**os.environ, "DISPLAY": ":" + pipe.readline().strip(), "QT_QPA_PLATFORM": "xcb"}
        program = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "exercise_timer",
                "--home",
                str(home),
                "--routine",
                args.routine,
                "--speed",
                str(args.speed),
                "--autostart",
                "--no-voice",
                "--lang",
                args.lang,
                "--trace",
                str(trace),
            ],
            env=env,
        )
        try:
            window = ""
            while not window:
                time.sleep(0.1)
                window = subprocess.run(
                    ["xdotool", "search", "--onlyvisible", "--pid", str(program.pid)],
                    env=env,
                    capture_output=True,
                    text=True,
                ).stdout.split()
                window = window[0] if window else ""
            subprocess.run(
                ["xdotool", "windowsize", window, width, height, "windowmove", window, "0", "0"],
                env=env,
                check=True,
            )
            for _ in range(args.exercise - 1):
                time.sleep(0.3)
                subprocess.run(["xdotool", "key", "Right"], env=env, check=True)
            while True:
                time.sleep(0.05)
                lines = trace.read_text(encoding="utf-8").splitlines() if trace.exists() else []
                last = json.loads(lines[-1]) if lines else {}
                if last.get("phase") == args.phase:
                    break
            time.sleep(0.3 / args.speed)
            subprocess.run(["import", "-window", "root", str(args.out)], env=env, check=True)
        finally:
            program.kill()
            program.wait()
            screen.terminate()
            screen.wait()
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
