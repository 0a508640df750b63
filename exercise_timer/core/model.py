"""The routine model: what a routine file says, as frozen dataclasses and enums.

These are the facts of the documents (positions, steps, holds, repetitions, sides, stages),
before any personal values are applied; see ``resolve`` for the values a session uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

FORMAT_VERSION = 1


class Kind(StrEnum):
    """What an exercise is for."""

    STRETCH = "stretch"
    STRENGTHEN = "strengthen"
    RANGE_OF_MOTION = "range-of-motion"


class Position(StrEnum):
    """The fixed vocabulary of starting positions; each has a pictogram in assets/positions/."""

    LYING_ON_BACK = "lying-on-back"
    LYING_FACE_DOWN = "lying-face-down"
    LYING_ON_SIDE = "lying-on-side"
    HANDS_AND_KNEES = "hands-and-knees"
    KNEELING = "kneeling"
    SEATED_ON_FLOOR = "seated-on-floor"
    SEATED_IN_CHAIR = "seated-in-chair"
    STANDING = "standing"
    STANDING_AT_WALL = "standing-at-wall"


class Sides(StrEnum):
    """How an exercise is repeated over the body's sides."""

    NONE = "none"
    EACH = "each"
    RIGHT_LEFT_BOTH = "right-left-both"
    ALTERNATING = "alternating"


class Side(StrEnum):
    """The side a pass of an exercise works."""

    RIGHT = "right"
    LEFT = "left"
    BOTH = "both"

    def other(self) -> Side:
        """The opposite side (both stays both)."""
        if self is Side.RIGHT:
            return Side.LEFT
        if self is Side.LEFT:
            return Side.RIGHT
        return Side.BOTH


class Breathing(StrEnum):
    """Which way to breathe during a stage's movement."""

    IN = "in"
    OUT = "out"


class DoseKind(StrEnum):
    """The ways a document states a hold or a number of repetitions."""

    FIXED = "fixed"
    RANGE = "range"
    GROWING = "growing"
    PRESCRIBED = "prescribed"


@dataclass(frozen=True)
class Dose:
    """A hold in seconds or a count of repetitions, as the document states it.

    ``values`` holds one number (fixed), the low and high ends (range), one number per
    repetition (growing), or nothing (prescribed: a blank the clinic fills in).
    """

    kind: DoseKind
    values: tuple[float, ...] = ()

    @classmethod
    def fixed(cls, value: float) -> Dose:
        """A single number."""
        return cls(DoseKind.FIXED, (value,))

    @classmethod
    def range(cls, low: float, high: float) -> Dose:
        """A range such as 3-5 seconds or 5-10 times."""
        return cls(DoseKind.RANGE, (low, high))

    @classmethod
    def growing(cls, values: tuple[float, ...]) -> Dose:
        """One value per repetition, such as holds of 1 to 5 seconds."""
        return cls(DoseKind.GROWING, values)

    @classmethod
    def prescribed(cls) -> Dose:
        """A blank left for the clinic to fill in."""
        return cls(DoseKind.PRESCRIBED)

    @property
    def is_prescribed(self) -> bool:
        """True when the document leaves this value to the clinic."""
        return self.kind is DoseKind.PRESCRIBED

    @property
    def low(self) -> float | None:
        """The smallest value the document allows, or None when prescribed."""
        return min(self.values) if self.values else None

    @property
    def high(self) -> float | None:
        """The largest value the document allows, or None when prescribed."""
        return max(self.values) if self.values else None

    def as_toml(self) -> float | str | list[float]:
        """The value as it is written in a routine file."""
        if self.kind is DoseKind.FIXED:
            return plain_number(self.values[0])
        if self.kind is DoseKind.RANGE:
            return f"{plain_number(self.values[0])}-{plain_number(self.values[1])}"
        if self.kind is DoseKind.GROWING:
            return [plain_number(v) for v in self.values]
        return "prescribed"


def plain_number(value: float) -> float:
    """Writes 5.0 as 5 so files and messages read naturally."""
    return int(value) if float(value).is_integer() else value


SOURCED_VALUES = ("hold_seconds", "repetitions", "sides", "relax_seconds")
"""The keys an exercise's ``not_in_source`` may list: values the document does not give."""


@dataclass(frozen=True)
class Stage:
    """One movement and hold inside a repetition (Cat and Camel has two)."""

    name: str
    instruction: str
    hold: Dose
    breathing: Breathing | None = None
    step: int | None = None
    move_seconds: float | None = None
    hold_step: int | None = None
    """The step highlighted during the hold, when it is not ``step`` (a "Hold." step)."""


@dataclass(frozen=True)
class Variant:
    """A version of an exercise a person chooses (standing or seated, floor or chair).

    Fields left as None or empty keep the exercise's own.
    """

    id: str
    name: str
    position: Position | None = None
    start: str | None = None
    steps: tuple[str, ...] = ()
    stages: tuple[Stage, ...] = ()
    repetitions: Dose | None = None
    sides: Sides | None = None
    advice: str | None = None


@dataclass(frozen=True)
class Exercise:
    """One exercise of a routine with everything the window and the voice need."""

    id: str
    name: str
    purpose: str
    kind: Kind
    position: Position
    start: str
    steps: tuple[str, ...]
    stages: tuple[Stage, ...]
    repetitions: Dose
    sides: Sides = Sides.NONE
    first_side: Side = Side.RIGHT
    side_label: str = "side"
    side_names: dict[Side, str] = field(default_factory=dict)
    tips: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()
    prepare_seconds: float | None = None
    move_seconds: float | None = None
    return_seconds: float | None = None
    relax_seconds: float | None = None
    return_step: int | None = None
    variants: tuple[Variant, ...] = ()
    default_variant: str | None = None
    balance_variant: str | None = None
    note: str | None = None
    not_in_source: frozenset[str] = frozenset()
    """Keys of ``SOURCED_VALUES`` whose value this routine sets because the document gives none."""
    both_steps: tuple[str, ...] = ()
    """The steps of the pass with both sides together (right-left-both); empty: ``steps``."""


@dataclass(frozen=True)
class Defaults:
    """The routine's timing cycle, used wherever an exercise does not say otherwise.

    Holds and repetitions here are also the conservative values used for a "prescribed"
    blank that nobody has filled in.
    """

    prepare_seconds: float = 10.0
    move_seconds: float = 3.0
    hold_seconds: float = 5.0
    return_seconds: float = 3.0
    relax_seconds: float = 2.0
    repetitions: int = 5
    not_in_source: frozenset[str] = frozenset()
    """``"relax_seconds"`` when the document gives no relax: the relax here is the routine's own.

    A blank left to the clinic always counts as a default, so holds and repetitions need no mark.
    """


@dataclass(frozen=True)
class Source:
    """Where a routine's facts come from."""

    title: str
    publisher: str = ""
    note: str = ""


@dataclass(frozen=True)
class BuildUp:
    """The document asks to build up gradually: from these values to the routine's own.

    A routine with it builds up by default; the person can turn it off (personal values).
    ``every`` is None when the document does not say how fast (the program's pace is used).
    """

    start_hold_seconds: float
    start_repetitions: int
    every: int | None = None


@dataclass(frozen=True)
class Advice:
    """The document's advice on how often and how long to exercise, and whether to build up."""

    sessions_per_week: str = ""
    minutes_per_session: str = ""
    notes: tuple[str, ...] = ()
    build_up: BuildUp | None = None
    at_end: str = ""
    """Said and shown when a session is completed: what the document asks to do after it."""


@dataclass(frozen=True)
class Routine:
    """A whole routine file, validated."""

    id: str
    title: str
    language: str
    description: str
    source: Source
    advice: Advice
    defaults: Defaults
    exercises: tuple[Exercise, ...]
    safety: tuple[str, ...] = ()
    only_if_prescribed: bool = False
    """The exercises are only for people whose clinic prescribed them: asked before the first."""
    format_version: int = FORMAT_VERSION
    path: Path | None = None
    bundled: bool = False

    def exercise(self, exercise_id: str) -> Exercise | None:
        """The exercise with this id, or None."""
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        return None
