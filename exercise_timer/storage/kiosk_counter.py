"""The kiosk counter: all a clinic kiosk keeps about its visitors.

Per local day, how many sessions were started, completed, and stopped for each reason: no
notes, no times of day, nothing else. ``Paths.data_dir / "kiosk-counter.json"``, one line per
day, so the file grows by at most one short line a day::

    {"format_version": 1, "days": [
    {"date": "2026-11-21", "started": 3, "completed": 2, "stopped": {"pain": 1, ...}}
    ]}

Each count rewrites the file atomically (mode 0600, its folder made 0700). A kiosk must keep
running whatever happens to its disk, so counting never raises for a file that cannot be
written: it returns a sentence saying so. A file that cannot be read is kept aside as
``kiosk-counter.json.broken-DATE`` and counting starts again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from exercise_timer.core.effects import StopReason
from exercise_timer.core.i18n import _
from exercise_timer.storage.atomic import keep_aside, write_text_atomic
from exercise_timer.storage.paths import Paths

COUNTER_FORMAT_VERSION = 1
STOP_REASONS: tuple[str, ...] = tuple(reason.value for reason in StopReason)
"""Every reason a session may stop for, in the order they are listed."""
MAX_FILE_BYTES = 1024 * 1024
"""Far more than a kiosk writes in a lifetime; a bigger file is not the counter's."""


def kiosk_counter_file(paths: Paths) -> Path:
    """Where the kiosk's counts are kept."""
    return paths.data_dir / "kiosk-counter.json"


def _no_stops() -> Mapping[str, int]:
    return dict.fromkeys(STOP_REASONS, 0)


@dataclass(frozen=True)
class Counts:
    """Sessions started, completed, and stopped by reason (every reason present)."""

    started: int = 0
    completed: int = 0
    stopped: Mapping[str, int] = field(default_factory=_no_stops)

    @property
    def stopped_total(self) -> int:
        """Sessions stopped for any reason."""
        return sum(self.stopped.values())

    def plus(self, other: Counts) -> Counts:
        """The sum of two counts."""
        return Counts(
            self.started + other.started,
            self.completed + other.completed,
            {reason: self.stopped[reason] + other.stopped[reason] for reason in STOP_REASONS},
        )


@dataclass(frozen=True)
class DayCounts:
    """One local day's counts."""

    day: date
    counts: Counts


@dataclass(frozen=True)
class KioskCounts:
    """Every day counted, oldest first; ``problem`` says why the file could not be read."""

    days: tuple[DayCounts, ...] = ()
    problem: str | None = None

    @property
    def total(self) -> Counts:
        """All days together."""
        total = Counts()
        for day in self.days:
            total = total.plus(day.counts)
        return total


class _Damaged(Exception):
    pass


def read_kiosk_counts(path: Path) -> KioskCounts:
    """The counts in ``path``; none when it is missing or empty.

    Never raises: a file that cannot be read gives no days and a ``problem`` naming it (the
    file is left where it is; the kiosk keeps it aside the next time it counts).
    """
    try:
        return KioskCounts(_read(path))
    except _Damaged as damaged:
        return KioskCounts(problem=_damage_sentence(path, str(damaged)))


class KioskCounter:
    """Counts the kiosk's sessions into one small file; see the module's docstring."""

    def __init__(
        self,
        path: Path,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        """``today`` gives the local date a count goes to; ``now`` stamps a file kept aside."""
        self.path = path
        self._today = today
        self._now = now

    def started(self) -> str | None:
        """Counts a session started; returns None, or a sentence if it could not be counted."""
        return self._count(lambda counts: replace(counts, started=counts.started + 1))

    def completed(self) -> str | None:
        """Counts a session completed; None, or a sentence if it could not be counted."""
        return self._count(lambda counts: replace(counts, completed=counts.completed + 1))

    def stopped(self, reason: str) -> str | None:
        """Counts a session stopped for ``reason`` (a ``StopReason`` value).

        Returns:
            None, or a sentence if the count could not be kept.

        Raises:
            ValueError: ``reason`` is not one of ``STOP_REASONS`` (a mistake in the caller).
        """
        if reason not in STOP_REASONS:
            raise ValueError(f"unknown stop reason {reason!r}; one of {STOP_REASONS}")
        return self._count(
            lambda counts: replace(
                counts, stopped={**counts.stopped, reason: counts.stopped[reason] + 1}
            )
        )

    def _count(self, add: Callable[[Counts], Counts]) -> str | None:
        problem = None
        try:
            days = list(_read(self.path))
        except _Damaged as damaged:
            try:
                kept = keep_aside(self.path, self._now())
            except OSError as error:
                return _(
                    "The kiosk counter {file} could not be read ({reason}) nor kept aside "
                    "({error}); this session was not counted."
                ).format(file=self.path, reason=damaged, error=_reason(error))
            days = []
            problem = _(
                "The kiosk counter {file} could not be read ({reason}); it was kept as "
                "{kept} and counting started again."
            ).format(file=self.path, reason=damaged, kept=kept)
        day = self._today()
        found = next((i for i, counted in enumerate(days) if counted.day == day), None)
        if found is None:
            days.append(DayCounts(day, add(Counts())))
            days.sort(key=lambda counted: counted.day)
        else:
            days[found] = DayCounts(day, add(days[found].counts))
        try:
            write_text_atomic(self.path, counter_text(days))
        except OSError as error:
            return _(
                "The kiosk counter {file} could not be written ({reason}); this session "
                "was not counted."
            ).format(file=self.path, reason=_reason(error))
        return problem


def counter_text(days: list[DayCounts]) -> str:
    """The file's text: one line per day."""
    lines = [json.dumps(_day_document(counted)) for counted in days]
    body = ",\n".join(lines)
    return (
        f'{{"format_version": {COUNTER_FORMAT_VERSION}, "days": [\n'
        + (body + "\n" if body else "")
        + "]}\n"
    )


def _day_document(counted: DayCounts) -> dict[str, Any]:
    counts = counted.counts
    return {
        "date": counted.day.isoformat(),
        "started": counts.started,
        "completed": counts.completed,
        "stopped": {reason: counts.stopped[reason] for reason in STOP_REASONS},
    }


def _read(path: Path) -> tuple[DayCounts, ...]:
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):
        return ()
    except OSError as error:
        raise _Damaged(_reason(error)) from None
    if len(data) > MAX_FILE_BYTES:
        raise _Damaged(_("it is larger than a kiosk counter can be"))
    if not data.strip():
        return ()
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _Damaged(_("it is not a valid kiosk counter file")) from None
    if not isinstance(document, dict) or document.get("format_version") != COUNTER_FORMAT_VERSION:
        raise _Damaged(_("its format_version is not {known}").format(known=COUNTER_FORMAT_VERSION))
    entries = document.get("days")
    if not isinstance(entries, list):
        raise _Damaged(_("its days are not a list"))
    days = sorted((_day(entry) for entry in entries), key=lambda counted: counted.day)
    if len({counted.day for counted in days}) != len(days):
        raise _Damaged(_("a day is counted twice"))
    return tuple(days)


def _day(entry: object) -> DayCounts:
    wrong = _Damaged(_("a day's entry is not a date with whole counts"))
    if not isinstance(entry, dict) or set(entry) != {"date", "started", "completed", "stopped"}:
        raise wrong
    stopped = entry["stopped"]
    if not isinstance(stopped, dict) or not set(stopped) <= set(STOP_REASONS):
        raise wrong
    numbers = [entry["started"], entry["completed"], *stopped.values()]
    if not all(_count(number) for number in numbers):
        raise wrong
    if not isinstance(entry["date"], str):
        raise wrong
    try:
        day = date.fromisoformat(entry["date"])
    except ValueError:
        raise wrong from None
    return DayCounts(
        day,
        Counts(
            entry["started"],
            entry["completed"],
            {reason: stopped.get(reason, 0) for reason in STOP_REASONS},
        ),
    )


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def _damage_sentence(path: Path, reason: str) -> str:
    return _(
        "The kiosk counter {file} cannot be read ({reason}). The kiosk keeps it aside and "
        "starts counting again the next time it counts a session."
    ).format(file=path, reason=reason)
