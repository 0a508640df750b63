"""The shared text writers: a table of aligned columns, durations, JSON documents.

Text from files and people (a routine's words, a clinic's name, a note after a stop) is
printed through ``safe_text``, so a terminal sees no control character it could act on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls, DEL, and the line separators and direction overrides that can make
printed text read differently from what it holds."""
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    found = match.group()
    code = ord(found)
    return _NAMED.get(found) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def safe_text(text: str) -> str:
    r"""``text`` on one line, each control character written as an escape (ESC as ``\x1b``)."""
    return _CONTROLS.sub(_escape, text)


def safe_lines(lines: Iterable[str]) -> str:
    """Lines joined by line breaks, each made safe (a line break inside one is escaped)."""
    return "\n".join(safe_text(line) for line in lines)


def text_table(rows: Sequence[Sequence[str]]) -> str:
    """Rows (the first is the header) as left-aligned columns two spaces apart, made safe."""
    cells = [[safe_text(cell) for cell in row] for row in rows]
    widths = [max(len(row[column]) for row in cells) for column in range(len(cells[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in cells
    )


def format_duration(seconds: float) -> str:
    """Seconds as ``m:ss`` or ``h:mm:ss``."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def json_text(document: object) -> str:
    """A JSON document as the command line prints it: indented, non-ASCII kept as is."""
    return json.dumps(document, indent=2, ensure_ascii=False)
