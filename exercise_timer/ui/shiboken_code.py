"""Keeps the byte-code of PySide6's own Python support modules between starts.

When PySide6 is first imported, shiboken6 unpacks the Python modules it carries inside its
library (``shibokensupport``: signatures, the ``__feature__`` switch) from an embedded zip
with its ``signature_bootstrap.py``, and compiles the source of each on every start: about
120 million instructions, a fifth of the bare label window's whole start-up
(docs/decisions/0015-shiboken-support-code.md). Python
keeps no byte-code for them, because they are not files. This does what the import system
does for a file: while the first PySide6 import runs, a ``compile`` of a support module's
source is served from the code kept at the last start, compiled only when the source is new.

The code is kept in one file beside this module's own byte-code
(``shiboken_code.cpython-311.shiboken-code``), with the rules of ``kept_code``: the key holds
the whole source text, the interpreter's magic number is checked, nothing is written where
byte-code may not be, and a missing or damaged file means compiling as before.
"""

from __future__ import annotations
import __future__

import builtins
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from exercise_timer.kept_code import KeptCode, kept_beside, may_write

SUFFIX = ".shiboken-code"
OFF = "EXERCISE_TIMER_NO_SHIBOKEN_CACHE"  # set: PySide6 compiles its support code as it would
SUPPORT_PREFIX = "shibokensupport/"  # the embedded zip's names: shibokensupport/feature.py
BOOTSTRAP = "signature_bootstrap.py"  # the module that unpacks them, also compiled each start
_FUTURE_FLAGS = 0
for _feature in __future__.all_feature_names:
    _FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag


def kept_file() -> Path | None:
    """Where the support modules' code is kept: beside this module's byte-code."""
    return kept_beside(__file__, SUFFIX)


class SupportCompile:
    """A ``compile`` that serves shibokensupport's sources from kept code, others as usual."""

    def __init__(self, kept: KeptCode) -> None:
        self.kept = kept
        self.original = builtins.compile

    def __call__(
        self,
        source: Any,
        filename: Any,
        mode: str,
        flags: int = 0,
        dont_inherit: bool = False,
        optimize: int = -1,
        **more: Any,
    ) -> Any:
        """``compile`` as the builtin does it; a support module's code may be the kept one."""
        if not dont_inherit:  # the caller's future imports, as the builtin would inherit them
            flags |= sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS
        if (
            isinstance(source, bytes | str)
            and isinstance(filename, str)
            and (filename.startswith(SUPPORT_PREFIX) or filename == BOOTSTRAP)
            and not flags & ~_FUTURE_FLAGS  # code, not a syntax tree
            and not more
        ):
            key = (source, filename, mode, flags, optimize)
            return self.kept.get(
                key,
                lambda: self.original(source, filename, mode, flags, True, optimize),
            )
        return self.original(source, filename, mode, flags, True, optimize, **more)


@contextmanager
def support_code_kept(
    file: Path | None = None, *, writable: bool | None = None
) -> Iterator[KeptCode | None]:
    """While the block runs, shiboken's support modules are compiled from kept code.

    Yields the kept code (None when there is nowhere to keep it); writes it back at the end
    when something new was compiled.
    """
    file = kept_file() if file is None else file
    if file is None or "shibokensupport" in sys.modules or os.environ.get(OFF):
        yield None
        return
    kept = KeptCode(file)
    serving = SupportCompile(kept)
    builtins.compile = serving
    try:
        yield kept
    finally:
        builtins.compile = serving.original
        if may_write() if writable is None else writable:
            kept.write()


def import_pyside() -> None:
    """Imports PySide6's widgets (and so QtCore and QtGui) with the support code kept."""
    with support_code_kept():
        import PySide6.QtWidgets  # noqa: F401
    answer_feature_scan()


def program_modules() -> dict[str, bool]:
    """Every module of this program by name, and whether it may use PySide6 (ui/ only)."""
    found: dict[str, bool] = {}
    folders = [(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "exercise_timer")]
    while folders:
        folder, name = folders.pop()
        in_ui = name == "exercise_timer.ui" or name.startswith("exercise_timer.ui.")
        found[name] = in_ui
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(".py") and entry.name != "__init__.py":
                    found[f"{name}.{entry.name[:-3]}"] = in_ui
                elif entry.is_dir() and os.path.isfile(os.path.join(entry.path, "__init__.py")):
                    folders.append((entry.path, f"{name}.{entry.name}"))
    return found


def answer_feature_scan() -> int:
    """Tells PySide6 beforehand which modules use it; how many it was told.

    After PySide6 is imported, each module imported, or named in a ``from ... import``, that
    it was not told of is read whole (``inspect.getsource``) to find the word "PySide6",
    which makes its ``__feature__`` switch (``snake_case``, ``true_property``) apply to that
    module: about 3 ms of reading at each start, most of it the standard library's sources
    (typing, pathlib, datetime, ...). The answers are known without reading:

    - our own modules: the layers (tests/test_layers.py) say only ``ui/`` imports PySide6.
      A module of ``ui/`` gets 0 ("uses PySide6, no feature selected"), the others -1 ("not
      a PySide6 module"), as the scan would give; the program selects no feature, so the two
      differ in nothing else;
    - the standard library's modules: -1, as the scan gives (no source of it names PySide6).

    Without that table (another PySide6), the scan goes on as before.
    """
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return 0
    answers = {name: 0 if uses_pyside else -1 for name, uses_pyside in program_modules().items()}
    answers.update((name, -1) for name in standard_modules())
    told = 0
    for name, answer in answers.items():
        if name not in table:
            table[name] = answer
            told += 1
    return told


def standard_modules() -> list[str]:
    """The standard library's modules: each one imported so far, and every top-level one."""
    standard = sys.stdlib_module_names
    imported = [name for name in list(sys.modules) if name.partition(".")[0] in standard]
    return [*imported, *standard]
