"""Real speech in CI: cues rendered to WAV by the real engine (espeak-ng), checked for length
and loudness, and the ``voices`` and ``speak`` commands end to end. No sound card is needed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fakes import worker_spec

from exercise_timer.cli import main
from exercise_timer.speech import problems, wavutil
from exercise_timer.speech.measure import measure_cue_seconds
from exercise_timer.speech.oneshot import render_wav
from exercise_timer.speech.probe import probe_speech
from exercise_timer.speech.process import WorkerSpec, run_requests
from exercise_timer.speech.pyttsx3_speaker import Pyttsx3Speaker
from exercise_timer.speech.speaker import VoiceSettings

pytestmark = pytest.mark.slow

SILENCE_FLOOR = 500.0  # RMS of 16-bit samples; espeak-ng speech is well above 2000


@pytest.fixture(scope="module")
def engine_works() -> None:
    status = probe_speech()
    if not status.engine:
        pytest.skip(f"no speech engine here: {status.problem}")


@pytest.fixture
def broken_pyttsx3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every worker started from now on finds a pyttsx3 that fails to import."""
    package = tmp_path / "shadow" / "pyttsx3"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("raise ImportError('no pyttsx3 here')\n")
    monkeypatch.setenv("PYTHONPATH", str(package.parent))


@pytest.mark.usefixtures("engine_works")
@pytest.mark.parametrize(
    ("text", "shortest", "longest"),
    [
        ("Hold for 5 seconds.", 0.5, 5.0),
        ("3", 0.1, 1.5),
        ("Relax. Next: Knee to chest.", 1.0, 6.0),
    ],
)
def test_cues_render_to_plausible_non_silent_speech(
    tmp_path: Path, text: str, shortest: float, longest: float
) -> None:
    path = tmp_path / "cue.wav"
    outcome = render_wav(text, path, VoiceSettings())
    assert outcome.problem is None
    clip = wavutil.read_pcm(path)
    assert clip.rate == 22050
    assert shortest <= clip.seconds <= longest
    assert outcome.seconds == pytest.approx(clip.seconds)
    assert wavutil.rms(clip) > SILENCE_FLOOR


@pytest.mark.usefixtures("engine_works")
def test_rate_and_volume_change_the_speech(tmp_path: Path) -> None:
    def render(settings: VoiceSettings) -> wavutil.Pcm:
        path = tmp_path / "cue.wav"
        assert render_wav("Breathe in and lift your knee.", path, settings).problem is None
        return wavutil.read_pcm(path)

    normal = render(VoiceSettings(rate=160))
    slow = render(VoiceSettings(rate=100))
    silent = render(VoiceSettings(rate=160, volume=0.0))
    assert slow.seconds > 1.3 * normal.seconds
    assert wavutil.rms(silent) == 0.0
    assert silent.seconds == pytest.approx(normal.seconds, abs=0.05)


@pytest.mark.usefixtures("engine_works")
def test_speak_wav_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hold.wav"
    code = main(["speak", "Hold for 5 seconds.", "--rate", "150", "--wav", str(path)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert str(path) in out
    clip = wavutil.read_pcm(path)
    assert 0.5 <= clip.seconds <= 5.0
    assert wavutil.rms(clip) > SILENCE_FLOOR


@pytest.mark.usefixtures("engine_works")
def test_voices_json_and_a_chosen_voice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["voices", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document) == {"speech_works", "problem", "voices"}
    assert isinstance(document["speech_works"], bool)
    assert (document["problem"] is None) == document["speech_works"]
    voices = document["voices"]
    assert voices and all(set(v) == {"id", "name", "languages"} for v in voices)
    english = next(v for v in voices if any(lang.startswith("en") for lang in v["languages"]))
    path = tmp_path / "en.wav"
    assert main(["speak", "Relax.", "--voice", english["id"], "--wav", str(path)]) == 0
    assert wavutil.rms(wavutil.read_pcm(path)) > SILENCE_FLOOR


def test_voices_text_says_whether_speech_works(capsys: pytest.CaptureFixture[str]) -> None:
    status = probe_speech()
    assert main(["voices"]) == 0
    first_line = capsys.readouterr().out.splitlines()[0]
    assert first_line == (status.problem or "Speech works on this machine.")


@pytest.mark.usefixtures("engine_works")
def test_an_unknown_voice_names_the_fix(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["speak", "Relax.", "--voice", "xx/nobody"]) == 1
    err = capsys.readouterr().err
    assert "'xx/nobody'" in err and "exercise-timer voices" in err
    assert "Traceback" not in err


def test_speak_aloud_works_or_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    status = probe_speech()
    code = main(["speak", "3"])
    err = capsys.readouterr().err
    if status.speech_works:
        assert code == 0, err
    else:
        assert code == 1
        assert err.splitlines()[0] == status.problem
        assert "Traceback" not in err


#: ALSA's default device, set through a private ~/.asoundrc: sound that is made and
#: discarded, or a card that is not there. (This machine and CI have no sound card.)
SOUND = {"sound": "pcm.!default { type null }\n", "no-sound": "pcm.!default { type hw card 7 }\n"}


@pytest.fixture(params=sorted(SOUND))
def alsa(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every player started from now on plays to the device named by the parameter."""
    user = tmp_path / "user"
    user.mkdir()
    (user / ".asoundrc").write_text(SOUND[request.param], encoding="utf-8")
    monkeypatch.setenv("HOME", str(user))
    return str(request.param)


def without_an_engine(alsa: str) -> str:
    """The probe's message with no pyttsx3: a missing sound device is said first."""
    return problems.no_pyttsx3() if alsa == "sound" else problems.no_sound_device()


@pytest.mark.usefixtures("broken_pyttsx3", "home")
@pytest.mark.parametrize("extra", [[], ["--wav", "out.wav"], ["--voice", "gmw/en"]])
def test_speak_without_an_engine_gives_the_probe_message(
    extra: list[str],
    alsa: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["speak", "Relax.", *extra]) == 1
    err = capsys.readouterr().err
    if extra:  # writing a file, or choosing a voice, needs the engine whatever the sound
        assert err.splitlines() == [problems.no_pyttsx3()]
    else:
        assert err.splitlines()[0] == without_an_engine(alsa)
    assert "--wav" not in err  # no engine: writing a file would not help either
    assert "Traceback" not in err
    assert not (tmp_path / "out.wav").exists()


@pytest.mark.usefixtures("broken_pyttsx3", "home")
def test_voices_without_an_engine(alsa: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["voices", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["speech_works"] is False
    assert document["problem"] == without_an_engine(alsa)
    assert document["voices"] == []


def test_speak_wav_into_a_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["speak", "Relax.", "--wav", str(tmp_path / "no" / "such.wav")]) == 1
    err = capsys.readouterr().err
    assert "existing folder" in err and "Traceback" not in err


@pytest.mark.slow
@pytest.mark.usefixtures("engine_works")
def test_the_chosen_rate_holds_for_every_render(tmp_path: Path) -> None:
    """Regression: a second thread in the worker made espeak-ng now and then ignore the rate."""
    lengths = set()
    for _ in range(15):
        path = tmp_path / "cue.wav"
        assert (
            render_wav("Breathe in and lift your knee.", path, VoiceSettings(rate=160)).problem
            is None
        )
        lengths.add(round(wavutil.read_pcm(path).seconds, 3))
    assert len(lengths) == 1, lengths


@pytest.mark.usefixtures("engine_works")
def test_each_render_in_one_worker_uses_its_own_rate(tmp_path: Path) -> None:
    """A rate sent with a request is never dropped, also when it differs from the last one."""
    rates = [160, 100, 160, 100, 160, 100]
    requests = [
        {
            "op": "render",
            "text": "Breathe in and lift your knee.",
            "path": str(tmp_path / f"cue{index}.wav"),
            "rate": rate,
        }
        for index, rate in enumerate(rates)
    ]
    events, code = run_requests(WorkerSpec(quiet=True), requests, timeout=60.0)
    assert code == 0, events
    seconds = [wavutil.read_pcm(tmp_path / f"cue{i}.wav").seconds for i in range(len(rates))]
    # A dropped rate changes the length by 0.3 s or more; the same rate, by a sample or two.
    assert seconds[0::2] == pytest.approx([seconds[0]] * 3, abs=0.02), seconds
    assert seconds[1::2] == pytest.approx([seconds[1]] * 3, abs=0.02), seconds
    assert seconds[1] > 1.3 * seconds[0], seconds


LONG_CUE = (
    "Slowly return to the starting position. Relax and breathe normally, then get ready "
    "for the next exercise: Cat and Camel, on your hands and knees."
)


@pytest.mark.usefixtures("engine_works")
def test_speak_wav_of_a_long_cue_writes_a_complete_file_every_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: the file was read before pyttsx3 had written it (the issue: 38 of 60)."""
    lengths = set()
    for attempt in range(5):
        path = tmp_path / f"long{attempt}.wav"
        assert main(["speak", LONG_CUE, "--wav", str(path)]) == 0, capsys.readouterr().err
        clip = wavutil.read_complete(path)
        lengths.add(round(clip.seconds, 3))
        assert wavutil.rms(clip) > SILENCE_FLOOR
    assert len(lengths) == 1 and 5.0 < lengths.pop() < 15.0


@pytest.mark.usefixtures("engine_works")
def test_measured_lengths_are_those_of_the_speech_as_played(tmp_path: Path) -> None:
    texts = ["Hold for 5 seconds.", "3", LONG_CUE]
    outcome = measure_cue_seconds(texts, VoiceSettings(rate=160))
    assert outcome.problem is None and list(outcome.seconds) == texts
    for text in texts:
        rendered = render_wav(text, tmp_path / "cue.wav", VoiceSettings(rate=160, volume=0.3))
        assert outcome.seconds[text] == pytest.approx(rendered.seconds, abs=0.005)
    slow = measure_cue_seconds(texts, VoiceSettings(rate=100))
    assert slow.seconds["Hold for 5 seconds."] > 1.3 * outcome.seconds["Hold for 5 seconds."]


@pytest.mark.usefixtures("engine_works")
def test_the_rate_holds_after_an_interrupt_restarts_the_worker(tmp_path: Path) -> None:
    hold = tmp_path / "hold"
    spec = worker_spec(engine="pyttsx3", env={"FAKE_PLAYER_HOLD": str(hold)})
    speaker = Pyttsx3Speaker(VoiceSettings(rate=150), spec=spec, lead_probes=("3",))
    speaker.start()
    try:
        speaker.configure(VoiceSettings(rate=120))
        assert speaker.wait_for(lambda s: s.lead_measured, 30), speaker.status()
        speaker.say("Relax.")
        assert speaker.wait_for(lambda s: s.reports_made == 1, 30), speaker.status()
        [first] = speaker.reports()
        assert (first.status, first.rate) == ("spoken", 120)
        hold.touch()
        speaker.say(LONG_CUE)
        assert speaker.wait_for(
            lambda s: s.speaking == LONG_CUE and s.player_pid is not None, 30
        ), speaker.status()
        speaker.interrupt()  # kills the worker mid-cue; a fresh one starts
        assert speaker.wait_for(lambda s: s.reports_made == 2, 30), speaker.status()
        [cut] = speaker.reports()
        assert cut.status == "cut" and cut.t_started is not None
        hold.unlink()
        speaker.say("Relax.")
        assert speaker.wait_for(lambda s: s.reports_made == 3, 30), speaker.status()
        [after] = speaker.reports()
        assert (after.status, after.rate) == ("spoken", 120)
        assert speaker.status().workers_started == 2
    finally:
        speaker.close()
