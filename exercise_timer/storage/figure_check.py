"""Checking a figures file as ``exercise-timer check`` does: each problem at its line, with the fix.

The reader already reports every pose outside a joint's range or off the floor at the line
that writes it. What only the routine can say (an exercise without poses, a stage count that
differs, an exercise the routine does not have) is put at the line of the exercise entry it
concerns, or, for an exercise with no entry at all, at the file's ``routine =`` line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from exercise_timer.core.figures.book import FigureBook
from exercise_timer.core.figures.checks import book_problems, coverage_problems
from exercise_timer.core.figures.reader import KIND, read_figures
from exercise_timer.core.i18n import _
from exercise_timer.core.model import Routine
from exercise_timer.core.problems import InputError, Problem
from exercise_timer.core.textfile import read_text_file
from exercise_timer.core.toml_lines import LineIndex

FindRoutine = Callable[[str], Routine | None]
"""The routine of an id (None: no such routine)."""


def looks_like_figures(data: Mapping[str, Any]) -> bool:
    """Whether parsed TOML is a figures file: it names a routine, and has no id nor kind.

    A routine file has its own ``id``; a prescription also names a routine, but says its
    ``kind``.
    """
    return "routine" in data and "id" not in data and "kind" not in data


def _single(book: FigureBook, index: int) -> FigureBook:
    return FigureBook(book.routine, (book.figures[index],))


def _located(book: FigureBook, routine: Routine, path: Path, lines: LineIndex) -> list[Problem]:
    """Coverage and pose problems, each at its exercise entry (or the routine line).

    ``coverage_problems`` gives sentences without places; a sentence that a book of one entry
    gives and an empty book does not is that entry's.
    """
    nothing = set(coverage_problems(FigureBook(book.routine, ()), routine))
    found: list[Problem] = []
    placed: set[str] = set()
    for index in range(len(book.figures)):
        single = _single(book, index)
        line = lines.line_of(("exercises", index))
        own = [m for m in coverage_problems(single, routine) if m not in nothing]
        placed.update(own)
        found.extend(Problem(path, line, message) for message in own + book_problems(single))
    routine_line = lines.line_of(("routine",))
    found.extend(
        Problem(path, routine_line, message)
        for message in coverage_problems(book, routine)
        if message not in placed
    )
    return sorted(found, key=lambda p: p.line or 0)


def check_figures_file(path: Path, find_routine: FindRoutine) -> tuple[FigureBook, Routine]:
    """The figures file read and checked against its routine.

    Raises:
        InputError: every problem, at its line where there is one.
    """
    text = read_text_file(path, KIND)
    book = read_figures(text, path)
    lines = LineIndex(text)
    routine = find_routine(book.routine)
    if routine is None:
        raise InputError(
            [
                Problem(
                    path,
                    lines.line_of(("routine",)),
                    _(
                        "routine {id} is neither bundled nor one of your own; fix the "
                        "routine = line, or check the routine file together with this one"
                    ).format(id=book.routine),
                )
            ]
        )
    problems = _located(book, routine, path, lines)
    if problems:
        raise InputError(problems)
    return book, routine
