"""A speaker that never raises: the session, Stop and its advice never wait on the voice.

Every call to the speaker it wraps is guarded; the first failure becomes its ``problem`` (which
the window states once, as it does for a voice that never worked) and the captions go on. After
a failure the wrapped speaker is asked nothing more but ``close``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from exercise_timer.core.i18n import _
from exercise_timer.speech.speaker import CueReport, Speaker, VoiceSettings

_T = TypeVar("_T")


class GuardedSpeaker:
    """Wraps a Speaker so that none of its calls can raise into the session."""

    def __init__(self, inner: Speaker) -> None:
        self.inner = inner
        self._failure: str | None = None

    @property
    def problem(self) -> str | None:
        """The wrapped speaker's problem, or why it stopped working."""
        if self._failure is not None:
            return self._failure
        return self._guard(lambda: self.inner.problem, None)

    @property
    def lead_seconds(self) -> float:
        """The wrapped speaker's lead; none once it failed."""
        return self._guard(lambda: self.inner.lead_seconds, 0.0)

    @property
    def lead_measured(self) -> bool:
        """Whether the lead is final; it is once the speaker failed."""
        return self._guard(lambda: self.inner.lead_measured, True)

    @property
    def busy(self) -> bool:
        """Never busy once it failed."""
        return self._guard(lambda: self.inner.busy, False)

    def say(self, text: str, *, expected_seconds: float | None = None) -> None:
        """Says ``text`` if the voice still works."""
        self._guard(lambda: self.inner.say(text, expected_seconds=expected_seconds), None)

    def interrupt(self) -> None:
        """Silences the voice if it still works."""
        self._guard(self.inner.interrupt, None)

    def configure(self, settings: VoiceSettings) -> None:
        """Passes the settings on if the voice still works."""
        self._guard(lambda: self.inner.configure(settings), None)

    def reports(self) -> list[CueReport]:
        """The wrapped speaker's reports; none once it failed."""
        return self._guard(self.inner.reports, [])

    def close(self) -> None:
        """Closes the wrapped speaker, whatever state it is in."""
        try:
            self.inner.close()
        except Exception as error:  # closing must end the program, not stop it
            self._fail(error)

    def _guard(self, call: Callable[[], _T], fallback: _T) -> _T:
        if self._failure is not None:
            return fallback
        try:
            return call()
        except Exception as error:  # any fault of the voice stays in it
            self._fail(error)
            return fallback

    def _fail(self, error: BaseException) -> None:
        if self._failure is None:
            reason = (error.strerror if isinstance(error, OSError) else None) or str(error)
            self._failure = _(
                "The voice stopped working ({reason}); the cues go on as captions."
            ).format(reason=reason or type(error).__name__)
