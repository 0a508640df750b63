"""``prescription export|import|show|lock|unlock``: the values a clinician prescribes."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from exercise_timer.cli.errors import EXIT_INVALID, EXIT_OK, UsageError, say_error
from exercise_timer.cli.personal_day import history_reader
from exercise_timer.cli.registry import Commands, add_command
from exercise_timer.core import limits
from exercise_timer.core.i18n import _, ngettext
from exercise_timer.report.table import safe_text
from exercise_timer.storage.catalogue import open_routine
from exercise_timer.storage.lock import (
    LockError,
    check_pin,
    clear_pin,
    is_locked,
    lock_file,
    lock_problem,
    pin_problem,
    set_pin,
)
from exercise_timer.storage.own_folders import own_folder_problem
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_store import load_personal, personal_file, today
from exercise_timer.storage.pin_tries import PinTries, pin_tries_file
from exercise_timer.storage.prescription import export_prescription, import_prescription


def register(commands: Commands) -> None:
    """Adds ``prescription`` and its actions."""
    prescription = add_command(
        commands,
        "prescription",
        cmd_prescription,
        help=_("export, import or show the personal values a clinician prescribed; lock them"),
    )
    actions = prescription.add_subparsers(
        dest="prescription_command", metavar="ACTION", required=True
    )
    export = actions.add_parser(
        "export", help=_("write a routine's personal values to a prescription file")
    )
    export.add_argument("routine", metavar="ROUTINE", help=_("routine id or path of a .toml file"))
    export.add_argument("file", metavar="FILE", type=Path, help=_("the prescription file to write"))
    export.add_argument(
        "--clinic",
        metavar="NAME",
        help=_(
            "who prescribes the values (default: the clinic of the prescription they were "
            "imported from)"
        ),
    )
    export.add_argument(
        "--patient",
        metavar="LABEL",
        help=_(
            "an optional label for the patient, such as initials (default: the one of the "
            "prescription the values were imported from)"
        ),
    )
    imported = actions.add_parser(
        "import", help=_("check a prescription file and make its values the personal values")
    )
    imported.add_argument("file", metavar="FILE", type=Path, help=_("the prescription file"))
    show = actions.add_parser(
        "show", help=_("list each exercise's value in the routine, the personal value and today's")
    )
    show.add_argument("routine", metavar="ROUTINE", help=_("routine id or path of a .toml file"))
    lock = actions.add_parser(
        "lock", help=_("set a clinician PIN that the editor and import will ask for")
    )
    unlock = actions.add_parser("unlock", help=_("remove the clinician PIN"))
    for action in (imported, lock, unlock):
        action.add_argument(
            "--pin-stdin",
            action="store_true",
            help=_("read the PIN as one line from standard input instead of asking"),
        )


def cmd_prescription(args: argparse.Namespace, paths: Paths) -> int:
    """Runs the action; a lock problem or a file that cannot be written is one line, exit 1."""
    action = args.prescription_command
    own_folder = own_folder_problem(args.file, paths) if action in ("export", "import") else None
    if own_folder is not None:
        say_error(own_folder)
        return EXIT_INVALID
    try:
        if action == "export":
            return export(args.routine, args.file, paths, clinic=args.clinic, patient=args.patient)
        if action == "import":
            return import_(args.file, paths, pin_stdin=args.pin_stdin)
        if action == "show":
            return show(args.routine, paths)
        if action == "lock":
            return lock(paths, pin_stdin=args.pin_stdin)
        return unlock(paths, pin_stdin=args.pin_stdin)
    except LockError as error:
        say_error(error.message)
        return EXIT_INVALID
    except BrokenPipeError:
        raise  # the reader went away (``| head``); main() treats that as done
    except OSError as error:
        target = {
            "export": args.file if action == "export" else None,
            "import": paths.personal_dir,
            "lock": lock_file(paths),
            "unlock": lock_file(paths),
        }.get(action)
        say_error(
            _("{file}: could not be written ({reason}); nothing was changed.").format(
                file=target or paths.config_dir, reason=(error.strerror or str(error)).lower()
            )
        )
        return EXIT_INVALID


def export(name: str, file: Path, paths: Paths, *, clinic: str | None, patient: str | None) -> int:
    """Writes the routine's saved personal values as a prescription file.

    Without ``--clinic`` (or ``--patient``), the one of the prescription the values were
    imported from is kept; with no such prescription, ``--clinic`` is a usage error.
    """
    routine = open_routine(name, paths)
    loaded = load_personal(paths, routine)
    if loaded.problem is not None:
        say_error(
            _("{problem} Nothing was exported; set the values again, then export.").format(
                problem=loaded.problem
            )
        )
        return EXIT_INVALID
    if loaded.prescribed_problem is not None:
        say_error(loaded.prescribed_problem)
    if clinic is None and loaded.prescribed is None:
        raise UsageError(
            _(
                "the values of {routine} were not imported from a prescription, so no clinic "
                "is known; give it with --clinic NAME"
            ).format(routine=routine.id)
        )
    prescription = export_prescription(loaded, file, clinic=clinic, patient=patient)
    count = len(prescription.values.exercises)
    print(
        ngettext(
            "{file}: prescription of {routine} from {clinic}, values for {count} exercise",
            "{file}: prescription of {routine} from {clinic}, values for {count} exercises",
            count,
        ).format(file=file, routine=routine.id, clinic=safe_text(prescription.clinic), count=count)
    )
    return EXIT_OK


def import_(file: Path, paths: Paths, *, pin_stdin: bool) -> int:
    """Validates a prescription and, when all is well, saves it as the personal values."""
    pin = None
    if is_locked(paths):
        wrong = _("That PIN is not right; nothing was changed.")
        pin = clinician_pin(paths, pin_stdin=pin_stdin, wrong=wrong)
    imported = import_prescription(paths, file, pin=pin)
    prescription = imported.prescription
    print(
        _(
            "{file}: imported the prescription of {routine} from {clinic} dated {date}; "
            "saved to {saved}"
        ).format(
            file=file,
            routine=imported.routine.id,
            clinic=safe_text(prescription.clinic),
            date=prescription.date.isoformat(),
            saved=imported.saved_to,
        )
    )
    return EXIT_OK


def show(name: str, paths: Paths) -> int:
    """A table of each exercise: the routine's value, the personal value, today's."""
    from exercise_timer.report.prescription import prescription_rows, prescription_sheet

    routine = open_routine(name, paths)
    loaded = load_personal(paths, routine)
    if loaded.problem is not None:
        say_error(loaded.problem)
    if loaded.prescribed_problem is not None:
        say_error(loaded.prescribed_problem)
    history = history_reader(paths)
    day = today(loaded, history() if loaded.progression.enabled else [])
    file = personal_file(paths, routine.id)
    locked = is_locked(paths)
    print(
        prescription_sheet(
            routine,
            prescription_rows(loaded, day),
            personal_file=file if file.exists() else None,
            locked=locked,
            lock_problem=lock_problem(paths) if locked else None,
            progress=day.progress,
            prescribed=loaded.prescribed,
        )
    )
    return EXIT_OK


def lock(paths: Paths, *, pin_stdin: bool) -> int:
    """Sets the clinician PIN (asked twice on a terminal)."""
    if is_locked(paths):
        raise LockError(
            lock_problem(paths)
            or _("The values are already locked; unlock them with the current PIN first.")
        )
    prompt = _("New clinician PIN ({low}-{high} digits): ").format(
        low=int(limits.PIN_DIGITS.low), high=int(limits.PIN_DIGITS.high)
    )
    set_pin(paths, read_new_pin(prompt, pin_stdin=pin_stdin))
    print(_("Locked: the editor and prescription import now ask for this PIN."))
    return EXIT_OK


def unlock(paths: Paths, *, pin_stdin: bool) -> int:
    """Removes the clinician PIN."""
    if not is_locked(paths):
        print(_("The values are not locked."))
        return EXIT_OK
    wrong = _("That PIN is not right; the values stay locked.")
    clear_pin(paths, clinician_pin(paths, pin_stdin=pin_stdin, wrong=wrong))
    print(_("Unlocked: anyone can change the values again."))
    return EXIT_OK


def clinician_pin(paths: Paths, *, pin_stdin: bool, wrong: str) -> str:
    """The clinician's PIN, asked and checked; wrong ones are counted and made to wait.

    Raises:
        LockError: The lock file cannot be read, a wait after wrong PINs runs (the PIN is
            not even asked), or the PIN given is wrong (``wrong`` says so, then what follows).
    """
    problem = lock_problem(paths)
    if problem is not None:
        raise LockError(problem)
    tries = PinTries(pin_tries_file(paths))
    refusal = tries.refusal()
    if refusal is not None:
        raise LockError(refusal)
    pin = read_pin(_("Clinician PIN: "), from_stdin=pin_stdin)
    answer = tries.attempt(lambda given: check_pin(paths, given), pin)
    if not answer.ok:
        raise LockError(f"{wrong} {answer.later}")
    return pin


def read_new_pin(prompt: str, *, pin_stdin: bool) -> str:
    """A new PIN: one that keeps the PIN rules, asked twice on a terminal.

    Raises:
        LockError: The PIN breaks a rule, or the two differ.
    """
    pin = read_pin(prompt, from_stdin=pin_stdin)
    problem = pin_problem(pin)
    if problem is not None:
        raise LockError(problem)
    if not pin_stdin and read_pin(_("The same PIN again: "), from_stdin=False) != pin:
        raise LockError(_("The two PINs differ; nothing was changed."))
    return pin


def read_pin(prompt: str, *, from_stdin: bool) -> str:
    """A PIN from one line of standard input, or asked without echo on a terminal."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UsageError(_("no terminal to ask for the PIN; give it on one line with --pin-stdin"))
    return getpass.getpass(prompt)
