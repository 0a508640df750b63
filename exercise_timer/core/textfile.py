"""Reading a user's TOML file safely: whatever the path holds, InputError says plainly why not.

Every TOML file the program reads goes through here (``core.toml_reader.read_toml_file``);
``kind`` names which one in the messages.
"""

from __future__ import annotations

import stat
from pathlib import Path

from exercise_timer.core.i18n import _
from exercise_timer.core.limits import TOML_FILE_BYTES
from exercise_timer.core.problems import InputError, Problem

MAX_FILE_BYTES = int(TOML_FILE_BYTES.high)
_MOST_MB = MAX_FILE_BYTES // (1024 * 1024)


def _one(path: Path | str, line: int | None, message: str) -> InputError:
    return InputError([Problem(path, line, message)])


def read_text_file(path: Path, kind: str) -> str:
    """The file's text; refuses folders, devices, pipes, huge, binary and non-UTF-8 files.

    Args:
        path: The file the person named.
        kind: What the file should be, for the messages ("routine", "prescription").
    """
    try:
        if not path.exists():
            raise _one(path, None, _("no such file; check the path and the file name"))
        if path.is_dir():
            raise _one(
                path,
                None,
                _("is a folder, not a file; name a {kind} .toml file in it").format(kind=kind),
            )
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise _one(
                path,
                None,
                _("is not a regular file (a device or a pipe); name a {kind} .toml file").format(
                    kind=kind
                ),
            )
        if status.st_size > MAX_FILE_BYTES:
            raise _one(
                path,
                None,
                _(
                    "is {size} MB, far larger than any {kind} (at most {most} MB); "
                    "check that this is the right file"
                ).format(size=f"{status.st_size / 1_000_000:.1f}", kind=kind, most=_MOST_MB),
            )
        data = path.read_bytes()
    except OSError as error:
        raise _one(
            path,
            None,
            _("cannot be read ({reason}); check its permissions").format(
                reason=error.strerror or error.__class__.__name__
            ),
        ) from None
    return decode_text(data, path, kind)


def decode_text(data: bytes, path: Path | str, kind: str) -> str:
    """Decodes a file's bytes as UTF-8 text (a leading BOM dropped), refusing binary data."""
    if len(data) > MAX_FILE_BYTES:
        raise _one(
            path,
            None,
            _("is larger than {most} MB; check that this is the right file").format(most=_MOST_MB),
        )
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise _one(
            path,
            line,
            _("holds binary data, not text; a {kind} is a TOML text file").format(kind=kind),
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise _one(
            path,
            line,
            _("is not UTF-8 text (byte 0x{byte:02x}); save the file with UTF-8 encoding").format(
                byte=data[error.start]
            ),
        ) from None
    return text.removeprefix("\ufeff")
