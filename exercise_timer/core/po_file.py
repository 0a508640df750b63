"""Reads a gettext ``.po`` catalogue with the standard library, keeping each entry's line.

Routine translations are ``.po`` files that translators keep with their usual tools (Poedit,
Babel, msgmerge); the program reads them at run time, where Babel is not installed, and needs
the line of each entry to name it in a problem. Only what those files use is read: ``msgctxt``,
``msgid``, ``msgstr``, continued strings, the ``#, fuzzy`` flag; obsolete ``#~`` entries and
other comments are skipped, and plural entries are kept whole but never used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from exercise_timer.core.i18n import _
from exercise_timer.core.problems import Problem

_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*)$")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}
_ESCAPE = re.compile(r"\\(.)")


@dataclass(frozen=True)
class PoEntry:
    """One message of a catalogue; ``line`` is where its ``msgid`` stands."""

    context: str | None
    msgid: str
    msgstr: str
    line: int
    fuzzy: bool = False


class _Reader:
    def __init__(self, path: Path | str) -> None:
        self.path = path
        self.entries: list[PoEntry] = []
        self.problems: list[Problem] = []
        self._fields: dict[str, str] = {}
        self._lines: dict[str, int] = {}
        self._current: str | None = None
        self._fuzzy = False

    def finish_entry(self) -> None:
        fields = self._fields
        if "msgid" in fields:
            if "msgid_plural" not in fields:
                self.entries.append(
                    PoEntry(
                        fields.get("msgctxt"),
                        fields["msgid"],
                        fields.get("msgstr", ""),
                        self._lines["msgid"],
                        self._fuzzy,
                    )
                )
        elif fields:
            line = min(self._lines.values())
            self.problems.append(
                Problem(self.path, line, _('an entry without msgid; add msgid "..." to it'))
            )
        self._fields, self._lines, self._current, self._fuzzy = {}, {}, None, False

    def string(self, text: str, number: int) -> str | None:
        stripped = text.strip()
        if len(stripped) < 2 or not stripped.startswith('"') or not stripped.endswith('"'):
            self.problems.append(
                Problem(self.path, number, _('a string must be in double quotes: "..."'))
            )
            return None
        return _ESCAPE.sub(lambda found: _ESCAPES.get(found[1], found[1]), stripped[1:-1])

    def line(self, raw: str, number: int) -> None:
        text = raw.strip()
        if not text:
            self.finish_entry()
            return
        if text.startswith("#"):
            if text.startswith("#~"):
                return
            if "msgid" in self._fields:
                self.finish_entry()
            if text.startswith("#,") and "fuzzy" in (flag.strip() for flag in text[2:].split(",")):
                self._fuzzy = True
            return
        keyword = _KEYWORD.match(text)
        if keyword:
            name = keyword[1]
            if name in ("msgctxt", "msgid") and "msgid" in self._fields:
                self.finish_entry()
            value = self.string(keyword[2], number)
            if value is not None:
                self._fields[name] = value
                self._lines[name] = number
                self._current = name
            return
        if text.startswith('"') and self._current is not None:
            value = self.string(text, number)
            if value is not None:
                self._fields[self._current] += value
            return
        self.problems.append(
            Problem(
                self.path,
                number,
                _("is not a line of a .po file; use msgctxt, msgid and msgstr with quoted text"),
            )
        )


def read_po(text: str, path: Path | str) -> tuple[list[PoEntry], list[Problem]]:
    """The entries of a ``.po`` file's text (the header too), and the lines it cannot read."""
    reader = _Reader(path)
    for number, raw in enumerate(text.split("\n"), start=1):
        reader.line(raw, number)
    reader.finish_entry()
    return reader.entries, reader.problems
