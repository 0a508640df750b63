"""The speech worker process: one pyttsx3 engine, one cue at a time, JSON lines on stdin/stdout.

Run as ``python -m exercise_timer.speech.worker --config JSON`` by
:class:`exercise_timer.speech.process.WorkerProcess`; never imported for its side effects.
The engine is created and run in this process's main thread. After any engine exception the
worker reports it and exits, because pyttsx3 then fails for ever ("run loop already started");
the parent starts a fresh one. See docs/decisions/0005-speech-worker-process.md.

Requests (one JSON object per line on stdin), each answered by events on stdout:

- ``{"op": "say", "id", "text", "voice", "rate", "volume", "expected_seconds"?}`` →
  ``started`` then ``finished`` (``ok``; when not ok, ``kind``: ``clip``, ``no-player``,
  ``playback``, ``engine`` or ``no-engine``; ``rate``: the rate in force, when known)
- ``{"op": "render", "id", "text", "path", "voice", "rate", "volume"}`` → ``rendered``, or
  ``finished`` with ok false and kind ``clip`` when no complete clip could be made
- ``{"op": "measure", "id", "texts", "voice", "rate"}`` → ``measured`` with ``seconds``: the
  length of each text's speech as it would be played (null for a text that failed)
- ``{"op": "voices", "id"}`` → ``voices``
- ``{"op": "probe-sound", "id"}`` → ``probe-sound`` (needs no engine)
- end of input, or ``{"op": "quit"}``: exit

Unprompted events: ``hello`` first, then ``ready`` (engine loaded) or ``engine-failed``
(``kind`` is ``import``, ``init`` or ``other``), ``warning``, and ``fatal`` just before an exit.

In ``wav`` mode (Linux) a cue is synthesised with ``save_to_file``, the file checked (see
:meth:`Worker.produce`), its trailing pause trimmed, its volume applied, and then played with
the player (``aplay``) that this process starts and waits for. ``t_started`` is the best
estimate of when sound began: the player's exit time minus the clip's length (``aplay``
returns after draining), but never before the player was launched. In ``direct`` mode (other
systems) pyttsx3 speaks itself and the ``started-utterance``/``finished-utterance`` callbacks
give the times.
"""

from __future__ import annotations

import argparse
import ctypes
import importlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from typing import Any, TextIO

from exercise_timer.speech import espeak_queue, wavutil

#: Cues this short are kept once made, at most this many (the oldest goes first).
KEPT_CLIP_CHARACTERS, KEPT_CLIPS = 24, 64

#: Exit codes of the worker.
EXIT_OK, EXIT_ENGINE_ERROR, EXIT_BAD_CONFIG = 0, 3, 4


#: A clip may differ from its expected length by this fraction of it, or by
#: :data:`LENGTH_SLACK` seconds if that is more. The same text, voice and rate synthesise to
#: the same length within a few milliseconds (one length in 15 renders of a short cue; 1 ms
#: apart for a 9 s one in two workers), so a sound clip matches a measured length closely;
#: the faults the check is for change it far more (a wrong rate, 200 for 160: 20 %; a lost
#: block of samples from espeak-ng: tenths of a second).
LENGTH_TOLERANCE = 0.05
LENGTH_SLACK = 0.04


class EngineError(Exception):
    """The engine raised or reported an error; the engine is unusable from now on."""


class Worker:
    """The state of one worker process. Only the main thread touches the engine."""

    def __init__(self, config: dict[str, Any], out: TextIO) -> None:
        self.config = config
        self.out = out
        self.lock = threading.Lock()
        self.engine: Any = None
        self.espeak: espeak_queue.EspeakQueue | None = None
        self.errors: list[str] = []
        self.voice_ids: set[str] | None = None
        self.player: subprocess.Popen[bytes] | None = None
        self.clips: dict[tuple[str, object, object], tuple[wavutil.Pcm, int | None]] = {}
        folder = config.get("workdir")
        self.workdir = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="et-speech-"))
        self.own_workdir = not folder
        mode = config.get("mode", "auto")
        self.mode = (
            ("wav" if sys.platform.startswith("linux") else "direct") if mode == "auto" else mode
        )

    # -- output ----------------------------------------------------------------------------

    def emit(self, event: str, **fields: Any) -> None:
        """Writes one event line; the parent reads them in order."""
        line = json.dumps({"event": event, **fields}, ensure_ascii=False)
        with self.lock:
            self.out.write(line + "\n")
            self.out.flush()

    # -- engine ----------------------------------------------------------------------------

    def load_engine(self) -> bool:
        """Imports and initialises the engine; reports ``ready`` or ``engine-failed``."""
        began = time.monotonic()
        name = self.config.get("engine", "pyttsx3")
        try:
            module = importlib.import_module(name)
        except ImportError as error:
            self.emit("engine-failed", kind="import", detail=f"{type(error).__name__}: {error}")
            return False
        try:
            self.engine = module.init()
        except RuntimeError as error:
            self.emit("engine-failed", kind="init", detail=f"RuntimeError: {error}")
            return False
        except Exception as error:
            self.emit("engine-failed", kind="other", detail=f"{type(error).__name__}: {error}")
            return False
        try:
            self.engine.connect("error", self._on_error)
            self.espeak = espeak_queue.attach(self.engine)
        except Exception as error:
            self.emit("engine-failed", kind="other", detail=f"{type(error).__name__}: {error}")
            return False
        self.emit(
            "ready",
            t=time.monotonic(),
            mode=self.mode,
            driver=_driver_name(self.engine),
            init_seconds=time.monotonic() - began,
        )
        return True

    def _on_error(self, name: object = None, exception: object = None) -> None:
        self.errors.append(f"{type(exception).__name__}: {exception}")

    def _run(self, request: dict[str, Any]) -> None:
        """``runAndWait`` until the speech is complete, then checks that it used the settings.

        Raises:
            EngineError: The engine reported an error, did not finish, or used another rate.
        """
        if self.espeak is not None:
            self.espeak.expect_utterance()
        self.engine.runAndWait()
        if self.errors:
            raise EngineError("; ".join(self.errors))
        if self.espeak is not None:
            timeout = float(self.config.get("synth_timeout", 30.0))
            if not self.espeak.wait_until_written(timeout):
                raise EngineError(f"espeak-ng did not finish the speech within {timeout:g} s")
            if not self.espeak.wait_until_idle(timeout):
                raise EngineError(f"espeak-ng did not finish within {timeout:g} s")
        if self.errors:
            raise EngineError("; ".join(self.errors))
        rate = request.get("rate")
        if self.espeak is not None and rate is not None and self.espeak.rate() != int(rate):
            raise EngineError(f"espeak-ng spoke at rate {self.espeak.rate()} instead of {rate}")

    def rate_in_force(self) -> int | None:
        """The speaking rate espeak-ng will use next; None for other engines."""
        return self.espeak.rate() if self.espeak is not None else None

    def produce(self, request: dict[str, Any], path: Path) -> tuple[wavutil.Pcm | None, str]:
        """Synthesises ``request["text"]`` to ``path`` and returns the checked clip.

        A clip must be a readable WAV with every frame its header counts, at least one, and,
        when the request gives ``expected_seconds``, a length within the tolerance of it. One
        that is not is rendered again once. When both renders have the same length but not the
        expected one, the expectation is what is wrong (a stale measurement): the clip is used
        and a ``warning`` says so. In ``wav`` mode the clip's leading and trailing silence is
        trimmed, as it is played.

        Returns:
            The clip, and an empty string; or None and what was wrong with each render.

        Raises:
            EngineError: The engine failed (the worker then exits).
        """
        if not str(request["text"]).strip():
            return None, "there is nothing to say"  # the driver would never report an end
        expected = request.get("expected_seconds")
        faults: list[str] = []
        lengths: list[float] = []
        for _attempt in range(2):
            self._apply(request, 1.0)
            path.unlink(missing_ok=True)
            self.engine.save_to_file(str(request["text"]), str(path))
            self._run(request)
            try:
                pcm = wavutil.read_complete(path)
            except wavutil.IncompleteWav as fault:
                faults.append(str(fault))
                continue
            if self.mode == "wav":
                pcm = wavutil.trim_silence(pcm)
            if expected is None or _close(pcm.seconds, float(expected)):
                return pcm, ""
            faults.append(f"{pcm.seconds:.2f} s of speech instead of {float(expected):.2f} s")
            if lengths and abs(lengths[0] - pcm.seconds) <= 2 / pcm.rate:
                self.emit("warning", detail=f"{faults[-1]}, twice: the expected length is stale")
                return pcm, ""
            lengths.append(pcm.seconds)
        return None, "; ".join(faults)

    def _apply(self, request: dict[str, Any], volume: float) -> None:
        voice = request.get("voice")
        if voice is not None and voice not in self._voice_ids():
            self.emit("warning", detail=f"unknown voice {voice!r}; the default voice is used")
            voice = None
        wanted = {"voice": voice, "rate": request.get("rate"), "volume": volume}
        for key, value in wanted.items():
            if value is not None:  # every time: a property is never assumed to have stuck
                self.engine.setProperty(key, value)

    def _voice_ids(self) -> set[str]:
        if self.voice_ids is None:
            self.voice_ids = {v["id"] for v in self.voices()}
        return self.voice_ids

    def voices(self) -> list[dict[str, Any]]:
        """Every voice the engine offers."""
        found = []
        for voice in self.engine.getProperty("voices") or []:
            languages = [
                lang.decode("utf-8", "replace") if isinstance(lang, bytes) else str(lang)
                for lang in (getattr(voice, "languages", None) or [])
            ]
            found.append(
                {
                    "id": str(voice.id),
                    "name": str(getattr(voice, "name", voice.id)),
                    "languages": languages,
                }
            )
        return found

    # -- requests --------------------------------------------------------------------------

    def say(self, request: dict[str, Any]) -> None:
        """Speaks one cue and reports when it started and finished."""
        cue = request["id"]
        volume = float(request.get("volume", 1.0))
        if self.mode == "direct":
            self._say_direct(cue, request, volume)
            return
        synth = self.workdir / "synth.wav"
        clip = self.workdir / "cue.wav"
        made, fault, rate = self._short_clip(request, synth)
        if made is None:
            self.emit(
                "finished",
                id=cue,
                ok=False,
                kind="clip",
                error=f"no complete clip: {fault}",
                t_started=None,
                t_finished=None,
                t_launched=None,
                seconds=None,
                rate=rate,
            )
            return
        pcm = wavutil.scale(made, volume)
        wavutil.write_pcm(clip, pcm)
        ok, detail, launched, ended = self.play(clip, cue)
        started = max(launched, ended - pcm.seconds) if ok else None
        self.emit(
            "finished",
            id=cue,
            ok=ok,
            kind=None if ok else ("no-player" if self.player_command() is None else "playback"),
            error=detail,
            t_started=started,
            t_finished=ended if ok else None,
            t_launched=launched,
            seconds=pcm.seconds,
            rate=rate,
        )

    def _short_clip(
        self, request: dict[str, Any], synth: Path
    ) -> tuple[wavutil.Pcm | None, str, int | None]:
        """The checked clip of a cue, and the rate it was made at.

        Short cues said again and again (the countdown numbers, "Hold.", "Relax.") are kept
        once made, so they start without the synthesis (about 15 ms, more on a busy machine).
        """
        text = str(request["text"])
        key = (text, request.get("voice"), request.get("rate"))
        kept = self.clips.get(key)
        if kept is not None:
            return kept[0], "", kept[1]
        made, fault = self.produce(request, synth)
        rate = self.rate_in_force()
        if made is not None and len(text) <= KEPT_CLIP_CHARACTERS:
            if len(self.clips) >= KEPT_CLIPS:
                self.clips.pop(next(iter(self.clips)))
            self.clips[key] = (made, rate)
        return made, fault, rate

    def _say_direct(self, cue: int, request: dict[str, Any], volume: float) -> None:
        self._apply(request, volume)
        times: dict[str, float] = {}
        tokens = [
            self.engine.connect("started-utterance", lambda **_: _stamp(times, "started")),
            self.engine.connect("finished-utterance", lambda **_: _stamp(times, "finished")),
        ]
        try:
            self.engine.say(str(request["text"]))
            self._run(request)
        finally:
            for token in tokens:
                self.engine.disconnect(token)
        started = times.get("started")
        if started is not None:
            self.emit("started", id=cue, t=started, player_pid=None)
        self.emit(
            "finished",
            id=cue,
            ok=True,
            error=None,
            t_started=started,
            t_finished=times.get("finished", time.monotonic()),
            rate=self.rate_in_force(),
        )

    def play(self, clip: Path, cue: int | None) -> tuple[bool, str | None, float, float]:
        """Plays a WAV with the player and waits; returns ok, problem, launch and end times."""
        command = self.player_command()
        if command is None:
            now = time.monotonic()
            return False, f"{self.config['player'][0]} not found", now, now
        launched = time.monotonic()
        try:
            self.player = subprocess.Popen(
                [*command, str(clip)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                preexec_fn=_die_with_parent if _PDEATHSIG else None,
            )
        except OSError as error:
            now = time.monotonic()
            return False, f"{command[0]}: {error}", now, now
        if cue is not None:
            self.emit("started", id=cue, t=launched, player_pid=self.player.pid)
        timeout = self.config.get("player_timeout")
        try:
            _, err = self.player.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.player.kill()
            self.player.communicate()
            return False, f"{command[0]} did not finish", launched, time.monotonic()
        ended = time.monotonic()
        code = self.player.returncode
        self.player = None
        if code != 0:
            lines = [line for line in err.decode("utf-8", "replace").splitlines() if line.strip()]
            return (
                False,
                lines[-1] if lines else f"{command[0]} exited with {code}",
                launched,
                ended,
            )
        return True, None, launched, ended

    def player_command(self) -> list[str] | None:
        """The player's command line, or None when the program is not installed."""
        player = list(self.config.get("player") or ["aplay", "-q"])
        found = shutil.which(player[0], path=self.config.get("search_path"))
        if found is None:
            return None
        device = self.config.get("device")
        return [found, *player[1:], *(["-D", device] if device else [])]

    def render(self, request: dict[str, Any]) -> None:
        """Writes a cue's speech to a WAV file, as it would be played."""
        target = Path(request["path"])
        made, fault = self.produce(request, self.workdir / "render.wav")
        if made is None:
            self.emit("finished", id=request["id"], ok=False, kind="clip", error=fault)
            return
        pcm = wavutil.scale(made, float(request.get("volume", 1.0)))
        partial = target.with_name(target.name + ".part")
        wavutil.write_pcm(partial, pcm)
        os.replace(partial, target)
        self.emit("rendered", id=request["id"], path=str(target), seconds=pcm.seconds)

    def measure(self, request: dict[str, Any]) -> None:
        """Reports how long each text's speech lasts as it would be played (null: it failed)."""
        path = self.workdir / "measure.wav"
        seconds: list[float | None] = []
        for text in request.get("texts") or []:
            made, _ = self.produce({**request, "text": text, "expected_seconds": None}, path)
            seconds.append(None if made is None else round(made.seconds, 4))
        self.emit("measured", id=request["id"], seconds=seconds, rate=self.rate_in_force())

    def probe_sound(self, request: dict[str, Any]) -> None:
        """Finds the player and plays a short silence through it."""
        command = self.player_command()
        if command is None:
            self.emit("probe-sound", id=request["id"], player=False, sound=False, detail=None)
            return
        clip = self.workdir / "probe.wav"
        wavutil.write_pcm(clip, wavutil.silence(0.05))
        ok, detail, _, _ = self.play(clip, None)
        self.emit("probe-sound", id=request["id"], player=True, sound=ok, detail=detail)

    # -- main loop -------------------------------------------------------------------------

    def serve(self, requests: TextIO) -> int:
        """Answers requests until the input ends; returns the exit code."""
        self.emit("hello", pid=os.getpid(), t=time.monotonic())
        engine_ok = self.load_engine()
        for line in requests:
            if not line.strip():
                continue
            request = json.loads(line)
            op = request.get("op")
            if op == "quit":
                break
            if op == "probe-sound":
                self.probe_sound(request)
                continue
            if not engine_ok:
                self.emit(
                    "finished", id=request.get("id"), ok=False, kind="no-engine", error="no engine"
                )
                continue
            self.errors.clear()
            try:
                if op == "say":
                    self.say(request)
                elif op == "render":
                    self.render(request)
                    if self.mode == "direct":
                        # After save_to_file pyttsx3 writes every later say() to the file too.
                        return EXIT_OK
                elif op == "measure":
                    self.measure(request)
                elif op == "voices":
                    self.emit("voices", id=request["id"], voices=self.voices())
                else:
                    self.emit("warning", detail=f"unknown request {op!r}")
            except Exception as error:
                detail = f"{type(error).__name__}: {error}"
                self.emit("finished", id=request.get("id"), ok=False, kind="engine", error=detail)
                self.emit("fatal", detail=detail, traceback=traceback.format_exc())
                return EXIT_ENGINE_ERROR
        return EXIT_OK

    def cleanup(self) -> None:
        """Removes this worker's own temporary folder (a shared one belongs to the parent)."""
        if self.own_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)


def _close(seconds: float, expected: float) -> bool:
    return abs(seconds - expected) <= max(LENGTH_SLACK, LENGTH_TOLERANCE * expected)


def _stamp(times: dict[str, float], key: str) -> None:
    times.setdefault(key, time.monotonic())


def _driver_name(engine: Any) -> str:
    module = getattr(getattr(getattr(engine, "proxy", None), "_module", None), "__name__", "")
    return str(module).rsplit(".", 1)[-1] or type(engine).__module__


_PR_SET_PDEATHSIG = 1
_PDEATHSIG = sys.platform.startswith("linux")


def _die_with_parent() -> bool:
    """Asks Linux to SIGKILL this process when its parent ends; False where it cannot.

    This replaces a polling thread, which made a cue at the wrong rate more likely by changing
    the timing of a race in pyttsx3's espeak driver; the race itself is fixed in
    :mod:`exercise_timer.speech.espeak_queue`.
    """
    if not _PDEATHSIG:
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _guard_orphan(worker: Worker) -> None:
    """Ends this process and its player if the parent disappears (killed without closing us)."""
    parent = os.getppid()
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            if os.getpgid(0) == os.getpid():
                os.killpg(os.getpid(), signal.SIGKILL)
            player = worker.player
            if player is not None:
                player.kill()
            os._exit(EXIT_OK)


def main(argv: list[str] | None = None) -> int:
    """Runs the worker on stdin/stdout."""
    parser = argparse.ArgumentParser(prog="exercise_timer.speech.worker")
    parser.add_argument("--config", default="{}", help="JSON settings from the parent")
    args = parser.parse_args(argv)
    try:
        config = json.loads(args.config)
    except json.JSONDecodeError:
        return EXIT_BAD_CONFIG
    # Keep stdout for the protocol alone: libraries that print (pyttsx3 prints "Audio saved
    # to ...") go to nowhere, and anything written to file descriptor 1 goes to stderr.
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives as long as we do)
    parent = os.getppid()
    worker = Worker(config, protocol)
    if not _die_with_parent():
        threading.Thread(target=_guard_orphan, args=(worker,), daemon=True, name="orphan").start()
    elif os.getppid() != parent:
        return EXIT_OK  # the parent ended before the signal was armed
    try:
        return worker.serve(sys.stdin)
    finally:
        worker.cleanup()


if __name__ == "__main__":
    code = main()
    sys.stderr.flush()
    # Skip interpreter teardown: espeak's library is known to assert while shutting down.
    os._exit(code)
