"""Speech pieces that need no process: WAV helpers, the chime, the fakes, the probe's wording."""

from __future__ import annotations

import array
import wave
from pathlib import Path

import pytest
from fakes.recording_speaker import RecordingSpeaker

from exercise_timer.cli import build_parser
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.resources import asset
from exercise_timer.speech import problems, wavutil
from exercise_timer.speech.chime import is_countdown
from exercise_timer.speech.probe import engine_problem, interpret
from exercise_timer.speech.speaker import CueReport, Speaker, VoiceSettings

# -- WAV helpers ------------------------------------------------------------------------------


def test_trim_keeps_the_sound_and_a_small_margin() -> None:
    rate = 1000
    samples = array.array("h", [0] * 300 + [1000, -1000] * 100 + [0] * 500)
    trimmed = wavutil.trim_silence(wavutil.Pcm(samples, rate), margin=0.01)
    assert len(trimmed.samples) == 200 + 2 * 10
    assert max(trimmed.samples) == 1000


def test_trim_leaves_an_all_silent_clip_alone() -> None:
    clip = wavutil.silence(0.5, 1000)
    assert wavutil.trim_silence(clip) == clip


def test_scale_and_rms() -> None:
    clip = wavutil.Pcm(array.array("h", [1000, -1000] * 50), 1000)
    assert wavutil.rms(clip) == pytest.approx(1000)
    assert wavutil.rms(wavutil.scale(clip, 0.5)) == pytest.approx(500)
    assert wavutil.rms(wavutil.scale(clip, 0.0)) == 0
    assert wavutil.scale(clip, 1.0) is clip


def test_write_then_read_round_trip(tmp_path: Path) -> None:
    clip = wavutil.Pcm(array.array("h", range(-500, 500)), 22050)
    wavutil.write_pcm(tmp_path / "a.wav", clip)
    assert wavutil.read_pcm(tmp_path / "a.wav") == clip


# -- the chime ----------------------------------------------------------------------------------


def test_the_bundled_chime_is_short_soft_and_small() -> None:
    path = asset("sounds", "chime.wav")
    assert path.stat().st_size < 40_000
    with wave.open(str(path)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 22050)
    clip = wavutil.read_pcm(path)
    assert 0.3 <= clip.seconds <= 0.6
    assert wavutil.rms(clip) > 1000  # audible
    peak = max(abs(s) for s in clip.samples)
    assert peak < 0.8 * 32767  # not harsh
    first_ms = clip.samples[: clip.rate // 1000]
    assert max(abs(s) for s in first_ms) < 0.2 * peak  # gentle attack, no click
    assert max(abs(s) for s in clip.samples[-clip.rate // 100 :]) < 0.02 * peak  # fades out


def test_the_chime_is_what_the_generator_makes() -> None:
    assert wavutil.read_pcm(asset("sounds", "chime.wav")) == wavutil.chime()


@pytest.mark.parametrize(
    ("text", "countdown"),
    [("3", True), (" 10 ", True), ("2.", True), ("Hold for 5 seconds.", False), ("Relax.", False)],
)
def test_countdown_numbers_get_no_chime(text: str, countdown: bool) -> None:
    assert is_countdown(text) is countdown


# -- the recording fake -------------------------------------------------------------------------


def test_recording_speaker_records_everything(clock: SimulatedClock) -> None:
    speaker = RecordingSpeaker(clock=clock, lead_seconds=0.2, problem="no voice")
    speaker.say("Relax.")
    clock.advance(1.5)
    speaker.say("3")
    speaker.interrupt()
    speaker.configure(VoiceSettings(rate=120, mute=True))
    assert speaker.said == ["Relax.", "3"]
    assert speaker.times == [1000.0, 1001.5]
    assert speaker.interrupts == 1
    assert speaker.settings.rate == 120
    assert (speaker.lead_seconds, speaker.problem) == (0.2, "no voice")
    assert speaker.reports() == []
    report = CueReport("Relax.", "fake", 1000.0, 1000.1, 1000.9)
    speaker.seed_reports(report)
    assert speaker.reports() == [report]
    assert speaker.reports() == []
    speaker.close()
    assert speaker.closed


def test_recording_speaker_has_every_member_of_the_speaker_interface() -> None:
    members = {name for name in vars(Speaker) if not name.startswith("_")}
    assert {"say", "interrupt", "configure", "reports", "close", "problem"} <= members
    assert members - set(dir(RecordingSpeaker)) == set()


def test_recording_speaker_without_clock_records_no_times() -> None:
    speaker = RecordingSpeaker()
    speaker.say("Relax.")
    assert speaker.times == []
    assert speaker.problem is None
    assert speaker.lead_seconds == 0.0


# -- the probe's wording ------------------------------------------------------------------------

READY = {"event": "ready"}


def sound(player: bool = True, ok: bool = True, detail: str | None = None) -> dict[str, object]:
    return {"event": "probe-sound", "id": 1, "player": player, "sound": ok, "detail": detail}


def failed(kind: str) -> dict[str, object]:
    return {"event": "engine-failed", "kind": kind, "detail": "X: y"}


def test_probe_ok() -> None:
    status = interpret([READY, sound()])
    assert status.speech_works and status.problem is None


@pytest.mark.parametrize(
    ("events", "problem", "engine", "sound_ok"),
    [
        ([failed("init"), sound()], "Install espeak-ng for spoken cues", False, True),
        ([failed("import"), sound()], "Install the pyttsx3 package", False, True),
        ([READY, sound(player=False, ok=False)], "Install alsa-utils", True, False),
        (
            [failed("init"), sound(player=False, ok=False)],
            "Install espeak-ng alsa-utils for spoken cues (sudo apt install espeak-ng alsa-utils)",
            False,
            False,
        ),
        ([READY, sound(ok=False, detail="audio open error")], "No sound device", True, False),
        ([failed("init"), sound(ok=False)], "No sound device", False, False),
        ([failed("other"), sound()], "Spoken cues stopped working (X: y)", False, True),
        ([{"event": "hello"}], "Spoken cues stopped working", False, False),
    ],
)
def test_probe_names_what_is_missing_and_the_fix(
    events: list[dict[str, object]], problem: str, engine: bool, sound_ok: bool
) -> None:
    status = interpret(events)
    assert status.problem is not None and status.problem.startswith(problem)
    assert (status.engine, status.sound, status.speech_works) == (engine, sound_ok, False)


def test_install_sentences_name_the_apt_command() -> None:
    assert problems.install(["espeak-ng"]) == (
        "Install espeak-ng for spoken cues (sudo apt install espeak-ng)."
    )
    assert "sudo apt install alsa-utils" in problems.install(["alsa-utils"])


def test_engine_problem_from_events() -> None:
    assert engine_problem([READY]) is None
    assert engine_problem([failed("init")]) == problems.install(["espeak-ng"])
    assert engine_problem([failed("import")]) == problems.no_pyttsx3()


# -- the command line -----------------------------------------------------------------------


def test_speak_and_voices_are_on_the_command_line() -> None:
    args = build_parser().parse_args(["speak", "Relax.", "--voice", "gmw/en", "--rate", "150"])
    assert (args.command, args.text, args.voice, args.rate, args.wav) == (
        "speak",
        "Relax.",
        "gmw/en",
        150,
        None,
    )
    assert build_parser().parse_args(["voices", "--json"]).json


@pytest.mark.parametrize("rate", ["fast", "10", "1000"])
def test_a_bad_rate_is_a_usage_error(rate: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["speak", "Relax.", "--rate", rate])
    assert exit_info.value.code == 2
    assert "--rate" in capsys.readouterr().err
