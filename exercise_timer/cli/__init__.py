"""The command line, the composition root of the program: a registry of command groups.

``main`` is the ``exercise-timer`` entry point; each command group lives in its own module
(``catalogue``, ``history``, ``speech``, ``prescription``, ``window``) and formats its output
with ``exercise_timer.report``. ``main`` begins the program (``program_start``) before it
imports them.
"""

from __future__ import annotations

from exercise_timer import program_start, startup_gc

TYPE_CHECKING = False  # not typing's: nothing before program_start.begin but what it needs
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line and returns the exit code (see ``cli.entry.main``)."""
    program_start.begin()
    try:
        from exercise_timer.cli.entry import main as run

        return run(argv)
    finally:
        startup_gc.resume()  # if no command did (the window resumes it once it has settled)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line (see ``cli.entry.build_parser``)."""
    from exercise_timer.cli.entry import build_parser as whole

    return whole()
