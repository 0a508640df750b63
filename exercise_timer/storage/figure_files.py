"""The bundled figures files: where a routine's poses are, read and checked against it."""

from __future__ import annotations

from pathlib import Path

from exercise_timer import resources
from exercise_timer.core.figures.book import FigureBook
from exercise_timer.core.figures.checks import coverage_problems
from exercise_timer.core.i18n import _
from exercise_timer.core.model import Routine
from exercise_timer.core.problems import InputError, Problem
from exercise_timer.storage.figure_cache import cached_figures, remember_figures


def figures_file(routine_id: str) -> Path:
    """Where the bundled figures of a routine are (the file may not exist)."""
    return resources.asset("figures", f"{routine_id}.toml")


def load_routine_figures(routine: Routine, named: str | None = None) -> FigureBook:
    """The routine's figures, complete for it, or InputError saying what is missing.

    Args:
        routine: The routine.
        named: How the person named it, for the message when it has no figures.
    """
    path = figures_file(routine.id)
    if not path.is_file():
        raise InputError(
            [
                Problem(
                    named or routine.id,
                    None,
                    _(
                        "routine {id} has no figures yet; its poses would be in {file} "
                        "(see assets/figures/README.md)"
                    ).format(id=routine.id, file=f"assets/figures/{routine.id}.toml"),
                )
            ]
        )
    book = cached_figures(path)
    if book is None:
        from exercise_timer.core.figures.reader import load_figures  # on a miss only

        book = load_figures(path)
        remember_figures(path, book)
    if book.routine != routine.id:
        raise InputError(
            [
                Problem(
                    path,
                    None,
                    _("the file is for routine {other}, not {id}; fix its routine = line").format(
                        other=book.routine, id=routine.id
                    ),
                )
            ]
        )
    missing = coverage_problems(book, routine)
    if missing:
        raise InputError([Problem(path, None, message) for message in missing])
    return book


def figures_or_none(routine: Routine) -> FigureBook | None:
    """The routine's figures for the window, or None when it has none or they cannot be read.

    A routine of the person's own (not bundled) or a figures file that fails its checks is
    drawn with the position pictograms instead; ``exercise-timer check`` reports why.
    """
    try:
        return load_routine_figures(routine)
    except (InputError, OSError):
        return None
