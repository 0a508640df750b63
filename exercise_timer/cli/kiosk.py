"""``kiosk stats|pin``: what a clinic kiosk counted, and the PIN that lets staff leave it."""

from __future__ import annotations

import argparse
from typing import Any

from exercise_timer.cli.errors import EXIT_INVALID, EXIT_OK, say_error
from exercise_timer.cli.prescription import read_new_pin, read_pin
from exercise_timer.cli.registry import Commands, add_command
from exercise_timer.core import limits
from exercise_timer.core.i18n import N_, _, pgettext
from exercise_timer.storage.kiosk_counter import (
    STOP_REASONS,
    Counts,
    KioskCounts,
    kiosk_counter_file,
    read_kiosk_counts,
)
from exercise_timer.storage.kiosk_pin import (
    clear_kiosk_pin,
    has_kiosk_pin,
    kiosk_pin_file,
    kiosk_pin_problem,
    set_kiosk_pin,
)
from exercise_timer.storage.lock import LockError
from exercise_timer.storage.paths import Paths

_REASON_COLUMNS = (N_("pain"), N_("numbness"), N_("dizziness"), N_("other"), N_("closed"))
"""The last five columns of ``kiosk stats``: the stop reasons, in STOP_REASONS' order."""


def _header() -> list[str]:
    """The columns of ``kiosk stats``, each a number of sessions but the date."""
    counted = [
        pgettext("sessions counted", "started"),
        pgettext("sessions counted", "completed"),
        pgettext("sessions counted", "stopped"),
    ]
    return [_("date"), *counted, *(_(reason) for reason in _REASON_COLUMNS)]


def register(commands: Commands) -> None:
    """Adds ``kiosk stats`` and ``kiosk pin``."""
    kiosk = add_command(
        commands,
        "kiosk",
        cmd_kiosk,
        help=_("show what a clinic kiosk counted, or set the PIN that leaves it"),
    )
    actions = kiosk.add_subparsers(dest="kiosk_command", metavar="ACTION", required=True)
    stats = actions.add_parser(
        "stats", help=_("sessions the kiosk started, completed and stopped, per day")
    )
    stats.add_argument("--json", action="store_true", help=_("print JSON"))
    pin = actions.add_parser("pin", help=_("set the PIN that leaves the kiosk (Ctrl+Shift+Q)"))
    pin.add_argument(
        "--clear", action="store_true", help=_("remove the kiosk PIN (asks for it first)")
    )
    pin.add_argument(
        "--pin-stdin",
        action="store_true",
        help=_("read the PIN as one line from standard input instead of asking"),
    )


def cmd_kiosk(args: argparse.Namespace, paths: Paths) -> int:
    """Runs the action; a PIN problem or a file that cannot be written is one line, exit 1."""
    if args.kiosk_command == "stats":
        return stats(paths, as_json=args.json)
    try:
        if args.clear:
            return clear(paths, pin_stdin=args.pin_stdin)
        return set_pin(paths, pin_stdin=args.pin_stdin)
    except LockError as error:
        say_error(error.message)
        return EXIT_INVALID
    except OSError as error:
        say_error(
            _("{file}: could not be written ({reason}); nothing was changed.").format(
                file=kiosk_pin_file(paths), reason=(error.strerror or str(error)).lower()
            )
        )
        return EXIT_INVALID


def stats(paths: Paths, *, as_json: bool) -> int:
    """Prints the counts, one line per day and a total; a damaged file is exit 1."""
    from exercise_timer.report.table import json_text, text_table

    counts = read_kiosk_counts(kiosk_counter_file(paths))
    if counts.problem is not None:
        say_error(counts.problem)
        return EXIT_INVALID
    if as_json:
        print(json_text(stats_json(counts)))
        return EXIT_OK
    rows = [_header()]
    rows += [[day.day.isoformat(), *_cells(day.counts)] for day in counts.days]
    rows.append([_("total"), *_cells(counts.total)])
    print(text_table(rows))
    return EXIT_OK


def stats_json(counts: KioskCounts) -> dict[str, Any]:
    """``{"days": [{"date", "started", "completed", "stopped": {REASON: n}}], "total": {...}}``."""
    return {
        "days": [{"date": day.day.isoformat(), **_counts_json(day.counts)} for day in counts.days],
        "total": _counts_json(counts.total),
    }


def _counts_json(counts: Counts) -> dict[str, Any]:
    return {
        "started": counts.started,
        "completed": counts.completed,
        "stopped": {reason: counts.stopped[reason] for reason in STOP_REASONS},
    }


def _cells(counts: Counts) -> list[str]:
    numbers = [counts.started, counts.completed, counts.stopped_total]
    numbers += [counts.stopped[reason] for reason in STOP_REASONS]
    return [str(number) for number in numbers]


def set_pin(paths: Paths, *, pin_stdin: bool) -> int:
    """Sets the kiosk PIN (asked twice on a terminal)."""
    if has_kiosk_pin(paths):
        raise LockError(
            kiosk_pin_problem(paths)
            or _(
                "The kiosk has a PIN already; clear it with the current PIN first "
                "(exercise-timer kiosk pin --clear), then set the new one."
            )
        )
    prompt = _("New kiosk PIN ({low}-{high} digits): ").format(
        low=int(limits.PIN_DIGITS.low), high=int(limits.PIN_DIGITS.high)
    )
    set_kiosk_pin(paths, read_new_pin(prompt, pin_stdin=pin_stdin))
    print(_("Set: leaving the kiosk (Ctrl+Shift+Q) now asks for this PIN."))
    return EXIT_OK


def clear(paths: Paths, *, pin_stdin: bool) -> int:
    """Removes the kiosk PIN, given the current one."""
    if not has_kiosk_pin(paths):
        print(_("The kiosk has no PIN of its own."))
        return EXIT_OK
    problem = kiosk_pin_problem(paths)
    if problem is not None:
        raise LockError(problem)
    clear_kiosk_pin(paths, read_pin(_("Kiosk PIN: "), from_stdin=pin_stdin))
    print(
        _(
            "Cleared: leaving the kiosk now asks for the clinician's PIN if the values are "
            "locked, and for no PIN otherwise."
        )
    )
    return EXIT_OK
