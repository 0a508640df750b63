"""Nothing silent, nothing claimed: the worker checks every clip, renders it again once, and
reports a cue it could not make as failed; speakers and the trace say what became of a cue.

The clip checks run the worker in this process on a scripted engine, so each broken file
(missing, empty, cut short, not a WAV, the wrong length) is made on purpose.
"""

from __future__ import annotations

import array
import io
import json
import wave
from pathlib import Path
from typing import Any

import pytest
from fakes import FAKE_PLAYER

from exercise_timer.app.trace_events import write_cues
from exercise_timer.speech.chime import ChimeSpeaker
from exercise_timer.speech.speaker import CueReport
from exercise_timer.speech.worker import Worker
from exercise_timer.storage.trace import TraceWriter

RATE = 22050


def write_wav(path: str, seconds: float) -> None:
    with wave.open(path, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(array.array("h", [8000] * int(seconds * RATE)).tobytes())


class ScriptedEngine:
    """A pyttsx3 stand-in whose every synthesis writes the next scripted clip.

    A clip is a length in seconds, or a fault: ``missing`` (no file), ``empty`` (0 frames),
    ``cut`` (the header counts more frames than the file holds) or ``garbage`` (not a WAV).
    """

    def __init__(self, *clips: float | str) -> None:
        self.clips = list(clips)
        self.syntheses = 0
        self._path = ""

    def connect(self, topic: str, callback: Any) -> tuple[str, Any]:
        return topic, callback

    def disconnect(self, token: object) -> None:
        """Nothing to undo."""

    def getProperty(self, name: str) -> Any:
        return [] if name == "voices" else None

    def setProperty(self, name: str, value: Any) -> None:
        """Ignored."""

    def save_to_file(self, text: str, path: str) -> None:
        self._path = path

    def runAndWait(self) -> None:
        clip = self.clips[self.syntheses]
        self.syntheses += 1
        if isinstance(clip, float):
            write_wav(self._path, clip)
        elif clip == "empty":
            write_wav(self._path, 0.0)
        elif clip == "cut":
            write_wav(self._path, 1.0)
            data = Path(self._path).read_bytes()
            Path(self._path).write_bytes(data[: len(data) // 2])
        elif clip == "garbage":
            Path(self._path).write_bytes(b"not a wav file")


def worker(tmp_path: Path, *clips: float | str) -> tuple[Worker, ScriptedEngine, io.StringIO]:
    out = io.StringIO()
    made = Worker({"workdir": str(tmp_path), "player": list(FAKE_PLAYER), "mode": "wav"}, out)
    engine = ScriptedEngine(*clips)
    made.engine = engine
    return made, engine, out


def events(out: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.getvalue().splitlines()]


def finished(out: io.StringIO) -> dict[str, Any]:
    [event] = [e for e in events(out) if e["event"] == "finished"]
    return event


def say(made: Worker, **request: Any) -> None:
    made.say({"id": 1, "text": "Relax, breathe normally.", "volume": 1.0, **request})


# -- the worker's clip checks --------------------------------------------------------------------


@pytest.mark.parametrize("fault", ["missing", "empty", "cut", "garbage"])
def test_a_broken_clip_is_rendered_again_and_then_played(tmp_path: Path, fault: str) -> None:
    made, engine, out = worker(tmp_path, fault, 1.0)
    say(made)
    event = finished(out)
    assert event["ok"] is True and event["seconds"] == pytest.approx(1.0, abs=0.001)
    assert engine.syntheses == 2
    assert [e["event"] for e in events(out)] == ["started", "finished"]


def test_a_cue_broken_twice_is_reported_failed_and_never_played(tmp_path: Path) -> None:
    made, engine, out = worker(tmp_path, "empty", "cut")
    say(made)
    event = finished(out)
    assert (event["ok"], event["kind"], event["t_started"]) == (False, "clip", None)
    assert "0 frames" in event["error"] and "of its" in event["error"]
    assert engine.syntheses == 2
    assert not [e for e in events(out) if e["event"] == "started"]


def test_a_clip_of_the_wrong_length_is_rendered_again(tmp_path: Path) -> None:
    made, engine, out = worker(tmp_path, 2.0, 1.0)
    say(made, expected_seconds=1.0)
    assert finished(out)["seconds"] == pytest.approx(1.0, abs=0.001)
    assert engine.syntheses == 2


def test_a_length_within_the_tolerance_is_played_at_once(tmp_path: Path) -> None:
    made, engine, out = worker(tmp_path, 1.04)
    say(made, expected_seconds=1.0)
    assert finished(out)["ok"] is True and engine.syntheses == 1


def test_two_different_wrong_lengths_fail(tmp_path: Path) -> None:
    made, _, out = worker(tmp_path, 2.0, 3.0)
    say(made, expected_seconds=1.0)
    event = finished(out)
    assert (event["ok"], event["kind"]) == (False, "clip")
    assert "instead of 1.00 s" in event["error"]


def test_the_same_wrong_length_twice_means_the_expectation_is_stale(tmp_path: Path) -> None:
    made, _, out = worker(tmp_path, 2.0, 2.0)
    say(made, expected_seconds=1.0)
    assert finished(out)["ok"] is True
    [warning] = [e for e in events(out) if e["event"] == "warning"]
    assert "stale" in warning["detail"]


def test_nothing_to_say_fails_without_asking_the_engine(tmp_path: Path) -> None:
    made, engine, out = worker(tmp_path)
    say(made, text="  ")
    assert finished(out)["kind"] == "clip" and engine.syntheses == 0


def test_a_render_broken_twice_writes_no_file(tmp_path: Path) -> None:
    made, _, out = worker(tmp_path, "garbage", "empty")
    target = tmp_path / "out.wav"
    made.render({"id": 4, "text": "Relax.", "path": str(target)})
    event = finished(out)
    assert (event["id"], event["ok"], event["kind"]) == (4, False, "clip")
    assert not target.exists() and not list(tmp_path.glob("out.wav*"))


def test_measure_reports_each_length_and_null_for_a_text_that_failed(tmp_path: Path) -> None:
    made, _, out = worker(tmp_path, 1.5, "empty", "missing", "cut", 0.5)
    made.measure({"id": 9, "texts": ["Relax.", "Hold.", "3"], "rate": 160})
    [measured] = events(out)
    assert measured["event"] == "measured" and measured["id"] == 9
    first, second, third = measured["seconds"]
    assert (first, second, third) == (
        pytest.approx(1.5, abs=0.001),
        None,
        pytest.approx(0.5, abs=0.001),
    )


# -- what speakers and the trace say -------------------------------------------------------------


def test_a_chime_cut_by_an_interrupt_keeps_its_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hold = tmp_path / "hold"
    hold.touch()
    monkeypatch.setenv("FAKE_PLAYER_HOLD", str(hold))
    speaker = ChimeSpeaker(player=FAKE_PLAYER)
    speaker.say("Relax.")
    speaker.interrupt()
    [report] = speaker.reports()
    assert report.status == "cut"
    assert report.t_started is not None and report.t_finished is not None
    assert report.t_requested <= report.t_started <= report.t_finished


def test_a_chime_without_a_player_failed() -> None:
    speaker = ChimeSpeaker(player=("no-such-player-here",))
    speaker.say("Relax.")
    [report] = speaker.reports()
    assert (report.status, report.t_started) == ("failed", None)


def test_a_report_made_elsewhere_counts_as_spoken() -> None:
    assert CueReport("Relax.", "recording", 1.0, 1.0, 2.0).status == "spoken"


def test_the_trace_says_what_became_of_each_cue(tmp_path: Path) -> None:
    path = tmp_path / "trace.jsonl"
    trace = TraceWriter(path)
    write_cues(
        trace,
        [
            CueReport("Relax.", "pyttsx3", 10.0, 10.02, 10.5),
            CueReport("Hold for 5 seconds.", "pyttsx3", 11.0, 11.02, 11.3, "cut"),
            CueReport("3", "pyttsx3", 12.0, None, None, "replaced"),
            CueReport("2", "pyttsx3", 13.0, None, None, "failed"),
        ],
        start=10.0,
    )
    trace.close()
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [line["status"] for line in lines] == ["spoken", "cut", "replaced", "failed"]
    assert lines[1]["t_started"] == pytest.approx(1.02) and lines[1]["t_finished"] == 1.3


def test_a_short_cue_said_again_is_played_without_a_new_synthesis(tmp_path: Path) -> None:
    made, engine, out = worker(tmp_path, 0.4, 0.5, 2.0, 2.0)
    for number in (1, 2):
        made.say({"id": number, "text": "2", "rate": 160, "volume": 1.0})
    assert engine.syntheses == 1, "the count is kept once made"
    made.say({"id": 3, "text": "2", "rate": 200, "volume": 1.0})
    assert engine.syntheses == 2, "another rate is another clip"
    long = "Lie on your back with your knees bent."
    for number in (4, 5):
        made.say({"id": number, "text": long, "rate": 160, "volume": 1.0})
    assert engine.syntheses == 4, "a long cue is not kept"
    done = [e for e in events(out) if e["event"] == "finished"]
    assert [e["ok"] for e in done] == [True] * 5
    assert done[1]["seconds"] == pytest.approx(0.4, abs=0.001)
