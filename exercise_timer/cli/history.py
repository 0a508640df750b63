"""``history``: the sessions in the journal, oldest first, as text, JSON or CSV."""

from __future__ import annotations

import argparse
import sys

from exercise_timer.cli.errors import EXIT_INVALID, EXIT_OK, say_error
from exercise_timer.cli.registry import Commands, add_command
from exercise_timer.core.i18n import _
from exercise_timer.storage.journal import JournalUnreadable, read_history
from exercise_timer.storage.paths import Paths


def register(commands: Commands) -> None:
    """Adds ``history [--json|--csv]``."""
    history = add_command(
        commands, "history", cmd_history, help=_("list the sessions in the journal")
    )
    formats = history.add_mutually_exclusive_group()
    formats.add_argument("--json", action="store_true", help=_("print JSON"))
    formats.add_argument("--csv", action="store_true", help=_("print CSV"))


def cmd_history(args: argparse.Namespace, paths: Paths) -> int:
    """Lists the recorded sessions; reading never creates or changes the journal file.

    A session that cannot be read is left out of the list and named on standard error; the
    others are listed and the exit code stays 0.
    """
    from exercise_timer.report.history import (  # reports load with their command
        history_csv,
        history_json,
        history_rows,
        history_text,
        skipped_text,
    )
    from exercise_timer.report.table import json_text

    try:
        history = read_history(paths.journal_file)
    except JournalUnreadable as error:
        say_error(error.message)
        return EXIT_INVALID
    rows = history_rows(history.records)
    if args.json:
        print(json_text(history_json(rows)))
    elif args.csv:
        history_csv(rows, sys.stdout)
    else:
        print(history_text(rows))
    if history.skipped:
        say_error(skipped_text(history.skipped))
    return EXIT_OK
