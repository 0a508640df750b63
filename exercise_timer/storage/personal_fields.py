"""The personal values a clinician sets per exercise, declared once.

The editor's widgets, the personal-values file, prescription files and their validation all
read these fields, so a bound or a label is changed in one place. Defaults come from the
routine itself (what the document says), not from here; the bounds come from the one table
in ``core.limits``. ``*_RANGE`` are those bounds as pairs, for older importers.
"""

from __future__ import annotations

from exercise_timer.core import limits
from exercise_timer.core.i18n import N_
from exercise_timer.storage.schema import Field, FieldKind

HOLD_RANGE = (limits.HOLD_SECONDS.low, limits.HOLD_SECONDS.high)
REPETITIONS_RANGE = (int(limits.REPETITIONS.low), int(limits.REPETITIONS.high))
RELAX_RANGE = (limits.RELAX_SECONDS.low, limits.RELAX_SECONDS.high)

INCLUDED = Field("included", N_("Include"), FieldKind.BOOL, True)
VARIANT = Field("variant", N_("Version"), FieldKind.TEXT, "")
HOLD = Field(
    "hold_seconds",
    N_("Hold (seconds)"),
    FieldKind.FLOAT,
    5.0,
    low=limits.HOLD_SECONDS.low,
    high=limits.HOLD_SECONDS.high,
)
REPETITIONS = Field(
    "repetitions",
    N_("Repetitions"),
    FieldKind.INT,
    5,
    low=limits.REPETITIONS.low,
    high=limits.REPETITIONS.high,
)
RELAX = Field(
    "relax_seconds",
    N_("Relax (seconds)"),
    FieldKind.FLOAT,
    2.0,
    low=limits.RELAX_SECONDS.low,
    high=limits.RELAX_SECONDS.high,
)

PERSONAL_FIELDS: tuple[Field, ...] = (INCLUDED, VARIANT, HOLD, REPETITIONS, RELAX)
"""Per exercise. ``hold_seconds`` is one value per stage of the exercise (a list in files)."""
