"""The calendar of weeks on the history page: each week's completed sessions against the advice.

One row per month, newest first (a week belongs to the month of its Thursday, as ISO weeks
do, so each week shows once); each week a box with its count and, in words as well as colour,
whether it met the advice. The arrow keys move between weeks and ``selected`` says which.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from exercise_timer.core.i18n import N_, _
from exercise_timer.report.history_page import Band, WeekMark, WeekRow, week_text
from exercise_timer.ui.theme import INK, MUTED

MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
SHORT_MONTHS = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)


@dataclass(frozen=True)
class MarkLook:
    """How a week's mark is drawn: fill, border and a word (colour is never the only sign)."""

    fill: str
    border: str
    word: str


def mark_look(mark: WeekMark, sessions: int = 0) -> MarkLook:
    """The look of a mark, its word translated now."""
    if mark is WeekMark.MET:
        return MarkLook("#cfe8cf", "#2e7d32", _("as advised"))
    if mark is WeekMark.ABOVE:
        return MarkLook("#c4e1ee", "#1d6f8f", _("more"))
    if mark is WeekMark.BELOW:
        return MarkLook("#ffe2a8", "#b26a00", _("fewer"))
    if mark is WeekMark.NONE or sessions == 0:
        return MarkLook("#ffffff", "#9aa3b2", _("none"))
    return MarkLook("#dfe6f0", "#6b7a90", "")


def month_rows(weeks: list[WeekRow]) -> list[tuple[date, list[int]]]:
    """The months, newest first: each month's first day and the indexes of its weeks."""
    rows: dict[date, list[int]] = {}
    for index, week in enumerate(weeks):
        thursday = week.monday + timedelta(days=3)
        rows.setdefault(thursday.replace(day=1), []).append(index)
    return sorted(rows.items(), reverse=True)


class WeekCalendar(QWidget):
    """The weeks as boxes in rows of months; ``selected`` is emitted with a week's sentence."""

    selected = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("week-calendar")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(False)
        self._weeks: list[WeekRow] = []
        self._band: Band | None = None
        self._today: date | None = None
        self._rows: list[tuple[date, list[int]]] = []
        self._boxes: list[tuple[QRectF, int]] = []
        self.current = -1

    # -- data ------------------------------------------------------------------------------

    def show_weeks(self, weeks: list[WeekRow], band: Band | None, today: date | None) -> None:
        """Shows ``weeks`` against ``band``; the last week (today's) is selected."""
        self._weeks = weeks
        self._band = band
        self._today = today
        self._rows = month_rows(weeks)
        self._boxes = []
        self.updateGeometry()
        self.select(len(weeks) - 1)

    def week_text(self, index: int) -> str:
        """The sentence of week ``index``, with its sessions not completed if any."""
        week = self._weeks[index]
        text = week_text(week, self._band)
        others = week.sessions - week.completed
        if others > 0:
            return _("{week} Also started but not completed: {count}.").format(
                week=text, count=others
            )
        return text

    def select(self, index: int) -> None:
        """Makes week ``index`` the selected one, and says which."""
        if not self._weeks:
            self.current = -1
            self.setAccessibleDescription("")
            self.selected.emit("")
            self.update()
            return
        self.current = max(0, min(len(self._weeks) - 1, index))
        text = self.week_text(self.current)
        self.setAccessibleDescription(text)
        self.selected.emit(text)
        self.update()

    # -- geometry --------------------------------------------------------------------------

    def _layout(self, width: int | None = None) -> tuple[int, float, float, float]:
        """Month columns, the label width, a week box's width and a row's height."""
        width = max(1, self.width() if width is None else width)
        columns = max(1, min(3, width // 860)) if len(self._rows) > 1 else 1
        column_width = width / columns
        label = max(96.0, min(200.0, column_width * 0.2))
        box = min(200.0, (column_width - label - 8 - 4 * 6 - 8) / 5)
        return columns, label, box, max(46.0, min(84.0, box * 0.5))

    def hasHeightForWidth(self) -> bool:
        """The height follows the width: more month columns on a wide window."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height that shows every month at ``width``."""
        columns, _label, _box, height = self._layout(width)
        rows = -(-len(self._rows) // columns)
        return int(rows * (height + 8) + 8)

    def sizeHint(self) -> QSize:
        """Wide enough for five weeks, tall enough for every month."""
        return QSize(800, self.heightForWidth(800))

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, _event: object) -> None:
        """Draws every month row and its week boxes."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        columns, label_width, box, height = self._layout()
        per_column = -(-len(self._rows) // columns) if self._rows else 1
        column_width = self.width() / columns
        small = QFont(self.font())
        small.setPixelSize(max(11, int(height * 0.24)))
        big = QFont(self.font())
        big.setPixelSize(max(14, int(height * 0.42)))
        big.setBold(True)
        month_font = QFont(self.font())
        month_font.setPixelSize(max(12, int(height * 0.28)))
        self._boxes = []
        for number, (first, indexes) in enumerate(self._rows):
            column, row = divmod(number, per_column)
            left = column * column_width + 4
            top = row * (height + 8) + 8
            painter.setFont(month_font)
            painter.setPen(QColor(INK))
            painter.drawText(
                QRectF(left, top, label_width - 8, height),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                | int(Qt.TextFlag.TextWordWrap),
                _("{month} {year}").format(month=_(MONTHS[first.month - 1]), year=first.year),
            )
            for place, index in enumerate(indexes):
                rect = QRectF(left + label_width + place * (box + 6), top, box, height)
                self._boxes.append((rect, index))
                self._draw_week(painter, rect, index, small, big)
        painter.end()

    def _draw_week(
        self, painter: QPainter, rect: QRectF, index: int, small: QFont, big: QFont
    ) -> None:
        week = self._weeks[index]
        look = mark_look(week.mark(self._band), week.sessions)
        pen = QPen(QColor(look.border))
        pen.setWidthF(2.0)
        if week.mark(self._band) is WeekMark.NONE:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor(look.fill))
        painter.drawRoundedRect(rect, 8, 8)
        if index == self.current:
            focus = QPen(QColor(INK))
            focus.setWidthF(3.5 if self.hasFocus() else 2.5)
            painter.setPen(focus)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 10, 10)
        inner = rect.adjusted(8, 3, -6, -3)
        monday = week.monday
        this_week = self._today is not None and monday <= self._today < monday + timedelta(7)
        day = _("{month} {day}").format(month=_(SHORT_MONTHS[monday.month - 1]), day=monday.day)
        painter.setFont(small)
        painter.setPen(QColor(INK if this_week else MUTED))
        top_line = _("This week") if this_week else day
        if this_week:
            bold = QFont(small)
            bold.setBold(True)
            painter.setFont(bold)
        painter.drawText(
            inner, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), top_line
        )
        painter.setFont(big)
        painter.setPen(QColor(INK))
        count_box = QRectF(
            inner.left(),
            inner.top() + inner.height() * 0.36,
            inner.width() * 0.3,
            inner.height() * 0.64,
        )
        painter.drawText(
            count_box,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            str(week.completed),
        )
        painter.setFont(small)
        word_box = QRectF(
            count_box.right(), count_box.top(), inner.width() * 0.7, count_box.height()
        )
        painter.drawText(
            word_box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), look.word
        )

    # -- keys, mouse, tooltips -------------------------------------------------------------

    def _index_at(self, point: QPointF) -> int:
        for rect, index in self._boxes:
            if rect.contains(point):
                return index
        return -1

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The arrow keys move a week (Left, Right) or four weeks (Up, Down: newer is up)."""
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: 4,
            Qt.Key.Key_Down: -4,
            Qt.Key.Key_Home: -len(self._weeks),
            Qt.Key.Key_End: len(self._weeks),
        }
        step = steps.get(Qt.Key(event.key()))
        if step is None or not self._weeks:
            super().keyPressEvent(event)
            return
        self.select(self.current + step)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click selects the week under it."""
        index = self._index_at(event.position())
        if index >= 0:
            self.select(index)
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        """A week's sentence as its tooltip."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._index_at(QPointF(event.pos()))
            if index >= 0:
                QToolTip.showText(event.globalPos(), self.week_text(index), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Shows the focus on the selected week."""
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Hides the focus."""
        self.update()
        super().focusOutEvent(event)
