"""Stand-ins that only tests use live in tests/fakes, not in the package a person installs."""

from __future__ import annotations

import os
import re
from pathlib import Path

import fakes

PACKAGE = Path(__file__).resolve().parents[1] / "exercise_timer"


def package_sources() -> dict[str, str]:
    return {
        path.relative_to(PACKAGE).as_posix(): path.read_text(encoding="utf-8")
        for path in PACKAGE.rglob("*.py")
    }


def test_no_module_of_the_package_is_a_fake() -> None:
    sources = package_sources()
    assert "speech/speaker.py" in sources  # the walk found the package
    assert [name for name in sources if "fake" in name.lower()] == []


def test_no_class_of_the_package_is_a_fake_or_a_recorder() -> None:
    test_only = re.compile(r"^class (Fake|Recording)\w*", re.M)
    assert [name for name, text in package_sources().items() if test_only.search(text)] == []


def test_the_package_never_imports_the_tests_fakes() -> None:
    imports_fakes = re.compile(r"^\s*(from|import) (fakes|tests)\b", re.M)
    assert [name for name, text in package_sources().items() if imports_fakes.search(text)] == []


def test_the_fakes_are_where_the_worker_can_load_them() -> None:
    assert Path(fakes.FAKE_PLAYER[1]).is_file()
    spec = fakes.worker_spec(env={"FAKE_TTS_INIT": "other"})
    assert spec.engine == fakes.FAKE_ENGINE
    assert spec.env["FAKE_TTS_INIT"] == "other"
    assert str(fakes.TESTS) in spec.env["PYTHONPATH"].split(os.pathsep)
    assert (fakes.TESTS / "fakes" / "pyttsx3_engine.py").is_file()
