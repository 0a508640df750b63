"""Declarative fields: one description drives defaults, validation and the editor's widgets.

A field's label, help and choice labels are English msgids marked with ``N_``; whatever shows
them asks ``shown_label()``, ``shown_help()`` and ``shown_choices()``, which translate into the
language in use when they are called.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from exercise_timer.core.i18n import _
from exercise_timer.core.toml_reader import number


class FieldKind(StrEnum):
    """What sort of value a field holds, and so which widget edits it."""

    BOOL = "bool"
    INT = "int"
    FLOAT = "float"
    CHOICE = "choice"
    TEXT = "text"


@dataclass(frozen=True)
class Field:
    """One setting: its key in the file, its label, its default and what values it accepts."""

    key: str
    label: str
    kind: FieldKind
    default: bool | int | float | str
    low: float | None = None
    high: float | None = None
    choices: tuple[tuple[str, str], ...] = ()
    help: str = ""
    choices_now: Callable[[], tuple[tuple[str, str], ...]] | None = None
    """Choices that depend on what is installed (the languages), asked each time."""

    def all_choices(self) -> tuple[tuple[str, str], ...]:
        """Each choice's value and its untranslated label, as they are now."""
        return self.choices_now() if self.choices_now is not None else self.choices

    def shown_label(self) -> str:
        """The label in the language in use now."""
        return _shown(self.label)

    def shown_help(self) -> str:
        """The help text in the language in use now ("" when there is none)."""
        return _shown(self.help)

    def shown_choices(self) -> tuple[tuple[str, str], ...]:
        """Each choice's value and its label in the language in use now."""
        return tuple((value, _shown(label)) for value, label in self.all_choices())

    def check(self, value: object) -> str | None:
        """None when ``value`` is acceptable, else what is wrong and how to fix it."""
        if self.kind is FieldKind.BOOL:
            return None if isinstance(value, bool) else _("use true or false")
        if self.kind is FieldKind.TEXT:
            ok = isinstance(value, str) and len(value) <= 200
            return None if ok else _("use text in quotes")
        if self.kind is FieldKind.CHOICE:
            known = [choice for choice, _label in self.all_choices()]
            return (
                None
                if value in known
                else _("use one of {choices}").format(choices=", ".join(f'"{c}"' for c in known))
            )
        found = number(value)  # None for an integer beyond any float, too
        if self.kind is FieldKind.INT and not isinstance(value, int):
            found = None
        if found is not None and self._in_bounds(found):
            return None
        return _("use a number from {low:g} to {high:g}").format(low=self.low, high=self.high)

    def _in_bounds(self, value: float) -> bool:
        low = -math.inf if self.low is None else self.low
        high = math.inf if self.high is None else self.high
        return low <= value <= high


def shown_value(value: object) -> str:
    """A bad value as Python writes it, short: never thousands of digits or characters."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        return _("an enormous number")
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _shown(message: str) -> str:
    """``_()``, except that "" stays "" (gettext gives "" the catalogue's header)."""
    return _(message) if message else ""


def defaults(fields: Sequence[Field]) -> dict[str, object]:
    """Every field's default value."""
    return {field.key: field.default for field in fields}


def validate(
    fields: Sequence[Field], data: Mapping[str, object]
) -> tuple[dict[str, object], list[str]]:
    """Values from ``data`` over the defaults, and one problem per bad or unknown key."""
    values = defaults(fields)
    problems: list[str] = []
    by_key = {field.key: field for field in fields}
    for key, value in data.items():
        field = by_key.get(key)
        if field is None:
            problems.append(_("{key} is not a known setting").format(key=key))
            continue
        problem = field.check(value)
        if problem is None:
            values[key] = float(value) if field.kind is FieldKind.FLOAT else value  # type: ignore[arg-type]
        else:
            problems.append(
                _("{key} is {value}; {fix}").format(key=key, value=shown_value(value), fix=problem)
            )
    return values, problems
