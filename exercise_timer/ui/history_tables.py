"""The tables of the history page: sessions and stops, as cells of text worked out once.

A model rather than a widget per cell, so a journal of a thousand sessions opens at once: the
view asks only for the rows it shows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from exercise_timer.core.i18n import _
from exercise_timer.report.history import HistoryRow, outcome_text
from exercise_timer.report.history_page import StopRow, place_text
from exercise_timer.report.table import safe_text
from exercise_timer.storage.journal import reason_text

STOPPED_INK = "#8a2a00"
DATE_FORMAT = "%Y-%m-%d %H:%M"


@dataclass(frozen=True)
class Table:
    """Headers, and the rows as cells of text; ``marked`` rows are drawn in the stop colour."""

    headers: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    marked: frozenset[int] = frozenset()


Names = Mapping[str, Mapping[str, str]]
"""Exercise names by routine id, then exercise id."""


def sessions_table(rows: Sequence[HistoryRow], names: Names, titles: Mapping[str, str]) -> Table:
    """One line per session: date, routine, outcome, exercises done, why and where it stopped.

    Args:
        rows: The sessions, in the order shown.
        names: Exercise names, to say where a session stopped.
        titles: Routine titles by id.
    """
    headers = (
        _("Date"),
        _("Routine"),
        _("Outcome"),
        _("Exercises done"),
        _("Stop reason"),
        _("Where it stopped"),
        _("Pain (0-10)"),
        _("Note"),
    )
    cells = [
        (
            row.started_at.strftime(DATE_FORMAT),
            safe_text(titles.get(row.routine, row.routine)),
            outcome_text(dataclasses.replace(row, stop=None)),
            _("{done} of {total}").format(done=row.exercises_completed, total=row.exercises_total),
            reason_text(row.stop.reason) if row.stop else "",
            place_text(row.stop, names.get(row.routine, {})) if row.stop else "",
            "" if row.pain_rating is None else str(row.pain_rating),
            safe_text(row.stop.note) if row.stop else "",
        )
        for row in rows
    ]
    marked = frozenset(index for index, row in enumerate(rows) if row.stop is not None)
    return Table(headers, cells, marked)


def stops_table(stops: Sequence[StopRow], names: Names) -> Table:
    """One line per stop: date, reason, where it happened, the note."""
    headers = (_("Date"), _("Reason"), _("Where it happened"), _("Note"))
    cells = [
        (
            stop.started_at.strftime(DATE_FORMAT),
            reason_text(stop.stop.reason),
            place_text(stop.stop, names.get(stop.routine, {})),
            safe_text(stop.stop.note) or _("(no note)"),
        )
        for stop in stops
    ]
    return Table(headers, cells)


class TableModel(QAbstractTableModel):
    """Shows a :class:`Table`; each cell's whole text is its tooltip too."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._table = Table((), [])

    def show_table(self, table: Table) -> None:
        """Replaces what is shown."""
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        """The rows (none under a row: this is a flat table)."""
        return 0 if parent is not None and parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        """The columns."""
        return 0 if parent is not None and parent.isValid() else len(self._table.headers)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """A cell's text (also as its tooltip), and the stop colour for a stopped session."""
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._table.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.row() in self._table.marked:
            return QColor(STOPPED_INK)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """The column headers."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._table.headers[section]
        return None
