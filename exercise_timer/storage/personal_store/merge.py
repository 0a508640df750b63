"""Today's values: the saved personal values merged with the build-up the journal has earned.

:func:`today` is the one place that turns the saved values and the journal's history into
what a session runs, so the window and ``plan`` cannot disagree.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from exercise_timer.core.i18n import ngettext
from exercise_timer.core.personal import PersonalValues
from exercise_timer.core.progression import (
    PastSession,
    Progression,
    ProgressState,
    Target,
    progress,
)
from exercise_timer.core.resolve import ResolvedExercise, Session, resolve
from exercise_timer.storage.journal import History, SessionRecord
from exercise_timer.storage.moments import aware
from exercise_timer.storage.personal_store.files import LoadedPersonal


@dataclass(frozen=True)
class Today:
    """What a session of the routine runs today.

    Attributes:
        session: The resolved session for the engine (``needs_prescription`` still flags a
            blank nobody filled in, even while progression sets lower values).
        values: The personal values applied, progression included.
        progress: Today's values beside the targets per exercise; None when progression is off.
        saved: The personal values as saved (the targets), without progression.
        problem: A sentence for the person when the build-up could not count every session
            (journal rows that could not be read), else None.
    """

    session: Session
    values: PersonalValues
    progress: ProgressState | None
    saved: PersonalValues = dataclasses.field(default_factory=PersonalValues)
    problem: str | None = None


def today(loaded: LoadedPersonal, history: History | Sequence[SessionRecord]) -> Today:
    """What a session runs today: the saved values, with progression applied when it is on.

    Args:
        loaded: What :func:`load_personal` read.
        history: The journal's sessions (any routine, oldest first); only this routine's
            sessions since progression started count. Given a :class:`History`, the rows it
            could not read are left out and, while building up, ``problem`` says how many.
    """
    records = history.records if isinstance(history, History) else history
    skipped = len(history.skipped) if isinstance(history, History) else 0
    routine = loaded.routine
    planned = resolve(routine, loaded.values)
    progression = loaded.progression
    if not progression.enabled:
        return Today(planned, loaded.values, None, loaded.values)
    targets = {
        exercise.id: Target(
            holds=tuple(max(stage.holds, default=0.0) for stage in exercise.stages),
            repetitions=exercise.repetitions,
        )
        for exercise in planned.exercises
    }
    state = progress(progression, targets, routine_history(routine.id, progression, records))
    exercises = dict(loaded.values.exercises)
    for exercise_id, today_values in state.exercises.items():
        if not today_values.reached:
            exercises[exercise_id] = dataclasses.replace(
                loaded.values.for_exercise(exercise_id),
                hold_seconds=today_values.holds,
                repetitions=today_values.repetitions,
            )
    values = PersonalValues(exercises=exercises, order=loaded.values.order)
    targets_by_id = {exercise.id: exercise for exercise in planned.exercises}
    resolved = resolve(routine, values)
    session = Session(
        routine=routine,
        exercises=tuple(
            _within_target(exercise, targets_by_id[exercise.id]) for exercise in resolved.exercises
        ),
    )
    return Today(session, values, state, loaded.values, build_up_problem(skipped))


def build_up_problem(skipped: int) -> str | None:
    """What the window says when journal rows were left out of the build-up, else None."""
    if skipped == 0:
        return None
    return ngettext(
        "{count} session in the journal could not be read and is left out of the build-up.",
        "{count} sessions in the journal could not be read and are left out of the build-up.",
        skipped,
    ).format(count=skipped)


def _within_target(today: ResolvedExercise, target: ResolvedExercise) -> ResolvedExercise:
    """Today's exercise, never above its target repetition by repetition.

    A hold that grows each repetition (1 to 5 s) is built up as one value per stage; without
    this cap its first repetitions would be held longer than the document says. The flag for
    an unfilled prescription is the target's: building up does not fill a blank.
    """
    stages = []
    for now, goal in zip(today.stages, target.stages, strict=False):
        if len(set(goal.holds)) > 1:
            last = len(goal.holds) - 1
            capped = tuple(
                min(hold, goal.holds[min(rep, last)]) for rep, hold in enumerate(now.holds)
            )
            now = dataclasses.replace(now, holds=capped)
        stages.append(now)
    return dataclasses.replace(
        today, stages=tuple(stages), needs_prescription=target.needs_prescription
    )


def routine_history(
    routine_id: str, progression: Progression, history: Sequence[SessionRecord]
) -> list[PastSession]:
    """The routine's sessions since progression started, as progression counts them.

    Without a start (the routine's own build-up, never set in a personal file) every session
    of the routine counts.
    """
    start = None if progression.started is None else aware(progression.started)
    return [
        PastSession(
            outcome=record.outcome,
            stop_reason=record.stop.reason if record.stop is not None else None,
            exercises_done=record.exercises_completed,
            exercises_total=record.exercises_total,
        )
        for record in history
        if record.routine == routine_id and (start is None or aware(record.started_at) >= start)
    ]


def journal_values(day: Today) -> dict[str, object]:
    """The values a session used, for ``Journal.start_session(values=...)``."""
    exercises = [
        {
            "id": exercise.id,
            "variant": exercise.variant.id if exercise.variant else None,
            "repetitions": exercise.repetitions,
            "hold_seconds": [_holds_json(stage.holds) for stage in exercise.stages],
            "relax_seconds": exercise.relax_seconds,
        }
        for exercise in day.session.exercises
    ]
    state = day.progress
    return {
        "exercises": exercises,
        "progression": None
        if state is None
        else {
            "steps": state.steps,
            "counted": state.counted,
            "every": state.every,
            "targets": {
                exercise_id: {
                    "hold_seconds": list(item.target.holds),
                    "repetitions": item.target.repetitions,
                }
                for exercise_id, item in state.exercises.items()
            },
        },
    }


def _holds_json(holds: tuple[float, ...]) -> float | list[float]:
    if len(set(holds)) > 1:
        return list(holds)
    return holds[0] if holds else 0.0
