"""Checks on TOML text before ``tomllib`` sees it: size, dotted-key depth and nesting.

``tomllib`` spends time growing with the square of a dotted key's parts (60 KB of
``a.a.a...`` takes 13 s and 3.5 GB) and recurses once per nested array or inline table, so a
hostile file must be refused before it is parsed. Strings and comments are blanked out first
(keeping their line breaks), so a dot or a bracket inside a text is never counted. The scan is
linear in the text: no pattern here can backtrack over more than one token.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from exercise_timer.core.i18n import _
from exercise_timer.core.limits import TOML_FILE_BYTES, TOML_KEY_PARTS, TOML_NESTING
from exercise_timer.core.problems import InputError, Problem

MAX_BYTES = int(TOML_FILE_BYTES.high)
MAX_KEY_PARTS = int(TOML_KEY_PARTS.high)
MAX_NESTING = int(TOML_NESTING.high)

# A string that does not end runs to the end of the line (one-line strings) or of the text
# (multi-line ones), as it does for tomllib, which stops there; so no match ever fails and is
# retried further on.
_STRINGS_AND_COMMENTS = re.compile(
    r'"""(?:[^"\\]|\\[\s\S]?|""?(?!"))*+(?:"{3,5}|\Z)'
    r"|'''(?:[^']|''?(?!'))*+(?:'{3,5}|\Z)"
    r'|"(?:[^"\\\n]|\\[^\n]?)*+"?'
    r"|'[^'\n]*+'?"
    r"|#[^\n]*+"
)
_DEEP_KEY = re.compile(
    r"(?<![A-Za-z0-9_\-\"])"
    rf"(?:(?:[A-Za-z0-9_-]++|\"\")[ \t]*+\.[ \t]*+){{{MAX_KEY_PARTS}}}"
)
_BRACKET = re.compile(r"[\[\]{}]")
_LONG_DIGITS = re.compile(rf"(?<![0-9_])[0-9](?:_?[0-9]){{{sys.get_int_max_str_digits()},}}+")


def _blank(match: re.Match[str]) -> str:
    found = match.group()
    if found.startswith("#"):
        return ""
    return '""' + "\n" * found.count("\n")


def blank_strings(text: str) -> str:
    """The text with every string as ``""`` and every comment removed, line breaks kept."""
    return _STRINGS_AND_COMMENTS.sub(_blank, text)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _one(path: Path | str, line: int | None, message: str) -> InputError:
    return InputError([Problem(path, line, message)])


def check_toml_shape(text: str, path: Path | str, kind: str) -> None:
    """Refuses text too large, with a key of too many parts or nested too deep, before parsing.

    Args:
        text: The file's text, already decoded.
        path: Only used in messages.
        kind: What the file should be, for the messages ("routine", "settings file").

    Raises:
        InputError: One problem, at its line where there is one, with the fix.
    """
    if len(text) > MAX_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise _one(
            path,
            None,
            _(
                "is larger than {most} MB, far larger than any {kind}; "
                "check that this is the right file"
            ).format(most=MAX_BYTES // (1024 * 1024), kind=kind),
        )
    bare = blank_strings(text)
    deep = _DEEP_KEY.search(bare)
    if deep:
        raise _one(
            path,
            _line(bare, deep.start()),
            _(
                "has a dotted key of more than {most} parts; a {kind} needs only a few, "
                "like exercises.stages: write it with fewer dots"
            ).format(most=MAX_KEY_PARTS, kind=kind),
        )
    depth = 0
    for bracket in _BRACKET.finditer(bare):
        if bracket.group() in "[{":
            depth += 1
            if depth > MAX_NESTING:
                raise _one(
                    path,
                    _line(bare, bracket.start()),
                    _(
                        "nests arrays or tables too deeply (more than {most} levels); "
                        "a {kind} needs only a few: write them flatter"
                    ).format(most=MAX_NESTING, kind=kind),
                )
        elif depth:
            depth -= 1


def long_number_line(text: str) -> int | None:
    """The line of the first number with more digits than Python converts, outside strings."""
    bare = blank_strings(text)
    found = _LONG_DIGITS.search(bare)
    return _line(bare, found.start()) if found else None
