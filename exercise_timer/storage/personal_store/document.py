"""The TOML shape of personal values: what a personal file and a prescription file hold."""

from __future__ import annotations

import dataclasses
from typing import Any

from exercise_timer.core.model import plain_number
from exercise_timer.core.personal import PersonalValues
from exercise_timer.core.progression import NO_PROGRESSION, Progression
from exercise_timer.storage.personal_store.prescribed import PRESCRIBED

PERSONAL_FORMAT_VERSION = 1
PERSONAL_KEYS = ("format_version", "routine", "order", "progression", "exercises", PRESCRIBED)
"""The top-level keys of a personal file."""


def values_document(
    values: PersonalValues,
    progression: Progression,
    *,
    started: bool,
    default: Progression | None = None,
) -> dict[str, Any]:
    """The ``order``, ``[progression]`` and ``[exercises]`` part of a file, only what is set.

    Args:
        values: The personal values.
        progression: Whether and how to build up.
        started: Whether to write ``progression.started`` (personal files only).
        default: The routine's own build-up, which a file without ``[progression]`` gets: the
            table is left out when it says the same. None when the routine is not known here:
            then build-up switched off is written as ``enabled = false``, so a routine that
            builds up by default does not switch it back on.
    """
    document: dict[str, Any] = {}
    if values.order:
        document["order"] = list(values.order)
    settings = dataclasses.replace(progression, started=None)
    own = NO_PROGRESSION if default is None else dataclasses.replace(default, started=None)
    if settings != own or (started and progression.started is not None):
        table: dict[str, Any] = {
            "enabled": progression.enabled,
            "every": progression.every,
            "start_hold": plain_number(progression.start_hold),
            "start_repetitions": progression.start_repetitions,
        }
        if started and progression.started is not None:
            table["started"] = progression.started
        document["progression"] = table
    elif default is None and not progression.enabled:
        document["progression"] = {"enabled": False}
    exercises: dict[str, Any] = {}
    for exercise_id, exercise in values.exercises.items():
        table = {}
        if not exercise.included:
            table["included"] = False
            if exercise.left_out is not None:
                table["left_out"] = {
                    "date": exercise.left_out.date,
                    "reason": str(exercise.left_out.reason),
                }
        if exercise.variant is not None:
            table["variant"] = exercise.variant
        if exercise.hold_seconds is not None:
            table["hold_seconds"] = [plain_number(hold) for hold in exercise.hold_seconds]
        if exercise.repetitions is not None:
            table["repetitions"] = exercise.repetitions
        if exercise.relax_seconds is not None:
            table["relax_seconds"] = plain_number(exercise.relax_seconds)
        if table:
            exercises[exercise_id] = table
    if exercises:
        document["exercises"] = exercises
    return document
