"""The real program with the real voice path: cues in --trace, and the fall-back to captions.

This machine and CI have no sound card, so ALSA's default device is set through a private
$HOME/.asoundrc: the "null" device (sound is made and discarded) or a card that is not there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.gui]


def run_session(
    tmp_path: Path, example_text: str, asoundrc: str, speed: float = 10
) -> list[dict[str, object]]:
    user, home = tmp_path / "user", tmp_path / "home"
    (home / "config" / "before-you-start").mkdir(parents=True)
    (home / "config" / "before-you-start" / "my-routine").write_text("read\n", encoding="utf-8")
    user.mkdir()
    (user / ".asoundrc").write_text(asoundrc, encoding="utf-8")
    routine = tmp_path / "routine.toml"
    routine.write_text(example_text.replace("repetitions = 5", "repetitions = 1"), encoding="utf-8")
    trace = tmp_path / "trace.jsonl"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "exercise_timer",
            "--home",
            str(home),
            "--routine",
            str(routine),
            "--speed",
            str(speed),
            "--autostart",
            "--exit-when-done",
            "--trace",
            str(trace),
        ],
        env={**os.environ, "HOME": str(user), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return [json.loads(line) for line in trace.read_text(encoding="utf-8").splitlines()]


def test_cues_are_spoken_and_traced(tmp_path: Path, example_text: str) -> None:
    # Slow enough for the exercise's name in its 10 s "get into position" (2.5 s here).
    events = run_session(tmp_path, example_text, "pcm.!default { type null }\n", speed=4)
    cues = [e for e in events if e["event"] == "cue"]
    assert cues, "the voice reported no cue"
    assert {e["backend"] for e in cues} == {"pyttsx3"}
    spoken = [e for e in cues if e["t_started"] is not None]
    assert len(spoken) >= len(cues) / 2
    for cue in spoken:
        started, finished = float(str(cue["t_started"])), float(str(cue["t_finished"]))
        assert float(str(cue["t_requested"])) <= started <= finished
    texts = [str(e["text"]) for e in cues]
    assert texts[0].startswith("Cat and Camel.")
    assert {e["status"] for e in cues} == {"spoken"}, "fitted to the phases, no cue is cut"
    assert "Well done. That is the end of the session." in texts
    ends = [e for e in events if e["event"] == "end"]
    assert ends == [{"event": "end", "outcome": "completed", "reason": None}]


def test_without_a_sound_device_the_session_runs_on_captions(
    tmp_path: Path, example_text: str
) -> None:
    events = run_session(tmp_path, example_text, "pcm.!default { type hw card 7 }\n")
    assert not [e for e in events if e["event"] == "cue"]
    phases = [e for e in events if e["event"] == "phase"]
    assert phases[0]["phase"] == "prepare" and len(phases) > 10
    assert {"event": "end", "outcome": "completed", "reason": None} in events
