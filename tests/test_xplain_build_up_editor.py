"""The values editor shows X-Plain's build-up ticked by default; unticked, it is saved off."""

from __future__ import annotations

import tomllib

import pytest
from pytestqt.qtbot import QtBot

from exercise_timer.core.personal import PersonalValues
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.journal import Journal, open_journal
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_access import StoredPersonal
from exercise_timer.storage.personal_store import load_personal, personal_file
from exercise_timer.ui.values_editor import ValuesEditor

pytestmark = pytest.mark.gui


def test_the_build_up_box_starts_ticked_and_unticking_it_saves_off(
    qtbot: QtBot, paths: Paths
) -> None:
    catalogue = load_catalogue(paths)
    xplain = catalogue.find("xplain-back")
    assert xplain is not None
    loaded = load_personal(paths, xplain)
    dialog = ValuesEditor(None, xplain, PersonalValues(), progression=loaded.progression)
    qtbot.addWidget(dialog)
    assert dialog.build_up.isChecked()
    assert "start with 2 s holds and 2 repetitions" in dialog.build_up.text()

    dialog.build_up.setChecked(False)
    journal = open_journal(paths.journal_file)
    assert isinstance(journal, Journal)
    StoredPersonal(paths, catalogue, journal).save(xplain, dialog.values(), dialog.progression())
    journal.close()
    written = tomllib.loads(personal_file(paths, xplain.id).read_text(encoding="utf-8"))
    assert written["progression"]["enabled"] is False
    assert not load_personal(paths, xplain).progression.enabled
