"""exercise_timer: a guided timer for back exercises."""

from exercise_timer import dataclass_code, regex_code

__version__ = "0.1.0"

dataclass_code.install()  # before any module of the program makes a dataclass
regex_code.install()  # before any module of the program compiles a pattern
