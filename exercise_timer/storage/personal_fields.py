"""The personal values a clinician sets per exercise, declared once.

The editor's widgets, the personal-values file, prescription files and their validation all
read these fields, so a bound or a label is changed in one place. Defaults come from the
routine itself (what the document says), not from here.
"""

from __future__ import annotations

from exercise_timer.core.i18n import _
from exercise_timer.storage.schema import Field, FieldKind

HOLD_RANGE = (1.0, 120.0)
REPETITIONS_RANGE = (1, 30)
RELAX_RANGE = (0.0, 60.0)

INCLUDED = Field("included", _("Include"), FieldKind.BOOL, True)
VARIANT = Field("variant", _("Version"), FieldKind.TEXT, "")
HOLD = Field(
    "hold_seconds", _("Hold (seconds)"), FieldKind.FLOAT, 5.0, low=HOLD_RANGE[0], high=HOLD_RANGE[1]
)
REPETITIONS = Field(
    "repetitions",
    _("Repetitions"),
    FieldKind.INT,
    5,
    low=REPETITIONS_RANGE[0],
    high=REPETITIONS_RANGE[1],
)
RELAX = Field(
    "relax_seconds",
    _("Relax (seconds)"),
    FieldKind.FLOAT,
    2.0,
    low=RELAX_RANGE[0],
    high=RELAX_RANGE[1],
)

PERSONAL_FIELDS: tuple[Field, ...] = (INCLUDED, VARIANT, HOLD, REPETITIONS, RELAX)
"""Per exercise. ``hold_seconds`` is one value per stage of the exercise (a list in files)."""
