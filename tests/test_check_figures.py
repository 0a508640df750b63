"""``exercise-timer check`` takes figures files: each problem as FILE:LINE with the fix, exit 1.

A figures file is told from a routine file by what it holds (a ``routine =`` and no ``id``);
it is checked against its routine: one given on the same command line, else the bundled or
personal one of that id. ``--bundled`` checks every bundled routine and figures file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from exercise_timer import resources
from exercise_timer.cli import main

XPLAIN_FIGURES = resources.asset("figures", "xplain-back.toml")


def check(tmp_path: Path, *files: Path | str) -> int:
    return main(["--home", str(tmp_path / "home"), "check", *(str(f) for f in files)])


def broken(tmp_path: Path, old: str, new: str, name: str = "figures.toml") -> Path:
    text = XPLAIN_FIGURES.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(text))


def test_the_bundled_figures_files_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--home", str(tmp_path), "check", "--bundled"]) == 0
    out = capsys.readouterr().out
    for figures in sorted(resources.assets_dir().joinpath("figures").glob("*.toml")):
        assert f"{figures}: ok, poses of" in out
    assert "routines/xplain-back.toml: ok, 13 exercises" in out


def test_a_good_figures_file_given_by_path_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(tmp_path, XPLAIN_FIGURES) == 0
    assert "poses of 13 exercises of xplain-back" in capsys.readouterr().out


def test_a_joint_beyond_its_range_is_reported_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = broken(tmp_path, "knee = 105", "knee = 170")
    assert check(tmp_path, path) == 1
    err = capsys.readouterr().err
    assert f"{path}:{line_of(path, 'knee = 170')}: pose hook-lying: right_knee = 170" in err
    assert "use an angle in that range" in err
    assert "Traceback" not in err


def test_an_exercise_without_poses_is_reported_at_the_routine_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = broken(tmp_path, 'id = "single-leg-pull"', 'id = "single-leg-pul"')
    assert check(tmp_path, path) == 1
    err = capsys.readouterr().err
    routine_line = line_of(path, "routine =")
    assert (
        f"{path}:{routine_line}: exercise single-leg-pull has no poses; "
        "add an [[exercises]] entry for it"
    ) in err
    entry = line_of(path, 'id = "single-leg-pul"') - 1
    assert f"{path}:{entry}: exercise single-leg-pul is not in routine xplain-back" in err


def test_a_stage_count_that_differs_is_reported_at_its_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = XPLAIN_FIGURES.read_text(encoding="utf-8")
    start = text.index('id = "cat-and-camel"')
    second_stage = text.index("[[exercises.stages]]", text.index("[[exercises.stages]]", start) + 1)
    end = text.index("[[exercises]]", second_stage)
    path = tmp_path / "figures.toml"
    path.write_text(text[:second_stage] + text[end:], encoding="utf-8")
    assert check(tmp_path, path) == 1
    err = capsys.readouterr().err
    entry = line_of(path, 'id = "cat-and-camel"') - 1
    assert f"{path}:{entry}: exercise cat-and-camel has 2 stages in the routine but 1" in err


def test_an_unknown_routine_is_reported_at_the_routine_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = broken(tmp_path, 'routine = "xplain-back"', 'routine = "nowhere"')
    assert check(tmp_path, path) == 1
    err = capsys.readouterr().err
    assert f"{path}:{line_of(path, 'routine =')}: routine nowhere is neither bundled" in err


def test_a_routine_given_beside_its_figures_is_the_one_checked_against(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    routine_text = (resources.routines_dir() / "xplain-back.toml").read_text(encoding="utf-8")
    routine = tmp_path / "mine.toml"
    routine.write_text(routine_text.replace('id = "xplain-back"', 'id = "mine"', 1), "utf-8")
    figures = broken(tmp_path, 'routine = "xplain-back"', 'routine = "mine"')
    assert check(tmp_path, figures, routine) == 0
    assert "poses of 13 exercises of mine" in capsys.readouterr().out
    assert check(tmp_path, figures) == 1


def test_routine_files_are_still_checked_as_routines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(tmp_path, resources.routines_dir() / "spine-clinic.toml") == 0
    assert "spine-clinic.toml: ok, 10 exercises" in capsys.readouterr().out
    bad = tmp_path / "bad.toml"
    bad.write_text('format_version = 1\nid = "x"\n', encoding="utf-8")
    assert check(tmp_path, bad) == 1
    assert f"{bad}:" in capsys.readouterr().err


def test_check_without_files_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--home", str(tmp_path), "check"]) == 2
    assert "--bundled" in capsys.readouterr().err
