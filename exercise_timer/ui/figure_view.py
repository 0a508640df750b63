"""Draws exercise figures: a friendly rounded body on a floor line, its props and highlights.

One painter serves the session page (``FigureView``, a widget showing a ``FigureFrame``) and
the stills (``figure_still``: start and end poses side by side with an arrow, into a QImage,
without a display). Limbs are filled rounded shapes (``figure_quick``), so drawing a body needs
no ``Qt`` namespace (see ``qt_by_name``) and the module may be imported by the first screen.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from exercise_timer.core.figures.blend import both_sides, mirror, swap_name
from exercise_timer.core.figures.book import ExerciseFigure
from exercise_timer.core.figures.motion import FigureFrame
from exercise_timer.core.figures.parts import PARTS, SEGMENTS, Prop, prop_shapes
from exercise_timer.core.figures.skeleton import SIDES, Figure, Point, Pose, View, place
from exercise_timer.core.model import Side
from exercise_timer.ui.figure_paint import Box, Mapping, Painter, draw_trunk_marks
from exercise_timer.ui.figure_props import draw_props
from exercise_timer.ui.figure_quick import QuickPainter, brush

BODY = "#3d6a99"
FAR = "#9db4cc"
LIT = "#e07a1f"
LIT_SOFT = "#efb07a"
ARROW = "#5c6675"

WIDTHS: dict[str, float] = {
    "upper_arm": 8.5,
    "forearm": 7.5,
    "thigh": 13.0,
    "shank": 10.5,
    "foot": 5.5,
    "girdle": 10.0,
    "neck": 8.0,
}
"""Each limb's thickness in cm."""
TRUNK_WIDTH = 23.0
PELVIS_RADIUS = 12.5
HEAD_RADIUS = 11.0
NOSE_RADIUS = 3.2
MARGIN_CM = 8.0
FLOOR_BELOW_CM = 4.0


_PLACED: list[tuple[Pose, Figure]] = []
PLACED_KEPT = 6
"""Poses whose points are kept: a frame's pose and its exercise's start, used twice a frame."""


def placed(pose: Pose) -> Figure:
    """``skeleton.place(pose)``, kept for the last few pose objects (a pose never changes)."""
    for kept, figure in _PLACED:
        if kept is pose:
            return figure
    figure = place(pose)
    _PLACED.insert(0, (pose, figure))
    del _PLACED[PLACED_KEPT:]
    return figure


@dataclass(frozen=True)
class Scene:
    """What one panel shows: a pose, the start pose its props stand by, lit parts, props."""

    pose: Pose
    start: Pose
    highlight: tuple[str, ...] = ()
    holding: bool = False
    props: tuple[Prop, ...] = ()

    @classmethod
    def of(cls, frame: FigureFrame) -> Scene:
        """The scene of a session frame."""
        return cls(frame.pose, frame.start, frame.highlight, frame.holding, frame.props)


def scene_box(scenes: Iterable[Scene]) -> Box:
    """The box around every scene's body and props, with the floor and a margin."""
    left, bottom, right, top = math.inf, 0.0, -math.inf, -math.inf
    for scene in scenes:
        figure, start = placed(scene.pose), placed(scene.start)
        boxes = [figure.bounds(), start.bounds()]
        for shape in prop_shapes(scene.props, start, figure):
            if shape.box is not None:
                boxes.append(shape.box)
            if shape.line:
                xs = [x for x, _ in shape.line]
                ys = [y for _, y in shape.line]
                boxes.append((min(xs), min(ys), max(xs), max(ys)))
        for b in boxes:
            left, bottom = min(left, b[0]), min(bottom, b[1])
            right, top = max(right, b[2]), max(top, b[3])
    return (
        left - MARGIN_CM,
        bottom - FLOOR_BELOW_CM,
        right + MARGIN_CM,
        top + MARGIN_CM,
    )


def _trunk_path(figure: Figure) -> list[tuple[Point, Point]]:
    """The trunk as short pieces of a smooth curve from the pelvis through the chest to the neck."""
    pelvis, chest, neck = figure.points["pelvis"], figure.points["chest"], figure.points["neck"]
    control = (
        2 * chest[0] - (pelvis[0] + neck[0]) / 2,
        2 * chest[1] - (pelvis[1] + neck[1]) / 2,
    )

    def at(t: float) -> Point:
        u = 1 - t
        return (
            u * u * pelvis[0] + 2 * u * t * control[0] + t * t * neck[0],
            u * u * pelvis[1] + 2 * u * t * control[1] + t * t * neck[1],
        )

    pieces = 8
    return [(at(i / pieces), at((i + 1) / pieces)) for i in range(pieces)]


def _segment_colours(scene: Scene) -> dict[str, str]:
    lit = LIT if scene.holding else LIT_SOFT
    return {segment: lit for part in scene.highlight for segment in PARTS.get(part, ())}


def _draw_legs(p: Painter, figure: Figure, side: str, colours: dict[str, str], base: str) -> None:
    pts = figure.points
    for name in ("thigh", "shank", "foot"):
        segment = f"{side}_{name}"
        a, b = SEGMENTS[segment]
        p.limb(pts[a], pts[b], WIDTHS[name], colours.get(segment, base))


def _draw_arms(p: Painter, figure: Figure, side: str, colours: dict[str, str], base: str) -> None:
    pts = figure.points
    for name in ("upper_arm", "forearm"):
        segment = f"{side}_{name}"
        a, b = SEGMENTS[segment]
        p.limb(pts[a], pts[b], WIDTHS[name], colours.get(segment, base))
    p.blob(pts[f"{side}_hand"], WIDTHS["forearm"] / 2 + 0.8, colours.get(f"{side}_forearm", base))


def _draw_trunk(p: Painter, figure: Figure, colours: dict[str, str]) -> None:
    pts = figure.points
    pieces = _trunk_path(figure)
    half = len(pieces) // 2
    for index, (a, b) in enumerate(pieces):
        segment = "lower_trunk" if index < half else "upper_trunk"
        p.limb(a, b, TRUNK_WIDTH, colours.get(segment, BODY))
    if figure.view is View.FRONT:
        for side in SIDES:
            p.limb(pts["pelvis"], pts[f"{side}_hip"], WIDTHS["thigh"], colours.get("pelvis", BODY))
            p.limb(pts["neck"], pts[f"{side}_shoulder"], WIDTHS["girdle"], BODY)
    p.blob(pts["pelvis"], PELVIS_RADIUS, colours.get("pelvis", BODY))
    p.limb(pts["neck"], pts["head"], WIDTHS["neck"], colours.get("neck", BODY))
    p.blob(pts["head"], HEAD_RADIUS, colours.get("head", BODY))
    if figure.near is not None:
        p.blob(_nose(figure), NOSE_RADIUS, colours.get("head", BODY))


def _nose(figure: Figure) -> Point:
    """A small bump on the front of the head: which way a figure seen from the side faces.

    Without it, leaning back and bending forward look alike.
    """
    (nx, ny), (hx, hy) = figure.points["neck"], figure.points["head"]
    length = math.hypot(hx - nx, hy - ny) or 1.0
    facing = 1.0 if figure.near == "right" else -1.0
    front = (facing * (hy - ny) / length, -facing * (hx - nx) / length)
    down = ((nx - hx) / length, (ny - hy) / length)
    reach = HEAD_RADIUS - 1.0
    return (hx + reach * front[0] + 2.5 * down[0], hy + reach * front[1] + 2.5 * down[1])


def draw_scene(painter: QPainter, target: QRectF, scene: Scene, box: Box) -> None:
    """Draws one scene into ``target``, the cm box ``box`` fitted to it in proportion."""
    p = QuickPainter(painter, Mapping(box, target))
    figure, start = placed(scene.pose), placed(scene.start)
    colours = _segment_colours(scene)
    shapes = prop_shapes(scene.props, start, figure)
    draw_props(p, shapes, behind=True)
    p.floor()
    for layer in figure.layers():
        if layer == "trunk":
            _draw_trunk(p, figure, colours)
            draw_trunk_marks(p, figure, colours, BODY)
            continue
        side, _, limb = layer.partition("_")
        base = FAR if figure.near not in (None, side) else BODY
        (_draw_legs if limb == "leg" else _draw_arms)(p, figure, side, colours, base)
    draw_props(p, shapes, behind=False)


def _arrow(painter: QPainter, target: QRectF, *, down: bool = False) -> None:
    cx, cy = target.center().x(), target.center().y()
    size = min(target.width(), target.height()) * 0.35
    shaft = size * 0.18
    # Along the arrow (from its tail to its point), and across it.
    outline = [
        (-size, -shaft),
        (size * 0.1, -shaft),
        (size * 0.1, -size * 0.5),
        (size, 0.0),
        (size * 0.1, size * 0.5),
        (size * 0.1, shaft),
        (-size, shaft),
    ]
    points = [
        QPointF(cx + across, cy + along) if down else QPointF(cx + along, cy + across)
        for along, across in outline
    ]
    path = QPainterPath()
    path.addPolygon(QPolygonF(points))
    path.closeSubpath()
    painter.fillPath(path, brush(ARROW))


def sided(pose: Pose, side: Side | None) -> Pose:
    """The pose for the side worked (left: mirrored; both: the left limbs copy the right)."""
    if side is Side.LEFT:
        return mirror(pose)
    if side is Side.BOTH:
        return both_sides(pose)
    return pose


def still_scenes(figure: ExerciseFigure, side: Side | None = None) -> list[Scene]:
    """The panels of a still: the start pose, then each stage's end pose with its highlight."""
    start = sided(figure.start, side)
    names = (lambda n: swap_name(n)) if side is Side.LEFT else (lambda n: n)
    props = tuple(prop.mirrored() if side is Side.LEFT else prop for prop in figure.props)
    scenes = [Scene(start, start, (), False, props)]
    for stage in figure.stages:
        highlight = tuple(names(part) for part in stage.highlight)
        scenes.append(Scene(sided(stage.end, side), start, highlight, True, props))
    return scenes


ARROW_SHARE = 0.3
BODY_MARGIN_CM = 6.0
"""Beyond the body's thickest part: a held towel or band's thickness, and the floor under it."""
"""An arrow's width beside a panel's."""


def figure_still(
    figure: ExerciseFigure, side: Side | None = None, panel: QSize | None = None
) -> QImage:
    """The start and end poses side by side with an arrow between, on white, as an image.

    Needs no display: it paints into a QImage (run with ``QT_QPA_PLATFORM=offscreen`` where
    there is none).
    """
    size = panel or QSize(320, 240)
    scenes = still_scenes(figure, side)
    arrow_width = int(size.width() * ARROW_SHARE)
    width = size.width() * len(scenes) + arrow_width * (len(scenes) - 1)
    image = QImage(width, size.height(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = scene_box(scenes)
    x = 0
    for index, scene in enumerate(scenes):
        if index:
            _arrow(painter, QRectF(x, 0, arrow_width, size.height()))
            x += arrow_width
        draw_scene(painter, QRectF(x, 0, size.width(), size.height()), scene, box)
        x += size.width()
    painter.end()
    return image


def draw_still(painter: QPainter, target: QRectF, scenes: list[Scene], box: Box) -> None:
    """Draws the panels of a still in ``target``, an arrow between each two.

    Side by side, or one above the other where that draws them bigger (a figure lying down,
    in a tall space).
    """
    count = len(scenes)
    if not count:
        return
    shares = count + ARROW_SHARE * (count - 1)
    width, height = max(box[2] - box[0], 1.0), max(box[3] - box[1], 1.0)
    across = min(target.width() / shares / width, target.height() / height)
    down = min(target.width() / width, target.height() / shares / height) > across
    panel = (target.height() if down else target.width()) / shares
    arrow = panel * ARROW_SHARE
    at = target.y() if down else target.x()

    def piece(start: float, length: float) -> QRectF:
        if down:
            return QRectF(target.x(), start, target.width(), length)
        return QRectF(start, target.y(), length, target.height())

    for index, scene in enumerate(scenes):
        if index:
            _arrow(painter, piece(at, arrow), down=down)
            at += arrow
        draw_scene(painter, piece(at, panel), scene, box)
        at += panel


class FigureView(QWidget):
    """The figure of the session page: the frame it is given, or a still (reduce motion).

    The page gives it ``core.figures.motion.frame_at(...)`` on every frame and the box
    of the exercise (``scene_box`` of its still's scenes) so the figure keeps its scale.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure-view")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(160, 96))
        self._scenes: list[Scene] = []
        self._box: Box | None = None
        self._still = False
        self._rect: tuple[Scene, tuple[Box, int, int], QRect] | None = None

    @property
    def scenes(self) -> list[Scene]:
        """What is drawn now: one scene (a frame), or the panels of a still."""
        return list(self._scenes)

    @property
    def still(self) -> bool:
        """A still is shown (start and end poses side by side), not a frame."""
        return self._still

    def show_frame(self, frame: FigureFrame | None, box: Box | None = None) -> None:
        """Shows a frame (None: nothing), kept in ``box`` (None: fitted to the frame)."""
        scenes = [Scene.of(frame)] if frame is not None else []
        if box is None and scenes:
            box = scene_box(scenes)
        self._show(scenes, box, still=False)

    def show_still(self, scenes: list[Scene], box: Box | None = None) -> None:
        """Shows the panels of a still side by side with arrows, all in one scale."""
        if box is None and scenes:
            box = scene_box(scenes)
        self._show(list(scenes), box, still=True)

    def _show(self, scenes: list[Scene], box: Box | None, *, still: bool) -> None:
        old = self._scenes
        if (scenes, box, still) == (old, self._box, self._still):
            return
        same_ground = (
            not still
            and not self._still
            and box == self._box
            and len(scenes) == len(old) == 1
            and (scenes[0].start, scenes[0].props) == (old[0].start, old[0].props)
        )
        self._scenes, self._box, self._still = scenes, box, still
        if same_ground and box is not None:
            # Only the body moved: the floor and the standing props are as they were.
            self.update(self._body_rect(old[0], box).united(self._body_rect(scenes[0], box)))
        else:
            self.update()

    def _body_rect(self, scene: Scene, box: Box) -> QRect:
        """The pixels the body of ``scene`` (and what it holds) covers in this widget."""
        size = (box, self.width(), self.height())
        if self._rect is not None and self._rect[0] is scene and self._rect[1] == size:
            return self._rect[2]
        points = placed(scene.pose).points.values()
        reach = BODY_MARGIN_CM + max(PELVIS_RADIUS, HEAD_RADIUS, TRUNK_WIDTH / 2)
        mapping = Mapping(box, QRectF(0, 0, self.width(), self.height()))
        corner = mapping.point(
            (min(x for x, _ in points) - reach, max(y for _, y in points) + reach)
        )
        far = mapping.point((max(x for x, _ in points) + reach, min(y for _, y in points) - reach))
        rect = QRectF(corner, far).toAlignedRect().adjusted(-2, -2, 2, 2)
        self._rect = (scene, size, rect)
        return rect

    def paintEvent(self, _event: object) -> None:
        """Draws the current frame or still."""
        if not self._scenes or self._box is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        target = QRectF(0, 0, self.width(), self.height())
        if self._still:
            draw_still(painter, target, self._scenes, self._box)
        else:
            draw_scene(painter, target, self._scenes[0], self._box)
        painter.end()
