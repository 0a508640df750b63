"""A Speaker that records what it is asked to say, for the window's tests (no process, no sound)."""

from __future__ import annotations

from collections.abc import Callable

from exercise_timer.speech.speaker import CueReport, VoiceSettings


class RecordingSpeaker:
    """Implements the whole Speaker interface and remembers every call.

    Attributes:
        said: Every text passed to ``say``, in order.
        times: The clock's reading at each ``say`` (empty without a clock).
        interrupts: How many times ``interrupt`` was called.
        settings: The settings last passed to ``configure``.
        configured: Every settings passed to ``configure``, in order.
        closed: Whether ``close`` was called.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float] | None = None,
        problem: str | None = None,
        lead_seconds: float = 0.0,
    ) -> None:
        self._clock = clock
        self._problem = problem
        self._lead = lead_seconds
        self._reports: list[CueReport] = []
        self.said: list[str] = []
        self.times: list[float] = []
        self.interrupts = 0
        self.settings = VoiceSettings()
        self.configured: list[VoiceSettings] = []
        self.closed = False

    @property
    def problem(self) -> str | None:
        """The problem given to the constructor."""
        return self._problem

    @property
    def lead_seconds(self) -> float:
        """The lead given to the constructor."""
        return self._lead

    @property
    def lead_measured(self) -> bool:
        """The lead is known from the start."""
        return True

    @property
    def busy(self) -> bool:
        """Never speaking: it only records."""
        return False

    def say(self, text: str, *, expected_seconds: float | None = None) -> None:
        """Records ``text`` (and the time, with a clock)."""
        self.said.append(text)
        if self._clock is not None:
            self.times.append(self._clock())

    def interrupt(self) -> None:
        """Counts the call."""
        self.interrupts += 1

    def configure(self, settings: VoiceSettings) -> None:
        """Keeps the settings."""
        self.settings = settings
        self.configured.append(settings)

    def seed_reports(self, *reports: CueReport) -> None:
        """Makes the next ``reports()`` return these."""
        self._reports.extend(reports)

    def reports(self) -> list[CueReport]:
        """The seeded reports, once; empty unless seeded."""
        made, self._reports = self._reports, []
        return made

    def close(self) -> None:
        """Marks the speaker closed."""
        self.closed = True
