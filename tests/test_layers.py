"""DESIGN.md's layers: only exercise_timer/ui may import PySide6."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "exercise_timer"


def test_core_storage_and_speech_import_without_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, exercise_timer\n"
        "import exercise_timer.cli\n"
        "for layer in ('core', 'storage', 'speech'):\n"
        "    package = importlib.import_module('exercise_timer.' + layer)\n"
        "    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_no_module_outside_ui_imports_pyside6() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts[:1] and "PySide6" in imports_of(path)
    ]
    assert offenders == []


def test_core_imports_only_the_standard_library_and_itself() -> None:
    allowed = set(sys.stdlib_module_names) | {"exercise_timer"}
    for path in (PACKAGE / "core").rglob("*.py"):
        extra = imports_of(path) - allowed
        assert not extra, f"{path.name} imports {extra}"
        text = path.read_text(encoding="utf-8")
        assert all(
            "exercise_timer.core" in line
            for line in text.splitlines()
            if line.startswith(("from exercise_timer", "import exercise_timer"))
        ), path
