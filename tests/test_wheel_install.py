"""The wheel carries the bundled routines: an install outside the checkout lists and plans them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BUNDLED = {"xplain-back", "spine-clinic", "chiro-clinic"}

pytestmark = pytest.mark.slow


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with only the wheel, platformdirs and tomli-w."""
    folder = tmp_path_factory.mktemp("wheel")
    run(sys.executable, "-m", "build", "--wheel", "--outdir", folder / "dist", REPO, cwd=folder)
    (wheel,) = (folder / "dist").glob("exercise_timer-*.whl")
    run(sys.executable, "-m", "venv", folder / "venv", cwd=folder)
    pip = (bin_of(folder / "venv", "python"), "-m", "pip", "install", "--quiet")
    run(*pip, "--no-deps", wheel, cwd=folder)
    run(*pip, "platformdirs", "tomli-w", cwd=folder)
    return folder / "venv"


def bin_of(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / name


def installed(venv: Path, program: str, *args: str, cwd: Path) -> str:
    """Runs a program of the venv outside the checkout, with a fresh home and no PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["EXERCISE_TIMER_HOME"] = str(cwd / "home")
    return run(bin_of(venv, program), *args, cwd=cwd, env=env)


def test_installed_wheel_lists_its_own_bundled_routines(venv: Path, tmp_path: Path) -> None:
    purelib = "import sysconfig; print(sysconfig.get_path('purelib'))"
    site = Path(installed(venv, "python", "-c", purelib, cwd=tmp_path).strip()).resolve()

    rows = json.loads(installed(venv, "exercise-timer", "routines", "--json", cwd=tmp_path))

    bundled = {row["id"]: row for row in rows if row["id"] in BUNDLED}
    assert set(bundled) == BUNDLED, rows
    for row in bundled.values():
        path = Path(row["path"]).resolve()
        assert row["origin"] == "bundled"
        assert path.is_relative_to(site), (path, site)
        assert not path.is_relative_to(REPO)
        assert row["exercises"] > 0


def test_installed_wheel_plans_the_default_routine(venv: Path, tmp_path: Path) -> None:
    command = ("-m", "exercise_timer", "plan", "xplain-back", "--json")
    plan = json.loads(installed(venv, "python", *command, cwd=tmp_path))

    assert plan["routine"]["id"] == "xplain-back"
    assert len(plan["exercises"]) == 13
    assert plan["total_seconds"] > 0
    assert plan["timeline"][0]["start"] == 0
