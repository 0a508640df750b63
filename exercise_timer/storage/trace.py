"""``--trace FILE``: one JSON line per event, written and flushed as it happens."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from exercise_timer.storage.private import private_opener


class TraceWriter:
    """Appends events to a JSON-lines file; each line is on disk before the next event."""

    def __init__(self, path: Path) -> None:
        self._file: IO[str] = open(  # noqa: SIM115 (open until close())
            path, "w", encoding="utf-8", buffering=1, opener=private_opener
        )

    def write(self, event: str, **fields: Any) -> None:
        """Writes one event line."""
        if self._file.closed:
            return
        self._file.write(json.dumps({"event": event, **fields}, ensure_ascii=False) + "\n")

    def close(self) -> None:
        """Closes the file."""
        self._file.close()
