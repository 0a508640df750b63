"""Shared fixtures, and the environment every test runs in.

Before anything imports PySide6 or the program: Qt runs offscreen, and the language is pinned
to English (C.UTF-8), so no test depends on the machine's language; the processes tests start
inherit both. The kept code of dataclasses and patterns is installed as the program's start
installs it (``program_start``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

os.environ.update(LANGUAGE="en", LC_ALL="C.UTF-8", LC_MESSAGES="C.UTF-8", LANG="C.UTF-8")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from exercise_timer.program_start import install_kept_code

install_kept_code()  # as the program's start does, before its modules are imported

from exercise_timer.core.clock import SimulatedClock  # noqa: E402
from exercise_timer.storage.journal import Journal, open_journal  # noqa: E402
from exercise_timer.storage.paths import Paths  # noqa: E402

if TYPE_CHECKING:
    from exercise_timer.speech.measure import MeasureOutcome
    from exercise_timer.speech.speaker import VoiceSettings

REPO = Path(__file__).resolve().parents[1]


_MEASURED: dict[tuple[str | None, int, str], float] = {}


@pytest.fixture(autouse=True)
def measure_each_cue_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cue lengths are measured with the real voice, but each text once for the whole run.

    Every test has a fresh cache folder, so without this each ``plan`` would render the same
    few hundred cues again. Processes the tests start measure for themselves.
    """
    from exercise_timer.speech import measure

    real = measure.measure_cue_seconds

    def once(texts: Sequence[str], settings: VoiceSettings, **kwargs: Any) -> MeasureOutcome:
        key = (settings.voice, settings.rate)
        missing = [t for t in dict.fromkeys(texts) if (*key, t) not in _MEASURED]
        problem = None
        if missing:
            outcome = real(missing, settings, **kwargs)
            problem = outcome.problem
            _MEASURED.update({(*key, t): s for t, s in outcome.seconds.items()})
        found = {t: _MEASURED[(*key, t)] for t in texts if (*key, t) in _MEASURED}
        return measure.MeasureOutcome(found, problem)

    monkeypatch.setattr(measure, "measure_cue_seconds", once)


@pytest.fixture
def clock() -> SimulatedClock:
    return SimulatedClock(1000.0)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    """A real SQLite journal in a fresh file, closed after the test."""
    opened = open_journal(tmp_path / "journal.sqlite3")
    assert isinstance(opened, Journal)
    yield opened
    opened.close()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh --home folder; the real user folders are never touched by tests."""
    folder = tmp_path / "home"
    monkeypatch.setenv("EXERCISE_TIMER_HOME", str(folder))
    return folder


@pytest.fixture
def paths(home: Path) -> Paths:
    return Paths.under(home)


@pytest.fixture
def example_text() -> str:
    """The complete example of routines/README.md, which must stay valid."""
    readme = (REPO / "routines" / "README.md").read_text(encoding="utf-8")
    found = re.search(r"```toml\n(.*?)```", readme, re.S)
    assert found is not None
    return found.group(1)


@pytest.fixture(autouse=True)
def english_after_each_test() -> Iterator[None]:
    """A test that switches the language (a Settings choice, ``--lang``) leaves English behind."""
    yield
    from exercise_timer.core import i18n

    i18n.use_catalogue_folder(None)
    i18n.use_language(None)


@pytest.fixture
def spanish_catalogue(tmp_path: Path) -> Iterator[None]:
    """A Spanish program catalogue (empty), so "es" is a language whatever locale/es.po holds."""
    from catalogue_support import write_mo

    from exercise_timer.core import i18n

    folder = tmp_path / "locale"
    write_mo(folder / "es" / "LC_MESSAGES" / "exercise_timer.mo", {})
    i18n.use_catalogue_folder(folder)
    yield
    i18n.use_catalogue_folder(None)
    i18n.use_language(i18n.ENGLISH)
