"""No file chosen for Export or Import may be inside the program's own folders."""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

import pytest

from exercise_timer.cli import main
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.storage.lock import lock_file, set_pin
from exercise_timer.storage.own_folders import inside_own_folders, own_folder_problem
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_store import personal_file
from exercise_timer.storage.prescription import Prescription, prescription_text


def test_the_config_data_and_cache_folders_and_all_under_them(paths: Paths) -> None:
    for folder in (paths.config_dir, paths.data_dir, paths.cache_dir):
        assert inside_own_folders(folder, paths)
        assert inside_own_folders(folder / "anything.toml", paths)
        assert inside_own_folders(folder / "deep" / "er" / "file", paths)
    assert inside_own_folders(lock_file(paths), paths)
    assert inside_own_folders(paths.journal_file, paths)
    assert inside_own_folders(paths.config_dir / ".." / "config" / "lock.toml", paths)


def test_other_places_are_fine(paths: Paths, tmp_path: Path) -> None:
    home = paths.config_dir.parent
    for elsewhere in (
        tmp_path / "prescription.toml",
        home / "prescription.toml",
        home / "config-copy" / "lock.toml",
        home,
        Path("/"),
    ):
        assert not inside_own_folders(elsewhere, paths)
        assert own_folder_problem(elsewhere, paths) is None


def test_symlinks_are_followed(paths: Paths, tmp_path: Path) -> None:
    paths.config_dir.mkdir(parents=True)
    (tmp_path / "link-to-config").symlink_to(paths.config_dir)
    (tmp_path / "link-to-lock.toml").symlink_to(lock_file(paths))
    assert inside_own_folders(tmp_path / "link-to-config" / "lock.toml", paths)
    assert inside_own_folders(tmp_path / "link-to-lock.toml", paths)
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    assert not inside_own_folders(tmp_path / "loop", paths)


def test_a_symlinked_own_folder_is_followed_too(tmp_path: Path) -> None:
    real = tmp_path / "real-config"
    real.mkdir()
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "config").symlink_to(real)
    paths = Paths(tmp_path / "home" / "config", tmp_path / "data", tmp_path / "cache")
    assert inside_own_folders(real / "lock.toml", paths)


def test_the_sentence_names_the_folder(paths: Paths) -> None:
    problem = own_folder_problem(paths.config_dir / "lock.toml", paths)
    assert problem is not None
    assert problem.startswith("Choose a file outside the program's own folders: ")
    assert str(paths.config_dir) in problem


def test_prescription_export_refuses_the_own_folders(
    home: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    target = paths.config_dir / "exported.toml"
    assert main(["prescription", "export", "xplain-back", str(target), "--clinic", "C"]) == 1
    assert "Choose a file outside the program's own folders" in capsys.readouterr().err
    assert not target.exists()
    outside = home.parent / "exported.toml"
    assert main(["prescription", "export", "xplain-back", str(outside), "--clinic", "C"]) == 0


def test_prescription_import_refuses_the_own_folders(
    home: Path, paths: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    values = PersonalValues({"back-arch": ExerciseValues(repetitions=7)})
    text = prescription_text(Prescription("xplain-back", "C", date(2026, 11, 21), values))
    inside = paths.data_dir / "prescription.toml"
    inside.parent.mkdir(parents=True)
    inside.write_text(text, encoding="utf-8")
    set_pin(paths, "4826")
    monkeypatch.setattr(sys, "stdin", io.StringIO("4826\n"))
    assert main(["prescription", "import", str(inside), "--pin-stdin"]) == 1
    assert "Choose a file outside" in capsys.readouterr().err
    assert not personal_file(paths, "xplain-back").exists()
    outside = home.parent / "prescription.toml"
    outside.write_text(text, encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO("4826\n"))
    assert main(["prescription", "import", str(outside), "--pin-stdin"]) == 0
    assert personal_file(paths, "xplain-back").exists()


def test_the_values_editors_import_and_export_refuse_the_own_folders(
    paths: Paths, tmp_path: Path
) -> None:
    from exercise_timer.core.problems import InputError
    from exercise_timer.core.progression import Progression
    from exercise_timer.storage.catalogue import load_catalogue, open_routine
    from exercise_timer.storage.journal import open_journal
    from exercise_timer.storage.personal_access import StoredPersonal

    set_pin(paths, "2580")
    lock = lock_file(paths)
    kept = lock.read_bytes()
    catalogue = load_catalogue(paths)
    routine = open_routine("xplain-back", paths, catalogue)
    journal = open_journal(tmp_path / "journal.sqlite3")
    personal = StoredPersonal(paths, catalogue, journal)
    with pytest.raises(InputError, match="outside the program's own folders"):
        personal.export(routine, lock, PersonalValues(), Progression(), "Clinic", "")
    assert lock.read_bytes() == kept
    with pytest.raises(InputError, match="outside the program's own folders"):
        personal.read(routine, lock)
    outside = tmp_path / "elsewhere.toml"
    personal.export(routine, outside, PersonalValues(), Progression(), "Clinic", "")
    assert outside.is_file()
    journal.close()
