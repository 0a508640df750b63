"""The routine's exercises as small pictures with their numbers and names, in rows of four.

The before-you-start page shows them under the safety text and the advice, so a person sees
what the session holds before the first one. Each picture is the exercise's still, or its
position's pictogram for a routine without figures (``figure_stills``).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from exercise_timer.core.i18n import _
from exercise_timer.core.model import Exercise, Routine
from exercise_timer.ui.figure_stills import Stills, StillView
from exercise_timer.ui.qt_by_name import set_by_name

COLUMNS = 4
TILE_PICTURE = QSize(208, 72)
"""Four tiles fit the page's width at 1024 pixels."""


def _variant(exercise: Exercise) -> str | None:
    if not exercise.variants:
        return None
    return exercise.default_variant or exercise.variants[0].id


class ExerciseTiles(QWidget):
    """Every exercise of a routine: its picture above its number and name."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("exercise-tiles")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 4, 0, 0)
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(10)
        self.pictures: list[StillView] = []
        self.captions: list[QLabel] = []
        self._tiles: list[QWidget] = []
        self._exercises: tuple[Exercise, ...] = ()

    def show_routine(self, routine: Routine, stills: Stills) -> None:
        """Replaces the tiles with those of ``routine``."""
        for old in self._tiles:
            self._grid.removeWidget(old)
            old.deleteLater()
        self._tiles, self.pictures, self.captions = [], [], []
        for exercise in routine.exercises:
            tile = QWidget(self)
            column = QVBoxLayout(tile)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            picture = StillView(tile, TILE_PICTURE)
            picture.show_exercise(stills, exercise, _variant(exercise))
            caption = QLabel(tile)
            caption.setWordWrap(True)
            caption.setMaximumWidth(TILE_PICTURE.width())
            set_by_name(caption, "textFormat", "PlainText")
            caption.setToolTip(exercise.start)
            column.addWidget(picture)
            column.addWidget(caption)
            column.addStretch(1)
            self.pictures.append(picture)
            self.captions.append(caption)
            self._tiles.append(tile)
        for index, tile in enumerate(self._tiles):
            self._grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
        self._grid.setColumnStretch(COLUMNS, 1)
        self._exercises = tuple(routine.exercises)
        self.retranslate()

    def retranslate(self) -> None:
        """Sets the captions in the current language."""
        for number, (caption, exercise) in enumerate(
            zip(self.captions, self._exercises, strict=True), start=1
        ):
            caption.setText(_("{number}. {name}").format(number=number, name=exercise.name))
