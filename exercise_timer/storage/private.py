"""Health data stays the account's own: folders 0700, files 0600, however they are written.

The journal, the values, the settings, the lock and the caches say things about a person's
health or could unlock them, so no other user on the machine may read them. Every file the
program writes is created through :func:`open_private` or :func:`write_text_atomic` (which
uses it), every folder through :func:`make_private_dir`; :func:`make_private` fixes the modes
of what an older version left readable.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def make_private_dir(folder: Path) -> None:
    """Creates ``folder`` and each missing folder above it, mode 0700 (existing ones untouched).

    Raises:
        OSError: A folder could not be created.
    """
    missing = []
    for above in (folder, *folder.parents):
        if above.exists():
            break
        missing.append(above)
    for each in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another process made it just now
            each.mkdir(mode=FOLDER_MODE)
    if not folder.is_dir():
        raise NotADirectoryError(20, os.strerror(20), str(folder))


def private_opener(path: str, flags: int) -> int:
    """An ``opener`` for :func:`open`: a file it creates is 0600, a plain file it opens too.

    A file opened that is not a plain file (a terminal, ``/dev/stdout``) keeps its mode.
    """
    handle = os.open(path, flags, FILE_MODE)
    try:
        if flags & (os.O_WRONLY | os.O_RDWR):
            status = os.fstat(handle)
            if stat.S_ISREG(status.st_mode) and status.st_mode & 0o077:
                os.fchmod(handle, FILE_MODE)
    except OSError:
        os.close(handle)
        raise
    return handle


def create_private_file(path: Path) -> None:
    """Creates ``path`` empty, mode 0600, unless it is there already (it is left as it is).

    Raises:
        OSError: It could not be created.
    """
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return
    os.close(handle)


def make_private(folders: Iterable[Path]) -> None:
    """Makes ``folders`` and everything in them 0700 (folders) and 0600 (files).

    Symbolic links are neither followed nor changed; a folder that is not there is skipped,
    and nothing is ever raised (a read-only or foreign file keeps its mode).
    """
    for folder in folders:
        _make_private_tree(folder)


def _make_private_tree(folder: Path) -> None:
    try:
        status = folder.lstat()
    except OSError:
        return
    if not stat.S_ISDIR(status.st_mode):
        return
    _chmod(folder, status.st_mode)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                _make_private_tree(Path(entry.path))
            elif entry.is_file(follow_symlinks=False):
                _chmod(Path(entry.path), entry.stat(follow_symlinks=False).st_mode)
        except OSError:
            continue


def _chmod(path: Path, mode: int) -> None:
    """Takes away what the group and others may do; what the owner may do is kept."""
    if stat.S_IMODE(mode) & 0o077:
        with contextlib.suppress(OSError):
            path.chmod(stat.S_IMODE(mode) & ~0o077)
