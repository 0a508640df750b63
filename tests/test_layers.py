"""DESIGN.md's layers: data flows one way, only exercise_timer/ui imports PySide6, and the
window writes neither the journal nor the trace.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "exercise_timer"

ALLOWED = {
    "core": {"core"},
    "storage": {"core", "storage"},
    "speech": {"core", "speech"},
    "app": {"core", "storage", "speech", "app"},
    "report": {"core", "storage", "report"},
    "ui": {"core", "storage", "speech", "app", "report", "ui"},
    "cli": {"core", "storage", "speech", "app", "report", "ui", "cli"},
}
"""The layers each layer may import (``exercise_timer.resources``, ``kept_code`` and the
package's own ``__init__`` are shared by all but core)."""

SHARED = {
    "resources",
    "kept_code",
    "dataclass_code",
    "regex_code",
    "startup_gc",
    "__init__",
    "__main__",
}


def imports_of(path: Path) -> set[str]:
    """Every module name a file imports, anywhere in it (imports inside functions too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def layer_of(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def test_core_storage_speech_app_report_and_cli_import_without_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, exercise_timer\n"
        "for layer in ('core', 'storage', 'speech', 'app', 'report', 'cli'):\n"
        "    package = importlib.import_module('exercise_timer.' + layer)\n"
        "    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_no_module_outside_ui_imports_pyside6() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if layer_of(path) != "ui" and any(n.split(".")[0] == "PySide6" for n in imports_of(path))
    ]
    assert offenders == []


def test_no_import_points_up_a_layer() -> None:
    arrows_up = []
    for path in PACKAGE.rglob("*.py"):
        layer = layer_of(path)
        if layer in SHARED:
            continue
        shared = set() if layer == "core" else {"resources", "kept_code", "startup_gc"}
        for name in imports_of(path):
            parts = name.split(".")
            if parts[0] != "exercise_timer" or (len(parts) == 1 and layer != "core"):
                continue
            if len(parts) == 1 or parts[1] not in ALLOWED[layer] | shared:
                arrows_up.append(f"{path.relative_to(PACKAGE)} -> {name}")
    assert arrows_up == []


def test_core_imports_only_the_standard_library_and_itself() -> None:
    allowed = set(sys.stdlib_module_names) | {"exercise_timer"}
    for path in (PACKAGE / "core").rglob("*.py"):
        extra = {name.split(".")[0] for name in imports_of(path)} - allowed
        assert not extra, f"{path.name} imports {extra}"


def test_the_window_writes_neither_the_journal_nor_the_trace() -> None:
    """The controller records; ui/ only draws states and forwards commands."""
    forbidden_modules = ("exercise_timer.storage.journal", "exercise_timer.storage.trace")
    forbidden_calls = {"start_session", "exercise_finished", "end_session", "TraceWriter"}
    found = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [
            f"{path.name} imports {name}"
            for name in imports_of(path)
            if name.startswith(forbidden_modules)
        ]
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in forbidden_calls:
                found.append(f"{path.name} calls {node.attr}")
            if isinstance(node, ast.Name) and node.id in forbidden_calls:
                found.append(f"{path.name} uses {node.id}")
    assert found == []


def test_no_file_of_the_program_is_over_600_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): count
        for path in PACKAGE.rglob("*.py")
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > 600
    }
    assert long == {}
