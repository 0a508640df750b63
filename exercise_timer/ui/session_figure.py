"""The session page's picture of the exercise: its own figure, moving or still, or a pictogram.

A routine with figures shows the exercise's figure: moving in step with the session (the
time is the state's, the countdown's clock), or, with "reduce motion", its still (start and
end poses side by side, the held parts lit while holding). A routine without figures (a
person's own) keeps the position pictogram. A kiosk waiting for a visitor loops the first
exercise's movement (``app.attract``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtWidgets import QStackedLayout, QWidget

from exercise_timer.app.state import SessionState, Status
from exercise_timer.core.figures.book import ExerciseFigure, FigureBook
from exercise_timer.core.figures.motion import FigureMoment, frame_at
from exercise_timer.core.i18n import _
from exercise_timer.core.model import Routine, Side
from exercise_timer.core.resolve import ResolvedExercise
from exercise_timer.core.schedule import Phase
from exercise_timer.ui.figure_paint import Box
from exercise_timer.ui.figure_stills import stills_for
from exercise_timer.ui.figure_view import FigureView, Scene, scene_box, still_scenes
from exercise_timer.ui.widgets import PositionPicture


@dataclass(frozen=True)
class _Drawn:
    """One exercise's figure for one side, with what stays the same while it moves."""

    figure: ExerciseFigure
    box: Box
    """Around every pose of the exercise, so the figure keeps its scale while it moves."""
    stills: tuple[Scene, ...]


class SessionFigure(QWidget):
    """The figure (or pictogram) of the exercise a ``SessionState`` shows."""

    def __init__(
        self,
        parent: QWidget,
        clock: Callable[[], float],
        *,
        attract: bool = False,
        reduce_motion: bool = False,
    ) -> None:
        """``clock`` gives real seconds; only a kiosk's attract loop reads it."""
        super().__init__(parent)
        self.setObjectName("session-figure")
        self._clock = clock
        self._attract = attract
        self._reduce_motion = reduce_motion
        self.view = FigureView(self)
        self.picture = PositionPicture(self)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.picture)
        self._routine: Routine | None = None
        self._book: FigureBook | None = None
        self._drawn: dict[tuple[str, str | None, Side | None], _Drawn] = {}
        self._attract_since: float | None = None
        self._shown: tuple[object, ...] | None = None
        self.moving = False

    @property
    def reduce_motion(self) -> bool:
        """Stills are shown instead of moving figures."""
        return self._reduce_motion

    def set_reduce_motion(self, on: bool) -> None:
        """Turns "reduce motion" on or off (the next ``draw`` shows it)."""
        self._reduce_motion = on

    @property
    def shows_figure(self) -> bool:
        """The exercise's own figure is shown (not the position pictogram)."""
        return self._stack.currentWidget() is self.view

    def draw(self, state: SessionState, *, frame: bool = False) -> bool:
        """Shows ``state``'s exercise; True while the figure moves (it wants frames).

        While it moves, the frames draw it (``frame``): a state between two frames (the
        display refresh) changes it only when it shows another phase or status.
        """
        shown = (state.segment, state.status, state.exercise, self._reduce_motion)
        if self.moving and not frame and shown == self._shown:
            return True
        self._shown = shown
        exercise = state.exercise
        book = self._book_of(state.routine)
        attract = self._attract and state.status is Status.READY and not self._reduce_motion
        if not attract:
            self._attract_since = None
        side = None if attract else state.side
        drawn = self._drawn_of(book, exercise, side) if exercise is not None else None
        if exercise is None or drawn is None:
            self._stack.setCurrentWidget(self.picture)
            position = exercise.position if exercise is not None else None
            if self.picture.position is not position or not self.picture.has_picture():
                self.picture.show_position(position)
            self.moving = False
            return False
        self._stack.setCurrentWidget(self.view)
        name = _("Figure of {name}").format(name=exercise.name)
        if self.view.accessibleName() != name:  # not 33 times a second: a screen reader hears it
            self.view.setAccessibleName(name)
        if self._reduce_motion:
            self.view.show_still(_lit(drawn.stills, state), drawn.box)
            self.moving = False
        elif attract:
            from exercise_timer.app.attract import AttractLoop  # a kiosk's start screen only

            now = self._clock()
            if self._attract_since is None:
                self._attract_since = now
            moment = AttractLoop(exercise).moment(now - self._attract_since)
            looped = frame_at(drawn.figure, moment)
            self.view.show_frame(looped, drawn.box)
            self.moving = looped.moving
        else:
            at = FigureMoment.of(state)
            now_frame = None if at is None else frame_at(drawn.figure, at, drawn.stills[0].start)
            self.view.show_frame(now_frame, drawn.box)
            self.moving = now_frame is not None and now_frame.moving
        return self.moving

    def _book_of(self, routine: Routine) -> FigureBook | None:
        if routine is not self._routine:
            self._routine = routine
            self._book = stills_for(routine).book  # read once, shared with the stills
            self._drawn = {}
        return self._book

    def _drawn_of(
        self, book: FigureBook | None, exercise: ResolvedExercise, side: Side | None
    ) -> _Drawn | None:
        if book is None:
            return None
        variant = exercise.variant.id if exercise.variant is not None else None
        key = (exercise.id, variant, side)
        drawn = self._drawn.get(key)
        if drawn is None:
            figure = book.find(exercise.id, variant)
            if figure is None:
                return None
            stills = tuple(still_scenes(figure, side))
            drawn = _Drawn(figure, scene_box(stills), stills)
            self._drawn[key] = drawn
        return drawn


def _lit(stills: tuple[Scene, ...], state: SessionState) -> list[Scene]:
    """The still's panels with the stage held now lit at full strength, the others softly."""
    held = state.stage if state.phase is Phase.HOLD else None
    return [
        replace(scene, holding=index == held) if index else scene
        for index, scene in enumerate(stills)
    ]
