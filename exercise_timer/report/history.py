"""``history``: one row per recorded session, with its JSON, CSV and text writers."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, TextIO

from exercise_timer.core.i18n import _, ngettext, pgettext
from exercise_timer.report.table import safe_text, text_table
from exercise_timer.storage.journal import SessionRecord, StopRecord, WithdrawnStop, reason_text

CSV_COLUMNS = (
    "id",
    "routine",
    "started_at",
    "ended_at",
    "outcome",
    "stop_reason",
    "stop_note",
    "stop_exercise",
    "stop_side",
    "stop_rep",
    "stop_stage",
    "stop_phase",
    "stop_session_seconds",
    "exercises_completed",
    "exercises_total",
    "pain_rating",
    "withdrawn_stops",
)
"""The documented columns of ``history --csv``: the JSON fields with the stop flattened (and
the Stops taken back counted)."""


@dataclass(frozen=True)
class HistoryRow:
    """One session as a report shows it.

    Attributes:
        outcome: "completed", "stopped", "interrupted" (its program was killed) or "open".
        stop: Why and where a stopped session ended; None otherwise.
    """

    id: int
    routine: str
    started_at: datetime
    ended_at: datetime | None
    outcome: str
    stop: StopRecord | None
    exercises_completed: int
    exercises_total: int
    pain_rating: int | None = None
    withdrawn_stops: tuple[WithdrawnStop, ...] = ()


class Skipped(Protocol):
    """A journal row that could not be read."""

    @property
    def row_id(self) -> int:
        """The session's id in the journal."""

    @property
    def reason(self) -> str:
        """Why it could not be read."""


def history_rows(records: Iterable[SessionRecord]) -> list[HistoryRow]:
    """The rows of the sessions, in the order given (the journal's is oldest first)."""
    return [
        HistoryRow(
            id=record.id,
            routine=record.routine,
            started_at=record.started_at,
            ended_at=record.ended_at,
            outcome=record.outcome,
            stop=record.stop,
            exercises_completed=record.exercises_completed,
            exercises_total=record.exercises_total,
            pain_rating=record.pain_rating,
            withdrawn_stops=record.withdrawn_stops,
        )
        for record in records
    ]


def history_json(rows: Sequence[HistoryRow]) -> list[dict[str, Any]]:
    """The documented JSON shape of ``history --json``."""
    return [_session_json(row) for row in rows]


def _session_json(row: HistoryRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "routine": row.routine,
        "started_at": row.started_at.isoformat(timespec="seconds"),
        "ended_at": row.ended_at.isoformat(timespec="seconds") if row.ended_at else None,
        "outcome": row.outcome,
        "stop": _stop_json(row.stop) if row.stop else None,
        "exercises_completed": row.exercises_completed,
        "exercises_total": row.exercises_total,
        "pain_rating": row.pain_rating,
        "withdrawn_stops": [
            {
                "exercise": taken.exercise,
                "side": taken.side,
                "rep": taken.rep,
                "stage": taken.stage,
                "phase": taken.phase,
                "session_seconds": taken.session_seconds,
            }
            for taken in row.withdrawn_stops
        ],
    }


def _stop_json(stop: StopRecord) -> dict[str, Any]:
    return {
        "reason": stop.reason.value,
        "note": stop.note,
        "exercise": stop.exercise,
        "side": stop.side,
        "rep": stop.rep,
        "stage": stop.stage,
        "phase": stop.phase,
        "session_seconds": stop.session_seconds,
    }


def history_csv(rows: Sequence[HistoryRow], stream: TextIO) -> None:
    """Writes ``history --csv`` to ``stream``: a header, then one line per session."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for session in history_json(rows):
        flat = {**session, **{f"stop_{k}": v for k, v in (session["stop"] or {}).items()}}
        flat["withdrawn_stops"] = len(session["withdrawn_stops"])
        writer.writerow([_csv_cell(flat.get(column)) for column in CSV_COLUMNS])


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    return safe_text(value) if isinstance(value, str) else value


def outcome_text(row: HistoryRow) -> str:
    """The outcome in words, with the reason of a stop."""
    outcome = row.outcome
    if outcome == "completed":
        words = pgettext("session outcome", "completed")
    elif outcome == "stopped":
        words = pgettext("session outcome", "stopped")
    elif outcome == "interrupted":
        words = _("interrupted")
    elif outcome == "open":
        words = _("in progress")
    else:
        words = outcome
    if row.stop is None:
        return words
    return _("{outcome}: {reason}").format(outcome=words, reason=reason_text(row.stop.reason))


def history_text(rows: Sequence[HistoryRow]) -> str:
    """A table a person reads: date, routine, outcome with reason, exercises done, note."""
    if not rows:
        return _("No sessions recorded yet.")
    table = [(_("Date"), _("Routine"), _("Outcome"), _("Exercises"), _("Note"))]
    table += [
        (
            row.started_at.strftime("%Y-%m-%d %H:%M"),
            row.routine,
            outcome_text(row),
            f"{row.exercises_completed}/{row.exercises_total}",
            row.stop.note if row.stop else "",
        )
        for row in rows
    ]
    return text_table(table)


def skipped_text(skipped: Sequence[Skipped]) -> str:
    """One sentence naming the journal rows that could not be read, and why."""
    sessions = ", ".join(
        _("session {id} ({reason})").format(id=item.row_id, reason=item.reason) for item in skipped
    )
    return ngettext(
        "Skipped {count} session of the journal that could not be read: {sessions}.",
        "Skipped {count} sessions of the journal that could not be read: {sessions}.",
        len(skipped),
    ).format(count=len(skipped), sessions=sessions)
