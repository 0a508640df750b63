"""The tables of the history page: sessions and stops, each row worded when first shown.

A model rather than a widget per cell, and rows worded only when the view asks for them, so a
journal of a thousand sessions opens at once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from exercise_timer.core.i18n import _
from exercise_timer.report.history import HistoryRow, outcome_text
from exercise_timer.report.history_page import StopRow, place_text, stop_reason_text
from exercise_timer.report.table import safe_text

STOPPED_INK = "#8a2a00"


def when_text(moment: datetime) -> str:
    """A session's date and time as the tables show it: ``2026-03-02 18:00``."""
    return moment.isoformat(" ", "minutes")[:16]


@dataclass(frozen=True)
class Table:
    """Headers, how many rows, and how to word one row (asked only for the rows shown).

    Attributes:
        marked: Whether a row is drawn in the stop colour.
    """

    headers: tuple[str, ...]
    count: int
    row: Callable[[int], tuple[str, ...]]
    marked: Callable[[int], bool] = lambda _index: False


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

    def cells(index: int) -> tuple[str, ...]:
        row = rows[index]
        stop = row.stop
        return (
            when_text(row.started_at),
            safe_text(titles.get(row.routine, row.routine)),
            outcome_text(dataclasses.replace(row, stop=None)),
            _("{done} of {total}").format(done=row.exercises_completed, total=row.exercises_total),
            stop_reason_text(stop) if stop else "",
            place_text(stop, names.get(row.routine, {})) if stop else "",
            "" if row.pain_rating is None else str(row.pain_rating),
            safe_text(stop.note) if stop else "",
        )

    return Table(headers, len(rows), cells, lambda index: rows[index].stop is not None)


def stops_table(stops: Sequence[StopRow], names: Names) -> Table:
    """One line per stop: date, reason, where it happened, the note."""
    headers = (_("Date"), _("Reason"), _("Where it happened"), _("Note"))

    def cells(index: int) -> tuple[str, ...]:
        stop = stops[index]
        return (
            when_text(stop.started_at),
            stop_reason_text(stop.stop),
            place_text(stop.stop, names.get(stop.routine, {})),
            safe_text(stop.stop.note) or _("(no note)"),
        )

    return Table(headers, len(stops), cells)


class TableModel(QAbstractTableModel):
    """Shows a :class:`Table`; each cell's whole text is its tooltip too."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._table = Table((), 0, lambda _index: ())
        self._rows: dict[int, tuple[str, ...]] = {}

    def show_table(self, table: Table) -> None:
        """Replaces what is shown."""
        self.beginResetModel()
        self._table = table
        self._rows = {}
        self.endResetModel()

    def cells(self, index: int) -> tuple[str, ...]:
        """Row ``index`` in words (worked out once)."""
        found = self._rows.get(index)
        if found is None:
            found = self._rows[index] = self._table.row(index)
        return found

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        """The rows (none under a row: this is a flat table)."""
        return 0 if parent is not None and parent.isValid() else self._table.count

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
            return self.cells(index.row())[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and self._table.marked(index.row()):
            return QColor(STOPPED_INK)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """The column headers."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._table.headers[section]
        return None
