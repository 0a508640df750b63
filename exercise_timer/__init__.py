"""exercise_timer: a guided timer for back exercises."""

__version__ = "0.1.0"
