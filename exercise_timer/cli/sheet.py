"""The ``sheet`` command: the printed home-exercise sheet of a routine, as a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from exercise_timer.cli.errors import EXIT_OK
from exercise_timer.cli.personal_day import history_reader, personal_day
from exercise_timer.cli.registry import Commands, add_command
from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.model import Routine
from exercise_timer.core.problems import InputError, Problem
from exercise_timer.core.progression import ProgressState
from exercise_timer.core.resolve import Session, resolve
from exercise_timer.storage.catalogue import load_catalogue, open_routine
from exercise_timer.storage.moments import local_now
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_store import Prescribed, Today

PAPERS = ("a4", "letter")
"""The words of ``--paper`` (``ui.pdf_pages.Paper``'s values, kept here so that the command
line is built without importing Qt)."""


def register(commands: Commands) -> None:
    """Adds ``sheet``."""
    sheet = add_command(
        commands,
        "sheet",
        cmd_sheet,
        help=_("print a routine's home-exercise sheet with your own values, as a PDF"),
    )
    sheet.add_argument("routine", metavar="ROUTINE", help=_("routine id or path of a .toml file"))
    sheet.add_argument(
        "--pdf", metavar="FILE", type=Path, required=True, help=_("the PDF file to write")
    )
    sheet.add_argument(
        "--paper", choices=PAPERS, default="a4", help=_("the paper size (default: a4)")
    )
    sheet.add_argument(
        "--clinic", metavar="NAME", help=_("the clinic named at the foot of every page")
    )
    sheet.add_argument(
        "--prescription",
        metavar="FILE",
        type=Path,
        help=_("use this prescription's values, clinic, patient and date instead of yours"),
    )


def cmd_sheet(args: argparse.Namespace, paths: Paths) -> int:
    """Writes the sheet of today's values (or a prescription's) to the PDF file.

    The clinic, patient and date are the prescription's given with ``--prescription``, else
    those kept when the values were imported; ``--clinic`` names another clinic (then the
    prescription's date is not shown beside it).
    """
    routine = open_routine(args.routine, paths)
    printed = local_now().date()
    clinic: str | None = args.clinic
    patient = None
    prescribed = None
    progress: ProgressState | None
    if args.prescription is not None:
        from exercise_timer.storage.prescription import read_prescription

        prescription, prescribed_routine = read_prescription(
            args.prescription, load_catalogue(paths)
        )
        if prescribed_routine.id != routine.id:
            raise InputError(
                [
                    Problem(
                        args.prescription,
                        None,
                        _(
                            "this prescription is for routine {other}, not {id}; give "
                            "{other} as ROUTINE or another prescription"
                        ).format(other=prescribed_routine.id, id=routine.id),
                    )
                ]
            )
        session: Session = resolve(routine, prescription.values)
        progress = None
        clinic = clinic or prescription.clinic
        patient, prescribed = prescription.patient, prescription.date
    else:
        day, kept = _personal_day(paths, routine)
        session, progress = day.session, day.progress
        if kept is not None:
            patient = kept.patient
            if clinic is None or clinic == kept.clinic:
                clinic, prescribed = kept.clinic, kept.dated

    from exercise_timer.ui.pdf_pages import Paper  # Qt only for this command
    from exercise_timer.ui.sheet_pdf import SheetFacts, write_sheet

    facts = SheetFacts(printed=printed, clinic=clinic, patient=patient, prescribed=prescribed)
    pages = write_sheet(args.pdf, session, facts, Paper(args.paper), progress)
    print(
        ngettext("{count} page written to {file}", "{count} pages written to {file}", pages).format(
            count=pages, file=args.pdf
        )
    )
    return EXIT_OK


def _personal_day(paths: Paths, routine: Routine) -> tuple[Today, Prescribed | None]:
    """Today's session with the personal values, and the prescription they came from."""
    loaded, day = personal_day(paths, routine, history_reader(paths))
    return day, loaded.prescribed
