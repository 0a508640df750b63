"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 on Python 3.11 takes one reference from None on every Qt call that returns
nothing; the window's display refresh then exhausts None within about a minute and the
interpreter aborts mid-session. pyproject.toml excludes that release; this test fails on any
binding with the same fault. (On Python 3.12+ None is immortal and the count never moves.)
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject

pytestmark = pytest.mark.gui


def test_qt_calls_leave_none_and_bools_alone() -> None:
    thing = QObject()
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(1000):
        thing.setObjectName("refcount-probe")
        thing.blockSignals(False)
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    changes = [b - a for a, b in zip(before, after, strict=True)]
    assert all(abs(change) < 50 for change in changes), changes
