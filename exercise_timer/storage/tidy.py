"""What every start does to the program's own folders before anything reads them.

Two things a killed or older program may have left: files and folders other users can read
(they are made 0600 and 0700, see ``storage.private``), and temporary files of a write that
never finished (``.NAME.PID.RANDOM.tmp`` from ``storage.atomic``; older versions wrote
``.NAME.RANDOM.tmp`` and ``.NAME.PID.tmp``). A temporary file is removed when the process in
its name is gone, or when it is more than a minute old and not this process's; a file of any
other name, a link or a folder is never removed. Nothing here raises: a folder that cannot be
read or changed is left as it is.
"""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from exercise_timer.storage.own_folders import own_folders
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.private import make_private

STALE_SECONDS = 60.0
"""A temporary file older than this is no write still under way."""

_TEMPORARY = re.compile(
    r"\.(?P<name>.+?)"
    r"(?:\.(?P<pid>[0-9]+)\.[0-9a-f]{8}"  # .NAME.PID.RANDOM.tmp (storage.atomic)
    r"|\.[0-9a-z_]{8}"  # .NAME.RANDOM.tmp (tempfile.mkstemp, before)
    r"|\.(?P<old_pid>[0-9]+))"  # .NAME.PID.tmp (the routine cache, before)
    r"\.tmp"
)


def tidy_own_folders(paths: Paths, now: Callable[[], float] = time.time) -> None:
    """Makes the config, data and cache folders private and removes stale temporary files."""
    folders = [folder for folder in own_folders(paths) if folder.is_dir()]
    make_private(folders)
    for folder in folders:
        remove_stale_temporaries(folder, now())


def remove_stale_temporaries(
    folder: Path, now: float, alive: Callable[[int], bool] | None = None
) -> list[Path]:
    """Removes the temporary files of ours under ``folder`` no write still needs.

    Args:
        folder: Searched with the folders inside it (links are not followed).
        now: The time (``time.time()``) to age the files by.
        alive: Tells whether a process id is running (default: asks the system).

    Returns:
        The files removed.
    """
    running = alive or process_running
    removed: list[Path] = []
    for path in _files_under(folder):
        found = _TEMPORARY.fullmatch(path.name)
        if found is None:
            continue
        try:
            age = now - path.lstat().st_mtime
        except OSError:
            continue
        text = found.group("pid") or found.group("old_pid")
        pid = int(text) if text else None
        ours = pid == os.getpid()
        if (pid is not None and not ours and not running(pid)) or (
            age > STALE_SECONDS and not ours
        ):
            try:
                path.unlink()
            except OSError:
                continue
            removed.append(path)
    return removed


def process_running(pid: int) -> bool:
    """True when a process with this id runs (or might: one we may not signal)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True
    return True


def _files_under(folder: Path) -> Iterable[Path]:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            mode = entry.stat(follow_symlinks=False).st_mode
        except OSError:
            continue
        if stat.S_ISDIR(mode):
            yield from _files_under(Path(entry.path))
        elif stat.S_ISREG(mode):
            yield Path(entry.path)
