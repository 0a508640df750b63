"""What a start makes and the next start can reuse, kept in a file beside the byte-code.

The rules are those of Python's own ``.pyc`` files, so that a kept file is trusted as far as
the byte-code beside it and no further: it lives where ``importlib`` puts the byte-code of
the module it belongs to (``__pycache__``, or under ``sys.pycache_prefix``); its header holds
the interpreter's byte-code magic number (and whatever else the values depend on); it is
written only where byte-code may be written, to a temporary file renamed over the old one;
and a missing, damaged or foreign file means making everything as if there were none.
Used by ``dataclass_code``, ``regex_code`` and ``ui.shiboken_code`` (decisions 0014-0016).
"""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
import os
import sys
from collections.abc import Callable, Hashable
from pathlib import Path
from types import CodeType
from typing import Generic, TypeVar

FORMAT = 1
HEADER = importlib.util.MAGIC_NUMBER + bytes([FORMAT])

V = TypeVar("V")


def kept_beside(module_file: str, suffix: str) -> Path | None:
    """The file with ``suffix`` beside the byte-code of the module in ``module_file``."""
    if not module_file.endswith(".py"):
        return None
    try:
        compiled = importlib.util.cache_from_source(module_file)
    except (NotImplementedError, ValueError):  # no cache_tag: byte-code is not kept either
        return None
    return Path(compiled).with_suffix(suffix)


def may_write() -> bool:
    """Whether this process may write byte-code (and so kept files)."""
    return not sys.dont_write_bytecode


class Kept(Generic[V]):
    """Values kept in one file under marshallable keys; new ones are written back on asking.

    ``valid`` tells a value read from the file that may be used from one that may not (that
    one is made again); ``header`` is added to the magic number, for what else the values
    depend on.
    """

    def __init__(self, file: Path, valid: Callable[[object], bool], header: bytes = b"") -> None:
        self.file = file
        self.valid = valid
        self.header = HEADER + header
        self.values: dict[Hashable, V] = {}
        self.made = 0  # values made in this process (not found in the file)
        self._written = 0  # of which this many are in the file already
        try:
            with open(file, "rb") as stream:
                if stream.read(len(self.header)) != self.header:
                    return
                loaded = marshal.loads(stream.read())  # load(stream) reads it piece by piece
        except (OSError, EOFError, ValueError, TypeError):
            return
        if isinstance(loaded, dict):
            self.values = loaded

    def get(self, key: Hashable, make: Callable[[], V]) -> V:
        """The value kept under ``key``, made by ``make`` (and kept) if there is none."""
        value = self.values.get(key)
        if value is None or not self.valid(value):
            value = make()
            self.values[key] = value
            self.made += 1
        return value

    def write(self) -> bool:
        """Writes the file when something was made since the last write; True if written."""
        if self.made == self._written:
            return False
        temporary = self.file.with_name(f".{self.file.name}.{os.getpid()}.tmp")
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            with open(temporary, "wb") as stream:
                stream.write(self.header)
                stream.write(marshal.dumps(self.values))
            os.replace(temporary, self.file)
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            return False
        self._written = self.made
        return True


def is_code(value: object) -> bool:
    """Whether a kept value is compiled code."""
    return isinstance(value, CodeType)


class KeptCode(Kept[CodeType]):
    """Compiled code kept under the key of what was compiled."""

    def __init__(self, file: Path) -> None:
        super().__init__(file, is_code)

    @property
    def compiled(self) -> int:
        """Code compiled in this process (not found in the file)."""
        return self.made
