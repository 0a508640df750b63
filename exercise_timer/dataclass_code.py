"""Keeps the code ``dataclasses`` generates, beside the program's byte-code, for the next start.

On Python 3.11 a dataclass compiles the source of each method it adds (``__init__``,
``__repr__``, ``__eq__``, ``__hash__``, and for a frozen one ``__setattr__`` and
``__delattr__``) every time its module is imported: about half of the time the program's own
modules take to import, and the largest part of its start-up after Qt's
(docs/decisions/0014-dataclass-code-cache.md). The compiled code is the same from one start to
the next, so it is kept: ``dataclasses`` gets an ``exec`` that looks up the code of a source it
has compiled before and compiles only what it has not. Only the compiling is skipped; the
methods are made from that code exactly as before.

The cache is one file in the folder of the package's byte-code (``__pycache__``, or under
``sys.pycache_prefix``), named for the interpreter and checked against its byte-code magic
number, so it follows the rules of Python's own ``.pyc`` files: written only where they may be
written (not when ``sys.dont_write_bytecode`` is set), read where they are read. A missing,
damaged or foreign file means compiling as before.
"""

from __future__ import annotations

import atexit
import builtins
import contextlib
import dataclasses
import importlib.util
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

FORMAT = 1
LIMIT = 5000
"""Entries kept at most; an older program's sources beyond that are dropped."""


def cache_file() -> Path | None:
    """Where the cache lives: beside the byte-code of ``exercise_timer/__init__.py``."""
    package_init = Path(__file__).with_name("__init__.py")
    tag = sys.implementation.cache_tag
    if tag is None:
        return None
    try:
        compiled = Path(importlib.util.cache_from_source(str(package_init)))
    except (NotImplementedError, ValueError):
        return None
    return compiled.with_name(f"dataclass-methods.{tag}.marshal")


class CodeCache:
    """Compiled code of dataclass method sources, read from and written back to ``file``."""

    def __init__(self, file: Path | None, *, writable: bool = True) -> None:
        self.file = file
        self.writable = writable
        self.codes: dict[str, CodeType] = {}
        self.compiled = 0  # sources compiled in this process (not found in the file)
        self._read()

    def _read(self) -> None:
        if self.file is None:
            return
        try:
            with open(self.file, "rb") as stream:
                header = stream.read(len(importlib.util.MAGIC_NUMBER) + 1)
                if header != importlib.util.MAGIC_NUMBER + bytes([FORMAT]):
                    return
                loaded = marshal.loads(stream.read())  # load(stream) reads it piece by piece
        except (OSError, EOFError, ValueError, TypeError):
            return
        if isinstance(loaded, dict):
            self.codes = loaded

    def code_of(self, source: str) -> CodeType:
        """The code of ``source``, compiled as ``exec(source)`` in ``dataclasses`` would."""
        code = self.codes.get(source)
        if code is None:
            # dont_inherit: this module's ``from __future__ import annotations`` must not reach
            # the generated methods (``dataclasses`` itself has no future imports).
            code = compile(source, "<string>", "exec", dont_inherit=True)
            self.codes[source] = code
            self.compiled += 1
        return code

    def exec(self, source: Any, globals: Any = None, locals: Any = None, /) -> None:
        """``exec`` for ``dataclasses``: a source text's code comes from the cache."""
        if isinstance(source, str):
            source = self.code_of(source)
        builtins.exec(source, globals, locals)

    def write(self) -> bool:
        """Writes the cache when something was compiled; True if it was written."""
        if self.file is None or not self.compiled or not self.writable:
            return False
        codes = self.codes
        if len(codes) > LIMIT:
            codes = dict(list(codes.items())[-LIMIT:])
        temporary = self.file.with_name(f".{self.file.name}.{os.getpid()}.tmp")
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            with open(temporary, "wb") as stream:
                stream.write(importlib.util.MAGIC_NUMBER + bytes([FORMAT]))
                marshal.dump(codes, stream)
            os.replace(temporary, self.file)
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            return False
        self.compiled = 0
        return True


_installed: CodeCache | None = None


def install(file: Path | None = None) -> CodeCache | None:
    """Gives ``dataclasses`` the cached ``exec`` (once); the cache is written at exit."""
    global _installed
    if _installed is not None:
        return _installed
    if os.environ.get("EXERCISE_TIMER_NO_DATACLASS_CACHE"):
        return None
    cache = CodeCache(
        file if file is not None else cache_file(), writable=not sys.dont_write_bytecode
    )
    dataclasses.exec = cache.exec  # type: ignore[attr-defined]
    atexit.register(cache.write)
    _installed = cache
    return cache
