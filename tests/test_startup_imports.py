"""What the program imports before its first window (issue 9's start-up time and memory).

Each test starts the real program (``cli.main`` with ``--home``) in a fresh interpreter,
offscreen, with ``QApplication.exec`` replaced by "note the modules loaded so far and return":
the modules loaded by the first window (built and shown, before the event loop runs any
timer) are what a person's start-up pays for.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from child_support import AFTER_IMPORT, program_child

from exercise_timer.app.services import READ_ROUTINES
from exercise_timer.storage.paths import Paths

CHILD = (
    AFTER_IMPORT
    + r"""
import json

def noted(app):  # before the event loop: no timer (the first poll) has fired yet
    print("LOADED " + json.dumps(sorted(sys.modules)))
    return 0

def replace_exec(widgets):
    widgets.QApplication.exec = noted

after_import("PySide6.QtWidgets", replace_exec)
from exercise_timer.cli import main
sys.exit(main(["--home", sys.argv[1], "--no-voice"]))
"""
)

EDITOR_ONLY = {
    "exercise_timer.storage.lock",
    "exercise_timer.storage.pin_tries",
    "exercise_timer.storage.prescription",
}

TRANSLATION_READERS = {"exercise_timer.core.routine_translation", "exercise_timer.core.po_file"}

KIOSK_ONLY = {
    "exercise_timer.app.kiosk_exit",
    "exercise_timer.app.kiosk_journal",
    "exercise_timer.storage.kiosk_counter",
    "exercise_timer.storage.kiosk_pin",
}


def first_window(home: Path) -> set[str]:
    """The modules loaded when the first window is shown."""
    env = dict(os.environ, LANGUAGE="en", LANG="C.UTF-8")
    env.pop("EXERCISE_TIMER_HOME", None)
    return set(program_child(CHILD, str(home), tag="LOADED ", env=env))


def returning_home(folder: Path) -> Path:
    """A home whose person has read every routine's safety page: the session page comes first."""
    read = Paths.under(folder).config_dir / READ_ROUTINES
    read.mkdir(parents=True)
    for routine_id in ("xplain-back", "spine-clinic", "chiro-clinic"):
        (read / routine_id).write_text("seen\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def returning(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    return first_window(returning_home(tmp_path_factory.mktemp("returning")))


@pytest.fixture(scope="module")
def first_start(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    return first_window(tmp_path_factory.mktemp("fresh"))


@pytest.mark.parametrize("run", ["returning", "first_start"])
def test_the_first_window_loads_neither_openssl_nor_platformdirs_nor_the_kiosk(
    run: str, request: pytest.FixtureRequest
) -> None:
    loaded = request.getfixturevalue(run)
    assert "exercise_timer.ui.main_window" in loaded  # the window was really built
    assert not {"hashlib", "_hashlib", "secrets", "hmac"} & loaded
    assert "platformdirs" not in loaded  # --home was given
    assert not KIOSK_ONLY & loaded
    assert "exercise_timer.core.cue_fit" not in loaded  # the cues are fitted at the first poll
    assert "tomli_w" not in loaded  # a start reads its files; writing them loads the writer
    assert not EDITOR_ONLY & loaded  # the values editor's and the import's modules


def test_a_second_start_reads_routines_and_figures_from_the_caches_without_their_readers(
    tmp_path: Path,
) -> None:
    home = returning_home(tmp_path / "home")
    first = first_window(home)  # writes the routine and figures caches
    second = first_window(home)
    readers = {
        "exercise_timer.core.loader",
        "exercise_timer.core.routine_reader",
        "exercise_timer.core.stage_reader",
        "exercise_timer.core.figures.reader",
        *TRANSLATION_READERS,  # the cache checks a translation's file by its name alone
    }
    assert readers <= first  # no cache yet: each file was read
    assert "exercise_timer.ui.main_window" in second and not readers & second


def test_the_kiosk_still_finds_its_modules(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    code = (
        "import sys\n"
        "from exercise_timer.app.options import AppOptions\n"
        "from exercise_timer.app.services import build_services\n"
        "from exercise_timer.storage.catalogue import load_catalogue\n"
        "from exercise_timer.storage.paths import Paths\n"
        "from pathlib import Path\n"
        "paths = Paths.under(Path(sys.argv[1]))\n"
        "services = build_services(AppOptions(routine='xplain-back', kiosk=True, no_voice=True),"
        " paths, load_catalogue(paths))\n"
        "print(type(services.journal).__name__, type(services.kiosk_exit).__name__)\n"
        "services.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert done.stdout.split() == ["KioskJournal", "KioskExit"]
