"""Prescriptions as files: a clinic hands a patient their personal values as one TOML file.

::

    format_version = 1
    kind = "exercise-timer prescription"
    routine = "chiro-clinic"
    clinic = "Main Street Chiropractic"
    patient = "J. D."                    # optional
    date = 2026-11-21
    order = ["forward-flexion"]          # optional

    [progression]                        # optional
    enabled = true
    every = 2

    [exercises.forward-flexion]          # the same keys as a personal-values file
    variant = "seated"
    hold_seconds = [10]
    repetitions = 8

Importing validates everything against the routine first and writes the personal values only
when there is nothing wrong, atomically: a file with any problem changes nothing. The clinic,
patient label, date and file name are kept with the values (``[prescribed]``), and an export
of them names the same clinic and patient unless new ones are given.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from exercise_timer.core.i18n import _
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import PersonalValues
from exercise_timer.core.problems import InputError, Problem
from exercise_timer.core.progression import NO_PROGRESSION, Progression
from exercise_timer.core.textfile import read_text_file
from exercise_timer.core.toml_lines import LineIndex
from exercise_timer.core.toml_reader import parse_toml, read_toml_file
from exercise_timer.storage.atomic import write_text_atomic
from exercise_timer.storage.catalogue import Catalogue, load_catalogue
from exercise_timer.storage.lock import LockError, check_pin, is_locked, lock_problem
from exercise_timer.storage.moments import local_now
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_store import (
    MAX_TEXT,
    LoadedPersonal,
    Prescribed,
    load_personal,
    parse_values,
    personal_file,
    save_personal,
    text_problem,
    values_document,
)
from exercise_timer.storage.schema import shown_value
from exercise_timer.storage.toml_text import toml_text

PRESCRIPTION_FORMAT_VERSION = 1
PRESCRIPTION_KIND = "exercise-timer prescription"

_KEYS = (
    "format_version",
    "kind",
    "routine",
    "clinic",
    "patient",
    "date",
    "order",
    "progression",
    "exercises",
)


@dataclass(frozen=True)
class Prescription:
    """What a prescription file says.

    Attributes:
        routine_id: The routine the values are for.
        clinic: Who prescribed them.
        date: When.
        values: The personal values.
        progression: Whether to build up to them (``started`` is never part of a file).
        patient: An optional label for the patient (not needed; may be initials).
    """

    routine_id: str
    clinic: str
    date: date
    values: PersonalValues
    progression: Progression = NO_PROGRESSION
    patient: str | None = None


@dataclass(frozen=True)
class Imported:
    """A prescription that was imported, its routine, and where the values were saved."""

    prescription: Prescription
    routine: Routine
    saved_to: Path


# Writing.


def prescription_text(prescription: Prescription) -> str:
    """The TOML text of a prescription file."""
    document: dict[str, Any] = {
        "format_version": PRESCRIPTION_FORMAT_VERSION,
        "kind": PRESCRIPTION_KIND,
        "routine": prescription.routine_id,
        "clinic": prescription.clinic,
    }
    if prescription.patient:
        document["patient"] = prescription.patient
    document["date"] = prescription.date
    document.update(values_document(prescription.values, prescription.progression, started=False))
    return toml_text(document)


def write_prescription(path: Path, prescription: Prescription) -> None:
    """Writes a prescription file atomically.

    An existing file is replaced only when it is itself a prescription, so a routine or any
    other file given by mistake is never overwritten.

    Raises:
        InputError: ``path`` is a folder, in a folder that does not exist, or an existing
            file that is not a prescription.
        OSError: The file could not be written (an old one is left as it was).
    """
    if path.is_dir():
        raise _one(path, None, _("is a folder; give the name of the file to write"))
    if not path.parent.is_dir():
        raise _one(
            path,
            None,
            _("the folder {folder} does not exist; give a file in an existing folder").format(
                folder=path.parent
            ),
        )
    if path.exists() and not _is_prescription_file(path):
        raise _one(
            path,
            None,
            _("exists and is not a prescription; choose another file name so it is not lost"),
        )
    write_text_atomic(path, prescription_text(prescription))


def _is_prescription_file(path: Path) -> bool:
    try:
        data = read_toml_file(path, _("prescription"))
    except InputError:
        return False
    return data.get("kind") == PRESCRIPTION_KIND


def export_prescription(
    loaded: LoadedPersonal,
    path: Path,
    *,
    clinic: str | None = None,
    patient: str | None = None,
    on: date | None = None,
) -> Prescription:
    """Writes the saved personal values of a routine as a prescription file.

    Args:
        loaded: The routine's personal values, from ``load_personal``.
        path: The file to write.
        clinic: Who prescribes the values; None or blank: the clinic of the prescription
            the values were imported from.
        patient: An optional label for the patient; None or blank: the label of the
            prescription the values were imported from, if any.
        on: The prescription's date (default: today).

    Raises:
        InputError: The clinic or patient is not acceptable (or there is no clinic), or
            ``path`` cannot be used.
        OSError: The file could not be written.
    """
    kept = loaded.prescribed
    if not (clinic and clinic.strip()) and kept is not None:
        clinic = kept.clinic
    if not (patient and patient.strip()) and kept is not None:
        patient = kept.patient
    problems = [
        Problem(path, None, message)
        for message in (text_problem("clinic", clinic, True), text_problem("patient", patient))
        if message
    ]
    if problems or clinic is None:
        raise InputError(problems)
    prescription = Prescription(
        routine_id=loaded.routine.id,
        clinic=clinic.strip(),
        patient=patient.strip() if patient and patient.strip() else None,
        date=on or date.today(),
        values=loaded.values,
        progression=Progression(
            enabled=loaded.progression.enabled,
            every=loaded.progression.every,
            start_hold=loaded.progression.start_hold,
            start_repetitions=loaded.progression.start_repetitions,
        ),
    )
    write_prescription(path, prescription)
    return prescription


# Reading.


def read_prescription(path: Path, catalogue: Catalogue) -> tuple[Prescription, Routine]:
    """Reads and validates a prescription file against its routine; changes nothing.

    Raises:
        InputError: One ``FILE:LINE: problem`` per thing wrong with the file.
    """
    return parse_prescription_text(read_text_file(path, _("prescription")), path, catalogue)


def parse_prescription_text(
    text: str, path: Path | str, catalogue: Catalogue
) -> tuple[Prescription, Routine]:
    """Parses and validates prescription text; ``path`` is only used in messages.

    Raises:
        InputError: One problem per thing wrong, each with its line where known.
    """
    data = parse_toml(text, path, _("prescription"))
    index = LineIndex(text)

    def problem(key: tuple[str | int, ...], message: str) -> Problem:
        return Problem(path, index.line_of(key), message)

    if data.get("kind") != PRESCRIPTION_KIND:
        raise InputError(
            [
                problem(
                    ("kind",),
                    _(
                        'is not a prescription file (it needs kind = "{kind}"); export one with '
                        "exercise-timer prescription export"
                    ).format(kind=PRESCRIPTION_KIND),
                )
            ]
        )
    problems: list[Problem] = []
    version = data.get("format_version")
    if version != PRESCRIPTION_FORMAT_VERSION or isinstance(version, bool):
        problems.append(
            problem(
                ("format_version",),
                _(
                    "format_version is {value}; this program reads prescriptions of "
                    "format_version = {known} (a newer program may be needed)"
                ).format(value=shown_value(version), known=PRESCRIPTION_FORMAT_VERSION),
            )
        )
    for key in data:
        if key not in _KEYS:
            problems.append(
                problem((key,), _("{key} is not a known key; remove it").format(key=key))
            )
    clinic = data.get("clinic")
    message = text_problem("clinic", clinic, True)
    if message:
        problems.append(problem(("clinic",), message))
    patient = data.get("patient")
    message = text_problem("patient", patient)
    if message:
        problems.append(problem(("patient",), message))
    written = data.get("date")
    if not isinstance(written, date):
        problems.append(
            problem(
                ("date",),
                _("date is {value}; write the prescription's date as 2026-11-21").format(
                    value=shown_value(written)
                )
                if written is not None
                else _("the date is missing; add date = 2026-11-21 with the prescription's date"),
            )
        )
    routine_id = data.get("routine")
    routine = catalogue.find(routine_id) if isinstance(routine_id, str) else None
    if routine is None:
        known = ", ".join(r.id for r in catalogue.routines)
        problems.append(
            problem(
                ("routine",),
                _(
                    "routine is {value}, which is not a routine on this computer; use one of "
                    "{known}, or add the routine file first"
                ).format(value=shown_value(routine_id), known=known)
                if routine_id is not None
                else _('the routine is missing; add routine = "ID" naming the routine'),
            )
        )
        raise InputError(problems)
    values, progression, wrong = parse_values(data, routine, allow_started=False)
    problems.extend(problem(item.where, str(item)) for item in wrong)
    if problems or not isinstance(written, date):
        raise InputError(problems)
    return (
        Prescription(
            routine_id=routine.id,
            clinic=str(clinic).strip(),
            patient=patient.strip() if isinstance(patient, str) and patient.strip() else None,
            date=written.date() if isinstance(written, datetime) else written,
            values=values,
            progression=progression,
        ),
        routine,
    )


def _one(path: Path | str, line: int | None, message: str) -> InputError:
    return InputError([Problem(path, line, message)])


# Importing.


def import_prescription(
    paths: Paths,
    path: Path,
    *,
    pin: str | None = None,
    catalogue: Catalogue | None = None,
    now: Callable[[], datetime] = local_now,
) -> Imported:
    """Validates a prescription and, only when all is well, saves it as the personal values.

    The personal values of the routine are replaced atomically, with the clinic, patient
    label, date and file name of the prescription (``[prescribed]``); on any problem nothing
    is written. Progression keeps its count when the same prescription is imported again, and
    starts afresh when anything it builds up to changed (see ``save_personal``).

    Args:
        paths: Where the program keeps its files.
        path: The prescription file.
        pin: The clinician's PIN, needed when the values are locked.
        catalogue: The routines (default: loaded from ``paths``).
        now: The current time (progression start, name of a damaged file kept aside).

    Raises:
        LockError: The values are locked and ``pin`` is missing or wrong.
        InputError: The file has problems (nothing was written).
        OSError: The values could not be written (the old file is left as it was).
    """
    if is_locked(paths) and (pin is None or not check_pin(paths, pin)):
        raise LockError(
            lock_problem(paths)
            or (
                _("The values are locked; importing a prescription needs the clinician's PIN.")
                if pin is None
                else _("That PIN is not right; nothing was changed.")
            )
        )
    prescription, routine = read_prescription(path, catalogue or load_catalogue(paths))
    # Keep a damaged file aside before writing: it is never overwritten in place.
    load_personal(paths, routine, now=now, keep_aside_if_unusable=True)
    save_personal(
        paths,
        routine.id,
        prescription.values,
        prescription.progression,
        now=now,
        prescribed=prescribed_by(prescription, path),
    )
    return Imported(prescription, routine, personal_file(paths, routine.id))


def prescribed_by(prescription: Prescription, path: Path) -> Prescribed:
    """What a personal file keeps of the prescription ``path`` its values came from."""
    return Prescribed(
        clinic=prescription.clinic,
        dated=prescription.date,
        patient=prescription.patient,
        file=path.name[:MAX_TEXT],
    )
