"""The kiosk's attract loop: while it waits for a visitor, the first exercise's figure moves.

Slowly and over and over: each stage's movement and a short hold, the way back, a rest. The
loop is a ``FigureMoment`` for each second since the kiosk became ready, so it is drawn by
the same ``frame_at`` as a session and needs no clock of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from exercise_timer.core.figures.motion import FigureMoment
from exercise_timer.core.resolve import ResolvedExercise
from exercise_timer.core.schedule import Phase

MOVE_SECONDS = 4.0
"""Each movement of the loop: slower than most sessions' moves, so the eye follows it."""
HOLD_SECONDS = 1.5
REST_SECONDS = 2.0


@dataclass(frozen=True)
class AttractLoop:
    """The endless movement of one exercise's figure."""

    exercise: ResolvedExercise

    @property
    def pieces(self) -> tuple[tuple[Phase, int | None, float], ...]:
        """One round: (phase, stage, seconds) for each stage's move and hold, then back, rest."""
        stages: list[tuple[Phase, int | None, float]] = []
        for stage in range(1, len(self.exercise.stages) + 1):
            stages += [(Phase.MOVE, stage, MOVE_SECONDS), (Phase.HOLD, stage, HOLD_SECONDS)]
        return (*stages, (Phase.RETURN, None, MOVE_SECONDS), (Phase.RELAX, None, REST_SECONDS))

    @property
    def round_seconds(self) -> float:
        """How long one round lasts."""
        return sum(seconds for _, _, seconds in self.pieces)

    def moment(self, seconds: float) -> FigureMoment:
        """Where the loop is ``seconds`` after it began."""
        exercise = self.exercise
        variant = exercise.variant.id if exercise.variant is not None else None
        into = max(0.0, seconds) % self.round_seconds
        for phase, stage, length in self.pieces:
            if into < length:
                return FigureMoment(exercise.id, variant, stage, phase, into, length)
            into -= length
        phase, stage, length = self.pieces[-1]
        return FigureMoment(exercise.id, variant, stage, phase, length, length)
