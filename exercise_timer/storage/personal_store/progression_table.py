"""The ``[progression]`` table of a personal or prescription file: building up gradually."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from exercise_timer.core import limits
from exercise_timer.core.i18n import N_, _
from exercise_timer.core.progression import NO_PROGRESSION, Progression
from exercise_timer.core.toml_lines import PathKey
from exercise_timer.storage.moments import aware
from exercise_timer.storage.personal_store.problems import ValueProblem, bad_value
from exercise_timer.storage.schema import Field, FieldKind

PROGRESSION_FIELDS: tuple[Field, ...] = (
    Field(
        "enabled",
        N_("Build up gradually"),
        FieldKind.BOOL,
        NO_PROGRESSION.enabled,
        help=N_(
            "Start with short holds and few repetitions and add a little after every few "
            "sessions without a stop for pain, numbness or dizziness"
        ),
    ),
    Field(
        "every",
        N_("Completed sessions before each step"),
        FieldKind.INT,
        NO_PROGRESSION.every,
        low=limits.PROGRESSION_EVERY.low,
        high=limits.PROGRESSION_EVERY.high,
    ),
    Field(
        "start_hold",
        N_("Starting hold (seconds)"),
        FieldKind.FLOAT,
        NO_PROGRESSION.start_hold,
        low=limits.HOLD_SECONDS.low,
        high=limits.HOLD_SECONDS.high,
    ),
    Field(
        "start_repetitions",
        N_("Starting repetitions"),
        FieldKind.INT,
        NO_PROGRESSION.start_repetitions,
        low=limits.REPETITIONS.low,
        high=limits.REPETITIONS.high,
    ),
)
"""The ``[progression]`` table's fields (``started`` is kept by ``save_personal``).

Labels and help are marked with ``N_`` and translated where they are shown.
"""


def parse_progression(
    raw: object,
    allow_started: bool,
    problems: list[ValueProblem],
    default: Progression = NO_PROGRESSION,
) -> Progression:
    """The ``[progression]`` table read from a parsed file; problems are added to ``problems``.

    Args:
        raw: The table's value (None when the file has none).
        allow_started: Whether ``started`` may be there (personal files only).
        problems: Where each problem found is appended.
        default: What applies where the file says nothing: the routine's own build-up.
    """
    if raw is None:
        return default
    if not isinstance(raw, dict):
        problems.append(ValueProblem(("progression",), _("use a table [progression]")))
        return default
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
            problems.append(bad_value(where, value, problem))
            continue
        values[key] = float(value) if field.kind is FieldKind.FLOAT else value
    return Progression(
        enabled=bool(values.get("enabled", default.enabled)),
        every=int(values.get("every", default.every)),
        start_hold=float(values.get("start_hold", default.start_hold)),
        start_repetitions=int(values.get("start_repetitions", default.start_repetitions)),
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
