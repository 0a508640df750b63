"""The command line, the composition root of the program: a registry of command groups.

``main`` is the ``exercise-timer`` entry point; each command group lives in its own module
(``catalogue``, ``history``, ``speech``, ``prescription``, ``window``) and formats its output
with ``exercise_timer.report``.
"""

from exercise_timer.cli.entry import build_parser, main

__all__ = ["build_parser", "main"]
