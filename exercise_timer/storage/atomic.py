"""Writing files so that a crash or a full disk never leaves half a file behind.

A file is written to a temporary file beside it, ``.NAME.PID.RANDOM.tmp`` (mode 0600), then
renamed over it; a kill in between leaves that temporary file, which the next start removes
(``storage.tidy``). A symbolic link in place of the file is followed: the file it points to
is replaced and the link stays (docs/decisions/0010-links-and-temporary-files.md).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from exercise_timer.storage.private import FILE_MODE, make_private_dir


def temporary_beside(path: Path) -> Path:
    """A fresh name for a temporary file beside ``path``: ``.NAME.PID.RANDOM.tmp``.

    ``storage.tidy`` knows the form: it removes those a killed process left behind. The
    random part comes from ``os.urandom``, as ``secrets`` would take it, without loading
    OpenSSL (``secrets`` imports ``hmac`` and ``hashlib``: ~3.5 MiB at every start).
    """
    return path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")


def write_text_atomic(path: Path, text: str) -> None:
    """Writes ``text`` to a temporary file beside ``path``, syncs it, then renames it over.

    The file is mode 0600 and a folder made for it 0700. When ``path`` is a symbolic link,
    the file it points to is written instead and the link is kept.

    Raises:
        OSError: The file could not be written (nothing is left behind).
    """
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """``write_text_atomic`` for bytes (a cache, a PDF).

    Raises:
        OSError: The file could not be written (nothing is left behind).
    """
    path = _followed(path)
    make_private_dir(path.parent)
    temporary = temporary_beside(path)
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _followed(path: Path) -> Path:
    """``path``, or the file its symbolic links lead to (which may not exist yet)."""
    if not path.is_symlink():
        return path
    try:
        return path.resolve(strict=False)
    except (OSError, RuntimeError) as error:  # a loop of links
        raise OSError(40, os.strerror(40), str(path)) from error


def keep_aside(path: Path, now: datetime) -> Path:
    """Renames a file that could not be read to ``NAME.broken-DATE``; returns the new path."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.broken-{stamp}-{number}")
    path.rename(target)
    return target
