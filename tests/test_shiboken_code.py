"""PySide6's support modules compiled once and kept, as Python keeps a module's byte-code."""

from __future__ import annotations

import ast
import builtins
import sys
from pathlib import Path
from types import CodeType

from child_support import AFTER_IMPORT, kept_child, program_child

from exercise_timer.kept_code import KeptCode
from exercise_timer.ui import shiboken_code
from exercise_timer.ui.shiboken_code import SupportCompile, support_code_kept

SOURCE = "def f(x: Later) -> int:\n    return 1\n"

# A child that imports PySide6 as the program does and reports what the kept code did, and
# that shiboken's support modules (signatures, __feature__) work.
CHILD = r"""
import builtins, json, sys
compiled_here = []
python_compile = builtins.compile

def noted(source, filename, *args, **kwargs):  # what Python itself is asked to compile
    compiled_here.append(str(filename))
    return python_compile(source, filename, *args, **kwargs)

builtins.compile = noted
from exercise_timer.ui.shiboken_code import support_code_kept
with support_code_kept() as kept:
    from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
try:
    QLabel().setText(1)  # the message is made by shibokensupport's signature modules
except TypeError as error:
    message = str(error)
support = sorted(name for name in sys.modules if name.startswith("shibokensupport"))
print("KEPT " + json.dumps({
    "compiled": kept.compiled if kept else None,
    "compiled_here": compiled_here,
    "kept": len(kept.values) if kept else None,
    "file": str(kept.file) if kept else None,
    "support": support,
    "signature": message,
    "compile_restored": builtins.compile is noted,
}))
"""


def run_child(prefix: Path, **env_more: str) -> dict[str, object]:
    return kept_child(CHILD, prefix, **env_more)


def test_the_second_start_compiles_no_support_module(tmp_path: Path) -> None:
    first = run_child(tmp_path)
    second = run_child(tmp_path)
    assert isinstance(first["compiled"], int) and first["compiled"] >= 10
    assert second["compiled"] == 0 and second["kept"] == first["kept"]
    assert "signature_bootstrap.py" in first["compiled_here"]  # type: ignore[operator]
    assert second["compiled_here"] == []  # nothing at all, the bootstrap module included
    assert second["support"] == first["support"]
    assert "shibokensupport.signature.loader" in second["support"]  # type: ignore[operator]
    assert second["signature"] == first["signature"] and "setText(arg__1: str" in str(
        second["signature"]
    )
    assert second["compile_restored"] is True
    file = Path(str(second["file"]))
    assert file.is_file() and file.is_relative_to(tmp_path)  # beside this module's byte-code
    assert file.name == "shiboken_code.cpython-311.shiboken-code".replace(
        "cpython-311", sys.implementation.cache_tag
    )


def test_a_damaged_file_means_compiling_as_before(tmp_path: Path) -> None:
    first = run_child(tmp_path)
    file = Path(str(first["file"]))
    file.write_bytes(file.read_bytes()[:40])
    again = run_child(tmp_path)
    assert again["compiled"] == first["compiled"]
    assert again["signature"] == first["signature"]


def test_nothing_is_kept_where_byte_code_may_not_be_written(tmp_path: Path) -> None:
    done = run_child(tmp_path, PYTHONDONTWRITEBYTECODE="1")
    assert isinstance(done["compiled"], int) and done["compiled"] >= 10
    assert not list(tmp_path.rglob("*.shiboken-code"))


def test_switched_off_pyside_compiles_its_own_code(tmp_path: Path) -> None:
    done = run_child(tmp_path, **{shiboken_code.OFF: "1"})
    assert done["compiled"] is None and "str" in str(done["signature"])
    assert not list(tmp_path.rglob("*.shiboken-code"))


def compile_here(source: str, compiler: object) -> CodeType:
    """Calls ``compiler`` from this module, whose future imports include annotations."""
    made = compiler(source, "shibokensupport/x.py", "exec")  # type: ignore[operator]
    assert isinstance(made, CodeType)
    return made


def test_kept_code_is_what_the_builtin_makes_with_the_callers_future_imports(
    tmp_path: Path,
) -> None:
    serving = SupportCompile(KeptCode(tmp_path / "kept"))
    made = compile_here(SOURCE, serving)
    expected = compile_here(SOURCE, builtins.compile)
    assert made == expected  # code objects compare by their code, names and flags
    namespace: dict[str, object] = {}
    exec(made, namespace)
    assert namespace["f"].__annotations__ == {"x": "Later", "return": "int"}
    assert serving.kept.compiled == 1
    assert compile_here(SOURCE, serving) is made and serving.kept.compiled == 1


def test_a_caller_without_future_imports_gets_code_without_them(tmp_path: Path) -> None:
    serving = SupportCompile(KeptCode(tmp_path / "kept"))
    namespace: dict[str, object] = {"serving": serving, "SOURCE": SOURCE}
    exec(
        compile(
            "made = serving(SOURCE, 'shibokensupport/x.py', 'exec')",
            "<test>",
            "exec",
            dont_inherit=True,
        ),
        namespace,
    )
    plain = compile(SOURCE, "shibokensupport/x.py", "exec", dont_inherit=True)
    assert namespace["made"] == plain
    assert namespace["made"] != compile_here(SOURCE, builtins.compile)


def test_other_sources_and_syntax_trees_are_compiled_and_not_kept(tmp_path: Path) -> None:
    serving = SupportCompile(KeptCode(tmp_path / "kept"))
    tree = serving(SOURCE, "shibokensupport/x.py", "exec", ast.PyCF_ONLY_AST)
    assert isinstance(tree, ast.Module)
    other = serving(SOURCE, "elsewhere.py", "exec", dont_inherit=True)
    assert other == compile(SOURCE, "elsewhere.py", "exec", dont_inherit=True)
    assert serving.kept.compiled == 0 and not serving.kept.values


def test_compile_is_given_back_even_when_the_block_fails(tmp_path: Path) -> None:
    original = builtins.compile
    try:
        with support_code_kept(tmp_path / "kept", writable=True):
            assert builtins.compile is not original or "shibokensupport" in sys.modules
            raise KeyError("inside")
    except KeyError:
        pass
    assert builtins.compile is original


STANDARD = sys.stdlib_module_names

SCAN_CHILD = (
    AFTER_IMPORT
    + r"""
import json, sys
scanned = []

def watch(widgets):
    feature = sys.modules["shibokensupport.feature"]
    original = feature._mod_uses_pyside

    def noted(module):
        scanned.append(module.__name__)
        return original(module)

    feature._mod_uses_pyside = noted

    def instead_of_exec(app):
        for _turn in range(50):
            app.processEvents()
        import exercise_timer.app.cue_voice, wave, platformdirs  # after PySide6, and new
        table = feature.pyside_feature_dict
        standard = [name for name in sys.modules if name.partition(".")[0] in
                    sys.stdlib_module_names]
        print("FOUND " + json.dumps({
            "scanned": scanned,
            "window": table.get("exercise_timer.ui.main_window"),
            "cue_voice": table.get("exercise_timer.app.cue_voice"),
            "wave": table.get("wave"),
            "standard": len(standard),
            "unlike_the_scan": [name for name in standard if table.get(name, -1) != -1
                                or original(sys.modules[name])],
        }))
        return 0

    widgets.QApplication.exec = instead_of_exec

after_import("PySide6.QtWidgets", watch)
from exercise_timer.cli import main
sys.exit(main(["--home", sys.argv[1], "--no-voice"]))
"""
)


def test_pyside_is_told_which_modules_use_it_instead_of_reading_them(tmp_path: Path) -> None:
    found = program_child(SCAN_CHILD, str(tmp_path), tag="FOUND ")
    assert "platformdirs" in found["scanned"]  # other modules are still read as before
    assert [name for name in found["scanned"] if name.startswith("exercise_timer")] == []
    assert found["window"] == 0  # uses PySide6, no feature selected
    assert found["cue_voice"] == -1  # not a PySide6 module
    # Nor is the standard library read as the window starts (typing, pathlib, ...; wave is
    # imported for the first time after it), and each of its modules has the answer the
    # scan would have given.
    standard = [name for name in found["scanned"] if name.partition(".")[0] in STANDARD]
    assert standard in ([], ["encodings.ascii"])  # a submodule first imported after PySide6
    assert found["wave"] == -1
    assert found["standard"] > 50 and found["unlike_the_scan"] == []


def test_every_module_of_the_program_is_named_and_only_ui_uses_pyside() -> None:
    modules = shiboken_code.program_modules()
    package = Path(shiboken_code.__file__).resolve().parents[1]
    on_disk = {
        ".".join(("exercise_timer", *file.relative_to(package).with_suffix("").parts)).removesuffix(
            ".__init__"
        )
        for file in package.rglob("*.py")
    }
    assert set(modules) == on_disk
    assert {name for name, uses in modules.items() if uses} == {
        name for name in on_disk if name.split(".")[1:2] == ["ui"]
    }
