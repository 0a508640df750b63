"""``main``: parses the command line, runs the command and turns errors into exit codes."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from exercise_timer import __version__, startup_gc
from exercise_timer.cli.argparse_words import speak_in_program_language
from exercise_timer.cli.errors import EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError, print_problems
from exercise_timer.cli.language import LANG_HELP, apply_language_option
from exercise_timer.cli.registry import handler_of
from exercise_timer.cli.window import add_window_options, cmd_window
from exercise_timer.core.i18n import _
from exercise_timer.core.problems import InputError
from exercise_timer.storage.paths import find_paths
from exercise_timer.storage.tidy import tidy_own_folders

COMMAND_GROUPS = (
    "catalogue",
    "history",
    "speech",
    "prescription",
    "kiosk",
    "figures",
    "sheet",
    "report",
)
"""The modules of ``exercise_timer.cli`` that register commands, in the order ``--help`` lists
them; they are imported only when a command line is more than the window's options."""


def _top_parser(parser_class: type[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    speak_in_program_language()
    parser = parser_class(
        prog="exercise-timer",
        description=_("Guides you through back exercises with a timer and spoken cues."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_("show the program's version number and exit"),
    )
    parser.add_argument(
        "--home", metavar="DIR", help=_("keep settings, journal and caches under DIR")
    )
    parser.add_argument("--lang", metavar="CODE", help=_(LANG_HELP))
    add_window_options(parser)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The whole command line."""
    parser = _top_parser(argparse.ArgumentParser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_GROUPS:
        importlib.import_module(f"exercise_timer.cli.{name}").register(commands)
    return parser


class _NotTheWindowAlone(Exception):
    """The command line asks for more than the window (a command, help, or a mistake)."""


class _WindowParser(argparse.ArgumentParser):
    """The window's options alone; anything else is left to the whole command line."""

    def error(self, message: str) -> NoReturn:
        raise _NotTheWindowAlone(message)

    def print_help(self, file: object = None) -> NoReturn:
        raise _NotTheWindowAlone("help")


def parse_command_line(argv: Sequence[str] | None) -> argparse.Namespace:
    """The parsed command line, with every command only when one may have been asked for.

    Opening the window (no command) is parsed without importing the command groups and
    building their parsers, which the window's start-up would otherwise pay for; any other
    command line, including help and every mistake, is parsed by :func:`build_parser`, so
    what it prints and returns is unchanged.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if "--" in arguments:  # what follows could only be a command
            raise _NotTheWindowAlone("--")
        args = _top_parser(_WindowParser).parse_args(arguments)
    except _NotTheWindowAlone:
        return build_parser().parse_args(arguments)
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line and returns the exit code.

    Exit codes: 0 success, 1 invalid input (one ``FILE:LINE: problem and fix`` line each,
    never a traceback), 2 usage errors, 3 a session that was stopped (``--exit-when-done``).
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            # A file name that is not UTF-8 must be printed, not crash the report.
            stream.reconfigure(errors="backslashreplace")
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not apply_language_option(arguments):
        return EXIT_USAGE
    args = parse_command_line(arguments)
    paths = find_paths(args.home)
    tidy_own_folders(paths)
    handler = handler_of(args) or cmd_window
    if handler is not cmd_window:
        startup_gc.resume()  # paused for the imports (program_start); the window keeps it
    try:
        return handler(args, paths)
    except InputError as error:
        print_problems(error.problems)
        return EXIT_INVALID
    except UsageError as error:
        said = {"prog": "exercise-timer", "message": error}
        print(_("%(prog)s: error: %(message)s\n") % said, end="", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
