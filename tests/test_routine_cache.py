"""The routine cache: a start reads unchanged routine files from it, and anything else anew."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from exercise_timer.core import loader
from exercise_timer.core.model import Routine
from exercise_timer.storage import routine_cache
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.routine_cache import CACHE_NAME


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the routine files parsed (not taken from the cache)."""
    parsed: list[str] = []
    real: Callable[..., Routine] = loader.load_routine

    def counting(path: Path, *, bundled: bool = False) -> Routine:
        parsed.append(path.name)
        return real(path, bundled=bundled)

    monkeypatch.setattr(loader, "load_routine", counting)  # imported by a cache miss
    return parsed


def personal(paths: Paths, example_text: str, title: str = "My routine") -> Path:
    file = paths.routines_dir / "mine.toml"
    file.parent.mkdir(parents=True, exist_ok=True)
    text = example_text.replace('id = "my-routine"', 'id = "mine"')
    file.write_text(text.replace('title = "Morning back routine"', f'title = "{title}"'), "utf-8")
    return file


def test_a_second_start_reads_no_file_and_finds_the_same_routines(
    paths: Paths, example_text: str, reads: list[str]
) -> None:
    personal(paths, example_text)
    first = load_catalogue(paths)
    assert sorted(reads) == [
        "chiro-clinic.toml",
        "mine.toml",
        "spine-clinic.toml",
        "xplain-back.toml",
    ]
    reads.clear()
    second = load_catalogue(paths)
    assert reads == []
    assert second == first
    assert [r.id for r in second.routines][:1] == ["xplain-back"]


def test_a_changed_file_is_read_again(paths: Paths, example_text: str, reads: list[str]) -> None:
    file = personal(paths, example_text)
    load_catalogue(paths)
    reads.clear()
    personal(paths, example_text, title="My longer routine")
    stat = file.stat()
    os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    found = load_catalogue(paths).find("mine")
    assert reads == ["mine.toml"]
    assert found is not None and found.title == "My longer routine"


def test_a_file_with_a_problem_is_reported_at_every_start(
    paths: Paths, example_text: str, reads: list[str]
) -> None:
    bad = paths.routines_dir / "bad.toml"
    bad.parent.mkdir(parents=True)
    bad.write_text("format_version = 1\n", "utf-8")
    first = load_catalogue(paths)
    reads.clear()
    second = load_catalogue(paths)
    assert reads == ["bad.toml"]
    assert first.problems == second.problems and second.problems


def test_a_damaged_cache_is_ignored_and_written_anew(paths: Paths, reads: list[str]) -> None:
    load_catalogue(paths)
    cache = paths.cache_dir / CACHE_NAME
    cache.write_bytes(b"\x80\x05not a pickle")
    reads.clear()
    routines = load_catalogue(paths).routines
    assert len(reads) == len(routines) == 3
    reads.clear()
    load_catalogue(paths)
    assert reads == []


def test_another_version_of_the_program_reads_the_files_again(
    paths: Paths, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_catalogue(paths)
    reads.clear()
    monkeypatch.setattr(routine_cache, "__version__", "99.0")
    load_catalogue(paths)
    assert len(reads) == 3


def test_a_cache_that_cannot_be_written_changes_nothing(paths: Paths, reads: list[str]) -> None:
    paths.cache_dir.parent.mkdir(parents=True, exist_ok=True)
    paths.cache_dir.write_text("a file where the cache folder should be\n", "utf-8")
    assert len(load_catalogue(paths).routines) == 3
    reads.clear()
    assert len(load_catalogue(paths).routines) == 3
    assert len(reads) == 3
