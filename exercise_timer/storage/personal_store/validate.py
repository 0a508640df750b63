"""Checking personal values against their routine and the one table of limits.

Personal files and prescription files share this: every value is checked against the routine
(exercise and version ids, one hold per stage) and against the declared bounds, and each
problem names its key path so a message can point at the line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.model import Dose, Exercise, Routine, Stage
from exercise_timer.core.personal import (
    LEAVE_OUT_REASONS,
    ExerciseValues,
    LeftOut,
    PersonalValues,
)
from exercise_timer.core.progression import NO_PROGRESSION, Progression, routine_progression
from exercise_timer.core.resolve import resolve_exercise
from exercise_timer.core.toml_lines import PathKey
from exercise_timer.core.toml_reader import parse_toml
from exercise_timer.storage.personal_fields import (
    HOLD,
    INCLUDED,
    PERSONAL_FIELDS,
    RELAX,
    REPETITIONS,
    VARIANT,
)
from exercise_timer.storage.personal_store.document import values_document
from exercise_timer.storage.personal_store.problems import ValueProblem, bad_value, is_number
from exercise_timer.storage.personal_store.progression_table import (
    PROGRESSION_FIELDS,
    parse_progression,
)
from exercise_timer.storage.schema import Field, shown_value
from exercise_timer.storage.toml_text import toml_text

_EXERCISE_KEYS = (*(field.key for field in PERSONAL_FIELDS), "left_out")
_LEFT_OUT_KEYS = ("date", "reason")


def parse_values(
    data: Mapping[str, Any], routine: Routine, *, allow_started: bool
) -> tuple[PersonalValues, Progression, list[ValueProblem]]:
    """Reads ``order``, ``[progression]`` and ``[exercises.ID]`` from a parsed file.

    Every value is checked against the routine (exercise and version ids, one hold per stage)
    and against the declared bounds. Other keys of ``data`` are left to the caller.

    Args:
        data: The parsed TOML document.
        routine: The routine the values are for.
        allow_started: Whether ``[progression]`` may hold ``started`` (personal files only).

    Returns:
        The values and progression read (meaningful only without problems), and the problems.
    """
    problems: list[ValueProblem] = []
    order = _parse_order(data.get("order"), routine, problems)
    progression = parse_progression(
        data.get("progression"),
        allow_started,
        problems,
        routine_progression(routine.advice.build_up),
    )
    exercises: dict[str, ExerciseValues] = {}
    raw = data.get("exercises", {})
    if not isinstance(raw, dict):
        problems.append(
            ValueProblem(("exercises",), _("use one table [exercises.ID] per exercise"))
        )
        raw = {}
    known = ", ".join(e.id for e in routine.exercises)
    for exercise_id, table in raw.items():
        where: PathKey = ("exercises", exercise_id)
        exercise = routine.exercise(exercise_id)
        if exercise is None:
            problems.append(
                ValueProblem(
                    where,
                    _(
                        '"{id}" is not an exercise of the routine "{routine}"; use one of {known}'
                    ).format(id=exercise_id, routine=routine.id, known=known),
                )
            )
            continue
        if not isinstance(table, dict):
            problems.append(
                ValueProblem(where, _("use a table [exercises.{id}]").format(id=exercise_id))
            )
            continue
        exercises[exercise_id] = _parse_exercise(table, exercise, routine, where, problems)
    return PersonalValues(exercises=exercises, order=order), progression, problems


def _parse_order(raw: object, routine: Routine, problems: list[ValueProblem]) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        problems.append(ValueProblem(("order",), _("use a list of exercise ids in quotes")))
        return ()
    seen: set[str] = set()
    for item in raw:
        if routine.exercise(item) is None:
            problems.append(
                ValueProblem(
                    ("order",),
                    _('"{id}" is not an exercise of the routine "{routine}"').format(
                        id=item, routine=routine.id
                    ),
                )
            )
        elif item in seen:
            problems.append(ValueProblem(("order",), _('"{id}" is listed twice').format(id=item)))
        seen.add(item)
    return tuple(raw)


def _parse_exercise(
    table: Mapping[str, Any],
    exercise: Exercise,
    routine: Routine,
    where: PathKey,
    problems: list[ValueProblem],
) -> ExerciseValues:
    for key in table:
        if key not in _EXERCISE_KEYS:
            problems.append(
                ValueProblem(
                    (*where, key),
                    _("is not a personal value; use {keys}").format(keys=", ".join(_EXERCISE_KEYS)),
                )
            )
    included = True
    if "included" in table:
        problem = INCLUDED.check(table["included"])
        if problem is None:
            included = bool(table["included"])
        else:
            problems.append(bad_value((*where, "included"), table["included"], problem))
    variant: str | None = None
    if "variant" in table:
        variant = _parse_variant(table["variant"], exercise, (*where, "variant"), problems)
    holds: tuple[float, ...] | None = None
    if "hold_seconds" in table:
        stages = exercise_stages(exercise, routine, variant)
        holds = _parse_holds(table["hold_seconds"], stages, (*where, "hold_seconds"), problems)
    repetitions: int | None = None
    if "repetitions" in table:
        problem = REPETITIONS.check(table["repetitions"])
        if problem is None:
            repetitions = int(table["repetitions"])
        else:
            problems.append(bad_value((*where, "repetitions"), table["repetitions"], problem))
    relax: float | None = None
    if "relax_seconds" in table:
        problem = RELAX.check(table["relax_seconds"])
        if problem is None:
            relax = float(table["relax_seconds"])
        else:
            problems.append(bad_value((*where, "relax_seconds"), table["relax_seconds"], problem))
    left_out: LeftOut | None = None
    if "left_out" in table:
        left_out = _parse_left_out(table["left_out"], (*where, "left_out"), problems)
        if left_out is not None and included:
            problems.append(
                ValueProblem(
                    (*where, "left_out"),
                    _("marks a left-out exercise; add included = false or remove left_out"),
                )
            )
    return ExerciseValues(
        hold_seconds=holds,
        repetitions=repetitions,
        relax_seconds=relax,
        variant=variant,
        included=included,
        left_out=left_out,
    )


def _parse_left_out(value: object, where: PathKey, problems: list[ValueProblem]) -> LeftOut | None:
    reasons = ", ".join(f'"{reason}"' for reason in LEAVE_OUT_REASONS)
    fix = _("use {{ date = YYYY-MM-DD, reason = one of {reasons} }}").format(reasons=reasons)
    if not isinstance(value, dict):
        problems.append(ValueProblem(where, fix))
        return None
    found = len(problems)
    for key in value:
        if key not in _LEFT_OUT_KEYS:
            problems.append(
                ValueProblem((*where, key), _("is not a known key; {fix}").format(fix=fix))
            )
    day = value.get("date")
    if not isinstance(day, date) or isinstance(day, datetime):
        problems.append(
            ValueProblem(
                (*where, "date"),
                _("is {value}; use a date without quotes, such as 2026-12-03").format(
                    value=shown_value(day)
                ),
            )
        )
    reason = value.get("reason")
    if reason not in LEAVE_OUT_REASONS:
        problems.append(
            ValueProblem(
                (*where, "reason"),
                _("is {value}; use one of {reasons}").format(
                    value=shown_value(reason), reasons=reasons
                ),
            )
        )
    if len(problems) > found:
        return None
    assert isinstance(day, date)
    return LeftOut(date=day, reason=str(reason))


def _parse_variant(
    value: object, exercise: Exercise, where: PathKey, problems: list[ValueProblem]
) -> str | None:
    problem = VARIANT.check(value)
    if problem is not None:
        problems.append(bad_value(where, value, problem))
        return None
    known = [variant.id for variant in exercise.variants]
    if not known:
        problems.append(
            ValueProblem(
                where,
                _('"{id}" has only one version; remove variant').format(id=exercise.id),
            )
        )
        return None
    if value not in known:
        problems.append(
            ValueProblem(
                where,
                _('{value} is not a version of "{id}"; use one of {known}').format(
                    value=shown_value(value),
                    id=exercise.id,
                    known=", ".join(f'"{k}"' for k in known),
                ),
            )
        )
        return None
    return str(value)


def _parse_holds(
    value: object, stages: Sequence[Stage], where: PathKey, problems: list[ValueProblem]
) -> tuple[float, ...] | None:
    if is_number(value) and len(stages) == 1:
        value = [value]
    if not isinstance(value, list) or len(value) != len(stages):
        problems.append(
            ValueProblem(
                where,
                ngettext(
                    "use {count} hold in seconds, one per stage ({stages})",
                    "use a list of {count} holds in seconds, one per stage ({stages})",
                    len(stages),
                ).format(count=len(stages), stages=", ".join(stage.name for stage in stages)),
            )
        )
        return None
    holds: list[float] = []
    for number, (hold, stage) in enumerate(zip(value, stages, strict=True), start=1):
        problem = check_hold(hold, stage)
        if problem is None:
            holds.append(float(hold))
        else:
            problems.append(
                ValueProblem(
                    where,
                    _("stage {number} ({stage}) is {value}; {fix}").format(
                        number=number, stage=stage.name, value=shown_value(hold), fix=problem
                    ),
                )
            )
    return tuple(holds) if len(holds) == len(stages) else None


def check_hold(value: object, stage: Stage | None = None) -> str | None:
    """None when ``value`` is an acceptable hold for the stage, else how to fix it.

    A stage the routine does without a hold (a movement, such as a lunge's step) also
    accepts 0, which keeps it without one.
    """
    if stage is not None and _is_dynamic(stage) and is_number(value) and value == 0:
        return None
    return HOLD.check(value)


def exercise_stages(
    exercise: Exercise, routine: Routine, variant: str | None = None
) -> tuple[Stage, ...]:
    """The stages of an exercise in the chosen version: one personal hold each."""
    resolved = resolve_exercise(exercise, routine.defaults, ExerciseValues(variant=variant))
    return tuple(
        Stage(name=stage.name, instruction=stage.instruction, hold=stage.dose)
        for stage in resolved.stages
    )


def _is_dynamic(stage: Stage) -> bool:
    return stage.hold == Dose.fixed(0)


def check_values(
    routine: Routine, values: PersonalValues, progression: Progression = NO_PROGRESSION
) -> list[ValueProblem]:
    """The problems values would have if saved: what the editor checks before it saves."""
    text = toml_text(values_document(values, progression, started=False))
    document = parse_toml(text, routine.id, _("personal values file"))
    return parse_values(document, routine, allow_started=False)[2]


def bounds_problems(values: PersonalValues, progression: Progression) -> list[ValueProblem]:
    """Values outside the declared bounds, checked without the routine (a last guard)."""
    problems: list[ValueProblem] = []
    for exercise_id, exercise in values.exercises.items():
        where: PathKey = ("exercises", exercise_id)
        checks: list[tuple[str, Field, object]] = [("included", INCLUDED, exercise.included)]
        if exercise.variant is not None:
            checks.append(("variant", VARIANT, exercise.variant))
        if exercise.repetitions is not None:
            checks.append(("repetitions", REPETITIONS, exercise.repetitions))
        if exercise.relax_seconds is not None:
            checks.append(("relax_seconds", RELAX, exercise.relax_seconds))
        for key, field, value in checks:
            problem = field.check(value)
            if problem is not None:
                problems.append(bad_value((*where, key), value, problem))
        for hold in exercise.hold_seconds or ():
            problem = None if is_number(hold) and hold == 0 else HOLD.check(hold)
            if problem is not None:
                problems.append(bad_value((*where, "hold_seconds"), hold, problem))
    for field in PROGRESSION_FIELDS:
        value = getattr(progression, field.key)
        problem = field.check(value)
        if problem is not None:
            problems.append(bad_value(("progression", field.key), value, problem))
    return problems
