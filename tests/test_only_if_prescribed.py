"""The routine format's only_if_prescribed: read, validated, and set for the chiropractic sheet."""

from __future__ import annotations

from pathlib import Path

import pytest

from exercise_timer import resources
from exercise_timer.cli import main
from exercise_timer.core.loader import load_routine, parse_routine_text


def test_the_chiropractic_sheet_is_only_for_prescribed_patients() -> None:
    flags = {
        routine_id: load_routine(resources.routines_dir() / f"{routine_id}.toml").only_if_prescribed
        for routine_id in ("xplain-back", "spine-clinic", "chiro-clinic")
    }
    assert flags == {"xplain-back": False, "spine-clinic": False, "chiro-clinic": True}


def test_it_is_read_when_true(example_text: str) -> None:
    text = example_text.replace('title = "', 'only_if_prescribed = true\ntitle = "', 1)
    assert parse_routine_text(text, "ex.toml").only_if_prescribed


def test_anything_but_true_or_false_is_refused_with_its_line(
    example_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = example_text.replace('title = "', 'only_if_prescribed = "yes"\ntitle = "', 1)
    file = tmp_path / "bad.toml"
    file.write_text(text, encoding="utf-8")
    line = text.splitlines().index('only_if_prescribed = "yes"') + 1
    assert main(["check", str(file)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{file}:{line}: only_if_prescribed: use true or false"
    )
