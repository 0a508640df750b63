"""Patterns compiled once and kept: equal to what re makes, kept like byte-code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from child_support import kept_child

from exercise_timer import regex_code
from exercise_timer.regex_code import LIMIT, RegexCode

# re's own compile step (the program's is installed at its start, and by conftest)
ORIGINAL = regex_code._installed.original if regex_code._installed else re._compiler.compile  # type: ignore[attr-defined]

PATTERNS: list[tuple[str | bytes, int]] = [
    (r"\s+", 0),
    (r"(?P<key>[A-Za-z_][\w-]*)\s*=\s*(?P<value>.+?)\s*(?:#.*)?$", re.MULTILINE),
    (r"(?i)ß|straße", 0),
    (r"\d{1,3}(?:,\d{3})*(?:\.\d+)?", re.ASCII),
    (r"(?<=\bhold )\d+(?= s\b)", 0),
    (r"(a)|(b)|(?P<c>c)", 0),
    (
        r"""
        (?P<hours>\d+) h   # hours
        \s* (?P<minutes>\d+) \s* min
     """,
        re.VERBOSE,
    ),
    (r"[\u00c0-\u024f\u1e00-\u1eff]+", re.IGNORECASE),
    (rb"[\x00-\x1f\x7f]", 0),
    (rb"(?L)\w+", 0),
    (r"^(?:(?!--).)*$", re.DOTALL),
    (r"(x)(?(1)y|z)", 0),
]
TEXTS = ["hold 30 s", "Straße key = value # note", "12,345.5", "2 h 30 min", "àéî", "xy z"]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_kept_pattern_is_the_pattern_re_makes(
    tmp_path: Path, pattern: str | bytes, flags: int
) -> None:
    file = tmp_path / "kept.regex-code"
    first = RegexCode(file)
    first.original = ORIGINAL
    made = first.compile(pattern, flags)
    assert first.kept.made == 1 and first.write()
    again = RegexCode(file)
    kept = again.compile(pattern, flags)
    assert again.kept.made == 0  # from the file
    fresh = ORIGINAL(pattern, flags)
    for pattern_object in (made, kept):
        assert pattern_object == fresh  # same pattern, flags and matcher code
        assert pattern_object.groupindex == fresh.groupindex
        assert pattern_object.groups == fresh.groups and pattern_object.flags == fresh.flags
        for text in TEXTS:
            subject = text.encode("latin-1", "replace") if isinstance(pattern, bytes) else text
            found, expected = pattern_object.search(subject), fresh.search(subject)
            assert (found and found.groupdict(), found and found.span()) == (
                expected and expected.groupdict(),
                expected and expected.span(),
            )


def test_a_bad_pattern_fails_as_in_re_and_is_not_kept(tmp_path: Path) -> None:
    cache = RegexCode(tmp_path / "kept.regex-code")
    with pytest.raises(re.error) as kept_error:
        cache.compile(r"(?P<x>a", 0)
    with pytest.raises(re.error) as re_error:
        ORIGINAL(r"(?P<x>a", 0)
    assert str(kept_error.value) == str(re_error.value)
    assert cache.kept.values == {} and not cache.write()


def test_debug_patterns_and_patterns_past_the_limit_are_not_kept(tmp_path: Path) -> None:
    cache = RegexCode(tmp_path / "kept.regex-code")
    cache.original = ORIGINAL
    assert cache.compile("a+", re.DEBUG) == ORIGINAL("a+", re.DEBUG)
    assert cache.kept.values == {}
    for number in range(LIMIT + 5):
        cache.compile(f"n{number}", 0)
    assert len(cache.kept.values) == LIMIT
    assert cache.compile(f"n{LIMIT + 1}", 0) == ORIGINAL(f"n{LIMIT + 1}", 0)
    assert len(cache.kept.values) == LIMIT


def test_code_kept_for_another_matcher_is_not_used(tmp_path: Path) -> None:
    file = tmp_path / "kept.regex-code"
    cache = RegexCode(file)
    cache.compile("abc", 0)
    assert cache.write()
    data = bytearray(file.read_bytes())
    header = cache.kept.header
    changed = header.replace(regex_code.matcher_version(), regex_code.matcher_version()[::-1])
    file.write_bytes(changed + data[len(header) :])
    assert RegexCode(file).kept.values == {}


CHILD = r"""
import json, re, sys
from exercise_timer.program_start import install_kept_code
install_kept_code()  # as the program's start does
import exercise_timer.cli.entry  # what a start of the program compiles
from exercise_timer import regex_code
cache = regex_code._installed
original = cache.original if cache else None
same = all(
    re._compiler.compile(pattern, flags) == original(pattern, flags)
    for pattern, flags in (cache.kept.values if cache else {})
)
print("KEPT " + json.dumps({
    "installed": cache is not None,
    "made": cache.kept.made if cache else None,
    "kept": len(cache.kept.values) if cache else None,
    "file": str(cache.kept.file) if cache else None,
    "same": same,
}))
"""


def run_child(prefix: Path, **env_more: str) -> dict[str, object]:
    return kept_child(CHILD, prefix, **env_more)


def test_the_second_start_compiles_no_pattern(tmp_path: Path) -> None:
    first = run_child(tmp_path)
    second = run_child(tmp_path)
    assert isinstance(first["made"], int) and first["made"] >= 10
    assert second["made"] == 0 and second["kept"] == first["made"]
    assert second["same"] is True  # every kept pattern equals re's own
    file = Path(str(second["file"]))
    assert file.is_file() and file.is_relative_to(tmp_path)


def test_a_damaged_file_means_compiling_as_before(tmp_path: Path) -> None:
    first = run_child(tmp_path)
    file = Path(str(first["file"]))
    file.write_bytes(file.read_bytes()[:30] + b"\x00garbage")
    again = run_child(tmp_path)
    assert again["made"] == first["made"] and again["same"] is True


def test_nothing_is_kept_where_byte_code_may_not_be_written(tmp_path: Path) -> None:
    done = run_child(tmp_path, PYTHONDONTWRITEBYTECODE="1")
    assert isinstance(done["made"], int) and done["made"] >= 10
    assert not list(tmp_path.rglob("*.regex-code"))


def test_switched_off_re_compiles_every_pattern_itself(tmp_path: Path) -> None:
    done = run_child(tmp_path, **{regex_code.OFF: "1"})
    assert done["installed"] is False
    assert not list(tmp_path.rglob("*.regex-code"))
