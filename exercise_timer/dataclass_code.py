"""Keeps the code ``dataclasses`` generates beside each module's byte-code, for the next start.

On Python 3.11 a dataclass compiles the source of each method it adds (``__init__``,
``__repr__``, ``__eq__``, ``__hash__``, and for a frozen one ``__setattr__`` and
``__delattr__``) every time its module is imported: before this, the largest single part of
the program's own start-up (docs/decisions/0014-dataclass-code-cache.md). The compiled code is
the same from one start to the next, so it is kept: ``dataclasses`` gets an ``exec`` that
looks up the code of a source it has compiled before and compiles only what it has not. Only
the compiling is skipped; the methods are made from that code exactly as before.

A module's methods are kept in one file beside its byte-code: ``model.cpython-311.pyc`` has
``model.cpython-311.dataclass-code`` in the same ``__pycache__`` folder (or under
``sys.pycache_prefix``), checked against the interpreter's byte-code magic number. So the
files follow the rules of Python's own ``.pyc`` files: read where they are read, written only
where they may be written (not when ``sys.dont_write_bytecode`` is set), and a start reads
only those of the modules it imports. A missing, damaged or foreign file means compiling as
before.
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
SUFFIX = ".dataclass-code"
_HEADER = importlib.util.MAGIC_NUMBER + bytes([FORMAT])


def code_file(module_file: str) -> Path | None:
    """Where the methods of the module in ``module_file`` are kept (beside its byte-code)."""
    if not module_file.endswith(".py"):
        return None
    try:
        compiled = importlib.util.cache_from_source(module_file)
    except (NotImplementedError, ValueError):  # no cache_tag: byte-code is not kept either
        return None
    return Path(compiled).with_suffix(SUFFIX)


class ModuleCode:
    """The kept method code of one module: read from its file, written back when it grew."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.codes: dict[str, CodeType] = {}
        self.compiled = 0  # sources compiled in this process (not found in the file)
        try:
            with open(file, "rb") as stream:
                if stream.read(len(_HEADER)) != _HEADER:
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
            code = compiled(source)
            self.codes[source] = code
            self.compiled += 1
        return code

    def write(self) -> bool:
        """Writes the file when something was compiled; True if it was written."""
        if not self.compiled:
            return False
        temporary = self.file.with_name(f".{self.file.name}.{os.getpid()}.tmp")
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            with open(temporary, "wb") as stream:
                stream.write(_HEADER)
                stream.write(marshal.dumps(self.codes))
            os.replace(temporary, self.file)
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            return False
        self.compiled = 0
        return True


def compiled(source: str) -> CodeType:
    """``source`` compiled without this module's ``from __future__ import annotations``.

    ``dataclasses`` itself has no future imports, so its ``exec`` compiles without them.
    """
    return compile(source, "<string>", "exec", dont_inherit=True)


class CodeCache:
    """The ``exec`` ``dataclasses`` is given: the code of each module's methods is kept."""

    def __init__(self, *, writable: bool = True) -> None:
        self.writable = writable
        self.modules: dict[Path, ModuleCode] = {}
        self._by_module: dict[str, ModuleCode] = {}

    def exec(self, source: Any, globals: Any = None, locals: Any = None, /) -> None:
        """``exec`` for ``dataclasses``: a source text's code comes from its module's file."""
        if isinstance(source, str):
            module_file = globals.get("__file__") if isinstance(globals, dict) else None
            kept = self._by_module.get(module_file) if isinstance(module_file, str) else None
            if kept is None and isinstance(module_file, str):
                file = code_file(module_file)
                if file is not None:
                    kept = self._by_module[module_file] = self.modules[file] = ModuleCode(file)
            source = compiled(source) if kept is None else kept.code_of(source)
        builtins.exec(source, globals, locals)

    @property
    def compiled(self) -> int:
        """Sources compiled in this process, in every module."""
        return sum(kept.compiled for kept in self.modules.values())

    def write(self) -> int:
        """Writes the files of modules whose methods were compiled; how many were written."""
        if not self.writable:
            return 0
        return sum(kept.write() for kept in self.modules.values())


_installed: CodeCache | None = None


def install() -> CodeCache | None:
    """Gives ``dataclasses`` the kept code's ``exec`` (once); new code is written at exit."""
    global _installed
    if _installed is not None:
        return _installed
    if os.environ.get("EXERCISE_TIMER_NO_DATACLASS_CACHE"):
        return None
    cache = CodeCache(writable=not sys.dont_write_bytecode)
    dataclasses.exec = cache.exec  # type: ignore[attr-defined]
    atexit.register(cache.write)
    _installed = cache
    return cache
