"""Finds the line of a key in TOML text, since tomllib reports no positions for values.

It follows table headers and ``key =`` lines, which covers how routine files are written;
for anything it cannot place it falls back to the nearest enclosing table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

PathKey = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)([^\]]+)\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+(?:\s*\.\s*[A-Za-z0-9_\-]+)*)\s*=""")


def _split_dotted(name: str) -> list[str]:
    return [part.strip().strip("\"'") for part in name.split(".")]


class LineIndex:
    """Maps paths such as ``("exercises", 2, "hold_seconds")`` to 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self._lines: dict[PathKey, int] = {}
        self._build(text.split("\n"))  # not splitlines(): TOML text may hold \x85, \u2028

    def _build(self, lines: Sequence[str]) -> None:
        table: PathKey = ()
        counts: dict[PathKey, int] = {}
        in_multiline: str | None = None
        for number, line in enumerate(lines, start=1):
            if in_multiline is not None:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            header = _HEADER.match(line)
            if header and not _KEY.match(line):
                names = _split_dotted(header.group(2))
                path = self._resolve(names, counts)
                if header.group(1) == "[[":
                    index = counts.get(path, 0)
                    counts[path] = index + 1
                    table = (*path, index)
                else:
                    table = path
                self._lines.setdefault(table, number)
                continue
            key = _KEY.match(line)
            if key:
                self._lines.setdefault((*table, *_split_dotted(key.group(1))), number)
                for quote in ('"""', "'''"):
                    if line.count(quote) % 2 == 1:
                        in_multiline = quote

    def _resolve(self, names: list[str], counts: dict[PathKey, int]) -> PathKey:
        """Turns ``exercises.stages`` into ``("exercises", 3, "stages")`` (the latest exercise)."""
        path: PathKey = ()
        last = len(names) - 1
        for position, name in enumerate(names):
            path = (*path, name)
            seen = counts.get(path)
            if seen is not None and position < last:
                path = (*path, seen - 1)
        return path

    def line_of(self, path: PathKey) -> int | None:
        """The line of the path, or of its nearest enclosing key or table."""
        probe = tuple(path)
        while probe:
            if probe in self._lines:
                return self._lines[probe]
            probe = probe[:-1]
        return None
