"""``routines``: one row per bundled or personal routine, with its JSON and text writers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from exercise_timer.core.i18n import ngettext
from exercise_timer.core.model import Routine
from exercise_timer.report.table import format_duration, safe_lines


@dataclass(frozen=True)
class RoutineRow:
    """One routine of the catalogue.

    Attributes:
        estimated_seconds: How long today's session takes, personal values included.
        origin: "bundled" or "personal".
        path: The file it was read from, or None.
    """

    id: str
    title: str
    exercises: int
    estimated_seconds: float
    origin: str
    path: str | None


def routine_row(routine: Routine, estimated_seconds: float) -> RoutineRow:
    """The row of one routine, given how long its session takes today."""
    return RoutineRow(
        id=routine.id,
        title=routine.title,
        exercises=len(routine.exercises),
        estimated_seconds=estimated_seconds,
        origin="bundled" if routine.bundled else "personal",
        path=str(routine.path) if routine.path else None,
    )


def routines_json(rows: Sequence[RoutineRow]) -> list[dict[str, Any]]:
    """The documented JSON shape of ``routines --json``."""
    return [
        {
            "id": row.id,
            "title": row.title,
            "exercises": row.exercises,
            "estimated_seconds": row.estimated_seconds,
            "origin": row.origin,
            "path": row.path,
        }
        for row in rows
    ]


def routines_text(rows: Sequence[RoutineRow]) -> str:
    """One line per routine: id, exercises, duration, origin and title."""
    width = max((len(row.id) for row in rows), default=2)
    lines = []
    for row in rows:
        exercises = ngettext("{count} exercise", "{count} exercises", row.exercises).format(
            count=f"{row.exercises:>3}"
        )
        lines.append(
            f"{row.id:<{width}}  {exercises}  {format_duration(row.estimated_seconds):>9}  "
            f"{row.origin:<8}  {row.title}"
        )
    return safe_lines(lines)
