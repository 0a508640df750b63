"""Every file the program reads, fed random bytes and damaged copies of real files.

Each input gives the parsed value or a message naming the file (and its line where the format
has lines), one line per problem, within a second, with no exception but the documented
ones. The seeds are real files: the bundled routines, a saved settings file, saved personal
values, an exported prescription, a lock, a kiosk PIN, a kiosk counter and a journal.
"""

from __future__ import annotations

import re
import resource
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exercise_timer.core.effects import Outcome, StopReason
from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.problems import InputError
from exercise_timer.core.progression import NO_PROGRESSION
from exercise_timer.storage.catalogue import Catalogue, load_catalogue
from exercise_timer.storage.journal import (
    History,
    Journal,
    JournalUnreadable,
    StopRecord,
    open_journal,
    read_history,
)
from exercise_timer.storage.kiosk_counter import KioskCounter, read_kiosk_counts
from exercise_timer.storage.kiosk_pin import kiosk_pin_file, kiosk_pin_problem, set_kiosk_pin
from exercise_timer.storage.lock import lock_file, lock_problem, set_pin
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_store import load_personal, personal_file, save_personal
from exercise_timer.storage.prescription import export_prescription, read_prescription
from exercise_timer.storage.settings import Settings, load_settings, save_settings

REPO = Path(__file__).resolve().parents[1]
BUNDLED = sorted((REPO / "routines").glob("*.toml"))
SECOND = 1.0
PEAK_GROWTH_KB = 200 * 1024
T = TypeVar("T")
NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)

FUZZ = settings(
    max_examples=75,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Pieces a damaged or hostile file holds: deep dotted keys, long numbers, deep nesting, NULs,
# invalid UTF-8, direction overrides and TOML's own punctuation.
HOSTILE = st.one_of(
    st.integers(2, 6000).map(lambda n: ("\n" + ".".join(["k"] * n) + " = 1\n").encode()),
    st.integers(4290, 6000).map(lambda n: ("\nrepetitions = " + "9" * n + "\n").encode()),
    st.integers(2, 3000).map(lambda n: ("\nx = " + "[" * n + "]" * n + "\n").encode()),
    st.integers(2, 3000).map(lambda n: ("\n" + "[" + ".".join(["t"] * n) + "]\n").encode()),
    st.sampled_from(
        [
            b"\x00",
            b"\xff\xfe",
            b"\xc3(",
            b"\xed\xa0\x80",
            b"\xef\xbb\xbf",
            "\u202e".encode(),
            b"\r",
            b"\x1b[2J",
            b"=",
            b"[",
            b"]",
            b"[[",
            b'"',
            b"'''",
            b"\n",
            b"#",
            b"{",
            b"}",
            b",",
            b".",
            b"-",
            b"1e999",
            b"-inf",
            b"nan",
            b"1979-05-27T07:32:00Z",
            b"0x7fffffffffffffff",
        ]
    ),
    st.binary(max_size=16),
    st.text(max_size=16).map(lambda text: text.encode("utf-8", "surrogatepass")),
)
DIGITS = re.compile(rb"\d+")


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """``seed`` with a few insertions, deletions, replacements and lengthened numbers."""
    data = seed
    for _step in range(draw(st.integers(1, 4))):
        operation = draw(st.sampled_from(["insert", "line", "delete", "replace", "number"]))
        at = draw(st.integers(0, len(data)))
        if operation == "insert":
            data = data[:at] + draw(HOSTILE) + data[at:]
        elif operation == "line":
            start = data.rfind(b"\n", 0, at) + 1
            data = data[:start] + draw(HOSTILE) + data[start:]
        elif operation == "delete":
            end = draw(st.integers(at, min(len(data), at + 80)))
            data = data[:at] + data[end:]
        elif operation == "replace":
            data = data[:at] + draw(HOSTILE) + data[at + 1 :]
        else:
            numbers = list(DIGITS.finditer(data))
            if numbers:
                found = draw(st.sampled_from(numbers))
                longer = b"9" * draw(st.integers(17, 6000))
                data = data[: found.start()] + longer + data[found.end() :]
    return data


def file_contents(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    """Random bytes, random text, each real file in ``seeds`` and mutations of it."""
    return st.one_of(
        st.sampled_from(seeds),
        st.binary(max_size=2000),
        st.text(max_size=2000).map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.sampled_from(seeds).flatmap(mutated),
    )


@dataclass(frozen=True)
class Seeds:
    """Real files written by the program, and where the fuzzed copies go."""

    paths: Paths
    catalogue: Catalogue
    routine: Routine
    settings: bytes
    personal: bytes
    prescription: bytes
    lock: bytes
    kiosk_pin: bytes
    kiosk_counter: bytes
    journal: bytes


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Seeds:
    folder = tmp_path_factory.mktemp("fuzz")
    made = Paths.under(folder / "seeds")
    catalogue = load_catalogue(made)
    routine = catalogue.find("xplain-back")
    assert routine is not None
    settings_file = folder / "settings.toml"
    save_settings(settings_file, Settings.default())
    values = PersonalValues({"pelvic-tilt": ExerciseValues(hold_seconds=(10.0,), repetitions=8)})
    save_personal(made, routine.id, values, NO_PROGRESSION)
    exported = folder / "prescription.toml"
    export_prescription(
        load_personal(made, routine), exported, clinic="Clinic", patient="P", on=date(2026, 12, 1)
    )
    set_pin(made, "2580")
    set_kiosk_pin(made, "3691")
    counter = folder / "kiosk-counter.json"
    kiosk = KioskCounter(counter, today=lambda: date(2026, 12, 1), now=lambda: NOW)
    kiosk.started()
    kiosk.stopped(STOP_REASON_FOR_COUNTER)
    journal_file = folder / "journal.sqlite3"
    write_journal(journal_file)
    return Seeds(
        paths=Paths.under(folder / "fuzzed"),
        catalogue=catalogue,
        routine=routine,
        settings=settings_file.read_bytes(),
        personal=personal_file(made, routine.id).read_bytes(),
        prescription=exported.read_bytes(),
        lock=lock_file(made).read_bytes(),
        kiosk_pin=kiosk_pin_file(made).read_bytes(),
        kiosk_counter=counter.read_bytes(),
        journal=journal_file.read_bytes(),
    )


STOP_REASON_FOR_COUNTER = "dizziness"
DIZZY = StopRecord(StopReason.DIZZINESS, "spinning", "back-arch", "left", 2, 1, "hold", 95.5)
SESSIONS = 3


def at(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def write_journal(path: Path) -> None:
    """Three sessions with two exercises each; the last stopped."""
    for number in range(1, SESSIONS + 1):
        journal = open_journal(path, now=at(NOW.replace(hour=number)))
        assert isinstance(journal, Journal), journal.problem
        session = journal.start_session("xplain-back", 2, {"note": number})
        journal.exercise_finished(session, "pelvic-tilt", 0, True)
        journal.exercise_finished(session, "back-arch", 1, True)
        stopped = number == SESSIONS
        outcome = Outcome.STOPPED if stopped else Outcome.COMPLETED
        journal.end_session(session, outcome, DIZZY if stopped else None)
        journal.close()
    assert not path.with_name(path.name + "-wal").exists()


def fresh(file: Path, content: bytes) -> Path:
    """``content`` alone in the folder of ``file`` (files kept aside by earlier inputs go)."""
    shutil.rmtree(file.parent, ignore_errors=True)
    file.parent.mkdir(parents=True)
    file.write_bytes(content)
    return file


def timed(read: Callable[[], T]) -> T:
    """``read()``, asserting it took under a second."""
    started = time.perf_counter()
    result = read()
    elapsed = time.perf_counter() - started
    assert elapsed < SECOND, f"took {elapsed:.2f} s"
    return result


def assert_names_file(message: str, file: Path) -> None:
    assert "\n" not in message, message
    assert str(file) in message, message


def assert_problems_named(error: InputError, file: Path, content: bytes) -> None:
    """Each problem is one line that starts with the file, at a line the file has."""
    assert error.problems
    lines = content.count(b"\n") + 1
    for problem in error.problems:
        assert "\n" not in str(problem), str(problem)
        assert str(problem).startswith(str(file)), str(problem)
        assert problem.line is None or 1 <= problem.line <= lines, str(problem)


@given(content=file_contents([path.read_bytes() for path in BUNDLED]))
@FUZZ
def test_routine_file(seeds: Seeds, content: bytes) -> None:
    file = fresh(seeds.paths.config_dir / "routine.toml", content)
    try:
        routine = timed(lambda: load_routine(file))
    except InputError as error:
        assert_problems_named(error, file, content)
    else:
        assert isinstance(routine, Routine)


def test_personal_values_file(seeds: Seeds) -> None:
    @given(content=file_contents([seeds.personal]))
    @FUZZ
    def check(content: bytes) -> None:
        file = fresh(personal_file(seeds.paths, seeds.routine.id), content)
        loaded = timed(lambda: load_personal(seeds.paths, seeds.routine))
        if loaded.problem is not None:
            assert_names_file(loaded.problem, file)
            assert loaded.values == PersonalValues()

    check()


def test_settings_file(seeds: Seeds) -> None:
    @given(content=file_contents([seeds.settings]))
    @FUZZ
    def check(content: bytes) -> None:
        file = fresh(seeds.paths.config_dir / "settings.toml", content)
        loaded = timed(lambda: load_settings(file, now=lambda: NOW))
        if loaded.problem is not None:
            assert "\n" not in loaded.problem, loaded.problem
            assert file.name in loaded.problem, loaded.problem
            assert loaded.settings == Settings.default()

    check()


def test_lock_file(seeds: Seeds) -> None:
    @given(content=file_contents([seeds.lock]))
    @FUZZ
    def check(content: bytes) -> None:
        file = fresh(lock_file(seeds.paths), content)
        problem = timed(lambda: lock_problem(seeds.paths))
        if problem is not None:
            assert_names_file(problem, file)

    check()


def test_kiosk_pin_file(seeds: Seeds) -> None:
    @given(content=file_contents([seeds.kiosk_pin]))
    @FUZZ
    def check(content: bytes) -> None:
        file = fresh(kiosk_pin_file(seeds.paths), content)
        problem = timed(lambda: kiosk_pin_problem(seeds.paths))
        if problem is not None:
            assert_names_file(problem, file)

    check()


def test_prescription_file(seeds: Seeds) -> None:
    @given(content=file_contents([seeds.prescription]))
    @FUZZ
    def check(content: bytes) -> None:
        file = fresh(seeds.paths.data_dir / "prescription.toml", content)
        try:
            prescription, routine = timed(lambda: read_prescription(file, seeds.catalogue))
        except InputError as error:
            assert_problems_named(error, file, content)
        else:
            assert routine.id == prescription.routine_id

    check()


def test_kiosk_counter_file(seeds: Seeds) -> None:
    @given(content=file_contents([seeds.kiosk_counter]))
    @FUZZ
    def check(content: bytes) -> None:
        file = fresh(seeds.paths.data_dir / "kiosk-counter.json", content)
        counts = timed(lambda: read_kiosk_counts(file))
        if counts.problem is not None:
            assert_names_file(counts.problem, file)
            assert counts.days == ()

    check()


# Every column a session or exercise row holds but its id, and what another tool could put
# there (SQLite keeps any type in any column; CHECK constraints are turned off).
COLUMNS = [
    ("sessions", name)
    for name in (
        "routine",
        "started_at",
        "ended_at",
        "outcome",
        "exercises_total",
        "values_json",
        "pid",
        "process_token",
        "stop_reason",
        "stop_note",
        "stop_exercise",
        "stop_side",
        "stop_rep",
        "stop_stage",
        "stop_phase",
        "stop_session_seconds",
        "interrupted_found_at",
        "pain_rating",
    )
] + [
    ("exercises", name)
    for name in (
        "session_id",
        "exercise_id",
        "position",
        "completed",
        "finished_at",
        "stopped",
    )
]
SQL_VALUES = st.one_of(
    st.none(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(),
    st.text(max_size=40),
    st.binary(max_size=40),
    st.sampled_from(["9" * 5000, "2026-13-45T99:99:99", "{}", "[]", '{"a": ' * 500]),
)


def damage_row(file: Path, table: str, column: str, row: int, value: object) -> bool:
    """Writes ``value`` into one cell as another tool could; False when SQLite refuses it."""
    connection = sqlite3.connect(file)
    try:
        connection.execute("PRAGMA ignore_check_constraints = ON")
        connection.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (value, row))
        connection.commit()
    except sqlite3.IntegrityError:
        return False
    finally:
        connection.close()
    return True


def read_journal_file(file: Path) -> History | str:
    try:
        return timed(lambda: read_history(file))
    except JournalUnreadable as unreadable:
        return unreadable.message


def test_journal_row_damaged(seeds: Seeds) -> None:
    @given(
        cells=st.lists(
            st.tuples(st.sampled_from(COLUMNS), st.integers(1, 2 * SESSIONS), SQL_VALUES),
            min_size=1,
            max_size=3,
        )
    )
    @FUZZ
    def check(cells: list[tuple[tuple[str, str], int, object]]) -> None:
        file = fresh(seeds.paths.data_dir / "journal.sqlite3", seeds.journal)
        for (table, column), row, value in cells:
            damage_row(file, table, column, row, value)
        read = read_journal_file(file)
        assert isinstance(read, History), read
        assert len(read.records) + len(read.skipped) == SESSIONS
        for skipped in read.skipped:
            assert 1 <= skipped.row_id <= SESSIONS
            assert skipped.reason and "\n" not in skipped.reason

    check()


def test_journal_file_bytes(seeds: Seeds) -> None:
    @given(
        content=st.one_of(
            st.binary(max_size=2000),
            st.tuples(
                st.integers(0, len(seeds.journal) - 1), st.binary(min_size=1, max_size=64)
            ).map(
                lambda cut: seeds.journal[: cut[0]] + cut[1] + seeds.journal[cut[0] + len(cut[1]) :]
            ),
        )
    )
    @FUZZ
    def check(content: bytes) -> None:
        file = fresh(seeds.paths.data_dir / "journal.sqlite3", content)
        read = read_journal_file(file)
        if isinstance(read, str):
            assert_names_file(read, file)
        else:
            for skipped in read.skipped:
                assert skipped.reason and "\n" not in skipped.reason

    check()


@pytest.fixture(scope="module", autouse=True)
def peak_before() -> Iterator[int]:
    yield resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def test_peak_memory_grew_less_than_200_mb(peak_before: int) -> None:
    """Runs last in this file: the peak resident size over every test above (KiB on Linux)."""
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    assert grown < PEAK_GROWTH_KB, f"the peak grew by {grown // 1024} MB"
