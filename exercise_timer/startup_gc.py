"""Python's cyclic garbage collector, paused while the window starts and resumed once it is up.

Starting the window makes about 50,000 objects that live as long as the program: modules,
classes, dataclasses, PySide6's types and enums, the widgets. Collecting while they are made
examines each of them again and again and finds almost nothing (decision 0017): 33 million
instructions, 4 % of the start. So the window's start pauses collection, and once the window
has been painted and has settled, one collection frees what the start left over and
``gc.freeze()`` puts the survivors out of reach of every later collection, which keeps the
collections during a session small. Reference counting frees everything else as usual.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stops automatic collection, if it runs (and only then will ``resume`` restart it)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def settle() -> None:
    """The start is over: one collection, the survivors frozen, automatic collection again.

    Nothing if collection was not paused by ``pause``.
    """
    global _paused
    if _paused:
        _paused = False
        gc.collect()
        gc.freeze()
        gc.enable()


def resume() -> None:
    """Restarts automatic collection if ``pause`` stopped it (the window ended early)."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()


def paused() -> bool:
    """Whether collection is paused by ``pause``."""
    return _paused
