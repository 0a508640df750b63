"""Every way a phase's cue can be worded, from the whole sentence down to a single word.

The first form is the whole cue, which the caption shows; the voice says the longest form that
fits before the next cue is due (:mod:`exercise_timer.core.cue_fit`). Each shorter form is
still words a person can act on: "Hold." where "Hold for 5 seconds." does not fit. A form may
leave out something worth saying earlier (the breathing of a movement): that sentence is its
``carry``, which the planner offers to the exercise's "get into position" cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from exercise_timer.core.i18n import _, current_language, ngettext
from exercise_timer.core.model import Breathing, Side
from exercise_timer.core.resolve import ResolvedStage
from exercise_timer.core.schedule import Phase, Schedule

_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_CLAUSE_END = re.compile(r",\s|;\s|\s-\s")
_JOINING_WORDS: dict[str, tuple[str, ...]] = {"en": ("and",), "es": ("y", "e")}
"""Per language, the words that join two actions of a movement ("lift your head and ..."):
a shorter cue keeps the action before the first of them. A language not here is not cut there."""


@dataclass(frozen=True)
class Form:
    """One wording of a cue; ``carry`` is what it leaves out that could be said earlier."""

    text: str
    carry: str = ""


def first_sentence(text: str) -> str:
    """The first sentence of a text, for a short spoken version of it."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def lower_first(text: str) -> str:
    """``text`` with a lower-case first letter, unless it starts a name or an abbreviation."""
    return text[:1].lower() + text[1:] if text[1:2].islower() or len(text) == 1 else text


def _seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def cue_forms(
    schedule: Schedule,
    index: int,
    *,
    cautions: Sequence[str] = (),
    waiting: bool = False,
    carried: Sequence[str] = (),
) -> tuple[Form, ...]:
    """The wordings of segment ``index``'s cue, longest (the caption) first.

    Args:
        schedule: The session's phases.
        index: The segment whose cue is worded.
        cautions: The exercise's cautions, said with its first "get into position".
        waiting: The session waits in "get into position" until the person is ready.
        carried: Sentences that later cues of the exercise leave out, offered to its
            "get into position" cue.
    """
    segment = schedule.segments[index]
    phase = segment.phase
    if phase is Phase.PREPARE:
        return _prepare_forms(schedule, index, cautions, waiting, carried, whole_only=False)
    if phase is Phase.MOVE:
        exercise = schedule.session.exercises[segment.exercise]
        return _move_forms(exercise.stages[(segment.stage or 1) - 1], whole_only=False)
    return _short_forms(schedule, index)


def whole_cue(schedule: Schedule, index: int) -> str:
    """The whole cue of segment ``index`` (its caption), without working out shorter forms."""
    segment = schedule.segments[index]
    phase = segment.phase
    if phase is Phase.PREPARE:
        return _prepare_forms(schedule, index, (), False, (), whole_only=True)[0].text
    if phase is Phase.MOVE:
        exercise = schedule.session.exercises[segment.exercise]
        return _move_forms(exercise.stages[(segment.stage or 1) - 1], whole_only=True)[0].text
    if phase is Phase.HOLD:
        seconds = segment.duration_ms / 1000
        count = int(seconds) if seconds.is_integer() else 2
        whole = ngettext("Hold for {seconds} second.", "Hold for {seconds} seconds.", count)
        return whole.format(seconds=_seconds(seconds))
    if phase is Phase.RETURN:
        return _("Slowly return.")
    return _relax_cue(schedule, index)


def _short_forms(schedule: Schedule, index: int) -> tuple[Form, ...]:
    """Hold, return and relax: the whole cue, then one word."""
    phase = schedule.segments[index].phase
    if phase is Phase.HOLD:
        word = _("Hold.")
    elif phase is Phase.RETURN:
        word = _("Return.")
    else:
        word = _("Relax.")
    return _unique([whole_cue(schedule, index), word])


def _prepare_forms(
    schedule: Schedule,
    index: int,
    cautions: Sequence[str],
    waiting: bool,
    carried: Sequence[str],
    whole_only: bool,
) -> tuple[Form, ...]:
    segment = schedule.segments[index]
    exercise = schedule.session.exercises[segment.exercise]
    name = exercise.name + "."
    position = first_sentence(exercise.start)
    version = (
        _("Version: {variant}.").format(variant=exercise.variant.name)
        if exercise.variant is not None
        else ""
    )
    side = ""
    if segment.side is not None:
        label = exercise.side_name(segment.side)
        if segment.side is Side.BOTH:
            side = _("Now {side}.").format(side=lower_first(label))
        elif exercise.passes().index(segment.side) == 0:
            side = _("{side} first.").format(side=label)
        else:
            side = _("Now the other side: {side}.").format(side=lower_first(label))
    take_care = " ".join((_("Take care:"), *cautions)) if cautions else ""
    ready = _("Press Ready or the Space bar when you are in position.") if waiting else ""
    breathing = " ".join(carried)
    wordings = [
        (name, position, version, side, breathing, take_care, ready),
        (name, position, version, side, take_care, ready),
        (name, position, side, breathing, take_care, ready),
        (name, position, side, take_care, ready),
        (name, side, take_care, ready),
        (name, take_care, ready),
    ]
    if whole_only:
        wordings = wordings[:1]
    elif take_care:
        # The cautions are said once per session whatever else has to go (issue 10).
        wordings.append((take_care,))
    else:
        wordings += [(name, position, side, ready), (name, side, ready), (name, ready), (name,)]
    return _unique([" ".join(part for part in parts if part) for parts in wordings])


def _move_forms(stage: ResolvedStage, whole_only: bool) -> tuple[Form, ...]:
    instruction = stage.instruction.strip().rstrip(".")
    shorter = [] if whole_only else _shorter_actions(instruction)
    if stage.breathing is None:
        if whole_only:
            return (Form(f"{instruction}."),)
        return _unique([f"{text}." for text in (instruction, *shorter, stage.name)])
    if stage.breathing is Breathing.IN:
        both = _("Breathe in and {instruction}.")
        ahead = _("Breathe in as you {instruction}.")
    else:
        both = _("Breathe out and {instruction}.")
        ahead = _("Breathe out as you {instruction}.")
    if whole_only:
        return (Form(both.format(instruction=lower_first(instruction))),)
    carry = ahead.format(instruction=lower_first(stage.name))
    return _unique(
        [
            *(Form(both.format(instruction=lower_first(text))) for text in (instruction, *shorter)),
            *(Form(f"{text}.", carry) for text in (instruction, *shorter, stage.name)),
        ]
    )


def _shorter_actions(instruction: str) -> list[str]:
    """The instruction's first action: up to its first comma, then up to its first "and".

    The joining words are those of the language in use (``_JOINING_WORDS``).
    """
    first = _CLAUSE_END.split(instruction, maxsplit=1)[0]
    words = _JOINING_WORDS.get(current_language(), ())
    if not words:
        return [first]
    joined = re.compile(r"\s(?:{})\s".format("|".join(re.escape(word) for word in words)))
    return [first, joined.split(first, maxsplit=1)[0]]


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


def _unique(forms: Sequence[str | Form]) -> tuple[Form, ...]:
    """The forms in order, each text once (the first wins), empty ones left out."""
    seen: dict[str, Form] = {}
    for form in forms:
        item = form if isinstance(form, Form) else Form(form)
        if item.text.strip(" .") and item.text not in seen:
            seen[item.text] = item
    return tuple(seen.values())
