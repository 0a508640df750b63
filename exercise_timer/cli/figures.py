"""The ``figures`` command: each exercise's still as a PNG, and an ``index.html`` contact sheet."""

from __future__ import annotations

import argparse
import html
import os
from pathlib import Path

from exercise_timer.cli.errors import EXIT_OK
from exercise_timer.cli.registry import Commands, add_command
from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.model import Exercise, Routine
from exercise_timer.core.problems import InputError, Problem
from exercise_timer.storage.catalogue import open_routine
from exercise_timer.storage.figure_files import load_routine_figures
from exercise_timer.storage.paths import Paths


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


def _variants(exercise: Exercise) -> tuple[str | None, ...]:
    return (None, *(variant.id for variant in exercise.variants))


def png_name(exercise: str, variant: str | None) -> str:
    """The file name of an exercise's still."""
    return f"{exercise}.png" if variant is None else f"{exercise}--{variant}.png"


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
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from exercise_timer.ui.figure_view import figure_still  # Qt only for this command

    count = 0
    for exercise in routine.exercises:
        for variant in _variants(exercise):
            figure = book.find(exercise.id, variant)
            if figure is None:
                continue
            target = out / png_name(exercise.id, variant)
            if not figure_still(figure).save(str(target)):
                raise InputError(
                    [Problem(target, None, _("cannot be written; check the folder's permissions"))]
                )
            count += 1
    (out / "index.html").write_text(contact_sheet(routine), encoding="utf-8")
    print(
        ngettext(
            "{count} figure and index.html written to {folder}",
            "{count} figures and index.html written to {folder}",
            count,
        ).format(count=count, folder=out)
    )
    return EXIT_OK


def contact_sheet(routine: Routine) -> str:
    """The HTML page showing every exercise's still with its start position and steps."""
    e = html.escape
    rows = []
    for number, exercise in enumerate(routine.exercises, start=1):
        for variant in _variants(exercise):
            title = exercise.name
            start, steps = exercise.start, exercise.steps
            if variant is not None:
                chosen = next(v for v in exercise.variants if v.id == variant)
                title = _("{exercise} ({variant})").format(
                    exercise=exercise.name, variant=chosen.name
                )
                start = chosen.start or start
                steps = chosen.steps or steps
            items = "".join(f"<li>{e(step)}</li>" for step in steps)
            rows.append(
                f"<section><h2>{number}. {e(title)}</h2>"
                f'<img src="{e(png_name(exercise.id, variant))}" alt="{e(title)}">'
                f"<p><b>{e(_('Start:'))}</b> {e(start)}</p><ol>{items}</ol></section>"
            )
    heading = _("Figures of {routine}").format(routine=routine.title)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{e(heading)}</title>"
        "<style>body{font-family:sans-serif;max-width:1100px;margin:auto}"
        "section{border-bottom:1px solid #ccc;padding:8px 0}img{max-width:100%}</style>"
        f"</head><body><h1>{e(heading)}</h1>\n" + "\n".join(rows) + "\n</body></html>\n"
    )
