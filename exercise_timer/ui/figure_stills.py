"""Each exercise's picture outside the session: its still, or its position's pictogram.

The values editor and the before-you-start page show a routine's exercises small. A routine
with bundled figures (``storage.figure_files.figures_or_none``) shows each exercise's still
(``figure_view.figure_still``: start and end poses with an arrow); one without, such as a
person's own routine, shows the pictogram of the starting position. An image is drawn the
first time it is painted at a size and then kept, for as long as the routine object lives, so
painting again or opening the editor again draws nothing new.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from exercise_timer import resources
from exercise_timer.core.figures.book import ExerciseFigure, FigureBook
from exercise_timer.core.i18n import _
from exercise_timer.core.model import Exercise, Position, Routine
from exercise_timer.storage.figure_files import figures_or_none
from exercise_timer.ui.figure_view import ARROW_SHARE, figure_still

PANEL_ASPECT = 4 / 3
"""A still's panel is as wide as this times its height (``figure_still``'s own 320x240)."""


class Picture(StrEnum):
    """What an exercise is shown with."""

    STILL = "still"
    PICTOGRAM = "pictogram"
    NONE = "none"


def _position(exercise: Exercise, variant: str | None) -> Position:
    for option in exercise.variants:
        if option.id == variant and option.position is not None:
            return option.position
    return exercise.position


def _fitted_still(figure: ExerciseFigure, box: QSize) -> QImage:
    panels = 1 + len(figure.stages)
    widths = panels + ARROW_SHARE * (panels - 1)
    height = min(box.height(), int(box.width() / (widths * PANEL_ASPECT)))
    panel = QSize(max(int(height * PANEL_ASPECT), 1), max(height, 1))
    return figure_still(figure, None, panel)


def save_still(figure: ExerciseFigure, target: Path, panel: tuple[int, int]) -> bool:
    """Writes the still as a PNG file, each panel ``panel`` pixels wide and high; False if not."""
    return figure_still(figure, None, QSize(*panel)).save(str(target))


def _pictogram(position: Position, box: QSize) -> QImage | None:
    path = resources.asset("positions", f"{position.value}.svg")
    from PySide6.QtSvg import QSvgRenderer  # only a routine without figures needs it

    renderer = QSvgRenderer(str(path)) if path.is_file() else None
    if renderer is None or not renderer.isValid() or renderer.defaultSize().isEmpty():
        return None
    size = renderer.defaultSize()
    scale = min(box.width() / size.width(), box.height() / size.height())
    image = QImage(
        max(int(size.width() * scale), 1),
        max(int(size.height() * scale), 1),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image


@dataclass
class Stills:
    """A routine's pictures, each drawn once per size; ``book`` None: pictograms only."""

    book: FigureBook | None
    _images: dict[tuple[str, str | None, int, int], QImage | None] = field(default_factory=dict)
    _draws: int = 0

    def picture(self, exercise: Exercise, variant: str | None = None) -> Picture:
        """Whether the exercise is shown by its still, its position's pictogram, or nothing."""
        if self.book is not None and self.book.find(exercise.id, variant) is not None:
            return Picture.STILL
        position = _position(exercise, variant)
        if resources.asset("positions", f"{position.value}.svg").is_file():
            return Picture.PICTOGRAM
        return Picture.NONE

    def image(self, exercise: Exercise, variant: str | None, box: QSize) -> QImage | None:
        """The picture fitted into ``box`` (kept in proportion), drawn the first time only."""
        key = (exercise.id, variant, box.width(), box.height())
        if key in self._images:
            return self._images[key]
        self._draws += 1
        figure = self.book.find(exercise.id, variant) if self.book is not None else None
        if figure is not None:
            image: QImage | None = _fitted_still(figure, box)
        else:
            image = _pictogram(_position(exercise, variant), box)
        self._images[key] = image
        return image

    def drawn(self) -> int:
        """How many images have been drawn so far (for tests and benchmarks)."""
        return self._draws


_KEPT: dict[int, tuple[weakref.ref[Routine], Stills]] = {}


def stills_for(routine: Routine) -> Stills:
    """The routine's stills, shared by every page and editor while the routine object lives.

    Routines are unhashable (they hold dicts), so they are kept by identity, and forgotten
    when the routine is.
    """
    key = id(routine)
    kept = _KEPT.get(key)
    if kept is not None and kept[0]() is routine:
        return kept[1]
    stills = Stills(figures_or_none(routine))
    _KEPT[key] = (weakref.ref(routine, partial(_forget, key)), stills)
    return stills


def _forget(key: int, _gone: object) -> None:
    _KEPT.pop(key, None)


class StillView(QWidget):
    """An exercise's picture, fitted to the widget at its left; drawn once per size."""

    def __init__(self, parent: QWidget, size: QSize) -> None:
        super().__init__(parent)
        self.setObjectName("exercise-still")
        self.setFixedSize(size)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._stills: Stills | None = None
        self._exercise: Exercise | None = None
        self._variant: str | None = None

    def show_exercise(self, stills: Stills, exercise: Exercise, variant: str | None) -> None:
        """Shows this exercise's picture (for its version)."""
        self._stills, self._exercise, self._variant = stills, exercise, variant
        picture = stills.picture(exercise, variant)
        self.setVisible(picture is not Picture.NONE)
        if picture is Picture.STILL:
            self.setAccessibleName(
                _("{name}: from the start position to the end position").format(name=exercise.name)
            )
        else:
            self.setAccessibleName(_("{name}: the start position").format(name=exercise.name))
        self.update()

    def shown(self) -> tuple[str, str | None] | None:
        """The exercise id and version shown, if any."""
        if self._exercise is None:
            return None
        return self._exercise.id, self._variant

    def picture(self) -> Picture:
        """What this view shows."""
        if self._stills is None or self._exercise is None:
            return Picture.NONE
        return self._stills.picture(self._exercise, self._variant)

    def paintEvent(self, _event: object) -> None:
        """Draws the picture at the left, centred in height."""
        if self._stills is None or self._exercise is None:
            return
        ratio = self.devicePixelRatioF()
        box = QSize(int(self.width() * ratio), int(self.height() * ratio))
        image = self._stills.image(self._exercise, self._variant, box)
        if image is None:
            return
        width, height = image.width() / ratio, image.height() / ratio
        target = QRectF(0, (self.height() - height) / 2, width, height)
        painter = QPainter(self)
        painter.drawImage(target, image)
        painter.end()
