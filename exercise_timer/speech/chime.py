"""A chime instead of a voice, for machines that can play sound but have no speech engine.

It chimes when a phase changes and never for a countdown number, so a person on the floor
still hears that something new begins and can look up at the caption.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

from exercise_timer.resources import asset
from exercise_timer.speech import wavutil
from exercise_timer.speech.speaker import CueReport, VoiceSettings

BACKEND = "chime"
_BARE_NUMBER = re.compile(r"\s*\d+\s*[.!]?\s*")


def is_countdown(text: str) -> bool:
    """Whether a cue is a bare countdown number (which gets no chime)."""
    return _BARE_NUMBER.fullmatch(text) is not None


def chime_path() -> Path:
    """The bundled chime."""
    return asset("sounds", "chime.wav")


class ChimeSpeaker:
    """Plays the chime with ``aplay`` in a child process for each cue that is not a number.

    No thread: a chime that is still playing when the next one is due is stopped, and finished
    players are reaped whenever the speaker is used, and at ``close()``.
    """

    def __init__(
        self,
        problem: str | None = None,
        *,
        settings: VoiceSettings | None = None,
        player: Sequence[str] = ("aplay", "-q"),
        device: str | None = None,
        sound: Path | None = None,
    ) -> None:
        self._problem = problem
        self._settings = settings or VoiceSettings()
        self._player = list(player)
        self._device = device
        self._sound = sound or chime_path()
        self._seconds = wavutil.read_pcm(self._sound).seconds
        self._playing: list[tuple[subprocess.Popen[bytes], CueReport]] = []
        self._reports: list[CueReport] = []

    @property
    def problem(self) -> str | None:
        """Why there is no voice (a chime is all there is)."""
        return self._problem

    @property
    def lead_seconds(self) -> float:
        """Chimes mark phase changes, which need no early sending."""
        return 0.0

    @property
    def lead_measured(self) -> bool:
        """Nothing to measure."""
        return True

    def say(self, text: str, *, expected_seconds: float | None = None) -> None:
        """Chimes, unless ``text`` is a countdown number or the sound is muted."""
        requested = time.monotonic()
        self._reap()
        if self._settings.mute or self._settings.volume <= 0 or is_countdown(text):
            return
        self.interrupt()
        command = self._command()
        if command is None:
            self._reports.append(CueReport(text, BACKEND, requested, None, None, "failed"))
            return
        launched = time.monotonic()
        try:
            player = subprocess.Popen(
                [*command, str(self._sound)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self._reports.append(CueReport(text, BACKEND, requested, None, None, "failed"))
            return
        self._playing.append((player, CueReport(text, BACKEND, requested, launched, None)))

    def _command(self) -> list[str] | None:
        found = shutil.which(self._player[0])
        if found is None:
            return None
        return [found, *self._player[1:], *(["-D", self._device] if self._device else [])]

    @property
    def busy(self) -> bool:
        """True while a chime is playing."""
        return any(player.poll() is None for player, _ in self._playing)

    def interrupt(self) -> None:
        """Stops a chime that is still playing."""
        for player, _ in self._playing:
            if player.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    player.kill()
        self._reap(wait=True)

    def configure(self, settings: VoiceSettings) -> None:
        """Only mute (or volume 0) matters: the chime has one loudness."""
        self._settings = settings

    def reports(self) -> list[CueReport]:
        """Chimes that have ended since the last call."""
        self._reap()
        made, self._reports = self._reports, []
        return made

    def close(self) -> None:
        """Stops any chime and reaps its player."""
        self.interrupt()

    def _reap(self, *, wait: bool = False) -> None:
        still: list[tuple[subprocess.Popen[bytes], CueReport]] = []
        for player, report in self._playing:
            code = player.wait() if wait else player.poll()
            now = time.monotonic()
            if code is None:
                still.append((player, report))
                continue
            if code == 0 and report.t_started is not None:
                finished: float | None = report.t_started + self._seconds
                report = CueReport(
                    report.text, BACKEND, report.t_requested, report.t_started, finished
                )
            elif code < 0 and report.t_started is not None:  # killed by interrupt()
                report = CueReport(
                    report.text, BACKEND, report.t_requested, report.t_started, now, "cut"
                )
            else:
                report = CueReport(report.text, BACKEND, report.t_requested, None, None, "failed")
            self._reports.append(report)
        self._playing = still
