"""Finds out at start-up whether speech works here, and chooses the speaker accordingly.

The checks run in a fresh worker process with a timeout, so a library that crashes or hangs
cannot take the window down: the engine loads (pyttsx3 imports, ``pyttsx3.init()`` succeeds),
the player (``aplay``) is installed, and it can play a short silence on the default device.
Everything checked can be injected through :class:`WorkerSpec` (another engine module, a
search path without ``aplay``, another player or device).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from exercise_timer.speech import problems
from exercise_timer.speech.chime import ChimeSpeaker
from exercise_timer.speech.process import Message, WorkerSpec, WorkerTimeout, run_requests
from exercise_timer.speech.pyttsx3_speaker import Pyttsx3Speaker
from exercise_timer.speech.speaker import CaptionsOnly, Speaker, VoiceSettings

PROBE_TIMEOUT = 10.0


@dataclass(frozen=True)
class Voice:
    """One voice of the engine."""

    id: str
    name: str
    languages: tuple[str, ...]


@dataclass(frozen=True)
class SpeechStatus:
    """What the probe found.

    Attributes:
        engine: The speech engine loads.
        player: The WAV player is installed.
        sound: The player could play a short silence (there is a sound device).
        problem: What is missing and how to get it, in plain words; None when speech works.
        detail: The technical reason behind ``problem`` (an exception, the player's message).
        voices: The engine's voices, when they were asked for.
        engine_problem: Why the engine does not load, even when ``problem`` is about sound.
    """

    engine: bool
    player: bool
    sound: bool
    problem: str | None
    detail: str | None = None
    voices: tuple[Voice, ...] = field(default=())
    engine_problem: str | None = None

    @property
    def speech_works(self) -> bool:
        """Whether cues can be spoken."""
        return self.engine and self.sound


def probe_speech(
    spec: WorkerSpec | None = None, *, timeout: float = PROBE_TIMEOUT, with_voices: bool = False
) -> SpeechStatus:
    """Runs the checks in a worker process; never raises for a missing piece."""
    spec = spec or WorkerSpec(quiet=True)
    requests: list[Message] = [{"op": "probe-sound"}]
    if with_voices:
        requests.append({"op": "voices"})
    try:
        events, _ = run_requests(spec, requests, timeout)
    except WorkerTimeout:
        answer = problems.no_answer()
        return SpeechStatus(False, False, False, answer, "timed out", (), answer)
    except OSError as error:
        broken = problems.engine_broken(str(error))
        return SpeechStatus(False, False, False, broken, str(error), (), broken)
    return interpret(events)


def interpret(events: list[Message]) -> SpeechStatus:
    """Turns a probing worker's events into a status with one plain problem sentence."""
    by_kind = {event.get("event"): event for event in events}
    ready, failed = by_kind.get("ready"), by_kind.get("engine-failed")
    sound_check = by_kind.get("probe-sound")
    if sound_check is None:
        fatal = by_kind.get("fatal")
        detail = str(fatal.get("detail")) if fatal else "the speech check stopped"
        broken = problems.engine_broken(detail)
        return SpeechStatus(False, False, False, broken, detail, (), broken)
    engine = ready is not None
    player = bool(sound_check.get("player"))
    sound = bool(sound_check.get("sound"))
    kind = failed.get("kind") if failed else None
    details = [str(e.get("detail")) for e in (failed, sound_check) if e and e.get("detail")]
    missing = (["espeak-ng"] if kind == "init" else []) + ([] if player else ["alsa-utils"])
    problem: str | None = None
    if player and not sound:
        problem = problems.no_sound_device()
    elif missing:
        problem = problems.install(missing)
    elif kind == "import":
        problem = problems.no_pyttsx3()
    elif not engine:
        problem = problems.engine_broken(details[0] if details else "the engine did not load")
    voices = tuple(
        Voice(str(v["id"]), str(v["name"]), tuple(str(lang) for lang in v.get("languages", [])))
        for v in (by_kind.get("voices") or {}).get("voices", [])
    )
    return SpeechStatus(
        engine,
        player,
        sound,
        problem,
        "; ".join(details) or None,
        voices,
        None if engine else (engine_problem(events) or problem),
    )


def engine_problem(events: list[Message]) -> str | None:
    """The plain sentence for an engine that did not load, from a worker's events."""
    failed = next((e for e in events if e.get("event") == "engine-failed"), None)
    if failed is None:
        return None
    kind = failed.get("kind")
    if kind == "import":
        return problems.no_pyttsx3()
    if kind == "init":
        return problems.install(["espeak-ng"])
    return problems.engine_broken(str(failed.get("detail") or kind))


def make_speaker(
    settings: VoiceSettings,
    no_voice: bool,
    *,
    spec: WorkerSpec | None = None,
    timeout: float = PROBE_TIMEOUT,
) -> Speaker:
    """The best speaker this machine allows, already started; the caller must ``close()`` it.

    ``--no-voice`` gives captions only, without a notice. Otherwise the probe decides: the
    pyttsx3 voice when it works; a chime when sound works but speech does not; captions with
    the probe's notice when there is no sound at all. Blocks for the probe (about 0.1 s, at
    most ``timeout``); the voice's lead is measured afterwards in the background.
    """
    if no_voice:
        return CaptionsOnly(None)
    spec = spec or WorkerSpec(quiet=True)
    status = probe_speech(spec, timeout=timeout)
    if status.speech_works:
        speaker = Pyttsx3Speaker(settings, spec=spec)
        speaker.start()
        return speaker
    if status.sound:
        return ChimeSpeaker(
            status.problem, settings=settings, player=spec.player, device=spec.device
        )
    return CaptionsOnly(status.problem)
