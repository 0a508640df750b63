"""An exercise's figure as data: its start pose, each stage's end pose, highlights and props.

Stage 1 moves from the start pose to its end pose, stage 2 from there to its own end (Cat and
Camel: arch up, then sag), and "return" goes from the last stage's end back to the start.
All of it is written for the right side (or for an exercise without sides); the left side is
its mirror image.
"""

from __future__ import annotations

from dataclasses import dataclass

from exercise_timer.core.figures.parts import Prop
from exercise_timer.core.figures.skeleton import Pose


@dataclass(frozen=True)
class StageFigure:
    """One stage's movement: where it ends, the way through if not straight, what is worked.

    Attributes:
        end: The pose held.
        middle: A pose the movement passes halfway (None: a straight blend).
        highlight: Body parts shown as worked or stretched during the hold (``parts.PARTS``).
    """

    end: Pose
    middle: Pose | None = None
    highlight: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExerciseFigure:
    """The poses of one exercise, or of one variant of it.

    Attributes:
        exercise: The exercise id.
        variant: The variant id (None: the exercise's own version).
        start: The starting position.
        stages: One entry per stage of the exercise, in order.
        props: What the exercise uses besides the body.
        return_middle: The way back, if not straight; None reverses the only stage's middle.
    """

    exercise: str
    variant: str | None
    start: Pose
    stages: tuple[StageFigure, ...]
    props: tuple[Prop, ...] = ()
    return_middle: Pose | None = None

    def stage_start(self, stage: int) -> Pose:
        """The pose stage ``stage`` (1-based) starts from."""
        return self.start if stage <= 1 else self.stages[stage - 2].end

    def stage(self, stage: int) -> StageFigure:
        """Stage ``stage`` (1-based); a stage beyond the last uses the last."""
        return self.stages[min(max(stage, 1), len(self.stages)) - 1]

    def way_back(self) -> Pose | None:
        """The middle pose of the return movement, if it is not a straight blend."""
        if self.return_middle is not None:
            return self.return_middle
        if len(self.stages) == 1:
            return self.stages[0].middle
        return None


@dataclass(frozen=True)
class FigureBook:
    """Every exercise figure of one routine, as read from its figures file."""

    routine: str
    figures: tuple[ExerciseFigure, ...]

    def find(self, exercise: str, variant: str | None = None) -> ExerciseFigure | None:
        """The figure of an exercise's variant, else of the exercise itself, else None."""
        fallback = None
        for figure in self.figures:
            if figure.exercise != exercise:
                continue
            if figure.variant == variant:
                return figure
            if figure.variant is None:
                fallback = figure
        return fallback

    def has(self, exercise: str, variant: str | None = None) -> bool:
        """Whether this exact exercise and variant has its own figure."""
        return any(f.exercise == exercise and f.variant == variant for f in self.figures)
