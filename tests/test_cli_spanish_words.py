"""``--lang es`` leaves no English on the command line: argparse's own words and ``plan``'s
phase, kind and position words are Spanish, while ``plan --json`` keeps its English values."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.extract import extract_python

from exercise_timer.cli import main
from exercise_timer.cli.argparse_words import FOR_PROGRAMMERS, SHOWN
from exercise_timer.core import i18n
from exercise_timer.core.model import Kind, Position
from exercise_timer.core.schedule import Phase
from exercise_timer.core.vocabulary import PHASE_WORDS, kind_words, phase_words, position_words

ARGPARSE_ENGLISH = (
    "usage:",
    "positional arguments",
    "options:",
    "show this help message and exit",
    "version number and exit",
    "the following arguments are required",
    "invalid choice",
)
"""argparse's words a person sees most, as English prints them."""

ENGLISH_PHASES = [*PHASE_WORDS.values(), *(phase.value for phase in Phase)]
ENGLISH_KINDS_AND_POSITIONS = [
    *(kind.value for kind in Kind),
    *(position.value.replace("-", " ") for position in Position),
]
EXERCISE_LINE = re.compile(r"^\d+\. .* \((?P<kind>[^,()]+), (?P<position>[^()]+)\): ")


@pytest.fixture
def english_after(home: Path) -> Iterator[None]:
    """English again after the test, whatever --lang chose."""
    yield
    i18n.use_language(i18n.ENGLISH)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The exit code, standard output and standard error of a command line."""
    try:
        code = main(list(argv))
    except SystemExit as leaving:
        code = int(leaving.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_missing_argument_is_said_in_spanish(
    english_after: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--lang", "es", "plan")
    assert code == 2
    assert out == ""
    assert err.startswith("uso: exercise-timer plan")
    assert "exercise-timer plan: error: faltan los siguientes argumentos: ROUTINE" in err
    assert not [words for words in ARGPARSE_ENGLISH if words in err]


def test_an_unknown_command_is_said_in_spanish(
    english_after: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "--lang", "es", "stretchy")
    assert code == 2
    assert "argumento COMMAND: valor no válido: 'stretchy' (elija entre " in err
    assert not [words for words in ARGPARSE_ENGLISH if words in err]


@pytest.mark.parametrize("argv", [["--help"], ["plan", "--help"]], ids=["top", "plan"])
def test_the_help_has_no_english_argparse_words(
    english_after: None, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, _err = run(capsys, "--lang", "es", *argv)
    assert code == 0
    assert out.startswith("uso: exercise-timer")
    assert "opciones:" in out and "mostrar este mensaje de ayuda y salir" in out
    assert not [words for words in ARGPARSE_ENGLISH if words in out]


def test_english_help_keeps_argparses_english(
    english_after: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--help")
    assert code == 0
    assert out.startswith("usage: exercise-timer")
    assert "show this help message and exit" in out
    assert "show the program's version number and exit" in out


def test_every_msgid_of_this_pythons_argparse_is_listed() -> None:
    """A Python with new argparse sentences fails here until they are listed (and translated)."""
    with open(argparse.__file__, "rb") as source:
        found = {
            message if isinstance(message, str) else message[0]
            for _line, _function, message, _comments in extract_python(
                source, {"_": None, "ngettext": (1, 2)}, [], {}
            )
            if message and (isinstance(message, str) or message[0])
        }
    assert found
    assert not found - set(SHOWN) - FOR_PROGRAMMERS


def test_spanish_plan_text_names_phases_kinds_and_positions_in_spanish(
    english_after: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--no-voice", "--lang", "es", "plan", "xplain-back")
    assert code == 0
    spanish_phases = {phase_words(phase) for phase in Phase}
    spanish_kinds = {kind_words(kind) for kind in Kind}
    spanish_positions = {position_words(position) for position in Position}
    assert not spanish_phases & set(ENGLISH_PHASES)
    exercises = [match for line in out.splitlines() if (match := EXERCISE_LINE.match(line))]
    assert len(exercises) == 13
    assert {match["kind"] for match in exercises} <= spanish_kinds
    assert {match["position"] for match in exercises} <= spanish_positions
    phase_lines = [line for line in out.splitlines() if re.match(r"^ +\d+:\d\d ", line)]
    assert phase_lines
    assert all(any(f" {words} " in line for words in spanish_phases) for line in phase_lines)
    english = [word for word in ENGLISH_PHASES + ENGLISH_KINDS_AND_POSITIONS if word in out]
    assert english == []


def test_english_plan_text_uses_the_windows_phase_words(
    english_after: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--no-voice", "plan", "xplain-back")
    assert code == 0
    assert "1. Pelvic Tilt (stretch, lying on back): " in out
    phase_lines = [line for line in out.splitlines() if re.match(r"^ +\d+:\d\d ", line)]
    first = phase_lines[0]
    assert " Get into position " in first
    # The seconds line up: the phase column is as wide as the longest phase's words.
    assert len({line.index(" s  ") for line in phase_lines}) == 1


def test_spanish_plan_json_keeps_its_english_values(
    english_after: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, english, _err = run(capsys, "--no-voice", "plan", "xplain-back", "--json")
    assert code == 0
    code, spanish, _err = run(capsys, "--no-voice", "--lang", "es", "plan", "xplain-back", "--json")
    assert code == 0
    ours, theirs = json.loads(english), json.loads(spanish)
    for field in ("kind", "position"):
        assert [e[field] for e in theirs["exercises"]] == [e[field] for e in ours["exercises"]]
    assert [p["phase"] for p in theirs["timeline"]] == [p["phase"] for p in ours["timeline"]]
    assert theirs["exercises"][0]["position"] == "lying-on-back"
    assert {p["phase"] for p in theirs["timeline"]} == {phase.value for phase in Phase}
