"""A session's cues, fitted when first needed: at the first poll or command, not at start.

The first screen shows none of the cues, so neither fitting them (a few milliseconds for a
long routine) nor the modules that fit and measure them are paid for before the window is
painted; the window's first poll comes after that, and measuring the missing lengths in the
background starts there, as it did before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from exercise_timer.app.services import Services, voice_settings

if TYPE_CHECKING:
    from exercise_timer.app.cue_voice import CueVoice
    from exercise_timer.core.cue_fit import CuePlan
    from exercise_timer.core.schedule import Schedule

FitInputs = Callable[[], "tuple[Schedule, float, bool]"]
"""The session's schedule, speed and whether it waits for the person, as they are now."""


class SessionCues:
    """The cue voice (lengths, measuring) and the plan fitted last; both made on demand."""

    def __init__(self, services: Services, inputs: FitInputs) -> None:
        self._services = services
        self._inputs = inputs
        self._voice: CueVoice | None = None
        self._plan: CuePlan | None = None

    @property
    def voice(self) -> CueVoice:
        """The cues' words and lengths; its modules are imported when first needed."""
        if self._voice is None:
            from exercise_timer.app.cue_voice import CueVoice

            self._voice = CueVoice(self._services.cue_cache, self._services.measure_cues)
        return self._voice

    def plan(self) -> CuePlan:
        """The plan in use, fitted now if the session changed since the last fit."""
        return self._plan if self._plan is not None else self.refit()

    def refit(self) -> CuePlan:
        """Fits every cue to the phases at today's voice, rate and lead; keeps the plan."""
        from exercise_timer.core.cue_fit import Timing

        schedule, speed, waiting = self._inputs()
        settings, lead = self._services.settings, self._services.speaker.lead_seconds
        timing = Timing(settings.countdown, speed, lead, waiting=waiting)
        self._plan = self.voice.fit(schedule, timing, voice_settings(settings))
        return self._plan

    def forget(self) -> None:
        """The session changed: the next ``plan()`` fits anew."""
        self._plan = None

    def poll(self) -> bool:
        """Fits if not yet done (so the voice knows what to measure), takes in new lengths.

        Returns:
            Whether the plan is as good as it will get (nothing left to measure).
        """
        voice = self.voice
        self.plan()
        if voice.poll() and voice.plan is not None:
            self._plan = voice.plan
        return voice.settled
