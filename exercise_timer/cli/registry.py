"""The command registry: each command group adds its subcommands with the handler they run.

A group module has a ``register(commands)`` function that calls :func:`add_command` once per
command; :func:`handler_of` finds the handler of the command given, or None for the window.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from exercise_timer.cli.language import LANG_HELP
from exercise_timer.core.i18n import _
from exercise_timer.storage.paths import Paths

Handler = Callable[[argparse.Namespace, Paths], int]
"""Runs one command with its parsed arguments and the folders; returns the exit code."""

Commands = Any
"""What ``ArgumentParser.add_subparsers`` returns (argparse does not name its type)."""


def add_command(commands: Commands, name: str, handler: Handler, *, help: str) -> Any:
    """Adds the subcommand ``name`` that runs ``handler``; returns its parser for the options."""
    parser = commands.add_parser(name, help=help)
    parser.set_defaults(handler=handler)
    # Also after the command; applied before parsing (cli.language), so a default must not show.
    parser.add_argument("--lang", metavar="CODE", default=argparse.SUPPRESS, help=_(LANG_HELP))
    return parser


def handler_of(args: argparse.Namespace) -> Handler | None:
    """The handler of the command on the command line; None when no command was given."""
    handler: Handler | None = getattr(args, "handler", None)
    return handler
