"""The ``check`` command: routine files and figures files, each problem at its line with the fix.

A file is read as a figures file when it names a ``routine`` and has no ``id`` of its own
(``storage.figure_check.looks_like_figures``), else as a routine file, as ``check`` always did.
A figures file is checked against its routine: one given on the same command line first, else
the bundled or personal routine of that id. ``--bundled`` checks every bundled routine and
figures file, as an installed program holds them.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from exercise_timer import resources
from exercise_timer.cli.errors import EXIT_INVALID, EXIT_OK, UsageError, print_problems
from exercise_timer.cli.registry import Commands, add_command
from exercise_timer.core.figures.reader import KIND as FIGURES_KIND
from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.loader import load_routine, translation_problems
from exercise_timer.core.model import Routine
from exercise_timer.core.problems import InputError, Problem
from exercise_timer.core.toml_reader import read_toml_file
from exercise_timer.core.translation_files import routine_file_of
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.figure_check import check_figures_file, looks_like_figures
from exercise_timer.storage.paths import Paths


def register(commands: Commands) -> None:
    """Adds ``check``."""
    check = add_command(
        commands, "check", cmd_check, help=_("validate routine files and figures files")
    )
    check.add_argument("files", metavar="FILE", nargs="*", type=Path)
    check.add_argument(
        "--bundled",
        action="store_true",
        help=_("also check every bundled routine and its figures file"),
    )


def bundled_files() -> list[Path]:
    """Every bundled routine file, each followed by its figures file if it has one."""
    files = []
    for routine in sorted(resources.routines_dir().glob("*.toml")):
        files.append(routine)
        figures = resources.asset("figures", routine.name)
        if figures.is_file():
            files.append(figures)
    return files


def cmd_check(args: argparse.Namespace, paths: Paths) -> int:
    """Validates each file; one line per problem."""
    files: list[Path] = list(args.files)
    if args.bundled:
        files.extend(bundled_files())
    if not files:
        raise UsageError(_("name the files to check, or give --bundled"))
    return check_files(files, paths)


def _is_figures(file: Path) -> bool:
    try:
        return looks_like_figures(read_toml_file(file, FIGURES_KIND))
    except InputError:
        return False  # the routine reader says what is wrong with it, as before


def check_files(files: Sequence[Path], paths: Paths) -> int:
    """Prints ``FILE: ok`` for each valid file, then every problem; exit 1 if there is one.

    Routine files are read first, so a figures file can be checked against a routine given
    beside it.
    """
    problems: list[Problem] = []
    figures = [file for file in files if _is_figures(file)]
    given: dict[str, Routine] = {}
    for file in files:
        if file in figures:
            continue
        if file.suffix == ".po":  # a routine's translation: checked with its routine
            file = routine_file_of(file)
        try:
            routine = load_routine(file)
        except InputError as error:
            problems.extend(error.problems)
            continue
        problems.extend(translation_problems(file))
        given.setdefault(routine.id, routine)
        count = len(routine.exercises)
        print(
            ngettext("{file}: ok, {count} exercise", "{file}: ok, {count} exercises", count).format(
                file=file, count=count
            )
        )
    catalogue = load_catalogue(paths) if figures else None

    def find(routine_id: str) -> Routine | None:
        if routine_id in given:
            return given[routine_id]
        return catalogue.find(routine_id) if catalogue is not None else None

    for file in figures:
        try:
            book, routine = check_figures_file(file, find)
        except InputError as error:
            problems.extend(error.problems)
            continue
        count = len(book.figures)
        print(
            ngettext(
                "{file}: ok, poses of {count} exercise of {routine}",
                "{file}: ok, poses of {count} exercises of {routine}",
                count,
            ).format(file=file, count=count, routine=routine.id)
        )
    print_problems(problems)
    return EXIT_INVALID if problems else EXIT_OK
