"""Issue 16, point 9: temporary files of a killed write go; a link is written through.

docs/decisions/0010-links-and-temporary-files.md says why links are followed.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from exercise_timer.app.services import Services
from exercise_timer.cli import main
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.progression import NO_PROGRESSION
from exercise_timer.storage.atomic import temporary_beside, write_text_atomic
from exercise_timer.storage.journal import UnavailableJournal
from exercise_timer.storage.lock import check_pin, clear_pin, is_locked, lock_problem, set_pin
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_store import personal_file, save_personal
from exercise_timer.storage.settings import Settings, load_settings, save_settings
from exercise_timer.storage.tidy import STALE_SECONDS, remove_stale_temporaries

NOW = 1_800_000_000.0


def aged(path: Path, seconds: float, text: str = "half a file") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, (NOW - seconds, NOW - seconds))
    return path


def test_a_write_killed_before_its_rename_leaves_nothing_after_the_next_start(
    paths: Paths, home: Path
) -> None:
    save_settings(paths.settings_file, Settings.default().replace(rate=150))
    child = textwrap.dedent(
        f"""
        import os, sys
        from pathlib import Path
        from exercise_timer.storage import atomic
        def blocked(source, target):
            print("written", flush=True)
            sys.stdin.read()
        atomic.os.replace = blocked
        atomic.write_text_atomic(Path({str(paths.settings_file)!r}), "rate = 90\\n")
        """
    )
    with subprocess.Popen(
        [sys.executable, "-c", child], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None and process.stdout.readline() == "written\n"
        process.kill()
    left = [p.name for p in paths.config_dir.iterdir() if p.name.endswith(".tmp")]
    assert left == [f".settings.toml.{process.pid}.{left[0].split('.')[-2]}.tmp"]
    assert main(["routines"]) == 0
    assert sorted(p.name for p in paths.config_dir.iterdir()) == ["settings.toml"]
    assert load_settings(paths.settings_file).settings["rate"] == 150


def test_only_our_stale_temporary_files_are_removed(tmp_path: Path) -> None:
    mine, gone, running = os.getpid(), 4_000_001, 4_000_002
    folder = tmp_path / "config"
    removed = [
        aged(folder / f".settings.toml.{gone}.0a1b2c3d.tmp", 1),
        aged(folder / f".settings.toml.{running}.0a1b2c3d.tmp", STALE_SECONDS + 1),
        aged(folder / "personal" / ".xplain-back.toml.k2_9xq0a.tmp", STALE_SECONDS + 1),
        aged(folder / f".routines.pickle.{gone}.tmp", 1),
    ]
    kept = [
        aged(folder / f".lock.toml.{running}.ffffffff.tmp", 1),
        aged(folder / f".settings.toml.{mine}.0a1b2c3d.tmp", STALE_SECONDS + 600),
        aged(folder / ".xplain-back.toml.k2_9xq0a.tmp", 5),
        aged(folder / "notes.tmp", 3600),
        aged(folder / ".notes.tmp", 3600),
        aged(folder / "settings.toml.tmp", 3600),
        aged(folder / ".settings.toml.backup", 3600),
    ]
    link = folder / f".lock.toml.{gone}.0a1b2c3d.tmp"
    link.symlink_to(folder / "notes.tmp")
    found = remove_stale_temporaries(folder, NOW, alive=lambda pid: pid == running)
    assert sorted(found) == sorted(removed)
    assert all(not path.exists() for path in removed)
    assert all(path.exists() for path in kept)
    assert link.is_symlink(), "a link is never removed"


def test_a_temporary_name_says_whose_it_is() -> None:
    name = temporary_beside(Path("/x/settings.toml")).name
    assert name.startswith(f".settings.toml.{os.getpid()}.") and name.endswith(".tmp")
    assert temporary_beside(Path("/x/a")) != temporary_beside(Path("/x/a"))


def test_settings_behind_a_link_are_written_through_it(paths: Paths, tmp_path: Path) -> None:
    kept_elsewhere = tmp_path / "dotfiles" / "exercise-timer.toml"
    save_settings(kept_elsewhere, Settings.default())
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.symlink_to(kept_elsewhere)
    save_settings(paths.settings_file, Settings.default().replace(rate=140))
    assert paths.settings_file.is_symlink()
    assert paths.settings_file.resolve() == kept_elsewhere
    assert load_settings(kept_elsewhere).settings["rate"] == 140
    assert stat.S_IMODE(kept_elsewhere.stat().st_mode) == 0o600
    assert [p.name for p in kept_elsewhere.parent.iterdir()] == ["exercise-timer.toml"]


def test_personal_values_behind_a_link_are_written_through_it(paths: Paths, tmp_path: Path) -> None:
    elsewhere = Paths.under(tmp_path / "shared")
    save_personal(elsewhere, "xplain-back", PersonalValues({}), NO_PROGRESSION)
    target = personal_file(elsewhere, "xplain-back")
    link = personal_file(paths, "xplain-back")
    link.parent.mkdir(parents=True)
    link.symlink_to(target)
    values = PersonalValues({"pretzel": ExerciseValues(repetitions=4)})
    save_personal(paths, "xplain-back", values, NO_PROGRESSION)
    assert link.is_symlink() and target.is_file()
    assert "repetitions = 4" in target.read_text(encoding="utf-8")


def test_a_lock_behind_a_link_is_used_and_unlocking_removes_only_the_link(
    paths: Paths, tmp_path: Path
) -> None:
    elsewhere = Paths.under(tmp_path / "other")
    set_pin(elsewhere, "482913")
    target = elsewhere.config_dir / "lock.toml"
    paths.config_dir.mkdir(parents=True)
    (paths.config_dir / "lock.toml").symlink_to(target)
    assert is_locked(paths) and lock_problem(paths) is None
    assert check_pin(paths, "482913")
    clear_pin(paths, "482913")
    assert not (paths.config_dir / "lock.toml").is_symlink()
    assert target.is_file()


def test_a_loop_of_links_is_a_file_that_cannot_be_written(paths: Paths, tmp_path: Path) -> None:
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.symlink_to(paths.config_dir / "loop.toml")
    (paths.config_dir / "loop.toml").symlink_to(paths.settings_file)
    with pytest.raises(OSError, match="symbolic links"):
        write_text_atomic(paths.settings_file, "rate = 120\n")
    services = Services(
        journal=UnavailableJournal(tmp_path / "j", "none"),
        speaker=None,  # type: ignore[arg-type]
        clock=lambda: 0.0,
        write_settings=lambda s: save_settings(paths.settings_file, s),
    )
    services.speaker = _Quiet()  # type: ignore[assignment]
    problem = services.store_settings(Settings.default().replace(rate=120))
    assert problem is not None and "could not be saved" in problem
    assert paths.settings_file.is_symlink()


class _Quiet:
    def configure(self, settings: object) -> None:
        pass
