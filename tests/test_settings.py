"""Settings: every field round-trips through a real file; damaged files are kept aside."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from exercise_timer.storage.schema import FieldKind
from exercise_timer.storage.settings import (
    SETTINGS_FIELDS,
    Settings,
    load_settings,
    save_settings,
)

NOW = datetime(2026, 11, 21, 9, 30, 0)


def other_value(kind: FieldKind, default: object, choices: tuple[tuple[str, str], ...]) -> object:
    if kind is FieldKind.BOOL:
        return not default
    if kind is FieldKind.INT:
        return int(str(default)) + 7
    if kind is FieldKind.FLOAT:
        return 0.25
    if kind is FieldKind.CHOICE:
        return next(value for value, _label in choices if value != default)
    return "en-gb"


def test_every_field_round_trips_through_the_file(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.toml"
    changed = {f.key: other_value(f.kind, f.default, f.all_choices()) for f in SETTINGS_FIELDS}
    save_settings(path, Settings.default().replace(**changed))
    loaded = load_settings(path)
    assert loaded.problem is None
    assert dict(loaded.settings.values) == changed
    assert path.read_text(encoding="utf-8").startswith("format_version = 1\n")


def test_missing_file_gives_defaults_without_a_problem(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "none.toml")
    assert loaded.problem is None
    assert loaded.settings == Settings.default()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"format_version = 1\nrate = [", "Invalid"),
        (b"\xff\xfe broken", "settings.toml:1: is not UTF-8 text"),
        (b"format_version = 1\nrate = 9000\n", "rate is 9000; use a number from 80 to 300"),
        (b'format_version = 1\ncounting = "loud"\n', "counting is 'loud'"),
        (b"format_version = 1\nvolum = 0.5\n", "volum is not a known setting"),
        (b"rate = 100\n", "format_version is None"),
    ],
)
def test_a_damaged_file_is_kept_aside_and_defaults_are_used(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(content)
    loaded = load_settings(path, now=lambda: NOW)
    assert loaded.settings == Settings.default()
    assert loaded.problem is not None and reason in loaded.problem
    kept = tmp_path / "settings.toml.broken-20261121-093000"
    assert kept.read_bytes() == content
    assert not path.exists()
    assert str(kept) in loaded.problem


def test_a_second_damaged_file_the_same_second_does_not_overwrite_the_first(
    tmp_path: Path,
) -> None:
    path = tmp_path / "settings.toml"
    for content in (b"first = [", b"second = ["):
        path.write_bytes(content)
        load_settings(path, now=lambda: NOW)
    assert (tmp_path / "settings.toml.broken-20261121-093000").read_bytes() == b"first = ["
    assert (tmp_path / "settings.toml.broken-20261121-093000-2").read_bytes() == b"second = ["


def test_saving_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    save_settings(path, Settings.default())
    save_settings(path, Settings.default().replace(rate=200))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.toml"]
    assert load_settings(path).settings["rate"] == 200


def test_replace_refuses_bad_values() -> None:
    with pytest.raises(ValueError, match="volume"):
        Settings.default().replace(volume=3.0)
