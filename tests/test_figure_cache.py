"""Figures files kept parsed in the cache folder: the same figures, read again when changed."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from exercise_timer import resources
from exercise_timer.core.figures import reader
from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Routine
from exercise_timer.core.problems import InputError
from exercise_timer.storage import figure_cache, figure_files
from exercise_timer.storage.figure_cache import CACHE_NAME


@pytest.fixture
def routine() -> Routine:
    return load_routine(resources.routines_dir() / "xplain-back.toml", bundled=True)


@pytest.fixture
def figures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of X-Plain's figures file that the routine's figures are read from."""
    copy = tmp_path / "figures" / "xplain-back.toml"
    copy.parent.mkdir()
    shutil.copy(resources.asset("figures", "xplain-back.toml"), copy)
    monkeypatch.setattr(figure_files, "figures_file", lambda _routine_id: copy)
    return copy


@pytest.fixture
def cache_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "cache"
    figure_cache.keep_in(folder)
    yield folder
    figure_cache.keep_in(None)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every figures file parsed from its text."""
    seen: list[Path] = []
    parse = reader.load_figures

    def counted(path: Path) -> object:
        seen.append(path)
        return parse(path)

    monkeypatch.setattr(reader, "load_figures", counted)  # imported by a cache miss
    return seen


def test_the_second_read_comes_from_the_cache_and_is_the_same(
    routine: Routine, figures: Path, cache_dir: Path, parses: list[Path]
) -> None:
    first = figure_files.load_routine_figures(routine)
    second = figure_files.load_routine_figures(routine)
    assert parses == [figures]
    assert (cache_dir / CACHE_NAME).is_file()
    assert second == first
    assert second == reader.load_figures(figures)


def test_a_changed_file_is_read_again(
    routine: Routine, figures: Path, cache_dir: Path, parses: list[Path]
) -> None:
    figure_files.load_routine_figures(routine)
    figures.write_text(figures.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    figure_files.load_routine_figures(routine)
    assert parses == [figures, figures]


def test_a_file_with_the_same_size_but_another_time_is_read_again(
    routine: Routine, figures: Path, cache_dir: Path, parses: list[Path]
) -> None:
    figure_files.load_routine_figures(routine)
    status = figures.stat()
    os.utime(figures, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))
    figure_files.load_routine_figures(routine)
    assert len(parses) == 2


def test_a_damaged_cache_is_read_past_and_written_anew(
    routine: Routine, figures: Path, cache_dir: Path, parses: list[Path]
) -> None:
    cache_dir.mkdir()
    (cache_dir / CACHE_NAME).write_bytes(b"not a pickle")
    book = figure_files.load_routine_figures(routine)
    assert parses == [figures]
    assert figure_files.load_routine_figures(routine) == book
    assert parses == [figures]


def test_a_file_with_a_problem_is_never_kept(
    routine: Routine, figures: Path, cache_dir: Path
) -> None:
    figures.write_text(
        figures.read_text(encoding="utf-8").replace("format_version = 1", "format_version = 9"),
        encoding="utf-8",
    )
    for _attempt in range(2):
        with pytest.raises(InputError, match="format_version"):
            figure_files.load_routine_figures(routine)
    assert not (cache_dir / CACHE_NAME).exists()


def test_without_a_cache_folder_nothing_is_written(
    routine: Routine, figures: Path, tmp_path: Path, parses: list[Path]
) -> None:
    figure_cache.keep_in(None)
    figure_files.load_routine_figures(routine)
    figure_files.load_routine_figures(routine)
    assert len(parses) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figures"]


def test_an_unwritable_cache_folder_only_means_reading_again(
    routine: Routine, figures: Path, tmp_path: Path, parses: list[Path]
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    figure_cache.keep_in(blocked / "cache")
    try:
        first = figure_files.load_routine_figures(routine)
        assert figure_files.load_routine_figures(routine) == first
    finally:
        figure_cache.keep_in(None)
    assert len(parses) == 2
