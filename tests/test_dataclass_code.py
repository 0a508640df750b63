"""The kept code of dataclass methods: the same methods, compiled once, kept like byte-code."""

from __future__ import annotations

import dataclasses
import importlib.util
import os
from pathlib import Path

import pytest
from child_support import kept_child

from exercise_timer import dataclass_code
from exercise_timer.dataclass_code import CodeCache, ModuleCode, code_file

INIT_SOURCE = (
    "def __create_fn__(_type_x, _return_type):\n"
    " def __init__(self, x:_type_x)->_return_type:\n"
    "  object.__setattr__(self,'x',x)\n"
    " return __init__"
)

# A child that imports the program's models and reports what the cache did and what the
# dataclasses it made do.
CHILD = r"""
import dataclasses, json, sys
from exercise_timer import dataclass_code
from exercise_timer.program_start import install_kept_code
install_kept_code()  # as the program's start does
from exercise_timer.core.limits import Limit
from exercise_timer.core import model
cache = dataclass_code._installed
limit = Limit(1, 120)
try:
    limit.low = 5
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
print("KEPT " + json.dumps({
    "installed": cache is not None,
    "compiled": cache.compiled if cache else None,
    "files": sorted(str(f) for f in cache.modules) if cache else [],
    "repr": repr(limit),
    "equal": Limit(1, 120) == limit and Limit(1, 60) != limit,
    "hash": hash(Limit(1, 120)) == hash(limit),
    "frozen": frozen,
    "annotations": {name: str(value) for name, value in Limit.__init__.__annotations__.items()},
    "init_code": Limit.__init__.__code__.co_code.hex(),
    "fields": [f.name for f in dataclasses.fields(model.Defaults)],
}))
"""


def run_child(prefix: Path, *, no_cache: bool = False, no_write: bool = False) -> dict[str, object]:
    env = {dataclass_code.OFF: "1"} if no_cache else {}
    if no_write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return kept_child(CHILD, prefix, **env)


def test_the_second_start_compiles_no_dataclass_method(tmp_path: Path) -> None:
    first = run_child(tmp_path)
    second = run_child(tmp_path)
    assert isinstance(first["compiled"], int) and first["compiled"] > 20
    assert second["compiled"] == 0
    files = [Path(name) for name in second["files"]]  # type: ignore[attr-defined]
    model = next(file for file in files if file.name.startswith("model."))
    assert model.is_file() and model.is_relative_to(tmp_path)  # beside the byte-code
    assert model.with_suffix(".pyc").is_file()


def test_methods_from_the_cache_are_those_python_makes(tmp_path: Path) -> None:
    run_child(tmp_path)
    cached = run_child(tmp_path)
    plain = run_child(tmp_path / "other", no_cache=True)
    assert cached["compiled"] == 0 and plain["installed"] is False
    for key in ("repr", "equal", "hash", "frozen", "annotations", "init_code", "fields"):
        assert cached[key] == plain[key], key
    assert cached["repr"] == "Limit(low=1, high=120)"
    assert cached["frozen"] is True and cached["equal"] is True


def test_nothing_is_written_where_byte_code_may_not_be(tmp_path: Path) -> None:
    result = run_child(tmp_path, no_write=True)
    assert isinstance(result["compiled"], int) and result["compiled"] > 0
    assert result["files"] and not any(Path(name).exists() for name in result["files"])  # type: ignore[attr-defined]


def test_code_from_the_cache_equals_compiling_without_this_modules_futures(
    tmp_path: Path,
) -> None:
    kept = ModuleCode(tmp_path / "m.cpython-311.dataclass-code")
    code = kept.code_of(INIT_SOURCE)
    plain = compile(INIT_SOURCE, "<string>", "exec", dont_inherit=True)
    assert code.co_code == plain.co_code
    assert code.co_flags == plain.co_flags  # not "from __future__ import annotations"
    assert kept.code_of(INIT_SOURCE) is code
    assert kept.compiled == 1


def test_generated_annotations_are_evaluated_as_without_the_cache(tmp_path: Path) -> None:
    cache = CodeCache()
    namespace: dict[str, object] = {}
    cache.exec(INIT_SOURCE, {"__file__": str(tmp_path / "m.py")}, namespace)
    make = namespace["__create_fn__"]
    assert callable(make)
    init = make(_type_x=int, _return_type=None)
    assert init.__annotations__ == {"x": int, "return": None}
    assert cache.compiled == 1 and cache.write() == 1
    assert code_file(str(tmp_path / "m.py")) in cache.modules


def test_a_module_is_kept_beside_its_byte_code(tmp_path: Path) -> None:
    module = tmp_path / "package" / "model.py"
    kept = code_file(str(module))
    assert kept is not None
    assert kept == Path(importlib.util.cache_from_source(str(module))).with_suffix(
        ".dataclass-code"
    )
    assert code_file("<string>") is None


def test_code_without_a_module_file_is_compiled_and_kept_nowhere() -> None:
    cache = CodeCache()
    namespace: dict[str, object] = {}
    cache.exec(INIT_SOURCE, {}, namespace)
    assert callable(namespace["__create_fn__"])
    assert cache.modules == {}


@pytest.mark.parametrize(
    "content",
    [b"", b"not marshal at all", b"\x00\x00\x0d\x0a\x01" + b"\xff" * 20],
    ids=["empty", "text", "foreign-magic"],
)
def test_a_damaged_or_foreign_file_is_compiled_again_and_rewritten(
    tmp_path: Path, content: bytes
) -> None:
    file = tmp_path / "m.cpython-311.dataclass-code"
    file.write_bytes(content)
    kept = ModuleCode(file)
    assert kept.values == {}
    kept.code_of(INIT_SOURCE)
    assert kept.write()
    again = ModuleCode(file)
    assert set(again.values) == {INIT_SOURCE}
    assert file.read_bytes().startswith(importlib.util.MAGIC_NUMBER)


def test_an_unwritable_folder_leaves_nothing_and_raises_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the folder would be", encoding="utf-8")
    kept = ModuleCode(blocker / "m.cpython-311.dataclass-code")
    kept.code_of(INIT_SOURCE)
    assert kept.write() is False
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked"]


def test_a_file_with_nothing_new_is_not_written_again(tmp_path: Path) -> None:
    file = tmp_path / "m.cpython-311.dataclass-code"
    kept = ModuleCode(file)
    kept.code_of(INIT_SOURCE)
    assert kept.write()
    again = ModuleCode(file)
    again.code_of(INIT_SOURCE)
    assert again.compiled == 0 and again.write() is False


def test_a_cache_that_may_not_write_writes_nothing(tmp_path: Path) -> None:
    cache = CodeCache(writable=False)
    cache.exec(INIT_SOURCE, {"__file__": str(tmp_path / "m.py")}, {})
    assert cache.compiled == 1 and cache.write() == 0
    assert not (tmp_path / "__pycache__").exists()


def test_this_process_has_it_installed_for_dataclasses() -> None:
    installed = dataclass_code._installed
    if os.environ.get(dataclass_code.OFF):
        assert installed is None
    else:
        assert installed is not None
        assert dataclasses.exec == installed.exec  # type: ignore[attr-defined]
