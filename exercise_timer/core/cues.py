"""The sentences the voice says and the caption shows, worded from the engine's effects.

One place words every cue so that voice and screen never disagree: the caption shows a phase's
whole cue (:mod:`exercise_timer.core.cue_forms` words it), and the voice says it or a shorter
form of it that fits the phase. Sentences are whole translatable units with named placeholders.
"""

from __future__ import annotations

from exercise_timer.core.cue_forms import whole_cue
from exercise_timer.core.effects import Outcome, SessionEnded, StopReason
from exercise_timer.core.i18n import _
from exercise_timer.core.schedule import Schedule


def phase_cue(schedule: Schedule, index: int) -> str:
    """What the caption says when segment ``index`` begins: the whole of its cue."""
    return whole_cue(schedule, index)


def countdown_cue(number: int) -> str:
    """A countdown number, said on its second."""
    return str(number)


def end_cue(ended: SessionEnded, at_end: str = "") -> str:
    """What is said when the session ends.

    Args:
        ended: How the session ended.
        at_end: The routine's advice for after a completed session (``[advice] at_end``),
            said after the closing words; never after a stop.
    """
    if ended.outcome is Outcome.COMPLETED:
        done = _("Well done. That is the end of the session.")
        return f"{done} {at_end}" if at_end else done
    return stop_advice(ended.reason)


def stop_advice(reason: StopReason | None) -> str:
    """The documents' advice for the reason a session was stopped."""
    if reason is StopReason.DIZZINESS:
        return _(
            "Stop and sit down if you are not already sitting or lying down. "
            "Rest until the dizziness passes."
        )
    if reason in (StopReason.PAIN, StopReason.NUMBNESS):
        return _("Stop this exercise and contact your clinic before you do it again.")
    return _("The session is stopped.")
