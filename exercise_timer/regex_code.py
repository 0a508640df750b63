"""Keeps what ``re`` makes of each pattern a start compiles, for the next start.

``re.compile`` turns a pattern into the matcher's code with a parser and a compiler written in
Python: about 30 ms of the program's start-up, two thirds of it for PySide6's own patterns
(docs/decisions/0016-regex-code-cache.md). The result depends only on the pattern, its flags
and the interpreter, so it is kept like byte-code: ``re``'s internal compile step is given a
function that looks the pattern up in the kept file and parses and compiles only a pattern it
has not seen. The matcher is then built by ``_sre.compile`` from the same code, groups and
names as ``re`` would build it, so a kept pattern is equal to one compiled afresh (a test
checks this on every pattern of a start and on hard ones).

The file lives beside this module's byte-code (``regex_code.cpython-311.regex-code``) with the
rules of ``kept_code``, and its header also holds the matcher's own version (``_sre.MAGIC``).
At most ``LIMIT`` patterns are kept, so a program that builds patterns from text cannot grow
the file without end. A pattern with ``re.DEBUG`` is never kept (it prints as it compiles).
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import atexit
import os
import re
from collections.abc import Hashable
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

from exercise_timer.kept_code import Kept, kept_beside, may_write

SUFFIX = ".regex-code"
LIMIT = 512
OFF = "EXERCISE_TIMER_NO_REGEX_CACHE"  # set: re compiles every pattern itself

Made = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""What ``_sre.compile`` is given besides the pattern: flags, code, groups, names both ways."""


def matcher_version() -> bytes:
    """What kept code also depends on: the matcher's code format and limits."""
    return repr((_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS)).encode("ascii")


def is_made(value: object) -> bool:
    """Whether a value read from the file has the shape of ``Made``."""
    return (
        isinstance(value, tuple)
        and len(value) == 5
        and isinstance(value[0], int)
        and isinstance(value[1], list)
        and isinstance(value[2], int)
        and isinstance(value[3], dict)
        and isinstance(value[4], tuple)
    )


def made_of(pattern: str | bytes, flags: int) -> Made:
    """``re._compiler.compile``'s work up to the matcher: parsed, compiled, groups named."""
    parsed = _parser.parse(pattern, flags)
    code = [int(word) for word in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    names = dict(parsed.state.groupdict)
    by_index: list[str | None] = [None] * parsed.state.groups
    for name, index in names.items():
        by_index[index] = name
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, names, tuple(by_index))


class RegexCode:
    """``re``'s compile step, with the code of each pattern kept."""

    def __init__(self, file: Path, *, writable: bool = True) -> None:
        self.kept: Kept[Made] = Kept(file, is_made, matcher_version())
        self.writable = writable
        self.original = _compiler.compile

    def compile(self, pattern: Any, flags: int = 0) -> re.Pattern[Any]:
        """The compiled pattern, as ``re._compiler.compile`` makes it."""
        if type(pattern) not in (str, bytes) or flags & re.DEBUG:  # subclasses: not marshalled
            return self.original(pattern, flags)  # type: ignore[no-any-return]
        key: Hashable = (pattern, int(flags))
        if key not in self.kept.values and len(self.kept.values) >= LIMIT:
            return self.original(pattern, flags)  # type: ignore[no-any-return]
        made = self.kept.get(key, lambda: made_of(pattern, flags))
        return _sre.compile(pattern, *made)  # type: ignore[no-any-return]

    def write(self) -> bool:
        """Writes the kept file when new patterns were compiled; True if it was written."""
        return self.writable and self.kept.write()


_installed: RegexCode | None = None


def install() -> RegexCode | None:
    """Gives ``re`` the kept code's compile step (once); new code is written at exit."""
    global _installed
    if _installed is not None:
        return _installed
    file = kept_beside(__file__, SUFFIX)
    if file is None or os.environ.get(OFF) or not hasattr(_compiler, "_code"):
        return None
    cache = RegexCode(file, writable=may_write())
    _compiler.compile = cache.compile
    atexit.register(cache.write)
    _installed = cache
    return cache
