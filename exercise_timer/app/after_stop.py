"""After a stop for a symptom: offering to leave the exercise out until the clinic is asked.

The controller holds one ``AfterStop`` per session. When a session is stopped for pain,
numbness or dizziness, it offers to leave out the exercise where it stopped; the person's
answer is saved as a personal value marked with the date and the reason. Before the next
session it says what happened last time and what is left out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from exercise_timer.app.policy import SYMPTOMS, Policy
from exercise_timer.app.services import Services
from exercise_timer.app.state import LastTime, LeaveOutAnswer
from exercise_timer.core.effects import SessionEnded, StopReason
from exercise_timer.core.i18n import _
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import LeftOut
from exercise_timer.storage.personal_store import LoadedPersonal


class AfterStop:
    """The leave-out step of one session, and what the next start screen says."""

    def __init__(
        self, services: Services, policy: Policy, today: Callable[[], date] = date.today
    ) -> None:
        self._services = services
        self._policy = policy
        self._today = today
        self.offer: str | None = None
        self.answer: LeaveOutAnswer | None = None
        self._reason: StopReason | None = None

    def ended(self, effect: SessionEnded, exercise_ids: list[str]) -> None:
        """A session ended: after a symptom stop, offers to leave its exercise out."""
        if (
            not self._policy.can_leave_out
            or self._services.personal is None
            or effect.reason not in SYMPTOMS
            or effect.where is None
        ):
            return
        self.offer = exercise_ids[effect.where.exercise]
        self._reason = effect.reason

    def leave_out(self, routine: Routine, exercise_id: str) -> str | None:
        """Saves the exercise as left out; returns a problem in words, or None.

        Nothing is saved when the values are locked with the clinician's PIN (the answer
        says so) or the saved values cannot be read.
        """
        personal = self._services.personal
        if personal is None or exercise_id != self.offer or self._reason is None:
            return None
        if personal.locked():
            self.answer = LeaveOutAnswer.LOCKED
            return None
        loaded = personal.load(routine)
        if loaded.problem is not None:
            return loaded.problem
        values = loaded.values
        mark = LeftOut(self._today(), str(self._reason))
        exercise = dataclasses.replace(
            values.for_exercise(exercise_id), included=False, left_out=mark
        )
        changed = dataclasses.replace(values, exercises={**values.exercises, exercise_id: exercise})
        try:
            personal.save(routine, changed, loaded.progression)
        except (OSError, ValueError) as error:
            return _("The exercise could not be left out ({reason}); nothing was changed.").format(
                reason=error
            )
        self.answer = LeaveOutAnswer.LEFT_OUT
        return None

    def keep_in(self) -> None:
        """The person keeps the exercise in."""
        if self.offer is not None:
            self.answer = LeaveOutAnswer.KEPT_IN

    def last_time(self, routine: Routine, loaded: LoadedPersonal | None) -> LastTime:
        """The last session of ``routine`` if it stopped for a symptom, and what is left out."""
        stopped_at, reason = None, None
        sessions = [s for s in self._services.journal.sessions() if s.routine == routine.id]
        if sessions and sessions[-1].stop is not None:
            stop = sessions[-1].stop
            exercise = routine.exercise(stop.exercise) if stop.exercise else None
            if stop.reason in SYMPTOMS and exercise is not None:
                stopped_at, reason = exercise.name, stop.reason
        left_out: tuple[str, ...] = ()
        if loaded is not None:
            left_out = tuple(
                exercise.name
                for exercise in routine.exercises
                if (values := loaded.values.for_exercise(exercise.id)).left_out is not None
                and not values.included
            )
        return LastTime(stopped_at, reason, left_out)
