"""Which words the voice says in each phase, so that no cue runs into the next one.

Every cue has forms from whole to a single word (:mod:`exercise_timer.core.cue_forms`). Given
how long each form takes to say at the person's voice and rate, the planner picks for each
phase the longest form that ends before the next cue is due: the first countdown number of a
hold, or the next phase. A countdown number that would run into the next number or the next
phase is dropped, never delayed. What a movement's short form leaves out (its breathing) is
offered to the exercise's "get into position" cue, where there is room.

Times here are real seconds: the session's seconds divided by ``--speed``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from exercise_timer.core.countdown import Countdown, count_numbers
from exercise_timer.core.cue_forms import Form, cue_forms
from exercise_timer.core.cues import countdown_cue
from exercise_timer.core.schedule import Phase, Schedule

LengthOf = Callable[[str], tuple[float, bool]]
"""How long a text takes to say, in seconds, and whether that was measured (not estimated)."""


@dataclass(frozen=True)
class Timing:
    """What the planner must leave room for.

    Attributes:
        countdown: Which seconds of a hold are counted down.
        speed: ``--speed``: every phase lasts its seconds divided by this.
        lead: How long after a phase begins its cue is heard (the voice's measured lead).
        gap: The silence kept between the end of one cue and the start of the next.
        waiting: "Get into position" waits until the person is ready, so its cue has all
            the time it needs.
    """

    countdown: Countdown = Countdown.LAST_THREE
    speed: float = 1.0
    lead: float = 0.1
    gap: float = 0.15
    waiting: bool = False


@dataclass(frozen=True)
class SpokenCue:
    """The words said when a phase begins; ``text`` is empty when not even a word fits."""

    text: str
    seconds: float
    measured: bool
    caption: str


@dataclass(frozen=True)
class SpokenCount:
    """A countdown number that is said, ``at`` real seconds after the session began."""

    number: int
    at: float
    seconds: float
    measured: bool


@dataclass(frozen=True)
class CuePlan:
    """The fitted cues of a whole session, by segment index."""

    cues: tuple[SpokenCue, ...]
    counts: tuple[tuple[SpokenCount, ...], ...]

    def says_count(self, index: int, number: int) -> bool:
        """Whether countdown ``number`` of segment ``index`` is said (not dropped)."""
        return 0 <= index < len(self.counts) and any(
            count.number == number for count in self.counts[index]
        )


def fit_cues(schedule: Schedule, length_of: LengthOf, timing: Timing) -> CuePlan:
    """Fits every phase's cue and countdown into the time it has."""
    segments = schedule.segments
    cues: list[SpokenCue | None] = [None] * len(segments)
    counts: list[tuple[SpokenCount, ...]] = [()] * len(segments)
    carried: dict[int, list[str]] = {}
    prepare = -1
    for index, segment in enumerate(segments):
        if segment.phase is Phase.PREPARE:
            prepare = index
            continue
        forms = cue_forms(schedule, index)
        cues[index], counts[index], carry = _fit_one(schedule, index, forms, length_of, timing)
        owner = prepare if prepare >= 0 and segments[prepare].exercise == segment.exercise else -1
        if carry and owner >= 0 and carry not in carried.setdefault(owner, []):
            carried[owner].append(carry)
    cautioned: set[int] = set()
    for index, segment in enumerate(segments):
        if segment.phase is not Phase.PREPARE:
            continue
        exercise = schedule.session.exercises[segment.exercise]
        first = segment.exercise not in cautioned
        cautioned.add(segment.exercise)
        forms = cue_forms(
            schedule,
            index,
            cautions=exercise.exercise.cautions if first else (),
            waiting=timing.waiting,
            carried=carried.get(index, ()),
        )
        cues[index], counts[index], _ = _fit_one(schedule, index, forms, length_of, timing)
    return CuePlan(tuple(cue for cue in cues if cue is not None), tuple(counts))


def _fit_one(
    schedule: Schedule,
    index: int,
    forms: Sequence[Form],
    length_of: LengthOf,
    timing: Timing,
) -> tuple[SpokenCue, tuple[SpokenCount, ...], str]:
    """The cue and the countdown of one phase, and the sentence its chosen form left out."""
    segment = schedule.segments[index]
    start = schedule.offsets_ms[index] / 1000 / timing.speed
    end = schedule.offsets_ms[index + 1] / 1000 / timing.speed
    heard = start + timing.lead
    next_phase = math.inf if _waits(segment.phase, timing) else end + timing.lead
    due = [
        (number, end - number / timing.speed)
        for number in (
            count_numbers(segment.duration_ms, timing.countdown)
            if segment.phase is Phase.HOLD
            else []
        )
    ]
    first_due = due[0][1] if due else next_phase
    lengths = [length_of(form.text) for form in forms]
    chosen = _first_fitting(lengths, heard, first_due, timing.gap)
    if chosen is None:
        chosen = _first_fitting(lengths, heard, next_phase, timing.gap)
    caption = forms[0].text
    if chosen is None:
        cue = SpokenCue("", 0.0, True, caption)
        busy_until = start
        carry = ""
    else:
        seconds, measured = lengths[chosen]
        cue = SpokenCue(forms[chosen].text, seconds, measured, caption)
        busy_until = heard + seconds
        carry = forms[chosen].carry
    kept: list[SpokenCount] = []
    for position, (number, at) in enumerate(due):
        seconds, measured = length_of(countdown_cue(number))
        following = due[position + 1][1] if position + 1 < len(due) else next_phase
        if at >= busy_until + timing.gap and at + seconds + timing.gap <= following:
            kept.append(SpokenCount(number, at, seconds, measured))
            busy_until = at + seconds
    return cue, tuple(kept), carry


def _first_fitting(
    lengths: Sequence[tuple[float, bool]], heard: float, due: float, gap: float
) -> int | None:
    for position, (seconds, _) in enumerate(lengths):
        if heard + seconds + gap <= due:
            return position
    return None


def _waits(phase: Phase, timing: Timing) -> bool:
    return timing.waiting and phase is Phase.PREPARE
