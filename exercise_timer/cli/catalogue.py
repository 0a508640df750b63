"""The catalogue commands: ``routines``, ``plan`` and ``check`` (in ``cli.check``)."""

from __future__ import annotations

import argparse

from exercise_timer.cli import check
from exercise_timer.cli.errors import EXIT_OK, print_problems
from exercise_timer.cli.personal_day import history_reader, personal_today
from exercise_timer.cli.registry import Commands, add_command
from exercise_timer.core.cue_fit import CuePlan
from exercise_timer.core.i18n import _
from exercise_timer.core.resolve import Session
from exercise_timer.storage.catalogue import load_catalogue, open_routine
from exercise_timer.storage.paths import Paths


def register(commands: Commands) -> None:
    """Adds ``routines``, ``plan`` and ``check``."""
    listing = add_command(
        commands, "routines", cmd_routines, help=_("list the bundled and personal routines")
    )
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    plan = add_command(commands, "plan", cmd_plan, help=_("show every phase a session will run"))
    plan.add_argument("routine", metavar="ROUTINE", help=_("routine id or path of a .toml file"))
    plan.add_argument("--json", action="store_true", help=_("print JSON"))
    check.register(commands)


def cmd_routines(args: argparse.Namespace, paths: Paths) -> int:
    """Lists the routines with the estimated duration of today's session."""
    from exercise_timer.core.plan import make_plan  # reports load with their command
    from exercise_timer.report.routines import routine_row, routines_json, routines_text
    from exercise_timer.report.table import json_text

    catalogue = load_catalogue(paths)
    history = history_reader(paths)
    rows = []
    for routine in catalogue.routines:
        day = personal_today(paths, routine, history)
        rows.append(routine_row(routine, make_plan(day.session, with_cues=False).total_seconds))
    if args.json:
        print(json_text(routines_json(rows)))
    elif rows:
        print(routines_text(rows))
    print_problems(catalogue.problems)
    return EXIT_OK


def cmd_plan(args: argparse.Namespace, paths: Paths) -> int:
    """Prints every phase the session will run, with the personal values of today."""
    from exercise_timer.core.plan import make_plan
    from exercise_timer.report.plan import plan_json, plan_report, plan_text
    from exercise_timer.report.table import json_text

    routine = open_routine(args.routine, paths)
    day = personal_today(paths, routine, history_reader(paths))
    rate, cues = spoken_cues(day.session, paths, measure=not getattr(args, "no_voice", False))
    report = plan_report(make_plan(day.session), day, cues, rate)
    print(json_text(plan_json(report)) if args.json else plan_text(report))
    return EXIT_OK


def spoken_cues(session: Session, paths: Paths, *, measure: bool) -> tuple[int, CuePlan]:
    """The cues fitted at the saved voice and rate, measuring the lengths not yet known."""
    from exercise_timer.app.cue_voice import fit_measured, real_measure
    from exercise_timer.app.services import voice_settings
    from exercise_timer.core.cue_fit import Timing
    from exercise_timer.core.schedule import build_schedule
    from exercise_timer.storage.cue_lengths import CueLengths
    from exercise_timer.storage.settings import load_settings

    settings = load_settings(paths.settings_file).settings
    voice = voice_settings(settings)
    lengths = CueLengths(paths.cue_seconds_file, voice.voice, voice.rate)
    measured = real_measure(voice.voice, voice.rate) if measure else None
    timing = Timing(countdown=settings.countdown)
    return voice.rate, fit_measured(build_schedule(session), lengths, timing, measured)
