"""The real program in a real window under Xvfb: notice, hold, Esc, 3, journal.

Needs Xvfb, xdotool and ImageMagick (tools/bootstrap installs them).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.gui,
    pytest.mark.slow,
    pytest.mark.skipif(
        not all(shutil.which(tool) for tool in ("Xvfb", "xdotool", "import")),
        reason="needs Xvfb, xdotool and ImageMagick (bash tools/bootstrap installs them)",
    ),
]

_SHOTS = os.environ.get("EXERCISE_TIMER_SCREENSHOTS")
SCREENSHOTS = Path(_SHOTS) if _SHOTS else None


@pytest.fixture
def display() -> Iterator[str]:
    """A private Xvfb screen, torn down after the test."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_for(predicate: object, what: str, timeout: float = 30.0) -> None:
    """Polls a real process's output; the program runs in real time, so this is no fake clock."""
    assert callable(predicate)
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def trace_events(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.endswith("}")]


def test_real_window_stop_for_dizziness_is_journaled(
    display: str, tmp_path: Path, example_text: str
) -> None:
    routine = tmp_path / "long-hold.toml"
    routine.write_text(
        example_text.replace("hold_seconds = 5\nstep = 1", "hold_seconds = 60\nstep = 1"),
        encoding="utf-8",
    )
    home, trace = tmp_path / "home", tmp_path / "trace.jsonl"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    errors = tmp_path / "stderr.txt"

    def server_up() -> bool:
        query = ["xdotool", "getdisplaygeometry"]
        return subprocess.run(query, env=env, capture_output=True).returncode == 0

    # Once (on a machine running other X servers) the program found no server at the number
    # Xvfb had just announced; the kiosk test waits the same way.
    wait_for(server_up, "the X server")
    with errors.open("wb") as stderr:
        program = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "exercise_timer",
                "--home",
                str(home),
                "--routine",
                str(routine),
                "--speed",
                "20",
                "--autostart",
                "--exit-when-done",
                "--no-voice",
                "--trace",
                str(trace),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    xdotool = ["xdotool"]

    def window_shown() -> bool:
        if program.poll() is not None:
            output = errors.read_text(encoding="utf-8", errors="replace")
            raise AssertionError(f"the program exited with {program.returncode}: {output}")
        search = [*xdotool, "search", "--onlyvisible", "--name", "Exercise Timer"]
        return subprocess.run(search, env=env, capture_output=True).returncode == 0

    try:
        wait_for(window_shown, "the window")
        assert trace_events(trace) == [], "the session must wait for the safety notice"
        # Without a window manager nothing gives the new window the keyboard: a person
        # clicks it; xdotool gives it focus and waits until the X server says so.
        subprocess.run(
            [
                *xdotool,
                "search",
                "--onlyvisible",
                "--name",
                "Exercise Timer",
                "windowfocus",
                "--sync",
            ],
            env=env,
            check=True,
        )
        subprocess.run([*xdotool, "key", "Return"], env=env, check=True)
        wait_for(lambda: any(e.get("phase") == "hold" for e in trace_events(trace)), "a hold")
        shot = tmp_path / "hold.png"
        subprocess.run(["import", "-window", "root", str(shot)], env=env, check=True)
        spread = subprocess.run(
            ["identify", "-format", "%[fx:standard_deviation]", str(shot)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert float(spread) > 0.05, "the screenshot is blank"
        if SCREENSHOTS:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copy(shot, SCREENSHOTS / "e2e-hold.png")
        subprocess.run([*xdotool, "key", "Escape"], env=env, check=True)
        subprocess.run([*xdotool, "key", "3"], env=env, check=True)
        assert program.wait(timeout=60) == 3
    finally:
        if program.poll() is None:
            program.kill()
            program.wait()
    assert errors.read_text(encoding="utf-8", errors="replace") == ""

    events = trace_events(trace)
    phases = [e for e in events if e["event"] == "phase"]
    assert [e["phase"] for e in phases[:3]] == ["prepare", "move", "hold"]
    assert all(abs(float(str(e["t_actual"])) - float(str(e["t_planned"]))) < 0.5 for e in phases)
    assert events[-1] == {"event": "end", "outcome": "stopped", "reason": "dizziness"}

    history = subprocess.run(
        [sys.executable, "-m", "exercise_timer", "--home", str(home), "history", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    (session,) = json.loads(history.stdout)
    assert session["outcome"] == "stopped"
    stop = session["stop"]
    assert (stop["reason"], stop["exercise"], stop["phase"], stop["rep"], stop["stage"]) == (
        "dizziness",
        "cat-and-camel",
        "hold",
        1,
        1,
    )
    assert 13 <= stop["session_seconds"] <= 13 + 60
