"""The routines as read last time, kept in the cache folder so a start need not parse them again.

Reading and checking the three bundled routines takes 15-25 ms, a tenth of the window's
start-up; loading them back from this cache takes 2-4 ms. A file's entry is used only while
its modification time and size are those it was read with (and its translation's, see
``core.routine_translation``), and the whole cache only while the
program's version, Python's, the language and the reading code (every module of
``exercise_timer.core``) are unchanged; anything else, or a cache that cannot be read, means
the files are parsed as before. Only files that were read without a problem are kept, so every
problem is still found and reported in the language in use.

The cache is a pickle in the person's own cache folder: whoever can write there can already
change their programs, so it is trusted as Python trusts its own byte-code caches.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from pathlib import Path

from exercise_timer import __version__
from exercise_timer.core import i18n
from exercise_timer.core.model import Routine
from exercise_timer.core.routine_translation import translation_file
from exercise_timer.storage.atomic import temporary_beside
from exercise_timer.storage.private import make_private_dir, private_opener

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


def _code_key() -> tuple[object, ...]:
    """What must be unchanged for a cached routine to be what reading its file gives now."""
    code = sorted(
        (entry.name, entry.stat().st_mtime_ns, entry.stat().st_size)
        for entry in os.scandir(_CORE_DIR)
        if entry.name.endswith(".py")
    )
    return (__version__, sys.version, i18n.current_language(), tuple(code))


class RoutineCache:
    """Routines by file, as read last time; ``save()`` keeps what was read since."""

    def __init__(self, cache_dir: Path) -> None:
        self.file = cache_dir / CACHE_NAME
        self._key = _code_key()
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
        temporary = temporary_beside(self.file)
        try:
            make_private_dir(self.file.parent)
            with open(temporary, "xb", opener=private_opener) as stream:
                pickle.dump((self._key, entries), stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.file)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
