"""The kiosk on a real X server with no window manager, driven by keys as a visitor would.

Ctrl+Shift+Q then Esc keeps it full screen; Alt+F4 and Ctrl+W do nothing; a session run to its
end leaves the journal empty and the kiosk counter at one completed session; a window destroyed
from outside ends the program with exit 4 for its supervisor.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_e2e_xvfb import display, wait_for  # noqa: F401 (display is a fixture)

pytestmark = [
    pytest.mark.gui,
    pytest.mark.slow,
    pytest.mark.skipif(
        not all(shutil.which(tool) for tool in ("Xvfb", "xdotool")),
        reason="needs Xvfb and xdotool (bash tools/bootstrap installs them)",
    ),
]


def program_json(home: Path, *argv: str) -> object:
    done = subprocess.run(
        [sys.executable, "-m", "exercise_timer", "--home", str(home), *argv, "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def test_a_kiosk_visitor_cannot_leave_and_leaves_nothing_behind(
    display: str,  # noqa: F811 (the fixture)
    tmp_path: Path,
    example_text: str,
) -> None:
    routine = tmp_path / "short.toml"
    routine.write_text(example_text.replace("repetitions = 5", "repetitions = 1"), "utf-8")
    home = tmp_path / "home"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    errors = tmp_path / "stderr.txt"
    command = [sys.executable, "-m", "exercise_timer", "--home", str(home), "--routine"]

    def server_up() -> bool:
        query = ["xdotool", "getdisplaygeometry"]
        return subprocess.run(query, env=env, capture_output=True).returncode == 0

    wait_for(server_up, "the X server")
    with errors.open("wb") as stderr:
        program = subprocess.Popen(
            [*command, str(routine), "--kiosk", "--speed", "10", "--no-voice", "--autostart"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )

    def run(*argv: str) -> str:
        return subprocess.run(
            ["xdotool", *argv], env=env, capture_output=True, text=True, check=True
        ).stdout

    def window() -> str:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "Exercise Timer"],
            env=env,
            capture_output=True,
            text=True,
        )
        if program.poll() is not None:
            raise AssertionError(
                f"the kiosk exited with {program.returncode}: {errors.read_text()}"
            )
        return found.stdout.split()[0] if found.returncode == 0 else ""

    def geometry(window_id: str) -> tuple[int, int, int, int]:
        info = run("getwindowgeometry", window_id)
        position = re.search(r"Position: (-?\d+),(-?\d+)", info)
        size = re.search(r"Geometry: (\d+)x(\d+)", info)
        assert position is not None and size is not None, info
        x, y = (int(n) for n in position.groups())
        width, height = (int(n) for n in size.groups())
        return x, y, width, height

    try:
        wait_for(window, "the kiosk's window")
        wid = window()
        run("windowfocus", "--sync", wid)
        run("key", "Return")  # the routine's "before you start" page, read once
        assert geometry(wid) == (0, 0, 1280, 800), "full screen without a window manager"
        run("key", "ctrl+shift+q")
        run("key", "Escape")
        run("key", "alt+F4")
        run("key", "ctrl+w")
        assert program.poll() is None, "no key lets a visitor out"
        assert geometry(window()) == (0, 0, 1280, 800)

        def counted() -> bool:
            if not (home / "data" / "kiosk-counter.json").exists():
                return False
            stats = program_json(home, "kiosk", "stats")
            assert isinstance(stats, dict)
            return bool(stats["total"]["completed"] == 1)

        wait_for(counted, "a completed kiosk session", timeout=90)
        assert program_json(home, "history") == []
        assert not (home / "data" / "journal.sqlite3").exists()
        run("windowclose", window())
        assert program.wait(timeout=10) == 4, "a destroyed window ends the kiosk loudly"
    finally:
        if program.poll() is None:
            program.kill()
            program.wait()
    assert "closed from outside" in errors.read_text(encoding="utf-8", errors="replace")
