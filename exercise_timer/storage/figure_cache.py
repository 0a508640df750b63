"""Figures files as read last time, kept in the cache folder for the window's first screen.

Reading and checking a routine's figures file takes 8-16 ms of the window's start (its TOML,
every pose placed and checked); loading it back takes well under 1 ms. The rules are those of
``storage.routine_cache``: a file's entry is used only while its modification time and size
are those it was read with, the whole cache only while the program's and Python's versions,
the language and the reading code (``core`` and ``core/figures``) are unchanged, and only
books read without a problem are kept, so every problem is still found and reported.

Where the cache lives is set once by whoever knows the person's folders (``keep_in``); until
then, and for a folder that cannot be written, figures are read from their files as before.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from exercise_timer.core.figures import book as figure_book
from exercise_timer.core.figures.book import FigureBook
from exercise_timer.storage.routine_cache import code_key, write_cache

CACHE_NAME = "figures.pickle"
"""Under the cache folder."""

_FIGURES_DIR = Path(figure_book.__file__).parent

Stamp = tuple[int, int]
"""A file's modification time (ns) and size."""

_folder: Path | None = None


def keep_in(cache_dir: Path | None) -> None:
    """Keeps read figures in ``cache_dir`` from now on (None: nowhere)."""
    global _folder
    _folder = cache_dir


def _stamp(file: Path) -> Stamp | None:
    try:
        status = file.stat()
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size)


def _key() -> tuple[object, ...]:
    return code_key((_FIGURES_DIR.parent, _FIGURES_DIR))


def _entries(cache_file: Path) -> dict[str, tuple[Stamp, FigureBook]]:
    try:
        with cache_file.open("rb") as stream:
            key, entries = pickle.load(stream)
    except Exception:  # missing, damaged or written by other code: read the files again
        return {}
    if key != _key() or not isinstance(entries, dict):
        return {}
    return entries


def cached_figures(file: Path) -> FigureBook | None:
    """The figures read from ``file`` when it was as it is now; None when it must be read."""
    if _folder is None:
        return None
    entry = _entries(_folder / CACHE_NAME).get(str(file))
    if entry is None:
        return None
    stamp, book = entry
    if stamp != _stamp(file) or not isinstance(book, FigureBook):
        return None
    return book


def remember_figures(file: Path, book: FigureBook) -> None:
    """Keeps the figures just read from ``file`` (read without a problem) for the next start."""
    stamp = _stamp(file)
    if _folder is None or stamp is None:
        return
    cache_file = _folder / CACHE_NAME
    entries = {name: entry for name, entry in _entries(cache_file).items() if Path(name).is_file()}
    entries[str(file)] = (stamp, book)
    write_cache(cache_file, (_key(), entries))
