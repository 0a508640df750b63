"""Lets ``python -m exercise_timer`` do what the ``exercise-timer`` command does."""

import sys

from exercise_timer.cli import main

sys.exit(main())
