"""The kiosk counter: per day started, completed, stopped by reason; private; never raises."""

from __future__ import annotations

import errno
import json
import os
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from exercise_timer.storage.kiosk_counter import (
    STOP_REASONS,
    KioskCounter,
    kiosk_counter_file,
    read_kiosk_counts,
)
from exercise_timer.storage.paths import Paths


class Days:
    """A calendar the test turns by hand."""

    def __init__(self, first: date) -> None:
        self.day = first

    def __call__(self) -> date:
        return self.day

    def next(self) -> None:
        self.day += timedelta(days=1)


@pytest.fixture
def days() -> Days:
    return Days(date(2026, 11, 21))


@pytest.fixture
def counter(paths: Paths, days: Days) -> KioskCounter:
    return KioskCounter(kiosk_counter_file(paths), today=days, now=lambda: datetime(2026, 11, 21))


def test_the_counter_lives_in_the_data_folder(paths: Paths) -> None:
    assert kiosk_counter_file(paths) == paths.data_dir / "kiosk-counter.json"


def test_counts_per_day_started_completed_and_stopped_by_reason(
    counter: KioskCounter, days: Days
) -> None:
    assert counter.started() is None
    assert counter.completed() is None
    assert counter.started() is None
    assert counter.stopped("pain") is None
    days.next()
    assert counter.started() is None
    assert counter.stopped("closed") is None

    counts = read_kiosk_counts(counter.path)
    assert counts.problem is None
    assert [d.day for d in counts.days] == [date(2026, 11, 21), date(2026, 11, 22)]
    first, second = (d.counts for d in counts.days)
    assert (first.started, first.completed, first.stopped_total) == (2, 1, 1)
    assert first.stopped["pain"] == 1
    assert (second.started, second.completed) == (1, 0)
    assert dict(second.stopped) == {**dict.fromkeys(STOP_REASONS, 0), "closed": 1}
    total = counts.total
    assert (total.started, total.completed, total.stopped["pain"], total.stopped["closed"]) == (
        3,
        1,
        1,
        1,
    )


def test_every_stop_reason_of_the_journal_is_counted(counter: KioskCounter) -> None:
    assert STOP_REASONS == ("pain", "numbness", "dizziness", "other", "closed")
    for reason in STOP_REASONS:
        assert counter.stopped(reason) is None
    assert dict(read_kiosk_counts(counter.path).total.stopped) == dict.fromkeys(STOP_REASONS, 1)


def test_an_unknown_reason_is_a_mistake_in_the_caller(counter: KioskCounter) -> None:
    with pytest.raises(ValueError, match="unknown stop reason"):
        counter.stopped("bored")
    assert not counter.path.exists()


def test_the_file_holds_only_dates_and_counts(counter: KioskCounter) -> None:
    counter.started()
    counter.stopped("dizziness")
    document = json.loads(counter.path.read_text(encoding="utf-8"))
    assert document == {
        "format_version": 1,
        "days": [
            {
                "date": "2026-11-21",
                "started": 1,
                "completed": 0,
                "stopped": {
                    "pain": 0,
                    "numbness": 0,
                    "dizziness": 1,
                    "other": 0,
                    "closed": 0,
                },
            }
        ],
    }


def test_it_grows_by_one_line_a_day_at_most(counter: KioskCounter, days: Days) -> None:
    counter.started()
    lines = len(counter.path.read_text().splitlines())
    for _ in range(500):
        counter.started()
        counter.completed()
    assert len(counter.path.read_text().splitlines()) == lines
    for day in range(1, 4):
        days.next()
        counter.started()
        counter.stopped("other")
        assert len(counter.path.read_text().splitlines()) == lines + day
    assert counter.path.stat().st_size < 1000


def test_a_day_before_the_last_goes_in_its_place(counter: KioskCounter, days: Days) -> None:
    counter.started()
    days.day = date(2026, 11, 19)
    counter.started()
    days.day = date(2026, 11, 21)
    counter.completed()
    counts = read_kiosk_counts(counter.path)
    assert [(d.day.day, d.counts.started, d.counts.completed) for d in counts.days] == [
        (19, 1, 0),
        (21, 1, 1),
    ]


def test_the_file_is_private(counter: KioskCounter, paths: Paths) -> None:
    counter.started()
    assert stat.S_IMODE(counter.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(paths.data_dir.stat().st_mode) == 0o700
    assert [p.name for p in paths.data_dir.iterdir()] == ["kiosk-counter.json"]


def test_no_file_and_an_empty_file_count_nothing(tmp_path: Path) -> None:
    path = tmp_path / "kiosk-counter.json"
    for _ in range(2):
        counts = read_kiosk_counts(path)
        assert counts.days == () and counts.problem is None
        assert (counts.total.started, counts.total.completed, counts.total.stopped_total) == (
            0,
            0,
            0,
        )
        path.write_text("")


@pytest.mark.parametrize(
    "damage",
    [
        "not json",
        b"\xff\xfe",
        "[]",
        '{"format_version": 2, "days": []}',
        '{"format_version": 1, "days": {}}',
        '{"format_version": 1, "days": [{"date": "2026-11-21", "started": -1, "completed": 0,'
        ' "stopped": {}}]}',
        '{"format_version": 1, "days": [{"date": "yesterday", "started": 1, "completed": 0,'
        ' "stopped": {}}]}',
        '{"format_version": 1, "days": [{"date": "2026-11-21", "started": 1, "completed": 0,'
        ' "stopped": {"boredom": 1}}]}',
        '{"format_version": 1, "days": [{"date": "2026-11-21", "started": 1, "completed": 0,'
        ' "stopped": {}, "note": "Mrs Smith"}]}',
        '{"format_version": 1, "days": [{"date": "2026-11-21", "started": true, "completed": 0,'
        ' "stopped": {}}]}',
        '{"format_version": 1, "days": ['
        + ", ".join(['{"date": "2026-11-21", "started": 1, "completed": 0, "stopped": {}}'] * 2)
        + "]}",
        "[" * 100_000,
        '{"format_version": 1, "days": [{"date": "2026-11-21", "started": 1' + "0" * 5000 + "}]}",
    ],
)
def test_a_damaged_file_is_kept_aside_and_counting_starts_again(
    counter: KioskCounter, damage: str | bytes
) -> None:
    counter.path.parent.mkdir(parents=True)
    if isinstance(damage, str):
        damage = damage.encode()
    counter.path.write_bytes(damage)

    counts = read_kiosk_counts(counter.path)
    assert counts.days == () and counts.problem is not None
    assert str(counter.path) in counts.problem
    assert counter.path.read_bytes() == damage  # reading leaves it alone

    problem = counter.started()
    assert problem is not None
    assert "kept as" in problem and "counting started again" in problem
    kept = counter.path.with_name("kiosk-counter.json.broken-20261121-000000")
    assert kept.read_bytes() == damage
    again = read_kiosk_counts(counter.path)
    assert again.problem is None and again.total.started == 1
    assert counter.started() is None


def test_a_file_too_big_to_be_the_counter_is_kept_aside(counter: KioskCounter) -> None:
    counter.path.parent.mkdir(parents=True)
    counter.path.write_text(" " * (2 * 1024 * 1024) + "{}")
    assert read_kiosk_counts(counter.path).problem is not None
    assert counter.started() is not None
    assert read_kiosk_counts(counter.path).total.started == 1


def test_a_folder_that_cannot_be_written_is_a_sentence_not_an_error(
    paths: Paths, days: Days
) -> None:
    paths.data_dir.parent.mkdir(parents=True)
    paths.data_dir.write_text("a file where the folder should be")
    counter = KioskCounter(kiosk_counter_file(paths), today=days)
    for count in (counter.started, counter.completed, lambda: counter.stopped("pain")):
        problem = count()
        assert problem is not None
        assert "could not be written" in problem and "kiosk-counter.json" in problem


def test_a_full_disk_is_a_sentence_and_the_last_counts_stay(
    counter: KioskCounter, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter.started()
    before = counter.path.read_bytes()

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    problem = counter.completed()
    assert problem is not None and "no space left on device" in problem
    monkeypatch.undo()
    assert counter.path.read_bytes() == before
    assert [p.name for p in counter.path.parent.iterdir()] == ["kiosk-counter.json"]
