"""``--trace FILE``: one JSON line per event, written and flushed as it happens.

The trace is a record for tests and demonstrations, never a condition of the session: a write
that fails (a full disk, a file closed under it, a value JSON cannot hold) is reported once and
every later event is dropped, so Stop and its advice never wait on it.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from exercise_timer.core.i18n import _
from exercise_timer.storage.private import private_opener


def _to_stderr(message: str) -> None:
    with contextlib.suppress(OSError, ValueError):  # no stderr left: nothing more can be done
        print(message, file=sys.stderr, flush=True)


class TraceWriter:
    """Appends events to a JSON-lines file; each line is on disk before the next event.

    Attributes:
        problem: Why the trace stopped, in words, once a write failed; None while it works.
    """

    def __init__(self, path: Path, report: Callable[[str], None] = _to_stderr) -> None:
        """Opens (and empties) the trace file.

        Args:
            path: The file.
            report: Told once, in words, when the trace cannot be written any more.

        Raises:
            OSError: The file cannot be created.
        """
        self._path = path
        self._report = report
        self.problem: str | None = None
        self._broken = False
        self._file: IO[str] = open(  # noqa: SIM115 (open until close())
            path, "w", encoding="utf-8", buffering=1, opener=private_opener
        )

    def fileno(self) -> int:
        """The file's descriptor."""
        return self._file.fileno()

    def write(self, event: str, **fields: Any) -> None:
        """Writes one event line; never raises (a failure is reported once, then ignored).

        An event JSON cannot hold is left out; after a failed write nothing more is written.
        """
        if self._file.closed or self._broken:
            return
        try:
            line = json.dumps({"event": event, **fields}, ensure_ascii=False) + "\n"
        except (TypeError, ValueError) as error:
            self._fail(error)
            return
        try:
            self._file.write(line)
        except (OSError, ValueError) as error:  # ValueError: the file was closed under it
            self._broken = True
            self._fail(error)

    def close(self) -> None:
        """Closes the file; never raises."""
        if self._file.closed:
            return
        try:
            self._file.close()
        except (OSError, ValueError) as error:
            self._fail(error)

    def _fail(self, error: BaseException) -> None:
        if self.problem is not None:
            return
        reason = (error.strerror if isinstance(error, OSError) else None) or str(error)
        self.problem = _(
            "{file}: the --trace file cannot be written ({reason}); the session goes on "
            "without it. Give --trace a file on a disk with room."
        ).format(file=self._path, reason=reason)
        self._report(self.problem)
