"""Today's session of a routine with its personal values, for the commands that show it."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence

from exercise_timer.core.i18n import _
from exercise_timer.core.model import Routine
from exercise_timer.storage.journal import JournalUnreadable, SessionRecord, read_history
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_store import LoadedPersonal, Today, load_personal, today

HistoryReader = Callable[[], Sequence[SessionRecord]]


def history_reader(paths: Paths) -> HistoryReader:
    """Reads the journal once, when progression needs it; never creates or changes it.

    A session that cannot be read is left out, so the build-up counts the others.
    """

    @functools.cache
    def history() -> Sequence[SessionRecord]:
        try:
            return read_history(paths.journal_file).records
        except JournalUnreadable as error:
            print(
                _("{problem} Progression is counted from its start.").format(problem=error.message),
                file=sys.stderr,
            )
            return []

    return history


def personal_day(
    paths: Paths, routine: Routine, history: HistoryReader
) -> tuple[LoadedPersonal, Today]:
    """A routine's personal values and today's session with them, for a printed page.

    Each problem goes to stderr: the values' file, and where they came from (``[prescribed]``).
    """
    loaded = load_personal(paths, routine)
    for problem in (loaded.problem, loaded.prescribed_problem):
        if problem is not None:
            print(problem, file=sys.stderr)
    return loaded, today(loaded, history() if loaded.progression.enabled else [])


def personal_today(paths: Paths, routine: Routine, history: HistoryReader) -> Today:
    """Today's session of a routine with its personal values; a file problem goes to stderr."""
    loaded = load_personal(paths, routine)
    if loaded.problem is not None:
        print(loaded.problem, file=sys.stderr)
    return today(loaded, history() if loaded.progression.enabled else [])
