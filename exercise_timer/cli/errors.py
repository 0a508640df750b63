"""Exit codes, and how problems reach standard error."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from exercise_timer.core.problems import Problem

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """The command line cannot be carried out as given (exit 2)."""


def print_problems(problems: Sequence[Problem]) -> None:
    """One line per problem on standard error."""
    for problem in problems:
        print(problem, file=sys.stderr)


def say_error(message: str) -> None:
    """One message on standard error."""
    print(message, file=sys.stderr)
