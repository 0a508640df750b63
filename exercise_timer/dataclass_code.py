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
import dataclasses
import os
from pathlib import Path
from types import CodeType
from typing import Any

from exercise_timer.kept_code import KeptCode, kept_beside, may_write

SUFFIX = ".dataclass-code"
OFF = "EXERCISE_TIMER_NO_DATACLASS_CACHE"  # set: dataclasses compiles its methods itself


def code_file(module_file: str) -> Path | None:
    """Where the methods of the module in ``module_file`` are kept (beside its byte-code)."""
    return kept_beside(module_file, SUFFIX)


class ModuleCode(KeptCode):
    """The kept method code of one module, keyed by the source ``dataclasses`` wrote."""

    def code_of(self, source: str) -> CodeType:
        """The code of ``source``, compiled as ``exec(source)`` in ``dataclasses`` would."""
        return self.get(source, lambda: compiled(source))


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
    if os.environ.get(OFF):
        return None
    cache = CodeCache(writable=may_write())
    dataclasses.exec = cache.exec  # type: ignore[attr-defined]
    atexit.register(cache.write)
    _installed = cache
    return cache
