"""Stand-ins that only tests use: a speaker that records, a pyttsx3 and an ``aplay`` that misbehave.

``tests/`` is on ``sys.path`` for pytest (``pythonpath`` in pyproject.toml), so tests import
``fakes``; a worker process finds the fake engine through :func:`worker_spec`'s PYTHONPATH.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from exercise_timer.speech.process import WorkerSpec

TESTS = Path(__file__).resolve().parents[1]

#: The module a worker loads instead of pyttsx3 (see ``pyttsx3_engine``).
FAKE_ENGINE = "fakes.pyttsx3_engine"

#: A player command that plays nothing (see ``aplay``).
FAKE_PLAYER = (sys.executable, str(Path(__file__).with_name("aplay.py")))


def worker_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """``env`` plus a PYTHONPATH that lets a worker import ``fakes`` (``env``'s own one wins)."""
    inherited = os.environ.get("PYTHONPATH")
    path = os.pathsep.join([str(TESTS), inherited] if inherited else [str(TESTS)])
    return {"PYTHONPATH": path, **(env or {})}


def worker_spec(**changes: Any) -> WorkerSpec:
    """A quiet worker on the fake engine and the fake player, with ``changes``."""
    options: dict[str, Any] = {"engine": FAKE_ENGINE, "player": FAKE_PLAYER, "quiet": True}
    options.update(changes)
    options["env"] = worker_env(changes.get("env"))
    return WorkerSpec(**options)
