"""report.history: the rows of ``history`` and their JSON, CSV and text writers."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from exercise_timer.core.effects import StopReason
from exercise_timer.report.history import (
    CSV_COLUMNS,
    history_csv,
    history_json,
    history_rows,
    history_text,
    skipped_text,
)
from exercise_timer.report.table import json_text
from exercise_timer.storage.journal import SessionRecord, StopRecord

PLUS_ONE = timezone(timedelta(hours=1))
START = datetime(2026, 11, 21, 10, 15, tzinfo=PLUS_ONE)
STOP = StopRecord(
    reason=StopReason.PAIN,
    note='sharp, "left" side',
    exercise="pelvic-tilt",
    side=None,
    rep=1,
    stage=1,
    phase="hold",
    session_seconds=12.25,
)
RECORDS = [
    SessionRecord(
        1, "xplain-back", START, START + timedelta(minutes=9), "completed", None, 3, 3, None,
        pain_rating=2,
    ),
    SessionRecord(
        2, "spine-clinic", START + timedelta(hours=1), START + timedelta(hours=1, minutes=3),
        "stopped", STOP, 1, 8, {"hold_seconds": 20},
    ),
    SessionRecord(
        3, "chiro-clinic", START + timedelta(hours=2), None, "interrupted", None, 0, 5, None
    ),
]  # fmt: skip


def test_json_is_byte_for_byte_the_documented_shape() -> None:
    expected = """[
  {
    "id": 1,
    "routine": "xplain-back",
    "started_at": "2026-11-21T10:15:00+01:00",
    "ended_at": "2026-11-21T10:24:00+01:00",
    "outcome": "completed",
    "stop": null,
    "exercises_completed": 3,
    "exercises_total": 3,
    "pain_rating": 2,
    "withdrawn_stops": []
  },
  {
    "id": 2,
    "routine": "spine-clinic",
    "started_at": "2026-11-21T11:15:00+01:00",
    "ended_at": "2026-11-21T11:18:00+01:00",
    "outcome": "stopped",
    "stop": {
      "reason": "pain",
      "note": "sharp, \\"left\\" side",
      "exercise": "pelvic-tilt",
      "side": null,
      "rep": 1,
      "stage": 1,
      "phase": "hold",
      "session_seconds": 12.25
    },
    "exercises_completed": 1,
    "exercises_total": 8,
    "pain_rating": null,
    "withdrawn_stops": []
  },
  {
    "id": 3,
    "routine": "chiro-clinic",
    "started_at": "2026-11-21T12:15:00+01:00",
    "ended_at": null,
    "outcome": "interrupted",
    "stop": null,
    "exercises_completed": 0,
    "exercises_total": 5,
    "pain_rating": null,
    "withdrawn_stops": []
  }
]"""
    assert json_text(history_json(history_rows(RECORDS))) == expected


def test_csv_is_byte_for_byte_the_documented_columns() -> None:
    out = io.StringIO()
    history_csv(history_rows(RECORDS), out)
    assert out.getvalue() == (
        ",".join(CSV_COLUMNS) + "\n"
        "1,xplain-back,2026-11-21T10:15:00+01:00,2026-11-21T10:24:00+01:00,completed"
        ",,,,,,,,,3,3,2,0\n"
        "2,spine-clinic,2026-11-21T11:15:00+01:00,2026-11-21T11:18:00+01:00,stopped"
        ',pain,"sharp, ""left"" side",pelvic-tilt,,1,1,hold,12.25,1,8,,0\n'
        "3,chiro-clinic,2026-11-21T12:15:00+01:00,,interrupted,,,,,,,,,0,5,,0\n"
    )
    assert CSV_COLUMNS[:5] == ("id", "routine", "started_at", "ended_at", "outcome")


def test_csv_of_no_sessions_is_the_header_alone() -> None:
    out = io.StringIO()
    history_csv([], out)
    assert out.getvalue() == ",".join(CSV_COLUMNS) + "\n"


def test_text_is_a_table_with_outcome_reason_and_note() -> None:
    lines = history_text(history_rows(RECORDS)).splitlines()
    assert lines == [
        "Date              Routine       Outcome                      Exercises  Note",
        "2026-11-21 10:15  xplain-back   completed                    3/3",
        "2026-11-21 11:15  spine-clinic  stopped: pain or discomfort  1/8        "
        'sharp, "left" side',
        "2026-11-21 12:15  chiro-clinic  interrupted                  0/5",
    ]


def test_text_of_no_sessions_says_so() -> None:
    assert history_text([]) == "No sessions recorded yet."


def test_an_open_session_reads_as_in_progress() -> None:
    record = SessionRecord(4, "xplain-back", START, None, "open", None, 0, 13, None)
    assert "in progress" in history_text(history_rows([record])).splitlines()[1]


@dataclass(frozen=True)
class Skipped:
    row_id: int
    reason: str


def test_skipped_rows_are_one_sentence_with_the_count_in_words() -> None:
    one = skipped_text([Skipped(7, "its start time is not a date and time")])
    assert one == (
        "Skipped 1 session of the journal that could not be read: "
        "session 7 (its start time is not a date and time)."
    )
    two = skipped_text([Skipped(7, "a"), Skipped(9, "b")])
    assert two == (
        "Skipped 2 sessions of the journal that could not be read: session 7 (a), session 9 (b)."
    )
