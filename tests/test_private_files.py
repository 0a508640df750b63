"""Issue 16, point 4: health data is the account's own (folders 0700, files 0600)."""

from __future__ import annotations

import dataclasses
import io
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from exercise_timer.app.controller import SessionController
from exercise_timer.app.options import AppOptions
from exercise_timer.app.policy import policy_for
from exercise_timer.app.services import build_services
from exercise_timer.cli import main
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.storage.atomic import write_text_atomic
from exercise_timer.storage.catalogue import load_catalogue, open_routine
from exercise_timer.storage.journal import Journal, open_journal
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.trace import TraceWriter


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    """The most open umask there is: every mode below is the program's own doing."""
    before = os.umask(0)
    yield
    os.umask(before)


def modes(folder: Path) -> dict[str, int]:
    """Every file and folder under ``folder`` (itself included) with its permission bits."""
    found = {".": stat.S_IMODE(folder.stat().st_mode)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def assert_private(folder: Path) -> None:
    found = modes(folder)
    for name, mode in found.items():
        wanted = 0o700 if (folder / name).is_dir() else 0o600
        assert mode == wanted, f"{name} is {mode:o}, not {wanted:o}"


def test_commands_write_private_files_in_private_folders(
    paths: Paths, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for command, pin in (
        (["prescription", "lock", "--pin-stdin"], "482913\n"),
        (["kiosk", "pin", "--pin-stdin"], "730461\n"),
    ):
        monkeypatch.setattr(sys, "stdin", io.StringIO(pin))
        assert main(command) == 0
    assert main(["plan", "xplain-back"]) == 0
    exported = tmp_path / "values.toml"
    assert main(["prescription", "export", "xplain-back", str(exported), "--clinic", "C"]) == 0
    assert main(["history"]) == 0
    names = set(modes(home))
    assert {"config/lock.toml", "config/kiosk-pin.toml", "cache/routines.pickle"} <= names
    assert_private(home)
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600


def test_a_window_session_leaves_only_private_files(paths: Paths, home: Path) -> None:
    clock = SimulatedClock(1000.0)
    trace = home.parent / "trace.jsonl"
    options = AppOptions(routine="xplain-back", no_voice=True, trace=trace)
    catalogue = load_catalogue(paths)
    services = dataclasses.replace(build_services(options, paths, catalogue), clock=clock)
    routine = open_routine("xplain-back", paths, catalogue)
    services.mark_routine_read(routine.id)
    assert services.store_settings(services.settings.replace(rate=150)) is None
    controller = SessionController(services, routine, policy=policy_for(options))
    controller.start()
    while (deadline := controller.engine.next_deadline()) is not None:
        clock.now = deadline
        controller.wake()
    wal = Path(f"{paths.journal_file}-wal")
    assert wal.exists(), "the write-ahead log is there while the journal is open"
    assert stat.S_IMODE(wal.stat().st_mode) == 0o600
    assert_private(home)
    controller.services.close()
    names = set(modes(home))
    assert {"data/journal.sqlite3", "config/settings.toml"} <= names
    assert_private(home)
    assert stat.S_IMODE(trace.stat().st_mode) == 0o600


def test_a_new_journal_and_its_logs_are_0600(tmp_path: Path) -> None:
    path = tmp_path / "data" / "journal.sqlite3"
    journal = open_journal(path)
    assert isinstance(journal, Journal)
    journal.start_session("xplain-back", 3)
    for name in ("journal.sqlite3", "journal.sqlite3-wal", "journal.sqlite3-shm"):
        assert stat.S_IMODE((path.parent / name).stat().st_mode) == 0o600, name
    journal.close()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_an_atomic_write_is_0600_in_new_0700_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "file.toml"
    write_text_atomic(target, "x = 1\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    for folder in (tmp_path / "a", tmp_path / "a" / "b"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_trace_is_created_0600_and_a_terminal_keeps_its_mode(tmp_path: Path) -> None:
    trace = TraceWriter(tmp_path / "trace.jsonl")
    trace.write("start")
    trace.close()
    assert stat.S_IMODE((tmp_path / "trace.jsonl").stat().st_mode) == 0o600
    before = os.stat("/dev/null").st_mode
    TraceWriter(Path("/dev/null")).close()
    assert os.stat("/dev/null").st_mode == before


def test_existing_readable_files_and_folders_are_made_private_on_start(
    paths: Paths, home: Path
) -> None:
    old = {
        paths.settings_file: "rate = 150\n",
        paths.personal_dir / "xplain-back.toml": "",
        paths.data_dir / "routines" / "mine.txt": "not a routine\n",
        paths.cache_dir / "cue-seconds.json": "{}",
    }
    for path, text in old.items():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o755)
        path.write_text(text, encoding="utf-8")
        path.chmod(0o644)
    for folder in (home, paths.config_dir, paths.personal_dir, paths.data_dir):
        folder.chmod(0o755)
    elsewhere = home.parent / "shared.txt"
    elsewhere.write_text("not ours", encoding="utf-8")
    elsewhere.chmod(0o644)
    (paths.config_dir / "link.txt").symlink_to(elsewhere)
    assert main(["history"]) == 0
    found = modes(home)
    for path in old:
        assert found[str(path.relative_to(home))] == 0o600, path
    for folder in (paths.config_dir, paths.personal_dir, paths.data_dir, paths.cache_dir):
        assert found[str(folder.relative_to(home))] == 0o700, folder
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o644, "a link is never followed"
