"""``main``: parses the command line, runs the command and turns errors into exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from exercise_timer import __version__
from exercise_timer.cli import catalogue, history, prescription, speech
from exercise_timer.cli.errors import EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError, print_problems
from exercise_timer.cli.registry import handler_of
from exercise_timer.cli.window import add_window_options, cmd_window
from exercise_timer.core.i18n import _
from exercise_timer.core.problems import InputError
from exercise_timer.storage.paths import find_paths

COMMAND_GROUPS = (catalogue, history, speech, prescription)
"""The modules that register commands, in the order ``--help`` lists them."""


def build_parser() -> argparse.ArgumentParser:
    """The whole command line."""
    parser = argparse.ArgumentParser(
        prog="exercise-timer",
        description=_("Guides you through back exercises with a timer and spoken cues."),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--home", metavar="DIR", help=_("keep settings, journal and caches under DIR")
    )
    add_window_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line and returns the exit code.

    Exit codes: 0 success, 1 invalid input (one ``FILE:LINE: problem and fix`` line each,
    never a traceback), 2 usage errors, 3 a session that was stopped (``--exit-when-done``).
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            # A file name that is not UTF-8 must be printed, not crash the report.
            stream.reconfigure(errors="backslashreplace")
    args = build_parser().parse_args(argv)
    paths = find_paths(args.home)
    handler = handler_of(args) or cmd_window
    try:
        return handler(args, paths)
    except InputError as error:
        print_problems(error.problems)
        return EXIT_INVALID
    except UsageError as error:
        print(f"exercise-timer: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
