"""Where each of an exercise's values comes from: the document, a default, the person, the build-up.

``resolve`` records the source of every value it chooses; :func:`value_sources` adds the
build-up, which ``resolve`` cannot see (it arrives merged into the personal values). The window,
``plan`` and the values editor all ask here, so they cannot disagree.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exercise_timer.core.progression import ExerciseProgress
    from exercise_timer.core.resolve import ResolvedExercise


class ValueSource(StrEnum):
    """Where one value a session runs with comes from."""

    DOCUMENT = "document"
    """The source document gives it."""
    DEFAULT = "default"
    """The document gives none: the routine's default, or a value the routine file sets itself."""
    PERSONAL = "personal"
    """The person's or the clinician's own value."""
    BUILD_UP = "build-up"
    """The gradual build-up: lower than the target today."""


@dataclass(frozen=True)
class ValueSources:
    """The source of each value of one exercise."""

    hold: ValueSource = ValueSource.DOCUMENT
    """Of the holds (of every stage: a default anywhere makes it a default)."""
    repetitions: ValueSource = ValueSource.DOCUMENT
    sides: ValueSource = ValueSource.DOCUMENT
    relax: ValueSource = ValueSource.DOCUMENT

    def as_json(self) -> dict[str, str]:
        """The ``values_source`` object of ``plan --json``."""
        return {
            "hold": self.hold.value,
            "repetitions": self.repetitions.value,
            "sides": self.sides.value,
            "relax": self.relax.value,
        }


DOCUMENT_VALUES = ValueSources()


def combined(sources: Iterable[ValueSource]) -> ValueSource:
    """One source for several values (the stages' holds): a default wins, then personal."""
    found = set(sources)
    for source in (ValueSource.DEFAULT, ValueSource.PERSONAL, ValueSource.BUILD_UP):
        if source in found:
            return source
    return ValueSource.DOCUMENT


def value_sources(exercise: ResolvedExercise, progress: ExerciseProgress | None) -> ValueSources:
    """The sources of ``exercise``'s values today; ``progress`` is its build-up, if any.

    While the build-up has not reached its targets, the holds and repetitions are its values.
    """
    sources = exercise.sources
    if progress is None or progress.reached:
        return sources
    return dataclasses.replace(sources, hold=ValueSource.BUILD_UP, repetitions=ValueSource.BUILD_UP)
