"""The report's charts, drawn with QPainter onto anything: a widget, a PDF page, an SVG, a PNG.

QtCharts is not in the PySide6-Essentials wheel, and the same chart must look the same on
screen and on paper, so each chart is one function ``draw_*(painter, box, rows)`` over the
Qt-free rows of :mod:`exercise_timer.report.clinic`. Sizes are in the painter's units:
``text_size`` is the height of the labels' font in them (a page in points wants about 8, a
widget in pixels about 12). Series differ by line style and fill as well as by colour, so a
page printed in grey still reads.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Protocol

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

from exercise_timer.core.i18n import _, pgettext


class Week(Protocol):
    """One week's sessions (``report.clinic`` and ``report.history_page`` rows both are)."""

    @property
    def monday(self) -> date:
        """The week's first day."""

    @property
    def sessions(self) -> int:
        """Sessions started that week."""

    @property
    def completed(self) -> int:
        """Of them, the ones completed."""


class Band(Protocol):
    """The advice's sessions a week, ``low`` to ``high``."""

    @property
    def low(self) -> int:
        """The fewest advised."""

    @property
    def high(self) -> int:
        """The most advised."""


class Rating(Protocol):
    """A pain rating after a session."""

    @property
    def when(self) -> datetime:
        """When the session started."""

    @property
    def rating(self) -> int:
        """0 (none) to 10 (the worst)."""


class Values(Protocol):
    """The values one session used for one exercise."""

    @property
    def when(self) -> datetime:
        """When the session started."""

    @property
    def hold_seconds(self) -> float:
        """Its longest hold."""

    @property
    def repetitions(self) -> int:
        """Its repetitions."""


Draw = Callable[[QPainter, QRectF], None]
"""A chart ready to draw into a box (the rows and sizes already bound)."""

INK = QColor("#1f2933")
GRID = QColor("#d5dbe1")
COMPLETED = QColor("#2a6f97")
OTHER = QColor("#e09f3e")
BAND = QColor(76, 175, 80, 60)
BAND_EDGE = QColor("#3b8c3f")
HOLD = QColor("#2a6f97")
REPETITIONS = QColor("#b5482b")


def _font(text_size: float, *, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPixelSize(max(1, round(text_size)))
    font.setBold(bold)
    return font


class _Axes:
    """The plot area of a box, after room for a title, a legend and the axis labels."""

    def __init__(
        self, painter: QPainter, box: QRectF, text_size: float, top: float, high: float
    ) -> None:
        self.painter = painter
        self.text_size = text_size
        metrics = QFontMetricsF(_font(text_size))
        self.line = metrics.height()
        left = metrics.horizontalAdvance(f"{high:g}") + text_size
        self.plot = QRectF(
            box.left() + left,
            box.top() + top + self.line * 0.6,
            max(1.0, box.width() - left - text_size * 0.5),
            max(1.0, box.height() - top - self.line * 2.2),
        )
        self.high = high

    def y(self, value: float) -> float:
        return self.plot.bottom() - self.plot.height() * value / self.high

    def grid(self, step: float) -> None:
        """Horizontal lines with their values at the left."""
        painter = self.painter
        painter.setFont(_font(self.text_size))
        value = 0.0
        while value <= self.high + 1e-9:
            y = self.y(value)
            painter.setPen(QPen(GRID, self.text_size * 0.08))
            painter.drawLine(QPointF(self.plot.left(), y), QPointF(self.plot.right(), y))
            painter.setPen(INK)
            label = QRectF(
                self.plot.left() - self.text_size * 6,
                y - self.line / 2,
                self.text_size * 5.6,
                self.line,
            )
            painter.drawText(
                label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{value:g}"
            )
            value += step

    def x_labels(self, labels: Sequence[tuple[float, str]]) -> None:
        """Labels under the plot at their x, left out where they would overlap."""
        painter = self.painter
        painter.setFont(_font(self.text_size))
        painter.setPen(INK)
        metrics = QFontMetricsF(painter.font())
        right_of_last = -math.inf
        for x, text in labels:
            width = metrics.horizontalAdvance(text)
            left = min(max(x - width / 2, self.plot.left() - self.text_size), self.plot.right())
            left = min(left, self.plot.right() + self.text_size * 0.5 - width)
            if left < right_of_last + self.text_size:
                continue
            painter.drawText(
                QRectF(left, self.plot.bottom() + self.line * 0.3, width, self.line),
                Qt.AlignmentFlag.AlignLeft,
                text,
            )
            right_of_last = left + width


def _title(painter: QPainter, box: QRectF, text_size: float, title: str) -> float:
    """Draws the chart's title at the top of ``box``; returns the height it took."""
    painter.setFont(_font(text_size * 1.15, bold=True))
    painter.setPen(INK)
    height = QFontMetricsF(painter.font()).height()
    painter.drawText(
        QRectF(box.left(), box.top(), box.width(), height), Qt.AlignmentFlag.AlignLeft, title
    )
    return height * 1.2


def _legend(
    painter: QPainter,
    box: QRectF,
    top: float,
    text_size: float,
    items: Sequence[tuple[str, Callable[[QRectF], None]]],
) -> float:
    """Draws swatches and their words in one row at ``top``; returns the height it took."""
    painter.setFont(_font(text_size))
    metrics = QFontMetricsF(painter.font())
    x = box.left()
    height = metrics.height()
    for words, swatch in items:
        swatch(QRectF(x, top + height * 0.2, text_size * 1.6, height * 0.6))
        x += text_size * 2.1
        painter.setPen(INK)
        width = metrics.horizontalAdvance(words)
        painter.drawText(QRectF(x, top, width + 1, height), Qt.AlignmentFlag.AlignLeft, words)
        x += width + text_size * 1.5
    return height * 1.3


def _empty(painter: QPainter, box: QRectF, text_size: float, top: float, words: str) -> None:
    painter.setFont(_font(text_size))
    painter.setPen(INK)
    painter.drawText(
        QRectF(box.left(), box.top() + top, box.width(), box.height() - top),
        Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
        words,
    )


def _step(high: float) -> float:
    """A grid step that gives at most about five lines."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100):
        if high / step <= 5:
            return step
    return 200


def draw_weeks(
    painter: QPainter,
    box: QRectF,
    weeks: Sequence[Week],
    advice: Band | None,
    *,
    text_size: float = 12,
) -> None:
    """Bars of the sessions of each week (completed ones solid) against the advice's band."""
    painter.save()
    top = _title(painter, box, text_size, _("Sessions per week"))
    if not weeks:
        _empty(painter, box, text_size, top, _("No sessions in this period."))
        painter.restore()
        return

    def completed_swatch(rect: QRectF) -> None:
        painter.fillRect(rect, COMPLETED)

    def other_swatch(rect: QRectF) -> None:
        painter.fillRect(rect, QBrush(OTHER, Qt.BrushStyle.BDiagPattern))
        painter.setPen(QPen(OTHER, text_size * 0.1))
        painter.drawRect(rect)

    def band_swatch(rect: QRectF) -> None:
        painter.fillRect(rect, BAND)
        painter.setPen(QPen(BAND_EDGE, text_size * 0.12, Qt.PenStyle.DashLine))
        painter.drawLine(rect.topLeft(), rect.topRight())

    legend = [
        (pgettext("session outcome", "completed"), completed_swatch),
        (_("stopped or interrupted"), other_swatch),
    ]
    if advice is not None:
        legend.append(
            (_("advice: {low}-{high} a week").format(low=advice.low, high=advice.high), band_swatch)
            if advice.low != advice.high
            else (_("advice: {count} a week").format(count=advice.low), band_swatch)
        )
    top += _legend(painter, box, box.top() + top, text_size, legend)
    most = max(week.sessions for week in weeks)
    high = float(max(most, advice.high if advice else 0, 1) + 1)
    axes = _Axes(painter, box, text_size, top, high)
    axes.grid(_step(high))
    plot = axes.plot
    if advice is not None:
        band = QRectF(
            plot.left(), axes.y(advice.high), plot.width(), axes.y(advice.low) - axes.y(advice.high)
        )
        painter.fillRect(band, BAND)
        painter.setPen(QPen(BAND_EDGE, text_size * 0.12, Qt.PenStyle.DashLine))
        painter.drawLine(band.topLeft(), band.topRight())
        painter.drawLine(band.bottomLeft(), band.bottomRight())
    slot = plot.width() / len(weeks)
    width = max(slot * 0.7, min(slot, 1.0))
    for index, week in enumerate(weeks):
        left = plot.left() + index * slot + (slot - width) / 2
        done = QRectF(left, axes.y(week.completed), width, axes.y(0) - axes.y(week.completed))
        painter.fillRect(done, COMPLETED)
        if week.sessions > week.completed:
            rest = QRectF(left, axes.y(week.sessions), width, done.top() - axes.y(week.sessions))
            painter.fillRect(rest, QColor(255, 255, 255))
            painter.fillRect(rest, QBrush(OTHER, Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(OTHER, min(width * 0.15, text_size * 0.1)))
            painter.drawRect(rest)
    painter.setPen(QPen(INK, text_size * 0.08))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    axes.x_labels(
        [
            (plot.left() + (index + 0.5) * slot, week.monday.isoformat())
            for index, week in enumerate(weeks)
        ]
    )
    painter.restore()


def _time_x(plot: QRectF, whens: Sequence[datetime]) -> Callable[[datetime], float]:
    first, last = min(whens).timestamp(), max(whens).timestamp()
    inner = plot.adjusted(plot.width() * 0.02, 0, -plot.width() * 0.02, 0)
    if last <= first:
        return lambda _when: inner.center().x()
    return lambda when: inner.left() + inner.width() * (when.timestamp() - first) / (last - first)


def _date_labels(
    whens: Sequence[datetime], x: Callable[[datetime], float]
) -> list[tuple[float, str]]:
    """The first and last dates and about four between them."""
    ordered = sorted(whens)
    picks = {0, len(ordered) - 1} | {len(ordered) * k // 5 for k in range(1, 5)}
    return [(x(ordered[i]), ordered[i].date().isoformat()) for i in sorted(picks)]


def _line(
    painter: QPainter,
    points: Sequence[QPointF],
    color: QColor,
    text_size: float,
    *,
    dashed: bool = False,
    stepped: bool = False,
    markers: bool = True,
) -> None:
    pen = QPen(color, text_size * (0.14 if dashed else 0.26))
    pen.setStyle(Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    for before, after in itertools.pairwise(points):
        if stepped:
            corner = QPointF(after.x(), before.y())
            painter.drawLine(before, corner)
            painter.drawLine(corner, after)
        else:
            painter.drawLine(before, after)
    if markers and len(points) <= 60:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        radius = text_size * (0.22 if dashed else 0.3)
        for point in points:
            painter.drawEllipse(point, radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)


def draw_pain(
    painter: QPainter, box: QRectF, points: Sequence[Rating], *, text_size: float = 12
) -> None:
    """The pain rated after each session, 0 (none) to 10 (the worst), over time."""
    painter.save()
    top = _title(painter, box, text_size, _("Pain after each session (0 none, 10 the worst)"))
    if not points:
        _empty(painter, box, text_size, top, _("No pain ratings in this period."))
        painter.restore()
        return
    axes = _Axes(painter, box, text_size, top, 10.0)
    axes.grid(2)
    x = _time_x(axes.plot, [point.when for point in points])
    _line(
        painter,
        [QPointF(x(point.when), axes.y(point.rating)) for point in points],
        REPETITIONS,
        text_size,
    )
    axes.x_labels(_date_labels([point.when for point in points], x))
    painter.restore()


def draw_build_up(
    painter: QPainter, box: QRectF, name: str, points: Sequence[Values], *, text_size: float = 12
) -> None:
    """One exercise's longest hold (seconds, solid) and repetitions (dashed), session by session."""
    painter.save()
    top = _title(painter, box, text_size, name)
    if not points:
        _empty(painter, box, text_size, top, _("No sessions in this period."))
        painter.restore()
        return

    def hold_swatch(rect: QRectF) -> None:
        _line(
            painter,
            [QPointF(rect.left(), rect.center().y()), QPointF(rect.right(), rect.center().y())],
            HOLD,
            text_size,
            markers=False,
        )

    def repetitions_swatch(rect: QRectF) -> None:
        _line(
            painter,
            [QPointF(rect.left(), rect.center().y()), QPointF(rect.right(), rect.center().y())],
            REPETITIONS,
            text_size,
            dashed=True,
            markers=False,
        )

    top += _legend(
        painter,
        box,
        box.top() + top,
        text_size,
        [(_("hold (seconds)"), hold_swatch), (_("repetitions"), repetitions_swatch)],
    )
    most = max(max(point.hold_seconds, point.repetitions) for point in points)
    step = _step(most + 1)
    high = float(step * math.ceil((most + 1) / step))
    axes = _Axes(painter, box, text_size, top, high)
    axes.grid(step)
    whens = [point.when for point in points]
    x = _time_x(axes.plot, whens)
    _line(
        painter,
        [QPointF(x(p.when), axes.y(p.hold_seconds)) for p in points],
        HOLD,
        text_size,
        stepped=True,
    )
    _line(
        painter,
        [QPointF(x(p.when), axes.y(p.repetitions)) for p in points],
        REPETITIONS,
        text_size,
        dashed=True,
        stepped=True,
    )
    axes.x_labels(_date_labels(whens, x))
    painter.restore()


def _hinted(painter: QPainter) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)


def chart_image(draw: Draw, size: QSize, *, scale: float = 2.0) -> QImage:
    """The chart on a white image of ``size`` units, ``scale`` pixels each (sharp on paper)."""
    image = QImage(
        round(size.width() * scale), round(size.height() * scale), QImage.Format.Format_RGB32
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        _hinted(painter)
        painter.scale(scale, scale)
        draw(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    return image


def chart_png(draw: Draw, size: QSize, *, scale: float = 2.0) -> bytes:
    """The chart as PNG bytes (see :func:`chart_image`)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    chart_image(draw, size, scale=scale).save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes, PySide6 takes str
    buffer.close()
    return bytes(data.data())


def chart_svg(draw: Draw, size: QSize, *, title: str = "") -> str:
    """The chart as an SVG document whose words stay text (searchable in a page)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    painter = QPainter(generator)
    try:
        _hinted(painter)
        draw(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data()).decode("utf-8")


class ChartView(QWidget):
    """A widget that shows one chart, redrawn at its size (``set_chart`` to change it)."""

    def __init__(self, parent: QWidget | None = None, draw: Draw | None = None) -> None:
        super().__init__(parent)
        self._draw = draw
        self.setMinimumSize(240, 160)

    def set_chart(self, draw: Draw | None) -> None:
        """Shows another chart (None: nothing)."""
        self._draw = draw
        self.update()

    def paintEvent(self, event: object) -> None:
        """Draws the chart on the widget's background, inside a small margin."""
        if self._draw is None:
            return
        painter = QPainter(self)
        try:
            _hinted(painter)
            margin = 6.0
            self._draw(
                painter,
                QRectF(margin, margin, self.width() - 2 * margin, self.height() - 2 * margin),
            )
        finally:
            painter.end()
