"""argparse's own words ("usage:", "options:", its errors) in the program's language.

argparse translates them with the standard library's global ``gettext``, which reads the
language from the environment, not from ``--lang`` or the settings. So its two translation
functions are pointed at the program's (:func:`speak_in_program_language`), and the msgids it
shows a person are listed here, so Babel puts them in the program's catalogue like any other
sentence (they must be argparse's exact msgids, ``%`` placeholders and all).
"""

from __future__ import annotations

import argparse

from exercise_timer.core.i18n import N_, _, ngettext

SHOWN = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)
"""What argparse may say to a person using this command line."""

FOR_PROGRAMMERS = frozenset(
    {
        ".__call__() not defined",
        "conflicting subparser: %s",
        "conflicting subparser alias: %s",
        'argument "-" with mode %r',
        "cannot merge actions - two groups are named %r",
        "'required' is an invalid argument for positionals",
        "invalid option string %(option)r: must start with a character %(prefix_chars)r",
        "dest= is required for options like %r",
        "invalid conflict_resolution value: %r",
        "conflicting option string: %s",
        "mutually exclusive arguments must be optional",
        "cannot have multiple subparser arguments",
        "%r is not callable",
        # Only for an option with a number of values (nargs=N), which this program has none of.
        "expected %s argument",
    }
)
"""argparse's msgids that only a mistake in this program's code could show: left in English."""


def speak_in_program_language() -> None:
    """Makes argparse translate through the program's catalogue, in the language in use.

    argparse looks its two functions up each time it speaks, so a language chosen later (the
    window's, ``--lang``) is followed as well. Calling it again changes nothing.
    """
    setattr(argparse, "_", _)  # noqa: B010 (argparse's module-level name, not an attribute)
    setattr(argparse, "ngettext", ngettext)  # noqa: B010
