"""The ``figures`` command: each exercise's still as a PNG, and an ``index.html`` contact sheet."""

from __future__ import annotations

import argparse
from pathlib import Path

from exercise_timer.cli.errors import EXIT_OK
from exercise_timer.cli.registry import Commands, add_command
from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.problems import InputError, Problem
from exercise_timer.report.contact_sheet import contact_sheet, png_name, shown_versions
from exercise_timer.storage.catalogue import open_routine
from exercise_timer.storage.figure_files import load_routine_figures
from exercise_timer.storage.paths import Paths

PANEL_PIXELS = (360, 270)
"""Each panel of a still: a contact sheet shows it at this size, so every joint can be read."""

__all__ = ["PANEL_PIXELS", "cmd_figures", "png_name", "register"]


def register(commands: Commands) -> None:
    """Adds ``figures``."""
    figures = add_command(
        commands,
        "figures",
        cmd_figures,
        help=_("draw each exercise's start and end poses into PNG files and a contact sheet"),
    )
    figures.add_argument("routine", metavar="ROUTINE", help=_("routine id or path of a .toml file"))
    figures.add_argument(
        "--out", metavar="DIR", type=Path, required=True, help=_("the folder to write into")
    )


def cmd_figures(args: argparse.Namespace, paths: Paths) -> int:
    """Writes one PNG per exercise and variant, and index.html showing them all."""
    routine = open_routine(args.routine, paths)
    book = load_routine_figures(routine, args.routine)
    out: Path = args.out
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(
            [
                Problem(
                    out,
                    None,
                    _("cannot make this folder ({reason}); choose another with --out").format(
                        reason=error.strerror or error.__class__.__name__
                    ),
                )
            ]
        ) from None
    from exercise_timer.ui.figure_stills import save_still  # Qt only for this command
    from exercise_timer.ui.figure_view import ARROW_SHARE
    from exercise_timer.ui.pdf_pages import offscreen_without_display

    offscreen_without_display()  # stills paint into images: no application is needed

    count = 0
    for exercise in routine.exercises:
        for version in shown_versions(exercise):
            variant = version.id if version is not None else None
            figure = book.find(exercise.id, variant)
            if figure is None:
                continue
            target = out / png_name(exercise.id, variant)
            if not save_still(figure, target, PANEL_PIXELS):
                raise InputError(
                    [Problem(target, None, _("cannot be written; check the folder's permissions"))]
                )
            count += 1
    page = out / "index.html"
    try:
        page.write_text(contact_sheet(routine, book, ARROW_SHARE), encoding="utf-8")
    except OSError:
        raise InputError(
            [Problem(page, None, _("cannot be written; check the folder's permissions"))]
        ) from None
    print(
        ngettext(
            "{count} figure and index.html written to {folder}",
            "{count} figures and index.html written to {folder}",
            count,
        ).format(count=count, folder=out)
    )
    return EXIT_OK
