"""The routines in the language in use: read again when the language changes in Settings.

A routine's texts (title, steps, positions, advice) are translated when its file is read
(``core.loader``), so a new language needs the catalogue read again. The session under way
keeps the routine it started with; the new one is given to the controller as soon as no
session runs, so a session never changes its words halfway.
"""

from __future__ import annotations

from exercise_timer.app.controller import SessionController
from exercise_timer.app.services import RoutineChoice
from exercise_timer.app.state import SessionState, Status
from exercise_timer.core.i18n import current_language
from exercise_timer.core.model import Routine
from exercise_timer.core.problems import InputError
from exercise_timer.storage.catalogue import load_catalogue


class RoutineLanguage:
    """Keeps the controller's routine, and the routines to choose from, in the language in use.

    Attributes:
        choices: The routines to choose from; changed in place, so whoever shows them (the
            window's routine picker) sees the new titles.
    """

    def __init__(self, controller: SessionController, choices: list[RoutineChoice]) -> None:
        self.controller = controller
        self.choices = choices
        self._language = current_language()
        self._waiting: str | None = None
        controller.subscribe(self._state)

    def language_changed(self) -> None:
        """Reads the routines again in the language in use now, if it is another one.

        The controller gets the routine in the new language at once when no session runs
        (before the start), else when the session is over and the next one is being prepared.
        """
        language = current_language()
        if language == self._language:
            return
        self._language = language
        self._read_again()
        if self.controller.state.status is Status.READY:
            self._give(self.controller.routine.id)
        else:
            self._waiting = self.controller.routine.id

    def _read_again(self) -> None:
        services = self.controller.services
        if services.paths is not None:
            services.catalogue = load_catalogue(services.paths)
        self.choices[:] = [
            RoutineChoice(self._translated(choice.routine), choice.seconds)
            for choice in self.choices
        ]

    def _translated(self, routine: Routine) -> Routine:
        """``routine`` read again in the language in use (as it was, if it cannot be read)."""
        catalogue = self.controller.services.catalogue
        found = catalogue.find(routine.id) if catalogue is not None else None
        if found is not None:
            return found
        if routine.path is None:
            return routine
        try:
            from exercise_timer.core.loader import load_routine  # on a switch of language

            return load_routine(routine.path, bundled=routine.bundled)
        except (InputError, OSError):
            return routine

    def _give(self, routine_id: str) -> None:
        self._waiting = None
        routine = next(
            (c.routine for c in self.choices if c.routine.id == routine_id),
            self.controller.routine,
        )
        if routine is not self.controller.routine:
            self.controller.load(routine)

    def _state(self, state: SessionState) -> None:
        """After a session, once the next one is prepared (READY again), gives the routine."""
        if self._waiting is not None and state.status is Status.READY:
            self._give(state.routine.id)
