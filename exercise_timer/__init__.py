"""exercise_timer: a guided timer for back exercises.

The ``exercise-timer`` command starts in ``cli.main``, which calls ``program_start.begin``
before it imports the rest of the program.
"""

__version__ = "0.1.0"
