"""Reads and validates routine files, turning any bad input into clear problems.

Whatever a file holds (nothing, binary, another encoding, broken TOML, the wrong shape,
absurd numbers), the only exception that leaves this module is ``InputError``, carrying one
problem per thing wrong with its line and how to fix it. The work is done by
``core.toml_reader`` (safe parsing, typed values), ``core.stage_reader`` (doses, stages,
variants) and ``core.routine_reader`` (the rest of a routine).
"""

from __future__ import annotations

from pathlib import Path

from exercise_timer.core.i18n import _
from exercise_timer.core.model import Routine
from exercise_timer.core.problems import InputError, Problem
from exercise_timer.core.routine_reader import RoutineReader
from exercise_timer.core.textfile import decode_text, read_text_file
from exercise_timer.core.toml_lines import LineIndex
from exercise_timer.core.toml_reader import parse_toml

__all__ = [
    "RoutineReader",
    "decode_routine_bytes",
    "load_routine",
    "parse_routine_text",
    "read_routine_text",
]


def read_routine_text(path: Path) -> str:
    """The file's text, or InputError saying plainly why it cannot be a routine file."""
    return read_text_file(path, _("routine"))


def decode_routine_bytes(data: bytes, path: Path | str) -> str:
    """Decodes a routine file's bytes as UTF-8 text, refusing binary files."""
    return decode_text(data, path, _("routine"))


def load_routine(path: Path, *, bundled: bool = False) -> Routine:
    """Reads, parses and validates one routine file."""
    return parse_routine_text(read_routine_text(path), path, bundled=bundled)


def parse_routine_text(text: str, path: Path | str, *, bundled: bool = False) -> Routine:
    """Parses and validates routine text; ``path`` is only used in messages."""
    if not text.strip():
        raise InputError(
            [
                Problem(
                    path,
                    None,
                    _(
                        "is empty; a routine starts with format_version = 1 "
                        "(see routines/README.md)"
                    ),
                )
            ]
        )
    data = parse_toml(text, path, _("routine"))
    return RoutineReader(path, LineIndex(text)).read(data, bundled=bundled)
