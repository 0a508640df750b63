"""``report --pdf|--html FILE``: the clinic report of one routine's sessions, for a visit."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from exercise_timer.cli.errors import EXIT_INVALID, EXIT_OK, UsageError, say_error
from exercise_timer.cli.personal_day import personal_day
from exercise_timer.cli.registry import Commands, add_command
from exercise_timer.core.i18n import _, ngettext
from exercise_timer.storage.catalogue import DEFAULT_ROUTINE, load_catalogue, open_routine
from exercise_timer.storage.journal import JournalUnreadable, read_history
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.prescription import read_prescription

PAPERS = ("a4", "letter")


def register(commands: Commands) -> None:
    """Adds ``report (--pdf FILE | --html FILE) [--routine ID] [--since DATE] [--until DATE]``."""
    report = add_command(
        commands,
        "report",
        cmd_report,
        help=_("write the clinic report of your sessions as a PDF or HTML file"),
    )
    formats = report.add_mutually_exclusive_group(required=True)
    formats.add_argument("--pdf", metavar="FILE", type=Path, help=_("write a PDF file"))
    formats.add_argument(
        "--html", metavar="FILE", type=Path, help=_("write one self-contained HTML file")
    )
    report.add_argument(
        "--routine",
        metavar="ID",
        help=_("the routine to report on (default: the one of the latest session)"),
    )
    report.add_argument(
        "--since", metavar="DATE", type=_day, help=_("only sessions from DATE (YYYY-MM-DD) on")
    )
    report.add_argument(
        "--until", metavar="DATE", type=_day, help=_("only sessions up to DATE (YYYY-MM-DD)")
    )
    report.add_argument(
        "--prescription",
        metavar="FILE",
        type=Path,
        help=_(
            "the prescription file whose clinic and patient label the report shows (default: "
            "the prescription your values were imported from)"
        ),
    )
    report.add_argument(
        "--paper", choices=PAPERS, default="a4", help=_("the PDF's paper size (default: a4)")
    )


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a date; write it as YYYY-MM-DD, such as 2026-03-01").format(
                text=text
            )
        ) from None


def cmd_report(args: argparse.Namespace, paths: Paths) -> int:
    """Writes the report; reading never creates or changes the journal.

    An empty journal (or period) still gives a report that says there is nothing yet (exit 0).
    """
    from exercise_timer.report.clinic import Period, Prescriber, clinic_report, pick_routine
    from exercise_timer.report.clinic_text import nothing_yet_text

    if args.since is not None and args.until is not None and args.since > args.until:
        raise UsageError(
            _("--since {since} is after --until {until}; give the earlier day first").format(
                since=args.since.isoformat(), until=args.until.isoformat()
            )
        )
    try:
        history = read_history(paths.journal_file)
    except JournalUnreadable as error:
        say_error(error.message)
        return EXIT_INVALID
    if history.skipped:
        from exercise_timer.report.history import skipped_text

        say_error(skipped_text(history.skipped))
    period = Period(None, args.since, args.until)
    prescriber, routine_id = None, args.routine
    if args.prescription is not None:
        prescription, prescribed = read_prescription(args.prescription, load_catalogue(paths))
        if routine_id is not None and routine_id != prescribed.id:
            raise UsageError(
                _("{file} is a prescription of {prescribed}, not of {routine}").format(
                    file=args.prescription, prescribed=prescribed.id, routine=routine_id
                )
            )
        routine_id = prescribed.id
        prescriber = Prescriber(prescription.clinic, prescription.patient, prescription.date)
    routine = open_routine(
        routine_id or pick_routine(history.records, period) or DEFAULT_ROUTINE, paths
    )
    loaded, day = personal_day(paths, routine, lambda: history.records)
    kept = loaded.prescribed
    if prescriber is None and kept is not None:
        prescriber = Prescriber(kept.clinic, kept.patient, kept.dated)
    report = clinic_report(
        history.records,
        routine,
        (loaded, day),
        period=period,
        made_on=date.today(),
        prescriber=prescriber,
    )
    target = args.pdf or args.html
    if args.pdf is not None:
        from exercise_timer.ui.pdf_pages import Paper
        from exercise_timer.ui.report_pdf import write_report_pdf

        pages = write_report_pdf(report, target, Paper(args.paper))
    else:
        from exercise_timer.ui.report_html import write_report_html

        write_report_html(report, target)
        pages = 0
    if not report.sessions:
        print(nothing_yet_text(report))
    count = len(report.sessions)
    written = ngettext(
        "{file}: the report of {routine}, {count} session",
        "{file}: the report of {routine}, {count} sessions",
        count,
    ).format(file=target, routine=routine.id, count=count)
    if pages:
        written = ngettext(
            "{written}, on {pages} page", "{written}, on {pages} pages", pages
        ).format(written=written, pages=pages)
    print(written)
    return EXIT_OK
