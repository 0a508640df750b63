"""Fresh interpreters for start-up tests: a program start as a person's, or a cache's child.

``AFTER_IMPORT`` is the opening of a child's code: ``after_import(name, then)`` calls
``then(module)`` as soon as ``name`` is imported, without importing it earlier (which would
change the order of a start). ``program_child`` runs a child offscreen and reads back the JSON
it printed after a tag; ``kept_child`` runs one over a byte-code folder of its own, with every
kept-code cache on unless a test switches one off.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from exercise_timer import dataclass_code, regex_code
from exercise_timer.ui import shiboken_code

AFTER_IMPORT = r'''
import importlib.machinery, sys

def after_import(name, then):
    """Calls then(module) once the module ``name`` has been imported."""
    class Finder:
        def find_spec(self, fullname, path, target=None):
            if fullname != name:
                return None
            sys.meta_path.remove(self)
            spec = importlib.machinery.PathFinder.find_spec(fullname, path)
            original = spec.loader.exec_module

            def exec_module(module):
                original(module)
                then(module)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, Finder())
'''


def program_child(code: str, *args: str, tag: str, env: dict[str, str] | None = None) -> Any:
    """The JSON the child ``code`` printed after ``tag``, run offscreen with ``args``.

    ``env`` is the child's environment (default: this process's).
    """
    env = dict(os.environ if env is None else env, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith(tag))
    return json.loads(line.removeprefix(tag))


CACHES_OFF = (dataclass_code.OFF, regex_code.OFF, shiboken_code.OFF)


def kept_child(code: str, prefix: Path, **env_more: str) -> dict[str, object]:
    """The JSON ``code`` prints after "KEPT ", with its byte-code and kept code under ``prefix``."""
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(prefix))
    for name in ("PYTHONDONTWRITEBYTECODE", *CACHES_OFF):
        env.pop(name, None)
    env.update(env_more)
    result: dict[str, object] = program_child(code, tag="KEPT ", env=env)
    return result
