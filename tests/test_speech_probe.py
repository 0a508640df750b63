"""The start-up probe with each piece missing (injected), and the speaker it chooses.

Everything runs in real worker processes; what is missing is injected through WorkerSpec: an
engine module that fails, a search path without ``aplay``, a player that fails or hangs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FAKE_PLAYER, worker_spec

from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.cues import countdown_cue, end_cue, phase_cue
from exercise_timer.core.effects import CountdownTick, Outcome, PhaseStarted, SessionEnded
from exercise_timer.core.engine import Engine
from exercise_timer.core.resolve import resolve
from exercise_timer.speech import problems
from exercise_timer.speech.chime import ChimeSpeaker
from exercise_timer.speech.probe import make_speaker, probe_speech
from exercise_timer.speech.pyttsx3_speaker import Pyttsx3Speaker
from exercise_timer.speech.speaker import CaptionsOnly, Speaker, VoiceSettings
from exercise_timer.storage.catalogue import DEFAULT_ROUTINE, open_routine
from exercise_timer.storage.paths import Paths

pytestmark = pytest.mark.slow

spec = worker_spec


@pytest.fixture
def broken_pyttsx3(tmp_path: Path) -> Path:
    """A folder whose ``pyttsx3`` package fails to import, to put first on PYTHONPATH."""
    package = tmp_path / "shadow" / "pyttsx3"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("raise ImportError('no pyttsx3 here')\n")
    return package.parent


def test_everything_present() -> None:
    status = probe_speech(spec(), with_voices=True)
    assert status.speech_works and status.problem is None
    assert [v.id for v in status.voices] == ["fake/en", "fake/es"]
    assert status.voices[1].languages == ("es",)


def test_pyttsx3_that_fails_to_import(broken_pyttsx3: Path) -> None:
    status = probe_speech(spec(engine="pyttsx3", env={"PYTHONPATH": str(broken_pyttsx3)}))
    assert not status.engine and status.sound
    assert status.problem == problems.no_pyttsx3()
    assert status.detail is not None and "no pyttsx3 here" in status.detail


def test_an_engine_that_raises_runtime_error_needs_espeak_ng() -> None:
    status = probe_speech(spec(env={"FAKE_TTS_INIT": "runtime-error"}))
    assert status.problem == "Install espeak-ng for spoken cues (sudo apt install espeak-ng)."
    assert not status.speech_works and status.sound


def test_no_aplay_on_the_path_needs_alsa_utils(tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    status = probe_speech(spec(player=("aplay", "-q"), search_path=str(empty)))
    assert status.engine and not status.player and not status.sound
    assert status.problem == problems.install(["alsa-utils"])


def test_nothing_installed_names_both_packages(tmp_path: Path) -> None:
    status = probe_speech(
        spec(
            env={"FAKE_TTS_INIT": "runtime-error"},
            player=("aplay", "-q"),
            search_path=str(tmp_path),
        )
    )
    assert status.problem == problems.install(["espeak-ng", "alsa-utils"])
    assert "sudo apt install espeak-ng alsa-utils" in status.problem


def test_no_sound_device() -> None:
    status = probe_speech(spec(env={"FAKE_PLAYER_FAIL": "1"}))
    assert status.engine and status.player and not status.sound
    assert status.problem == "No sound device was found; cues are shown as captions."
    assert status.detail is not None and "audio open error" in status.detail


def test_a_sound_system_that_hangs_times_out(tmp_path: Path) -> None:
    flag = tmp_path / "hold"
    flag.touch()
    status = probe_speech(
        spec(env={"FAKE_PLAYER_HOLD": str(flag)}, player_timeout=None), timeout=1.0
    )
    assert status.problem == problems.no_answer()
    assert not status.speech_works


def test_the_real_probe_agrees_with_itself() -> None:
    """On any machine: the real probe gives a problem exactly when speech does not work."""
    status = probe_speech(with_voices=True)
    assert (status.problem is None) == status.speech_works
    if status.engine:
        assert status.voices


# -- choosing the speaker -------------------------------------------------------------------


def test_no_voice_means_captions_without_a_notice() -> None:
    speaker = make_speaker(VoiceSettings(), True, spec=spec())
    assert isinstance(speaker, CaptionsOnly) and speaker.problem is None


def test_working_speech_gives_the_started_pyttsx3_speaker() -> None:
    speaker = make_speaker(VoiceSettings(), False, spec=spec())
    try:
        assert isinstance(speaker, Pyttsx3Speaker)
        assert speaker.status().running and speaker.problem is None
    finally:
        speaker.close()


def test_sound_without_speech_gives_a_chime_and_the_notice() -> None:
    speaker = make_speaker(
        VoiceSettings(), False, spec=spec(env={"FAKE_TTS_INIT": "runtime-error"})
    )
    assert isinstance(speaker, ChimeSpeaker)
    assert speaker.problem == problems.install(["espeak-ng"])
    speaker.close()


def test_no_sound_gives_captions_and_the_notice() -> None:
    speaker = make_speaker(VoiceSettings(), False, spec=spec(env={"FAKE_PLAYER_FAIL": "1"}))
    assert isinstance(speaker, CaptionsOnly)
    assert speaker.problem == problems.no_sound_device()


# -- the chime -----------------------------------------------------------------------------------


def test_the_chime_plays_on_phase_changes_and_never_for_numbers() -> None:
    speaker = ChimeSpeaker("notice", player=FAKE_PLAYER)
    speaker.say("Relax.")
    speaker.say("3")
    speaker.say("Hold for 5 seconds.")
    speaker.configure(VoiceSettings(mute=True))
    speaker.say("Slowly return.")
    speaker.close()
    made = speaker.reports()
    assert sorted(r.text for r in made) == ["Hold for 5 seconds.", "Relax."]
    assert all(r.backend == "chime" for r in made)
    assert speaker.lead_seconds == 0.0 and speaker.problem == "notice"


def test_a_chime_without_a_player_reports_nothing_played() -> None:
    speaker = ChimeSpeaker(None, player=("no-such-player-anywhere",))
    speaker.say("Relax.")
    [report] = speaker.reports()
    assert report.t_started is None
    speaker.close()


# -- a whole session without an engine ------------------------------------------------------------


def run_session(speaker: Speaker, paths: Paths) -> Outcome:
    """Drives the real phase engine on a simulated clock and sends every cue to ``speaker``."""
    session = resolve(open_routine(DEFAULT_ROUTINE, paths))
    clock = SimulatedClock(0.0)
    engine = Engine(session, clock, cue_lead=speaker.lead_seconds)
    effects = list(engine.start())
    outcome: Outcome | None = None
    while True:
        for effect in effects:
            if isinstance(effect, PhaseStarted):
                speaker.say(phase_cue(engine.schedule, effect.index))
            elif isinstance(effect, CountdownTick):
                speaker.say(countdown_cue(effect.number))
            elif isinstance(effect, SessionEnded):
                speaker.say(end_cue(effect))
                outcome = effect.outcome
        deadline = engine.next_deadline()
        if deadline is None:
            break
        clock.now = deadline
        effects = engine.advance()
    assert outcome is not None
    return outcome


@pytest.mark.parametrize(
    ("changes", "kind", "notice"),
    [
        (
            {"env": {"FAKE_TTS_INIT": "runtime-error"}},
            ChimeSpeaker,
            problems.install(["espeak-ng"]),
        ),
        (
            {"env": {"FAKE_TTS_INIT": "runtime-error", "FAKE_PLAYER_FAIL": "1"}},
            CaptionsOnly,
            problems.no_sound_device(),
        ),
        ({"engine": "no_such_speech_module"}, ChimeSpeaker, problems.no_pyttsx3()),
    ],
)
def test_without_an_engine_a_session_runs_to_the_end_with_captions_and_the_notice(
    paths: Paths, changes: dict[str, object], kind: type, notice: str
) -> None:
    speaker = make_speaker(VoiceSettings(), False, spec=spec(**changes))
    try:
        assert isinstance(speaker, kind)
        assert speaker.problem == notice
        assert run_session(speaker, paths) is Outcome.COMPLETED
    finally:
        speaker.close()
    assert not any(r.text.strip().isdigit() for r in speaker.reports())
