"""Reads and validates routine files, turning any bad input into clear problems.

Whatever a file holds (nothing, binary, another encoding, broken TOML, the wrong shape,
absurd numbers), the only exception that leaves this module is ``InputError``, carrying one
problem per thing wrong with its line and how to fix it. The work is done by
``core.toml_reader`` (safe parsing, typed values), ``core.stage_reader`` (doses, stages,
variants) and ``core.routine_reader`` (the rest of a routine).
"""

from __future__ import annotations

from pathlib import Path

from exercise_timer.core.i18n import ENGLISH, _, current_language
from exercise_timer.core.model import Routine
from exercise_timer.core.problems import InputError, Problem
from exercise_timer.core.routine_reader import RoutineReader
from exercise_timer.core.routine_translation import apply_translation
from exercise_timer.core.textfile import decode_text, read_text_file
from exercise_timer.core.toml_lines import LineIndex
from exercise_timer.core.toml_reader import parse_toml
from exercise_timer.core.translation_files import translation_file, translation_languages

__all__ = [
    "RoutineReader",
    "decode_routine_bytes",
    "load_routine",
    "parse_routine_text",
    "read_routine",
    "read_routine_text",
    "translation_problems",
]


def read_routine_text(path: Path) -> str:
    """The file's text, or InputError saying plainly why it cannot be a routine file."""
    return read_text_file(path, _("routine"))


def decode_routine_bytes(data: bytes, path: Path | str) -> str:
    """Decodes a routine file's bytes as UTF-8 text, refusing binary files."""
    return decode_text(data, path, _("routine"))


def load_routine(path: Path, *, bundled: bool = False, language: str | None = None) -> Routine:
    """Reads, parses and validates one routine file, in ``language`` where it is translated.

    ``language`` None means the language in use; a text without a current translation stays
    English (:func:`translation_problems` says which).
    """
    return read_routine(path, bundled=bundled, language=language)[0]


def read_routine(
    path: Path, *, bundled: bool = False, language: str | None = None
) -> tuple[Routine, tuple[Problem, ...]]:
    """The routine in ``language`` (None: the language in use), and its translation's problems.

    The routine's own problems raise InputError as ever; a translation that cannot be used,
    wholly or for some texts, leaves those texts English and is only reported.
    """
    text = read_routine_text(path)
    language = language or current_language()
    po = translation_file(path, language)
    if language == ENGLISH or not text.strip() or not po.is_file():
        return parse_routine_text(text, path, bundled=bundled), ()
    data = parse_toml(text, path, _("routine"))
    lines = LineIndex(text)
    try:
        po_text = read_text_file(po, _("translation"))
    except InputError as error:
        return RoutineReader(path, lines).read(data, bundled=bundled), error.problems
    translated = apply_translation(data, po_text, po, path, lines)
    if translated.translated:
        translated.data["language"] = language
        try:
            routine = RoutineReader(path, lines).read(translated.data, bundled=bundled)
        except InputError:
            pass  # the English is read below: its problems are the ones to report
        else:
            return routine, translated.problems
    return RoutineReader(path, lines).read(data, bundled=bundled), translated.problems


def translation_problems(path: Path) -> list[Problem]:
    """What is missing, stale or wrong in every translation file beside a valid routine file."""
    problems: list[Problem] = []
    for language in translation_languages(path):
        if language != ENGLISH:
            problems.extend(read_routine(path, language=language)[1])
    return problems


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
