"""The history page, from the start screen: have I kept it up, what stopped me, how did I build up.

Tabs for the sessions (a list), the weeks (a calendar against the routine's advice), the stops
(by reason, with where they happened and the note), the pain ratings and the build-up of each
exercise; the charts are :mod:`exercise_timer.ui.charts`, the rows
:mod:`exercise_timer.report.history_page`. It only reads the journal. Esc or Back closes it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from exercise_timer.app.services import RoutineChoice
from exercise_timer.core.i18n import _, ngettext, pgettext
from exercise_timer.report.history import skipped_text
from exercise_timer.report.history_page import (
    BuildUpPoint,
    HistoryPageRows,
    HistorySource,
    WeekMark,
    build_up_rows,
    changes_only,
    history_page_rows,
    no_history,
    read_page_history,
    stop_counts_text,
)
from exercise_timer.ui.charts import ChartView, draw_build_up, draw_pain, draw_weeks
from exercise_timer.ui.history_calendar import WeekCalendar, mark_look
from exercise_timer.ui.history_tables import TableModel, sessions_table, stops_table

ALL_ROUTINES = ""
"""The routine filter's item for every routine."""
BUILD_UP_TAB = 4
WIDE = 1400
"""From this width the weeks tab shows the bar chart beside the calendar."""


def _label(parent: QWidget, name: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    return label


def _table(parent: QWidget, model: TableModel) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _scroll(parent: QWidget, inside: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setWidget(inside)
    return area


class HistoryPage(QWidget):
    """The journal as a person looks back on it; ``closed`` asks the window to go back."""

    closed = Signal()

    def __init__(self, parent: QWidget, choices: Sequence[RoutineChoice]) -> None:
        super().__init__(parent)
        self.setObjectName("history-page")
        self._choices = list(choices)
        self._titles = {c.routine.id: c.routine.title for c in choices}
        self._advice = {c.routine.id: c.routine.advice.sessions_per_week for c in choices}
        self._names = {c.routine.id: {e.id: e.name for e in c.routine.exercises} for c in choices}
        self._history = no_history()
        self._problem = ""
        self._today: date | None = None
        self.rows: HistoryPageRows | None = None
        self.build_up_rows: dict[str, list[BuildUpPoint]] | None = None
        self._unit = 1.0
        self._window_unit = 1.0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(self._build_top())
        self.notice = _label(self, "notice")
        self.notice.hide()
        layout.addWidget(self.notice)
        self.body = QStackedWidget(self)
        self.empty = _label(self.body, "end-body")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(self.empty)
        self.tabs = QTabWidget(self.body)
        self.body.addWidget(self.tabs)
        layout.addWidget(self.body, 1)
        self._build_tabs()
        escape = QShortcut(QKeySequence("Esc"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.closed)
        self.retranslate()

    # -- building --------------------------------------------------------------------------

    def _build_top(self) -> QHBoxLayout:
        top = QHBoxLayout()
        self.back_button = QPushButton(self)
        self.back_button.clicked.connect(self.closed)
        self.title = _label(self, "page-title", wrap=False)
        self.routine = QComboBox(self)
        self.routine.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.routine.currentIndexChanged.connect(self._refresh)
        self.summary = _label(self, "muted")
        top.addWidget(self.back_button)
        top.addSpacing(8)
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.routine)
        top.addWidget(self.summary, 1)
        return top

    def _build_tabs(self) -> None:
        self.sessions_model = TableModel(self)
        self.sessions = _table(self.tabs, self.sessions_model)
        self.tabs.addTab(self.sessions, "")

        weeks = QWidget(self.tabs)
        column = QVBoxLayout(weeks)
        self.legend = _label(weeks)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.calendar = WeekCalendar(weeks)
        self.week_line = _label(weeks)
        self.calendar.selected.connect(self.week_line.setText)
        self.weeks_chart = ChartView(weeks)
        row = QHBoxLayout()
        row.addWidget(_scroll(weeks, self.calendar), 1)
        row.addWidget(self.weeks_chart, 1)
        column.addWidget(self.legend)
        column.addLayout(row, 1)
        column.addWidget(self.week_line)
        self.tabs.addTab(weeks, "")

        stops = QWidget(self.tabs)
        column = QVBoxLayout(stops)
        self.stop_summary = _label(stops)
        self.stops_model = TableModel(self)
        self.stops = _table(stops, self.stops_model)
        column.addWidget(self.stop_summary)
        column.addWidget(self.stops, 1)
        self.tabs.addTab(stops, "")

        self.pain_chart = ChartView(self.tabs)
        self.tabs.addTab(self.pain_chart, "")

        self.build_up = QWidget(self.tabs)
        self.build_up_grid = QGridLayout(self.build_up)
        self.build_up_charts: list[ChartView] = []
        self.tabs.addTab(_scroll(self.tabs, self.build_up), "")
        self.tabs.currentChanged.connect(self._tab_shown)

    def retranslate(self) -> None:
        """Sets every text in the language in use now."""
        self.back_button.setText(_("◀ Back"))
        self.back_button.setAccessibleName(_("Back to the start screen (Esc)"))
        self.title.setText(_("History"))
        self.routine.setAccessibleName(_("Routine shown"))
        self.tabs.setAccessibleName(_("Views of the history"))
        for index, words in enumerate(
            (_("Sessions"), _("Weeks"), _("Stops"), _("Pain"), _("Build-up"))
        ):
            self.tabs.setTabText(index, words)
        self.sessions.setAccessibleName(_("Sessions, newest first"))
        self.calendar.setAccessibleName(_("Weeks: sessions completed against the advice"))
        self.weeks_chart.setAccessibleName(_("Sessions per week, as bars"))
        self.stops.setAccessibleName(_("Stops, newest first"))
        self.pain_chart.setAccessibleName(_("Pain ratings over time"))
        if self._choices:
            self._fill_routines()
            self._refresh()

    # -- showing ---------------------------------------------------------------------------

    def show_history(
        self, journal: HistorySource, routine_id: str, today: date | None = None
    ) -> None:
        """Reads the journal and shows ``routine_id``'s sessions (the filter can change it).

        Args:
            journal: Read, never written.
            routine_id: The routine chosen on the start screen.
            today: The calendar runs to this day's week (None: today).
        """
        self._today = today or datetime.now().astimezone().date()
        self._history, self._problem = read_page_history(journal)
        self._fill_routines(routine_id)
        self._refresh()
        self.back_button.setFocus()

    def _fill_routines(self, wanted: str | None = None) -> None:
        current = self.routine.currentData() if wanted is None else wanted
        seen = dict.fromkeys(record.routine for record in self._history.records)
        ids = list(dict.fromkeys([*self._titles, *seen]))
        if current not in ids and current != ALL_ROUTINES and current is not None:
            ids.append(current)
        self.routine.blockSignals(True)
        self.routine.clear()
        for routine_id in ids:
            self.routine.addItem(self._titles.get(routine_id, routine_id), routine_id)
        self.routine.addItem(_("All routines"), ALL_ROUTINES)
        self.routine.setCurrentIndex(max(0, self.routine.findData(current)))
        self.routine.blockSignals(False)

    def _refresh(self, _index: int = 0) -> None:
        routine_id = self.routine.currentData()
        chosen = None if routine_id in (ALL_ROUTINES, None) else str(routine_id)
        rows = history_page_rows(
            self._history,
            chosen,
            advice=self._advice.get(chosen or "", ""),
            today=self._today,
            build_up=False,
        )
        self.rows = rows
        self.build_up_rows = None
        problem = self._problem
        problems = [problem] if problem else []
        if rows.skipped:
            problems.append(skipped_text(rows.skipped))
        self.notice.setText("\n".join(problems))
        self.notice.setVisible(bool(problems))
        if not rows.sessions:
            self.empty.setText(
                _("The journal could not be read, so there is nothing to show.")
                if problem
                else _(
                    "No sessions recorded yet. After your first session, this page shows your "
                    "sessions, the weeks you kept it up, any stops, and how your holds grew."
                )
            )
            self.summary.setText("")
            self.body.setCurrentWidget(self.empty)
            return
        self.body.setCurrentWidget(self.tabs)
        self.summary.setText(self._summary_text(rows))
        self.sessions_model.show_table(sessions_table(rows.sessions, self._names, self._titles))
        self.sessions.setColumnHidden(1, chosen is not None)
        self._show_weeks(rows)
        self.stops_model.show_table(stops_table(rows.stops, self._names))
        self.stop_summary.setText(stop_counts_text(rows.stops))
        self._show_charts()
        self._size_columns()

    def _summary_text(self, rows: HistoryPageRows) -> str:
        completed = sum(1 for row in rows.sessions if row.outcome == "completed")
        return ngettext(
            "{count} session recorded, {completed} completed.",
            "{count} sessions recorded, {completed} completed.",
            len(rows.sessions),
        ).format(count=len(rows.sessions), completed=completed)

    def _show_weeks(self, rows: HistoryPageRows) -> None:
        band = rows.band
        if band is None:
            self.legend.setText(_("Each box is a week, with the sessions completed in it."))
        else:
            swatches = "&nbsp;&nbsp;".join(
                f'<span style="background:{look.fill}; border: 1px solid {look.border};">'
                f"&nbsp;{look.word}&nbsp;</span>"
                for look in (
                    mark_look(mark, 1) for mark in WeekMark if mark is not WeekMark.NO_ADVICE
                )
            )
            advice = _("The routine advises {band} sessions a week.").format(band=band.text())
            self.legend.setText(f"{advice}&nbsp;&nbsp;{swatches}")
        self.calendar.show_weeks(rows.weeks, band, self._today)

    def _show_charts(self) -> None:
        rows = self.rows
        if rows is None:
            return
        size = 12 * self._unit
        self.weeks_chart.set_chart(
            functools.partial(draw_weeks, weeks=rows.weeks, advice=rows.band, text_size=size)
        )
        self.pain_chart.set_chart(functools.partial(draw_pain, points=rows.pain, text_size=size))
        if self.build_up_rows is not None or self.tabs.currentIndex() == BUILD_UP_TAB:
            self._show_build_up(size)

    def _tab_shown(self, index: int) -> None:
        if index == BUILD_UP_TAB and self.build_up_rows is None:
            self._show_build_up(12 * self._unit)

    def _show_build_up(self, size: float) -> None:
        """Works out the build-up when first looked at: the page opens without it."""
        routine_id = self.routine.currentData()
        if self.build_up_rows is None:
            self.build_up_rows = build_up_rows(
                [r for r in self._history.records if not routine_id or r.routine == routine_id]
            )
        build_up = self.build_up_rows
        names = self._names.get(routine_id, {}) if routine_id else {}
        while len(self.build_up_charts) < len(build_up):
            chart = ChartView(self.build_up)
            chart.setMinimumHeight(int(190 * self._unit))
            self.build_up_charts.append(chart)
        columns = 3 if self.width() >= WIDE else 2
        for place, chart in enumerate(self.build_up_charts):
            self.build_up_grid.removeWidget(chart)
            chart.setVisible(place < len(build_up))
        for place, (exercise_id, points) in enumerate(build_up.items()):
            chart = self.build_up_charts[place]
            name = names.get(exercise_id, exercise_id)
            chart.setMinimumHeight(int(190 * self._unit))
            chart.setAccessibleName(
                _("Build-up of {exercise}: hold and repetitions").format(exercise=name)
            )
            chart.set_chart(
                functools.partial(
                    draw_build_up, name=name, points=changes_only(points), text_size=size
                )
            )
            self.build_up_grid.addWidget(chart, *divmod(place, columns))

    # -- size ------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Scales the tables' and charts' type with the window, and uses a wide one's room."""
        super().resizeEvent(event)
        unit = max(1.0, min(self.width() / 1024, self.height() / 600))
        self.weeks_chart.setVisible(self.width() >= WIDE)
        if abs(unit - self._window_unit) >= 0.02 or not self.build_up_grid.count():
            self._window_unit = unit
            # Tables and charts grow more slowly than the labels: a big window shows more rows.
            self._unit = 1 + (unit - 1) * 0.6
            pixels = int(16 * self._unit)
            for view in (self.sessions, self.stops):
                # A style sheet, since the window's own one would otherwise decide the type.
                view.setStyleSheet(f"font-size: {pixels}px;")
                view.verticalHeader().setDefaultSectionSize(pixels * 2)
            self.tabs.tabBar().setStyleSheet(f"font-size: {int(18 * unit)}px;")
            self._show_charts()
        self._size_columns()

    def _size_columns(self) -> None:
        """Fixed columns as wide as their longest words; the place and the note share the rest."""
        metrics_font = self.sessions.font()
        metrics_font.setPixelSize(int(16 * self._unit))
        metrics = QFontMetrics(metrics_font)
        pad = int(24 * self._unit)

        def fit(*words: str) -> int:
            return max(metrics.horizontalAdvance(word) for word in words) + pad

        date_width = fit("2026-12-31 18:00")
        reason_width = fit(_("tingling or numbness"), _("Stop reason"))
        fixed = {
            0: date_width,
            2: fit(
                pgettext("session outcome", "completed"),
                _("interrupted"),
                _("in progress"),
                _("Outcome"),
            ),
            3: fit(_("Exercises done"), "13 of 13"),
            4: reason_width,
            6: fit(_("Pain (0-10)")),
        }
        # From the page's width: a table on a tab not yet shown has not been laid out.
        width = self.width() - 64
        if not self.sessions.isColumnHidden(1):
            fixed[1] = max(pad, int(width * 0.14))
        rest = max(pad, width - sum(fixed.values()))
        fixed[5] = max(pad, int(rest * 0.6))
        for column, size in fixed.items():
            self.sessions.setColumnWidth(column, size)
        stops_rest = max(pad, width - date_width - reason_width)
        for column, size in enumerate((date_width, reason_width, int(stops_rest * 0.5))):
            self.stops.setColumnWidth(column, size)
