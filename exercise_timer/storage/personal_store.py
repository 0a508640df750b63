"""Personal values: one TOML file per routine, the layer the engine applies over the routine.

A clinician or the person sets hold seconds, repetitions, relax time, the version of an
exercise and which exercises to do; the file is ``Paths.personal_dir / "ROUTINE.toml"``::

    format_version = 1
    routine = "xplain-back"
    order = ["pelvic-tilt", "back-arch"]          # optional

    [progression]                                 # optional
    enabled = true
    every = 2
    start_hold = 2
    start_repetitions = 2
    started = 2026-11-21T09:30:00+01:00

    [exercises.pelvic-tilt]                       # every key optional
    included = true
    variant = "seated"
    hold_seconds = [10]                           # one per stage of the chosen version
    repetitions = 8
    relax_seconds = 3

It is validated against the routine with the declared ``PERSONAL_FIELDS``; a file that cannot
be read or fails validation is renamed aside (``NAME.broken-DATE``), never overwritten in
place, and the routine's own values are used, with a plain message saying so.

:func:`today` is the one place that turns the saved values and the journal's history into
what a session runs, so the window and ``plan`` cannot disagree.
"""

from __future__ import annotations

import dataclasses
import math
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from exercise_timer.core.i18n import _
from exercise_timer.core.model import Dose, Exercise, Routine, Stage, plain_number
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.progression import (
    NO_PROGRESSION,
    PastSession,
    Progression,
    ProgressState,
    Target,
    progress,
)
from exercise_timer.core.resolve import ResolvedExercise, Session, resolve, resolve_exercise
from exercise_timer.core.toml_lines import LineIndex, PathKey
from exercise_timer.storage.atomic import keep_aside, write_text_atomic
from exercise_timer.storage.journal import SessionRecord
from exercise_timer.storage.moments import aware, local_now
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_fields import (
    HOLD,
    INCLUDED,
    PERSONAL_FIELDS,
    RELAX,
    REPETITIONS,
    REPETITIONS_RANGE,
    VARIANT,
)
from exercise_timer.storage.schema import Field, FieldKind

PERSONAL_FORMAT_VERSION = 1

PROGRESSION_FIELDS: tuple[Field, ...] = (
    Field(
        "enabled",
        _("Build up gradually"),
        FieldKind.BOOL,
        NO_PROGRESSION.enabled,
        help=_(
            "Start with short holds and few repetitions and add a little after every few "
            "sessions without a stop for pain, numbness or dizziness"
        ),
    ),
    Field(
        "every",
        _("Completed sessions before each step"),
        FieldKind.INT,
        NO_PROGRESSION.every,
        low=1,
        high=30,
    ),
    Field(
        "start_hold",
        _("Starting hold (seconds)"),
        FieldKind.FLOAT,
        NO_PROGRESSION.start_hold,
        low=HOLD.low,
        high=HOLD.high,
    ),
    Field(
        "start_repetitions",
        _("Starting repetitions"),
        FieldKind.INT,
        NO_PROGRESSION.start_repetitions,
        low=REPETITIONS_RANGE[0],
        high=REPETITIONS_RANGE[1],
    ),
)
"""The ``[progression]`` table's fields (``started`` is kept by :func:`save_personal`)."""

_EXERCISE_KEYS = tuple(field.key for field in PERSONAL_FIELDS)
_PERSONAL_KEYS = ("format_version", "routine", "order", "progression", "exercises")


@dataclass(frozen=True)
class ValueProblem:
    """One thing wrong with personal values: where (a key path) and what to do."""

    where: PathKey
    message: str

    def __str__(self) -> str:
        return _("{key}: {message}").format(key=dotted(self.where), message=self.message)


def dotted(where: PathKey) -> str:
    """A key path as it reads in a file, such as ``exercises.pelvic-tilt.repetitions``."""
    return ".".join(str(part) for part in where)


@dataclass(frozen=True)
class LoadedPersonal:
    """Personal values as read for one routine, and a plain message when the file was unusable.

    Attributes:
        values: The saved values (empty when there is no file or it could not be used).
        progression: Whether and how the routine builds up to these values.
        problem: What was wrong with the file and where it was kept, or None.
        routine: The routine the values are for.
    """

    values: PersonalValues
    progression: Progression
    problem: str | None
    routine: Routine


@dataclass(frozen=True)
class Today:
    """What a session of the routine runs today.

    Attributes:
        session: The resolved session for the engine (``needs_prescription`` still flags a
            blank nobody filled in, even while progression sets lower values).
        values: The personal values applied, progression included.
        progress: Today's values beside the targets per exercise; None when progression is off.
        saved: The personal values as saved (the targets), without progression.
    """

    session: Session
    values: PersonalValues
    progress: ProgressState | None
    saved: PersonalValues = dataclasses.field(default_factory=PersonalValues)


def personal_file(paths: Paths, routine_id: str) -> Path:
    """Where a routine's personal values are kept."""
    return paths.personal_dir / f"{routine_id}.toml"


# Loading.


def load_personal(
    paths: Paths,
    routine: Routine,
    *,
    now: Callable[[], datetime] = local_now,
    keep_aside_if_unusable: bool = False,
) -> LoadedPersonal:
    """Reads a routine's personal values; with an unusable file, none are used.

    Args:
        paths: Where the program keeps its files.
        routine: The routine the values are for (they are validated against it).
        now: The current time, for the name of a file kept aside.
        keep_aside_if_unusable: Rename an unusable file to ``NAME.broken-DATE`` (the window
            does, for the routine it runs). Read-only commands leave the file as it is: a
            routine file with the same id but other exercises must not cost the clinician's
            values.
    """
    path = personal_file(paths, routine.id)
    empty = LoadedPersonal(PersonalValues(), NO_PROGRESSION, None, routine)
    if not (path.exists() or path.is_symlink()):
        return empty
    reason: str
    try:
        text = path.read_bytes().decode("utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as error:
        reason = _describe(error)
    else:
        values, progression, problems = _personal_document(data, routine)
        if not problems:
            if progression.enabled and progression.started is None:
                progression = dataclasses.replace(progression, started=_modified(path))
            return LoadedPersonal(values, progression, None, routine)
        index = LineIndex(text)
        line = index.line_of(problems[0].where)
        reason = str(problems[0])
        if line is not None:
            reason = _("line {line}: {problem}").format(line=line, problem=reason)
        if len(problems) > 1:
            reason = _("{problem}, and {count} more").format(
                problem=reason, count=len(problems) - 1
            )
    if not keep_aside_if_unusable:
        return dataclasses.replace(
            empty,
            problem=_(
                "Your personal values for {routine} in {path} could not be used ({reason}); "
                "the routine's own values are used and the file is left as it is."
            ).format(routine=routine.title, path=path, reason=reason),
        )
    try:
        kept = keep_aside(path, now())
    except OSError:
        kept = path
    return dataclasses.replace(
        empty,
        problem=_(
            "Your personal values for {routine} could not be used ({reason}). The file was kept "
            "as {kept} and the routine's own values are in use until new ones are saved."
        ).format(routine=routine.title, reason=reason, kept=kept),
    )


def _personal_document(
    data: Mapping[str, Any], routine: Routine
) -> tuple[PersonalValues, Progression, list[ValueProblem]]:
    problems: list[ValueProblem] = []
    version = data.get("format_version")
    if version != PERSONAL_FORMAT_VERSION or isinstance(version, bool):
        problems.append(
            ValueProblem(
                ("format_version",),
                _("is {value!r}, expected {known}").format(
                    value=version, known=PERSONAL_FORMAT_VERSION
                ),
            )
        )
    if data.get("routine") != routine.id:
        problems.append(
            ValueProblem(
                ("routine",),
                _('is {value!r}, but this file is for the routine "{id}"').format(
                    value=data.get("routine"), id=routine.id
                ),
            )
        )
    for key in data:
        if key not in _PERSONAL_KEYS:
            problems.append(ValueProblem((key,), _("is not a known key; remove it")))
    values, progression, found = parse_values(data, routine, allow_started=True)
    return values, progression, problems + found


def _modified(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    except OSError:
        return None


# Validation shared with prescription files.


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
    progression = _parse_progression(data.get("progression"), allow_started, problems)
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


def _parse_progression(
    raw: object, allow_started: bool, problems: list[ValueProblem]
) -> Progression:
    if raw is None:
        return NO_PROGRESSION
    if not isinstance(raw, dict):
        problems.append(ValueProblem(("progression",), _("use a table [progression]")))
        return NO_PROGRESSION
    values: dict[str, Any] = {}
    by_key = {field.key: field for field in PROGRESSION_FIELDS}
    started: datetime | None = None
    for key, value in raw.items():
        where: PathKey = ("progression", key)
        if key == "started" and allow_started:
            started = _parse_started(value, where, problems)
            continue
        field = by_key.get(key)
        if field is None:
            problems.append(
                ValueProblem(
                    where,
                    _("is not a progression setting; use {keys}").format(keys=", ".join(by_key)),
                )
            )
            continue
        problem = field.check(value)
        if problem is not None:
            problems.append(_bad_value(where, value, problem))
            continue
        values[key] = float(value) if field.kind is FieldKind.FLOAT else value
    return Progression(
        enabled=bool(values.get("enabled", NO_PROGRESSION.enabled)),
        every=int(values.get("every", NO_PROGRESSION.every)),
        start_hold=float(values.get("start_hold", NO_PROGRESSION.start_hold)),
        start_repetitions=int(values.get("start_repetitions", NO_PROGRESSION.start_repetitions)),
        started=started,
    )


def _parse_started(value: object, where: PathKey, problems: list[ValueProblem]) -> datetime | None:
    moment: datetime | None = None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            moment = None
    if moment is None:
        problems.append(
            ValueProblem(where, _("use a date and time such as 2026-11-21T09:30:00+01:00"))
        )
        return None
    return aware(moment)


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
            problems.append(_bad_value((*where, "included"), table["included"], problem))
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
            problems.append(_bad_value((*where, "repetitions"), table["repetitions"], problem))
    relax: float | None = None
    if "relax_seconds" in table:
        problem = RELAX.check(table["relax_seconds"])
        if problem is None:
            relax = float(table["relax_seconds"])
        else:
            problems.append(_bad_value((*where, "relax_seconds"), table["relax_seconds"], problem))
    return ExerciseValues(
        hold_seconds=holds,
        repetitions=repetitions,
        relax_seconds=relax,
        variant=variant,
        included=included,
    )


def _parse_variant(
    value: object, exercise: Exercise, where: PathKey, problems: list[ValueProblem]
) -> str | None:
    problem = VARIANT.check(value)
    if problem is not None:
        problems.append(_bad_value(where, value, problem))
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
                _('{value!r} is not a version of "{id}"; use one of {known}').format(
                    value=value, id=exercise.id, known=", ".join(f'"{k}"' for k in known)
                ),
            )
        )
        return None
    return str(value)


def _parse_holds(
    value: object, stages: Sequence[Stage], where: PathKey, problems: list[ValueProblem]
) -> tuple[float, ...] | None:
    if _is_number(value) and len(stages) == 1:
        value = [value]
    if not isinstance(value, list) or len(value) != len(stages):
        problems.append(
            ValueProblem(
                where,
                _("use a list of {count} hold(s) in seconds, one per stage ({stages})").format(
                    count=len(stages), stages=", ".join(stage.name for stage in stages)
                ),
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
                    _("stage {number} ({stage}) is {value!r}; {fix}").format(
                        number=number, stage=stage.name, value=hold, fix=problem
                    ),
                )
            )
    return tuple(holds) if len(holds) == len(stages) else None


def check_hold(value: object, stage: Stage | None = None) -> str | None:
    """None when ``value`` is an acceptable hold for the stage, else how to fix it.

    A stage the routine does without a hold (a movement, such as a lunge's step) also
    accepts 0, which keeps it without one.
    """
    if stage is not None and _is_dynamic(stage) and _is_number(value) and value == 0:
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


def _is_number(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def _bad_value(where: PathKey, value: object, fix: str) -> ValueProblem:
    return ValueProblem(where, _("is {value!r}; {fix}").format(value=value, fix=fix))


def check_values(
    routine: Routine, values: PersonalValues, progression: Progression = NO_PROGRESSION
) -> list[ValueProblem]:
    """The problems values would have if saved: what the editor checks before it saves."""
    document = tomllib.loads(tomli_w.dumps(values_document(values, progression, started=False)))
    return parse_values(document, routine, allow_started=False)[2]


# Saving.


def values_document(
    values: PersonalValues, progression: Progression, *, started: bool
) -> dict[str, Any]:
    """The ``order``, ``[progression]`` and ``[exercises]`` part of a file, only what is set."""
    document: dict[str, Any] = {}
    if values.order:
        document["order"] = list(values.order)
    if dataclasses.replace(progression, started=None) != NO_PROGRESSION or (
        started and progression.started is not None
    ):
        table: dict[str, Any] = {
            "enabled": progression.enabled,
            "every": progression.every,
            "start_hold": plain_number(progression.start_hold),
            "start_repetitions": progression.start_repetitions,
        }
        if started and progression.started is not None:
            table["started"] = progression.started
        document["progression"] = table
    exercises: dict[str, Any] = {}
    for exercise_id, exercise in values.exercises.items():
        table = {}
        if not exercise.included:
            table["included"] = False
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
                problems.append(_bad_value((*where, key), value, problem))
        for hold in exercise.hold_seconds or ():
            problem = None if _is_number(hold) and hold == 0 else HOLD.check(hold)
            if problem is not None:
                problems.append(_bad_value((*where, "hold_seconds"), hold, problem))
    for field in PROGRESSION_FIELDS:
        value = getattr(progression, field.key)
        problem = field.check(value)
        if problem is not None:
            problems.append(_bad_value(("progression", field.key), value, problem))
    return problems


def save_personal(
    paths: Paths,
    routine_id: str,
    values: PersonalValues,
    progression: Progression,
    *,
    now: Callable[[], datetime] = local_now,
) -> Progression:
    """Writes a routine's personal values atomically; returns the progression as saved.

    ``progression.started`` is decided here, not by the caller: it is kept while
    progression stays on with the same values and settings, and set to now when progression
    is switched on or anything it builds up to changes. So a higher target never makes
    today's values jump on the strength of sessions done before it was set.

    A file already there that cannot be read is kept aside (``NAME.broken-DATE``) first,
    never overwritten.

    Raises:
        ValueError: A value is outside its bounds (nothing is written).
        OSError: The file could not be written (the old one is left as it was).
    """
    problems = bounds_problems(values, progression)
    if problems:
        raise ValueError("; ".join(str(problem) for problem in problems))
    path = personal_file(paths, routine_id)
    previous = _previous_document(path, routine_id, now)
    saved = dataclasses.replace(progression, started=None)
    if progression.enabled:
        new = tomllib.loads(tomli_w.dumps(values_document(values, saved, started=False)))
        saved = dataclasses.replace(
            saved, started=_kept_start(previous, new) or aware(now()).replace(microsecond=0)
        )
    document = {
        "format_version": PERSONAL_FORMAT_VERSION,
        "routine": routine_id,
        **values_document(values, saved, started=True),
    }
    write_text_atomic(path, tomli_w.dumps(document))
    return saved


def _previous_document(
    path: Path, routine_id: str, now: Callable[[], datetime]
) -> dict[str, Any] | None:
    """The file already there, or None; one that is not ours to overwrite is kept aside."""
    if not (path.exists() or path.is_symlink()):
        return None
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        data = None
    if (
        data is None
        or data.get("format_version") != PERSONAL_FORMAT_VERSION
        or data.get("routine") != routine_id
    ):
        keep_aside(path, now())
        return None
    return data


def _kept_start(previous: Mapping[str, Any] | None, new: Mapping[str, Any]) -> datetime | None:
    """The old start when progression was on with the same values and settings."""
    if previous is None:
        return None
    old = previous.get("progression")
    if not isinstance(old, dict) or old.get("enabled") is not True:
        return None
    started = old.get("started")
    if not isinstance(started, datetime):
        return None
    settings = [field.key for field in PROGRESSION_FIELDS]
    same = all(old.get(key) == new["progression"].get(key) for key in settings) and previous.get(
        "exercises", {}
    ) == new.get("exercises", {})
    return aware(started) if same else None


# Today's values.


def today(loaded: LoadedPersonal, history: Sequence[SessionRecord]) -> Today:
    """What a session runs today: the saved values, with progression applied when it is on.

    Args:
        loaded: What :func:`load_personal` read.
        history: The journal's sessions (any routine, oldest first); only this routine's
            sessions since progression started count.
    """
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
    state = progress(progression, targets, routine_history(routine.id, progression, history))
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
    return Today(session, values, state, loaded.values)


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
    """The routine's sessions since progression started, as progression counts them."""
    started = progression.started
    if started is None:
        return []
    start = aware(started)
    return [
        PastSession(
            outcome=record.outcome,
            stop_reason=record.stop.reason if record.stop is not None else None,
        )
        for record in history
        if record.routine == routine_id and aware(record.started_at) >= start
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


def _describe(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    if isinstance(error, UnicodeDecodeError):
        return _("it is not UTF-8 text")
    if isinstance(error, tomllib.TOMLDecodeError):
        return _("it is not valid TOML: {error}").format(error=error)
    return str(error) or type(error).__name__
