"""report.history_page: the rows of the window's history page, from a real journal.

``fill_journal`` builds journals with the real writer for these tests, the page's GUI tests
and the benchmark.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from exercise_timer.core.effects import Outcome, StopReason
from exercise_timer.report.history_page import (
    Band,
    BuildUpPoint,
    WeekMark,
    WeekRow,
    advice_band,
    build_up_rows,
    changes_only,
    history_page_rows,
    place_text,
    read_page_history,
    week_text,
)
from exercise_timer.storage.journal import (
    History,
    JournalUnreadable,
    StopRecord,
    open_journal,
    read_history,
)

PLUS_ONE = timezone(timedelta(hours=1))
XPLAIN = ("pelvic-tilt", "single-leg-pull", "double-knee-to-chest", "pretzel", "side-stretch")
REASONS = (StopReason.PAIN, StopReason.NUMBNESS, StopReason.DIZZINESS, StopReason.OTHER)


def stop_in(exercise: str, reason: StopReason, note: str, *, rep: int = 2) -> StopRecord:
    """A stop during the hold of ``exercise``'s repetition ``rep``, on the left side."""
    return StopRecord(reason, note, exercise, "left", rep, 1, "hold", 61.5)


def values(step: int) -> dict[str, object]:
    """What a session at build-up step ``step`` records: holds and repetitions from 2 up."""
    return {
        "exercises": [
            {
                "id": exercise,
                "variant": None,
                "repetitions": 2 + step,
                "hold_seconds": [2.0 + step, 1.0] if exercise == "pretzel" else 2.0 + step,
                "relax_seconds": 3,
            }
            for exercise in XPLAIN
        ],
        "progression": None,
    }


def fill_journal(
    path: Path,
    starts: list[datetime],
    *,
    routine: str = "xplain-back",
    stops: dict[int, StopRecord] | None = None,
    pain: dict[int, int] | None = None,
) -> None:
    """Records one session at each start with the real writer.

    Session ``i`` (from 0) is stopped when ``stops`` has ``i`` (in its exercise, the ones
    before it done), has its third exercise skipped when ``i % 7 == 3``, and is completed
    otherwise; each records the values of build-up step ``i // 3``.
    """
    stops, pain = stops or {}, pain or {}

    def minutes(start: datetime) -> Iterator[datetime]:
        return (start + timedelta(minutes=minute) for minute in range(60))

    clock = minutes(starts[0] if starts else datetime.now(PLUS_ONE))
    journal = open_journal(path, now=lambda: next(clock))
    try:
        for index, start in enumerate(starts):
            clock = minutes(start)
            session = journal.start_session(routine, len(XPLAIN), values(index // 3))
            stop = stops.get(index)
            for position, exercise in enumerate(XPLAIN):
                if stop is not None and stop.exercise == exercise:
                    journal.exercise_finished(session, exercise, position, False, stopped=True)
                    break
                journal.exercise_finished(
                    session, exercise, position, position != 2 or index % 7 != 3
                )
            if stop is not None:
                journal.end_session(session, Outcome.STOPPED, stop)
            else:
                journal.end_session(session, Outcome.COMPLETED, None)
            if index in pain:
                journal.rate_pain(session, pain[index])
    finally:
        journal.close()


def at(day: date, hour: int = 18) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=PLUS_ONE)


def test_weeks_count_completed_sessions_across_a_year_boundary(tmp_path: Path) -> None:
    # Monday 29 December 2025 to Sunday 4 January 2026 is one week (ISO week 1 of 2026).
    days = [date(2025, 12, 23), date(2025, 12, 29), date(2025, 12, 31), date(2026, 1, 2)]
    days += [date(2026, 1, 4), date(2026, 1, 5), date(2026, 1, 20)]
    stopped = {2: stop_in("pretzel", StopReason.PAIN, "")}
    fill_journal(tmp_path / "j.sqlite3", [at(day) for day in days], stops=stopped)
    history = read_history(tmp_path / "j.sqlite3")

    rows = history_page_rows(history, "xplain-back", advice="2-3", today=date(2026, 1, 28))

    assert [(w.monday, w.completed, w.sessions) for w in rows.weeks] == [
        (date(2025, 12, 22), 1, 1),
        (date(2025, 12, 29), 3, 4),  # the stop on the 31st is started, not completed
        (date(2026, 1, 5), 1, 1),
        (date(2026, 1, 12), 0, 0),
        (date(2026, 1, 19), 1, 1),
        (date(2026, 1, 26), 0, 0),  # today's week, nothing yet
    ]
    band = rows.band
    assert band == Band(2, 3)
    assert [w.mark(band) for w in rows.weeks] == [
        WeekMark.BELOW,
        WeekMark.MET,
        WeekMark.BELOW,
        WeekMark.NONE,
        WeekMark.BELOW,
        WeekMark.NONE,
    ]


def test_sessions_newest_first_with_stops_pain_and_skipped_exercises(tmp_path: Path) -> None:
    starts = [at(date(2026, 3, 2)) + timedelta(days=2 * i) for i in range(8)]
    stops = {1: stop_in("pretzel", StopReason.DIZZINESS, "the room was spinning", rep=3)}
    fill_journal(tmp_path / "j.sqlite3", starts, stops=stops, pain={0: 4, 5: 2})

    rows = history_page_rows(read_history(tmp_path / "j.sqlite3"), "xplain-back", advice="2-3")

    assert [row.started_at for row in rows.sessions] == starts[::-1]
    assert [(r.outcome, r.exercises_completed) for r in rows.sessions][-4:] == [
        ("completed", 4),  # the third exercise of session 3 was skipped
        ("completed", 5),
        ("stopped", 3),
        ("completed", 5),
    ]
    assert [(s.session_id, s.stop.reason, s.stop.note) for s in rows.stops] == [
        (2, StopReason.DIZZINESS, "the room was spinning")
    ]
    assert [(p.when, p.rating) for p in rows.pain] == [(starts[0], 4), (starts[5], 2)]
    assert list(rows.build_up) == list(XPLAIN)
    assert [(p.hold_seconds, p.repetitions) for p in rows.build_up["pretzel"]][::3] == [
        (2.0, 2),
        (3.0, 3),
        (4.0, 4),
    ]


def test_other_routines_are_left_out_unless_all_are_asked_for(tmp_path: Path) -> None:
    fill_journal(tmp_path / "j.sqlite3", [at(date(2026, 3, 2))])
    fill_journal(tmp_path / "j.sqlite3", [at(date(2026, 3, 3))], routine="spine-clinic")
    history = read_history(tmp_path / "j.sqlite3")

    assert [r.routine for r in history_page_rows(history, "spine-clinic").sessions] == [
        "spine-clinic"
    ]
    every = history_page_rows(history, None, advice="2-3")
    assert [r.routine for r in every.sessions] == ["spine-clinic", "xplain-back"]
    assert every.band is None


def test_an_empty_journal_has_no_rows() -> None:
    rows = history_page_rows(History([]), "xplain-back", advice="2-3", today=date(2026, 1, 1))
    assert (rows.sessions, rows.weeks, rows.stops, rows.pain, rows.build_up) == ([], [], [], [], {})


def test_advice_bands() -> None:
    assert advice_band("2-3") == Band(2, 3)
    assert advice_band(" 3 ") == Band(3, 3)
    assert advice_band("3–2") == Band(2, 3)
    assert advice_band("") is None
    assert advice_band("daily") is None
    assert advice_band("0") is None


def test_place_and_week_in_words() -> None:
    stop = stop_in("pretzel", StopReason.PAIN, "")
    assert place_text(stop, {"pretzel": "Pretzel"}) == "Pretzel, left side, repetition 2, holding"
    assert place_text(StopRecord(StopReason.OTHER, "", None, None, None, None, None, 0), {}) == (
        "before the first exercise"
    )
    week = WeekRow(date(2025, 12, 29), 1, 2)
    assert week_text(week, Band(2, 3)) == (
        "Week of 2025-12-29: 1 session completed, fewer than the 2-3 a week advised."
    )
    assert week_text(week, None) == "Week of 2025-12-29: 1 session completed."
    assert week_text(WeekRow(date(2026, 1, 5), 4, 4), Band(2, 3)) == (
        "Week of 2026-01-05: 4 sessions completed, more than the 2-3 a week advised."
    )


def test_build_up_keeps_the_points_that_draw_the_same_line() -> None:
    days = [at(date(2026, 3, 2)) + timedelta(days=i) for i in range(7)]
    values = [(2.0, 2), (2.0, 2), (2.0, 2), (3.0, 3), (3.0, 3), (3.0, 3), (3.0, 4)]
    points = [BuildUpPoint(day, *pair) for day, pair in zip(days, values, strict=True)]

    kept = changes_only(points)

    assert [points.index(point) for point in kept] == [0, 2, 3, 5, 6]
    assert changes_only(points[:1]) == points[:1]
    assert changes_only([]) == []


def test_holds_of_stages_and_unreadable_values(tmp_path: Path) -> None:
    fill_journal(tmp_path / "j.sqlite3", [at(date(2026, 3, 2))])
    record = read_history(tmp_path / "j.sqlite3").records[0]
    odd = dataclasses.replace(
        record,
        values={
            "exercises": [
                {"id": "a", "repetitions": 3, "hold_seconds": [[2, 7], [1]]},
                {"id": "b", "repetitions": 3, "hold_seconds": ["long"]},
                {"id": "c", "repetitions": True, "hold_seconds": 2},
                "not an exercise",
            ]
        },
    )
    rows = build_up_rows([record, odd])
    assert rows["pretzel"][0].hold_seconds == 2.0  # the longer of its stages' 2 s and 1 s
    assert [(p.hold_seconds, p.repetitions) for p in rows["a"]] == [(7.0, 3)]
    assert "b" not in rows and "c" not in rows


class Unreadable:
    """A journal whose file cannot be read at all."""

    def history(self) -> History:
        raise JournalUnreadable("journal.sqlite3: the session journal is damaged.")


def test_a_journal_that_cannot_be_read_gives_no_sessions_and_says_why() -> None:
    history, problem = read_page_history(Unreadable())
    assert history.records == []
    assert problem == "journal.sqlite3: the session journal is damaged."
