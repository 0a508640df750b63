"""Where personal values came from: the ``[prescribed]`` table of a personal file.

Importing a prescription keeps its clinic, patient label, date and file name beside the
values, so the report and the sheet can name them without the file::

    [prescribed]
    clinic = "Riverside Physiotherapy"
    patient = "J. D."                   # optional
    date = 2026-02-27
    file = "jd-back.toml"               # optional
    changed = 2026-03-10                # optional: the last day the values were changed

Values edited afterwards keep the table, with the day they were last changed. A table with a
bad value costs only the table: the values are still used, and the problem is said with its
line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from exercise_timer.core.i18n import _
from exercise_timer.storage.personal_store.problems import ValueProblem
from exercise_timer.storage.schema import shown_value

PRESCRIBED = "prescribed"
"""The table's name in a personal file."""
PRESCRIBED_KEYS = ("clinic", "patient", "date", "file", "changed")
MAX_TEXT = 200
"""The most characters of a clinic's name, a patient label or a file name."""


@dataclass(frozen=True)
class Prescribed:
    """Who prescribed the values, for whom, when, and in which file.

    Attributes:
        clinic: The clinic that prescribed them.
        dated: The prescription's date (the import's when the file gave none).
        patient: The patient's label, when the prescription gave one.
        file: The name of the prescription file (the name only, not its folder).
        changed: The last day the values were changed after the import; None when they are
            still as prescribed.
    """

    clinic: str
    dated: date
    patient: str | None = None
    file: str | None = None
    changed: date | None = None


def text_problem(key: str, value: object, required: bool = False) -> str | None:
    """What is wrong with a name or label in a file, with the fix; None when it is fine."""
    if value is None:
        return _('the {key} is missing; add {key} = "..."').format(key=key) if required else None
    if not isinstance(value, str) or (required and not value.strip()) or len(value) > MAX_TEXT:
        return _("{key} is {value}; use a name in quotes, at most {most} characters").format(
            key=key, value=shown_value(value), most=MAX_TEXT
        )
    return None


def prescribed_table(prescribed: Prescribed) -> dict[str, Any]:
    """The ``[prescribed]`` table, only what is set."""
    table: dict[str, Any] = {"clinic": prescribed.clinic}
    if prescribed.patient:
        table["patient"] = prescribed.patient
    table["date"] = prescribed.dated
    if prescribed.file:
        table["file"] = prescribed.file
    if prescribed.changed is not None:
        table["changed"] = prescribed.changed
    return table


def read_prescribed(data: Mapping[str, Any]) -> tuple[Prescribed | None, list[ValueProblem]]:
    """The ``[prescribed]`` table of a parsed personal file, and what is wrong with it.

    Returns:
        The provenance (None when there is no table or anything in it is wrong) and one
        problem per thing wrong, each with its key path.
    """
    if PRESCRIBED not in data:
        return None, []
    table = data[PRESCRIBED]
    if not isinstance(table, dict):
        return None, [
            ValueProblem(
                (PRESCRIBED,),
                _("is {value}; it must be a table ([prescribed]) or be removed").format(
                    value=shown_value(table)
                ),
            )
        ]
    problems = [
        ValueProblem((PRESCRIBED, key), _("is not a known key; remove it"))
        for key in table
        if key not in PRESCRIBED_KEYS
    ]
    for key, required in (("clinic", True), ("patient", False), ("file", False)):
        message = text_problem(key, table.get(key), required)
        if message:
            problems.append(ValueProblem((PRESCRIBED, key), message))
    dated = table.get("date")
    if not isinstance(dated, date):
        problems.append(
            ValueProblem(
                (PRESCRIBED, "date"),
                _("the date is missing; add date = 2026-11-21 with the prescription's date")
                if dated is None
                else _("is {value}; write the prescription's date as 2026-11-21").format(
                    value=shown_value(dated)
                ),
            )
        )
    changed = table.get("changed")
    if changed is not None and not isinstance(changed, date):
        problems.append(
            ValueProblem(
                (PRESCRIBED, "changed"),
                _("is {value}; write the day the values were changed as 2026-11-21").format(
                    value=shown_value(changed)
                ),
            )
        )
    if problems or not isinstance(dated, date):
        return None, problems
    patient, file = table.get("patient"), table.get("file")
    return (
        Prescribed(
            clinic=str(table["clinic"]).strip(),
            dated=_day(dated) or dated,
            patient=patient.strip() if isinstance(patient, str) and patient.strip() else None,
            file=file if isinstance(file, str) and file.strip() else None,
            changed=_day(changed),
        ),
        [],
    )


def _day(value: object) -> date | None:
    """A TOML date or date-time as a day; anything else is None."""
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None
