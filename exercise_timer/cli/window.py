"""The window: its options, and opening it when no command is given."""

from __future__ import annotations

import argparse
from pathlib import Path

from exercise_timer import startup_gc
from exercise_timer.app.options import AppOptions
from exercise_timer.core import limits
from exercise_timer.core.i18n import _, use_language
from exercise_timer.storage.catalogue import DEFAULT_ROUTINE, load_catalogue, open_routine
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.settings import chosen_language


def add_window_options(parser: argparse.ArgumentParser) -> None:
    """Adds the options of the window (they apply when no command is given)."""
    window = parser.add_argument_group(_("window options"))
    window.add_argument(
        "--routine",
        metavar="ID|PATH",
        default=DEFAULT_ROUTINE,
        help=_("routine to open (default: %(default)s)"),
    )
    window.add_argument("--kiosk", action="store_true", help=_("full-screen looping demonstration"))
    window.add_argument(
        "--kiosk-idle",
        metavar="SECONDS",
        type=idle_seconds,
        help=_(
            "kiosk: end a pause after SECONDS (default 60) and the Stop page after half of it, "
            "then show the start screen"
        ),
    )
    window.add_argument(
        "--speed",
        metavar="FACTOR",
        type=speed_factor,
        default=1.0,
        help=_("divide every duration by FACTOR (demonstrations, tests)"),
    )
    window.add_argument("--autostart", action="store_true", help=_("start the session at once"))
    window.add_argument(
        "--exit-when-done",
        action="store_true",
        help=_("quit after the session: exit 0 if completed, 3 if stopped"),
    )
    window.add_argument("--no-voice", action="store_true", help=_("captions only, no speech"))
    window.add_argument(
        "--trace", metavar="FILE", type=Path, help=_("write one JSON line per event to FILE")
    )


def speed_factor(text: str) -> float:
    """``--speed``: a number within ``limits.SPEED``."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("must be a number such as 2 or 0.5")) from None
    if not limits.SPEED.contains(value):
        raise argparse.ArgumentTypeError(
            _("must be between {low:g} and {high:g}").format(
                low=limits.SPEED.low, high=limits.SPEED.high
            )
        )
    return value


def idle_seconds(text: str) -> float:
    """``--kiosk-idle``: seconds within ``limits.KIOSK_IDLE_SECONDS``."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("must be a number of seconds such as 60")) from None
    if not limits.KIOSK_IDLE_SECONDS.contains(value):
        raise argparse.ArgumentTypeError(
            _("must be between {low:g} and {high:g} seconds").format(
                low=limits.KIOSK_IDLE_SECONDS.low, high=limits.KIOSK_IDLE_SECONDS.high
            )
        )
    return value


def window_options(args: argparse.Namespace) -> AppOptions:
    """The window's options as parsed from the command line."""
    return AppOptions(
        routine=args.routine,
        home=args.home,
        kiosk=args.kiosk,
        speed=args.speed,
        autostart=args.autostart,
        exit_when_done=args.exit_when_done,
        no_voice=args.no_voice,
        trace=args.trace,
        kiosk_idle=args.kiosk_idle,
    )


def cmd_window(args: argparse.Namespace, paths: Paths) -> int:
    """Opens the follow-along window (the routine is validated first, before any window).

    The language comes first, so the routines are read in it: ``--lang`` (already in use)
    wins, else the one chosen in Settings.
    """
    startup_gc.pause()  # until the window has settled (ui/app.py); see decision 0017
    try:
        if getattr(args, "lang", None) is None:
            use_language(chosen_language(paths.settings_file))
        catalogue = load_catalogue(paths)
        routine = open_routine(args.routine, paths, catalogue)
        from exercise_timer.ui.app import run_window  # Qt loads only when a window is wanted

        return run_window(window_options(args), paths, catalogue, routine)
    finally:
        startup_gc.resume()
