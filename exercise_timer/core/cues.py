"""The sentences the voice says and the caption shows, worded from the engine's effects.

One place words every cue so that voice and screen never disagree. Sentences are whole
translatable units with named placeholders; a cue may be several such sentences in a row.
"""

from __future__ import annotations

import re

from exercise_timer.core.effects import Outcome, SessionEnded, StopReason
from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.model import Breathing, Side
from exercise_timer.core.schedule import Phase, Schedule

_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def first_sentence(text: str) -> str:
    """The first sentence of a text, for a short spoken version of it."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() or len(text) == 1 else text


def _seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def phase_cue(schedule: Schedule, index: int) -> str:
    """What is said when segment ``index`` begins."""
    segment = schedule.segments[index]
    exercise = schedule.session.exercises[segment.exercise]
    if segment.phase is Phase.PREPARE:
        sentences = [exercise.name + ".", first_sentence(exercise.start)]
        if exercise.variant is not None:
            sentences.append(_("Version: {variant}.").format(variant=exercise.variant.name))
        if segment.side is not None:
            passes = exercise.passes()
            name = exercise.side_name(segment.side)
            if segment.side is Side.BOTH:
                sentences.append(_("Now {side}.").format(side=_lower_first(name)))
            elif passes.index(segment.side) == 0:
                sentences.append(_("{side} first.").format(side=name))
            else:
                sentences.append(_("Now the other side: {side}.").format(side=_lower_first(name)))
        return " ".join(s for s in sentences if s)
    if segment.phase is Phase.MOVE:
        stage = exercise.stages[(segment.stage or 1) - 1]
        instruction = stage.instruction.rstrip(".")
        if stage.breathing is Breathing.IN:
            return _("Breathe in and {instruction}.").format(instruction=_lower_first(instruction))
        if stage.breathing is Breathing.OUT:
            return _("Breathe out and {instruction}.").format(instruction=_lower_first(instruction))
        return instruction + "."
    if segment.phase is Phase.HOLD:
        seconds = segment.duration_ms / 1000
        count = int(seconds) if seconds.is_integer() else 2
        return ngettext("Hold for {seconds} second.", "Hold for {seconds} seconds.", count).format(
            seconds=_seconds(seconds)
        )
    if segment.phase is Phase.RETURN:
        return _("Slowly return.")
    return _relax_cue(schedule, index)


def _relax_cue(schedule: Schedule, index: int) -> str:
    segment = schedule.segments[index]
    following = index + 1
    if following >= len(schedule.segments):
        return _("Relax.")
    upcoming = schedule.segments[following]
    if upcoming.exercise != segment.exercise:
        name = schedule.session.exercises[upcoming.exercise].name
        return _("Relax. Next: {exercise}.").format(exercise=name)
    if upcoming.rep is not None and upcoming.rep != segment.rep:
        total = schedule.session.exercises[segment.exercise].repetitions
        return _("Relax. Repetition {number} of {total} is next.").format(
            number=upcoming.rep, total=total
        )
    return _("Relax.")


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
