"""The routines as read last time, kept in the cache folder so a start need not parse them again.

Reading and checking the three bundled routines takes 15-25 ms, a tenth of the window's
start-up; loading them back from this cache takes 2-4 ms. A file's entry is used only while
its modification time and size are those it was read with (and its translation's, see
``core.translation_files``), and the whole cache only while the
program's version, Python's, the language and the reading code (every module of
``exercise_timer.core``) are unchanged; anything else, or a cache that cannot be read, means
the files are parsed as before. Only files that were read without a problem are kept, so every
problem is still found and reported in the language in use.

The cache is a pickle in the person's own cache folder: whoever can write there can already
change their programs, so it is trusted as Python trusts its own byte-code caches.
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import sys
from collections.abc import Iterable
from pathlib import Path

from exercise_timer import __version__
from exercise_timer.core import i18n
from exercise_timer.core.model import Routine
from exercise_timer.core.translation_files import translation_file
from exercise_timer.storage.atomic import write_bytes_atomic

CACHE_NAME = "routines.pickle"
"""Under the cache folder."""

_CORE_DIR = Path(i18n.__file__).parent

Stamp = tuple[int, ...]
"""A file's modification time (ns) and size, then its translation's in the language in use."""


def _stamp(file: Path) -> Stamp | None:
    try:
        status = file.stat()
    except OSError:
        return None
    try:
        translated = translation_file(file, i18n.current_language()).stat()
    except OSError:
        return (status.st_mtime_ns, status.st_size)
    return (status.st_mtime_ns, status.st_size, translated.st_mtime_ns, translated.st_size)


def code_key(folders: Iterable[Path] = (_CORE_DIR,)) -> tuple[object, ...]:
    """What must be unchanged for a cached result to be what reading its file gives now.

    The program's and Python's versions, the language, and every module in ``folders`` (the
    code that reads the files) by name, modification time and size.
    """
    code = tuple(module for folder in folders for module in _modules_in(folder))
    return (__version__, sys.version, i18n.current_language(), code)


@functools.cache
def _modules_in(folder: Path) -> tuple[tuple[str, str, int, int], ...]:
    """The modules of ``folder`` as this process found them (a process loads its code once).

    The routine cache and the figures cache both ask for ``core`` at every start.
    """
    found = []
    for entry in os.scandir(folder):
        if entry.name.endswith(".py"):
            status = entry.stat()
            found.append((folder.name, entry.name, status.st_mtime_ns, status.st_size))
    return tuple(sorted(found))


def write_cache(file: Path, content: object) -> None:
    """Pickles ``content`` to ``file`` whole; a cache that cannot be written is no problem.

    It only means the next start reads the files again.
    """
    with contextlib.suppress(OSError):
        write_bytes_atomic(file, pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL))


class RoutineCache:
    """Routines by file, as read last time; ``save()`` keeps what was read since."""

    def __init__(self, cache_dir: Path) -> None:
        self.file = cache_dir / CACHE_NAME
        self._key = code_key()
        self._entries: dict[str, tuple[Stamp, bool, Routine]] = {}
        self._changed = False
        try:
            with self.file.open("rb") as stream:
                key, entries = pickle.load(stream)
        except Exception:  # missing, damaged or written by other code: read the files again
            return
        if key == self._key and isinstance(entries, dict):
            self._entries = entries

    def get(self, file: Path, *, bundled: bool) -> Routine | None:
        """The routine read from ``file`` when it was as it is now; None when it must be read."""
        entry = self._entries.get(str(file))
        if entry is None:
            return None
        stamp, was_bundled, routine = entry
        if was_bundled != bundled or stamp != _stamp(file) or not isinstance(routine, Routine):
            return None
        return routine

    def put(self, file: Path, routine: Routine, *, bundled: bool) -> None:
        """Remembers the routine just read from ``file``."""
        stamp = _stamp(file)
        if stamp is not None:
            self._entries[str(file)] = (stamp, bundled, routine)
            self._changed = True

    def save(self, files: list[Path]) -> None:
        """Writes the cache when something was read anew; keeps only ``files``' entries.

        A cache that cannot be written only means the next start reads the files again.
        """
        keep = {str(file) for file in files}
        if not self._changed and keep == set(self._entries):
            return
        entries = {name: entry for name, entry in self._entries.items() if name in keep}
        write_cache(self.file, (self._key, entries))
