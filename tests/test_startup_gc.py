"""The collector paused while the window starts, and the start's survivors frozen once it is up."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from child_support import AFTER_IMPORT, program_child

from exercise_timer import startup_gc


@pytest.fixture
def collector() -> Iterator[None]:
    """Leaves the collector as it was found (enabled, nothing frozen)."""
    was_enabled = gc.isenabled()
    yield
    startup_gc.resume()
    gc.unfreeze()
    if was_enabled:
        gc.enable()


def test_pause_then_settle_collects_freezes_and_restarts(collector: None) -> None:
    gc.enable()
    gc.unfreeze()
    startup_gc.pause()
    assert not gc.isenabled() and startup_gc.paused()
    startup_gc.settle()
    assert gc.isenabled() and not startup_gc.paused()
    assert gc.get_freeze_count() > 0  # the objects alive now are out of later collections


def test_settle_and_resume_leave_a_collector_they_did_not_pause_alone(collector: None) -> None:
    gc.disable()  # someone else's choice
    gc.unfreeze()
    startup_gc.pause()
    assert not startup_gc.paused()
    startup_gc.settle()
    startup_gc.resume()
    assert not gc.isenabled() and gc.get_freeze_count() == 0


def test_resume_restarts_without_freezing(collector: None) -> None:
    gc.enable()
    gc.unfreeze()
    startup_gc.pause()
    startup_gc.resume()
    assert gc.isenabled() and gc.get_freeze_count() == 0
    startup_gc.settle()  # nothing left to settle
    assert gc.get_freeze_count() == 0


CHILD = (
    AFTER_IMPORT
    + r"""
import gc, json
seen = {"collections": 0}

def counted(phase, info):
    if phase == "start" and "at_exec" not in seen:
        seen["collections"] += 1

# From the end of the program's first module (the package's, which only names the version)
after_import("exercise_timer", lambda package: gc.callbacks.append(counted))

def run(app):
    from exercise_timer import startup_gc
    seen["at_exec"] = [gc.isenabled(), startup_gc.paused()]
    seen["icon_at_exec"] = not app.windowIcon().isNull()
    for _turn in range(10_000):
        app.processEvents()
        if not startup_gc.paused():
            break
    seen["settled"] = [gc.isenabled(), gc.get_freeze_count() > 0]
    seen["icon_settled"] = not app.windowIcon().isNull()
    return 0

def prepare(window_app):
    window_app.SETTLE_MS = 0  # no waiting on the clock in a test
    window_app.SETTLE_LATEST_MS = 0 if sys.argv[2] == "never-painted" else 60_000
    if sys.argv[2] == "never-painted":
        from exercise_timer.ui.first_paint import FirstPaint
        FirstPaint.then = lambda self, work: None  # as if no paint were ever seen
    window_app.QApplication.exec = run

after_import("exercise_timer.ui.app", prepare)
from exercise_timer.cli import main
code = main(["--home", sys.argv[1], "--no-voice"])
seen["after"] = gc.isenabled()
print("SEEN " + json.dumps(seen))
sys.exit(code)
"""
)


@pytest.mark.parametrize("case", ["painted", "never-painted"])
def test_the_window_starts_without_collections_and_settles_after_its_first_paint(
    tmp_path: Path, case: str
) -> None:
    # A start with its byte-code, as an installed program has it: compiling a module from
    # its source makes objects too, which PYTHONDONTWRITEBYTECODE would make every start do.
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(tmp_path / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    home = str(tmp_path / "home")
    program_child(CHILD, home, case, tag="SEEN ", env=env)  # writes the byte-code
    seen = program_child(CHILD, home, case, tag="SEEN ", env=env)
    assert seen["at_exec"] == [False, True]  # built and shown without a collection
    assert seen["collections"] == 0  # none at all from the program's first import on
    assert seen["settled"] == [True, True]  # collected once and frozen, after the paint or
    # (never-painted) at the latest a while after the show
    assert seen["after"] is True
    assert [seen["icon_at_exec"], seen["icon_settled"]] == [False, True]  # the icon waits too


COMMAND_CHILD = r"""
import gc, json, sys
from exercise_timer.cli import main
import exercise_timer.cli.catalogue as catalogue

during = []
original = catalogue.cmd_routines

def noted(*args):
    during.append(gc.isenabled())
    return original(*args)

catalogue.cmd_routines = noted
code = main(["--home", sys.argv[1], "routines"])
print("SEEN " + json.dumps({"code": code, "during": during, "after": gc.isenabled()}))
"""


def test_other_commands_run_with_the_collector(tmp_path: Path) -> None:
    seen = program_child(COMMAND_CHILD, str(tmp_path), tag="SEEN ")
    assert seen == {"code": 0, "during": [True], "after": True}
