"""What the window needs of personal values, prescriptions and the lock, in one object.

The window is handed this (tests hand it one over a temporary folder), so it never builds
paths or reads files itself.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from exercise_timer.core.i18n import _
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import PersonalValues
from exercise_timer.core.problems import InputError, Problem
from exercise_timer.core.progression import Progression, routine_progression
from exercise_timer.storage.catalogue import Catalogue
from exercise_timer.storage.journal import History, JournalUnreadable, SessionJournal
from exercise_timer.storage.own_folders import own_folder_problem
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_store import (
    LoadedPersonal,
    Prescribed,
    Today,
    load_personal,
    save_personal,
    today,
)

if TYPE_CHECKING:
    from exercise_timer.storage.pin_tries import GuardedCheck

# The lock, the PIN's tries and prescription files are the values editor's and the import's
# business: their modules are imported when first used, not by every start of the window.


class StoredPersonal:
    """Personal values, prescriptions and the lock, kept under ``paths``."""

    def __init__(self, paths: Paths, catalogue: Catalogue, journal: SessionJournal) -> None:
        self._paths = paths
        self._catalogue = catalogue
        self._journal = journal
        self._read: dict[str, tuple[PersonalValues, Prescribed]] = {}

    def load(self, routine: Routine) -> LoadedPersonal:
        """The routine's saved values (see ``problem``).

        A damaged file is kept aside only for the routine the catalogue knows by that id, not
        for another file that happens to share the id.
        """
        known = self._catalogue.find(routine.id)
        own = known is not None and known.path == routine.path
        return load_personal(self._paths, routine, keep_aside_if_unusable=own)

    def today(self, loaded: LoadedPersonal) -> Today:
        """The values a session runs today, progression applied from the journal.

        Journal rows that cannot be read are left out of the build-up, and ``problem`` says
        how many; a journal that cannot be read at all builds up from the first values, and
        ``problem`` says why.
        """
        try:
            history = self._journal.history()
        except JournalUnreadable as unreadable:
            day = today(loaded, History([]))
            if day.progress is None:
                return day
            return dataclasses.replace(
                day,
                problem=_(
                    "{problem} Until it can be read, the build-up starts from its first values."
                ).format(problem=unreadable.message),
            )
        return today(loaded, history)

    def save(self, routine: Routine, values: PersonalValues, progression: Progression) -> None:
        """Writes the values atomically; raises ValueError or OSError and writes nothing.

        Values saved just as a prescription gave them (``read``) are kept as coming from it;
        any others keep where the saved values came from.
        """
        read = self._read.pop(routine.id, None)
        save_personal(
            self._paths,
            routine.id,
            values,
            progression,
            default=routine_progression(routine.advice.build_up),
            prescribed=read[1] if read is not None and read[0] == values else None,
        )

    def locked(self) -> bool:
        """Whether a clinician's PIN protects the values."""
        from exercise_timer.storage import lock

        return lock.is_locked(self._paths)

    def check_pin(self, pin: str) -> bool:
        """Whether ``pin`` is the clinician's PIN."""
        from exercise_timer.storage import lock

        return lock.check_pin(self._paths, pin)

    def guarded_check(self) -> GuardedCheck:
        """The editor's Unlock check: waits after wrong PINs, counted with the commands'."""
        from exercise_timer.storage.pin_tries import GuardedCheck, PinTries, pin_tries_file

        return GuardedCheck(PinTries(pin_tries_file(self._paths)), self.check_pin)

    def _outside_own_folders(self, path: Path) -> None:
        """Refuses a file in the program's own folders (the lock, the journal, the values)."""
        problem = own_folder_problem(path, self._paths)
        if problem is not None:
            raise InputError([Problem(path, None, problem)])

    def read(self, routine: Routine, path: Path) -> tuple[PersonalValues, Progression]:
        """A prescription file's values for ``routine``; InputError says what is wrong."""
        from exercise_timer.storage.prescription import prescribed_by, read_prescription

        self._outside_own_folders(path)
        prescription, found = read_prescription(path, self._catalogue)
        if found.id != routine.id:
            raise InputError(
                [
                    Problem(
                        path,
                        None,
                        _(
                            "this prescription is for the routine {found}, not {routine}; "
                            "choose that routine first"
                        ).format(found=found.id, routine=routine.id),
                    )
                ]
            )
        self._read[routine.id] = (prescription.values, prescribed_by(prescription, path))
        return prescription.values, prescription.progression

    def export(
        self,
        routine: Routine,
        path: Path,
        values: PersonalValues,
        progression: Progression,
        clinic: str,
        patient: str,
    ) -> None:
        """Writes ``values`` as a prescription file (InputError or OSError on failure).

        A blank ``clinic`` or ``patient`` is the one of the prescription the saved values
        came from.
        """
        from exercise_timer.storage.prescription import export_prescription

        self._outside_own_folders(path)
        kept = load_personal(self._paths, routine).prescribed
        loaded = LoadedPersonal(values, progression, None, routine, kept)
        export_prescription(loaded, path, clinic=clinic, patient=patient or None)
