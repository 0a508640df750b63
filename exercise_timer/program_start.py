"""What the program does first, before it imports the rest of itself.

``exercise-timer`` (``cli.main``) calls ``begin`` before any other module of the program is
imported: the cyclic collector is paused, since the start makes only objects that live as long
as the program (decision 0017), and the kept code of dataclasses and regular expressions is
installed, since the modules about to be imported make both (decisions 0014, 0016). Importing
``exercise_timer`` itself does neither, so a program or test that only uses a module pays
for nothing it did not ask for (the test suite installs the kept code in its conftest).
"""

from __future__ import annotations

from exercise_timer import startup_gc


def install_kept_code() -> None:
    """Dataclasses' methods and ``re``'s patterns from the code kept at the last start."""
    from exercise_timer import dataclass_code, regex_code

    dataclass_code.install()  # before any module of the program makes a dataclass
    regex_code.install()  # before any module of the program compiles a pattern


def begin() -> None:
    """The collector paused (``startup_gc.resume`` restarts it) and the kept code installed."""
    startup_gc.pause()
    install_kept_code()
