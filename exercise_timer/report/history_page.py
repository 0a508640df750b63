"""The rows of the window's history page: sessions, weeks against the advice, stops, pain, build-up.

Qt-free, so the same rows can be checked without a display and drawn by any painter. The
sessions themselves are :class:`~exercise_timer.report.history.HistoryRow`, as ``history``
prints them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Protocol, TypeGuard

from exercise_timer.core.effects import StopReason
from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.toml_reader import number
from exercise_timer.report.history import HistoryRow, history_rows
from exercise_timer.storage.journal import (
    History,
    JournalUnreadable,
    SessionRecord,
    SkippedRow,
    StopRecord,
    reason_text,
)

_BAND = re.compile(r"\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*")


@dataclass(frozen=True)
class Band:
    """How many sessions a week the routine's document advises, such as 2 to 3."""

    low: int
    high: int

    def text(self) -> str:
        """The advice as the document writes it: ``2-3`` or ``3``."""
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"


def advice_band(text: str) -> Band | None:
    """The band of a routine's ``sessions_per_week`` ("2-3", "3"); None when it gives none."""
    found = _BAND.fullmatch(text)
    if found is None:
        return None
    low = int(found.group(1))
    high = int(found.group(2) or low)
    return Band(min(low, high), max(low, high)) if high > 0 else None


class WeekMark(StrEnum):
    """How one week's completed sessions compare with the advice."""

    NONE = "none"
    BELOW = "below"
    MET = "met"
    ABOVE = "above"
    NO_ADVICE = "no-advice"


@dataclass(frozen=True)
class WeekRow:
    """One week, Monday to Sunday.

    Attributes:
        monday: The week's first day.
        completed: Sessions completed that week (what the advice counts).
        sessions: Every session started that week, completed or not.
    """

    monday: date
    completed: int
    sessions: int

    def mark(self, band: Band | None) -> WeekMark:
        """How the week compares with ``band``."""
        if band is None:
            return WeekMark.NO_ADVICE
        if self.completed == 0:
            return WeekMark.NONE
        if self.completed < band.low:
            return WeekMark.BELOW
        return WeekMark.MET if self.completed <= band.high else WeekMark.ABOVE


@dataclass(frozen=True)
class StopRow:
    """A session stopped for a reason, where it happened and what the person wrote."""

    session_id: int
    started_at: datetime
    routine: str
    stop: StopRecord


@dataclass(frozen=True)
class PainPoint:
    """A pain rating given after a session (0 none, 10 the worst)."""

    when: datetime
    rating: int


@dataclass(frozen=True)
class BuildUpPoint:
    """The values one exercise had in one session: its longest hold and its repetitions."""

    when: datetime
    hold_seconds: float
    repetitions: int


@dataclass(frozen=True)
class HistoryPageRows:
    """Everything the history page shows, for one routine or for all of them.

    Attributes:
        sessions: Newest first, as a person looks for the last one.
        weeks: Oldest first, every week from the first session's to today's, empty ones too.
        band: The routine's advice (None for all routines, or a routine without one).
        stops: The stopped sessions, newest first.
        pain: The ratings, oldest first.
        build_up: Per exercise id, in the routine's order, its values over time, oldest first.
        skipped: The journal rows that could not be read.
    """

    sessions: list[HistoryRow]
    weeks: list[WeekRow]
    band: Band | None
    stops: list[StopRow]
    pain: list[PainPoint]
    build_up: dict[str, list[BuildUpPoint]] = field(default_factory=dict)
    skipped: tuple[SkippedRow, ...] = ()


def week_of(moment: datetime) -> date:
    """The Monday of the week ``moment`` falls in (by the date it was recorded with)."""
    day = moment.date()
    return day - timedelta(days=day.weekday())


def week_rows(
    records: Sequence[SessionRecord], since: date | None = None, until: date | None = None
) -> list[WeekRow]:
    """Every week from the first session's (or ``since``'s) to the last one's (or ``until``'s).

    Oldest first; a week without a session is a row too (a gap is what a clinician looks for).
    """
    if not records:
        return []
    completed: Counter[date] = Counter()
    started: Counter[date] = Counter()
    for record in records:
        monday = week_of(record.started_at)
        started[monday] += 1
        if record.outcome == "completed":
            completed[monday] += 1
    first, last = min(started), max(started)
    if since is not None:
        first = min(first, since - timedelta(days=since.weekday()))
    if until is not None:
        last = max(last, until - timedelta(days=until.weekday()))
    count = (last - first).days // 7 + 1
    mondays = (first + timedelta(weeks=index) for index in range(count))
    return [WeekRow(monday, completed[monday], started[monday]) for monday in mondays]


def build_up_rows(records: Sequence[SessionRecord]) -> dict[str, list[BuildUpPoint]]:
    """Per exercise id, the hold and repetitions each session used (from its recorded values).

    A session recorded without values (or with values this version cannot read) adds nothing.
    """
    found: dict[str, list[BuildUpPoint]] = {}
    for record in records:
        values = record.values or {}
        exercises = values.get("exercises")
        if not isinstance(exercises, list):
            continue
        for exercise in exercises:
            point = _build_up_point(record.started_at, exercise)
            if point is not None:
                found.setdefault(point[0], []).append(point[1])
    return found


def _build_up_point(when: datetime, exercise: object) -> tuple[str, BuildUpPoint] | None:
    if not isinstance(exercise, dict):
        return None
    exercise_id, repetitions = exercise.get("id"), exercise.get("repetitions")
    if not isinstance(exercise_id, str) or not _whole(repetitions):
        return None
    longest = _longest(exercise.get("hold_seconds"))
    if longest is None:
        return None
    return exercise_id, BuildUpPoint(when, longest, repetitions)


def _longest(holds: object) -> float | None:
    """The longest of a hold, a list of holds, or a list of stages' lists; None if not numbers."""
    single = number(holds)
    if single is not None:
        return single
    if not isinstance(holds, list):
        return None
    longest = 0.0
    for item in holds:
        for hold in item if isinstance(item, list) else (item,):
            value = number(hold)
            if value is None:
                return None
            longest = max(longest, value)
    return longest


def changes_only(points: Sequence[BuildUpPoint]) -> list[BuildUpPoint]:
    """The points where the values change, and the last before each change: the same line.

    A thousand sessions at the same values draw as one segment, so a chart of them is quick.
    """
    kept = []
    for index, point in enumerate(points):
        values = (point.hold_seconds, point.repetitions)
        before = points[index - 1] if index else None
        after = points[index + 1] if index + 1 < len(points) else None
        if (
            before is None
            or after is None
            or (before.hold_seconds, before.repetitions) != values
            or (after.hold_seconds, after.repetitions) != values
        ):
            kept.append(point)
    return kept


def _whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def history_page_rows(
    history: History,
    routine_id: str | None,
    *,
    advice: str = "",
    today: date | None = None,
    build_up: bool = True,
) -> HistoryPageRows:
    """The page's rows for one routine (``None``: every routine, and no advice band).

    Args:
        history: What the journal could read, and the rows it could not.
        routine_id: The routine to show, or None for all.
        advice: That routine's ``sessions_per_week`` ("2-3"); ignored for all routines.
        today: The calendar runs to this day's week (None: to the last session's).
        build_up: Work out the build-up too (False leaves it empty, for a page that works it
            out with :func:`build_up_rows` when it is first looked at).
    """
    records = [r for r in history.records if routine_id is None or r.routine == routine_id]
    sessions = history_rows(reversed(records))
    return HistoryPageRows(
        sessions=sessions,
        weeks=week_rows(records, until=today),
        band=advice_band(advice) if routine_id is not None else None,
        stops=[
            StopRow(row.id, row.started_at, row.routine, row.stop)
            for row in sessions
            if row.stop is not None
        ],
        pain=[
            PainPoint(record.started_at, record.pain_rating)
            for record in records
            if record.pain_rating is not None
        ],
        build_up=build_up_rows(records) if build_up else {},
        skipped=history.skipped,
    )


def stop_counts(stops: Sequence[StopRow]) -> list[tuple[StopReason, int]]:
    """How many stops each reason had, in the stop dialog's order; reasons with none left out."""
    counts = Counter(stop.stop.reason for stop in stops)
    return [(reason, counts[reason]) for reason in StopReason if counts[reason]]


def place_text(stop: StopRecord, names: Mapping[str, str]) -> str:
    """Where a session was stopped, in words: the exercise, side, repetition and phase."""
    parts = []
    if stop.exercise is not None:
        parts.append(names.get(stop.exercise, stop.exercise))
    side = _side_text(stop.side)
    if side:
        parts.append(side)
    if stop.rep is not None:
        parts.append(_("repetition {number}").format(number=stop.rep))
    phase = _phase_text(stop.phase)
    if phase:
        parts.append(phase)
    return ", ".join(parts) or _("before the first exercise")


def _side_text(side: str | None) -> str:
    sides = {"right": _("right side"), "left": _("left side"), "both": _("both sides")}
    return sides.get(side or "", side or "")


def _phase_text(phase: str | None) -> str:
    phases = {
        "prepare": _("getting into position"),
        "move": _("moving"),
        "hold": _("holding"),
        "return": _("returning"),
        "relax": _("relaxing"),
    }
    return phases.get(phase or "", phase or "")


def week_text(week: WeekRow, band: Band | None) -> str:
    """One week in a sentence, for a screen reader and a tooltip."""
    mark = week.mark(band)
    count, monday = week.completed, week.monday.isoformat()
    if band is None or mark is WeekMark.NO_ADVICE:
        return ngettext(
            "Week of {monday}: {count} session completed.",
            "Week of {monday}: {count} sessions completed.",
            count,
        ).format(monday=monday, count=count)
    if mark is WeekMark.NONE:
        text = _("Week of {monday}: no session completed; {band} a week are advised.")
    elif mark is WeekMark.BELOW:
        text = ngettext(
            "Week of {monday}: {count} session completed, fewer than the {band} a week advised.",
            "Week of {monday}: {count} sessions completed, fewer than the {band} a week advised.",
            count,
        )
    elif mark is WeekMark.MET:
        text = ngettext(
            "Week of {monday}: {count} session completed, as advised ({band} a week).",
            "Week of {monday}: {count} sessions completed, as advised ({band} a week).",
            count,
        )
    else:
        text = ngettext(
            "Week of {monday}: {count} session completed, more than the {band} a week advised.",
            "Week of {monday}: {count} sessions completed, more than the {band} a week advised.",
            count,
        )
    return text.format(monday=monday, count=count, band=band.text())


class HistorySource(Protocol):
    """Where the sessions come from: the session journal (read only)."""

    def history(self) -> History:
        """Every readable session, oldest first, and the rows left out.

        Raises:
            JournalUnreadable: The file cannot be read at all.
        """


def no_history() -> History:
    """A journal with nothing in it, before one is read."""
    return History([])


def read_page_history(source: HistorySource) -> tuple[History, str]:
    """The journal's sessions, and why it could not be read at all ("" when it could)."""
    try:
        return source.history(), ""
    except JournalUnreadable as unreadable:
        return no_history(), unreadable.message


def stop_reason_text(stop: StopRecord) -> str:
    """Why a session was stopped, in the words of the stop dialog."""
    return reason_text(stop.reason)


def stop_counts_text(stops: Sequence[StopRow]) -> str:
    """How many stops each reason had, such as "Pain or discomfort: 2 stops   Dizziness: 1 stop"."""
    counts = stop_counts(stops)
    if not counts:
        return _("No session was stopped.")
    return "   ".join(
        ngettext("{reason}: {count} stop", "{reason}: {count} stops", count).format(
            reason=reason_text(reason).capitalize(), count=count
        )
        for reason, count in counts
    )
