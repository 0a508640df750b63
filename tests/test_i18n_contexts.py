"""Words with a context (pgettext), and what follows each language applied."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from catalogue_support import write_mo

from exercise_timer.core import i18n
from exercise_timer.core.i18n import _, npgettext, pgettext


@pytest.fixture
def catalogues(tmp_path: Path) -> Iterator[Path]:
    """A made-up language "xx" whose "Start" and "completed" differ by context."""
    write_mo(
        tmp_path / "xx" / "LC_MESSAGES" / "exercise_timer.mo",
        {
            "Start": "Xstart",
            "button\x04Start": "Xbegin",
            "figure panel\x04Start": "Xpose",
            "session outcome\x04completed": "Xdone",
            "sessions counted\x04completed": "Xdones",
            "sessions counted\x04{count} session\0{count} sessions": "{count} xs\0{count} xss",
        },
    )
    i18n.use_catalogue_folder(tmp_path)
    yield tmp_path
    i18n.use_catalogue_folder(None)
    i18n.use_language(i18n.ENGLISH)


def test_a_word_is_translated_by_its_context(catalogues: Path) -> None:
    i18n.use_language("xx")
    assert pgettext("button", "Start") == "Xbegin"
    assert pgettext("figure panel", "Start") == "Xpose"
    assert _("Start") == "Xstart"
    assert pgettext("session outcome", "completed") == "Xdone"
    assert pgettext("sessions counted", "completed") == "Xdones"
    assert pgettext("unknown", "completed") == "completed"


def test_a_count_with_a_context(catalogues: Path) -> None:
    i18n.use_language("xx")
    one = npgettext("sessions counted", "{count} session", "{count} sessions", 1)
    many = npgettext("sessions counted", "{count} session", "{count} sessions", 3)
    assert (one, many) == ("{count} xs", "{count} xss")


def test_english_keeps_the_word_whatever_its_context() -> None:
    i18n.use_language(i18n.ENGLISH)
    assert pgettext("button", "Start") == "Start"
    assert npgettext("sessions counted", "{n} session", "{n} sessions", 2) == "{n} sessions"


def test_each_language_applied_is_told_until_the_listener_stops(catalogues: Path) -> None:
    told: list[str] = []
    stop = i18n.on_language_applied(told.append)
    i18n.use_language("xx")
    i18n.use_language("en")
    i18n.use_language("zz")  # no catalogue: English
    stop()
    i18n.use_language("xx")
    stop()  # stopping twice does no harm
    assert told == ["xx", "en", "en"]
