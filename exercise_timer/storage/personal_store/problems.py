"""A problem with personal values: where it is (a key path) and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass

from exercise_timer.core.i18n import _
from exercise_timer.core.toml_lines import PathKey
from exercise_timer.core.toml_reader import number
from exercise_timer.storage.schema import shown_value


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


def bad_value(where: PathKey, value: object, fix: str) -> ValueProblem:
    """The problem of a value that its field refuses; ``fix`` says what to use instead."""
    return ValueProblem(where, _("is {value}; {fix}").format(value=shown_value(value), fix=fix))


def is_number(value: object) -> bool:
    """Whether ``value`` is a finite int or float (not a bool)."""
    return number(value) is not None
