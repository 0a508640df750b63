"""Translation at display time: the language can be chosen while the program runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from catalogue_support import write_mo

from exercise_timer import resources
from exercise_timer.core import i18n
from exercise_timer.core.i18n import N_, _, ngettext
from exercise_timer.storage import settings
from exercise_timer.storage.schema import Field


@pytest.fixture
def catalogues(tmp_path: Path) -> Iterator[Path]:
    """A folder with one catalogue, for a made-up language "xx"."""
    write_mo(
        tmp_path / "xx" / "LC_MESSAGES" / "exercise_timer.mo",
        {
            "Relax": "Xelax",
            "Count down a hold": "Xount down a hold",
            "Every second": "Xvery second",
            "Voice": "Xoice",
            "The voice id from `exercise-timer voices`; empty for the system's default": "Xid",
            "{count} exercise\0{count} exercises": "{count} xercise\0{count} xercises",
        },
    )
    i18n.use_catalogue_folder(tmp_path)
    yield tmp_path
    i18n.use_catalogue_folder(None)
    i18n.use_language(i18n.ENGLISH)


def shown() -> str:
    """A label drawn by code written before any language was chosen."""
    return _("Relax")


def test_underscore_reads_the_language_chosen_at_call_time(catalogues: Path) -> None:
    assert shown() == "Relax"
    i18n.use_language("xx")
    assert shown() == "Xelax"
    assert i18n.current_language() == "xx"
    i18n.use_language("en")
    assert shown() == "Relax"
    assert i18n.current_language() == "en"


def test_counts_go_through_the_chosen_catalogue(catalogues: Path) -> None:
    i18n.use_language("xx")
    one = ngettext("{count} exercise", "{count} exercises", 1).format(count=1)
    many = ngettext("{count} exercise", "{count} exercises", 4).format(count=4)
    assert (one, many) == ("1 xercise", "4 xercises")


def test_a_marked_constant_is_translated_only_where_it_is_shown(catalogues: Path) -> None:
    label = N_("Relax")
    i18n.use_language("xx")
    assert label == "Relax"
    assert _(label) == "Xelax"


def test_available_languages_are_english_and_each_catalogue(catalogues: Path) -> None:
    (catalogues / "yy" / "LC_MESSAGES").mkdir(parents=True)  # no .mo: not a language
    assert i18n.available_languages() == ["en", "xx"]


def test_the_bundled_catalogues_are_found_through_the_package() -> None:
    assert i18n.locale_dir() == resources.locale_dir()
    assert i18n.locale_dir().parent == Path(i18n.__file__).resolve().parents[1]
    assert i18n.available_languages()[0] == "en"


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"LANGUAGE": "xx_XX.UTF-8"}, "xx"),
        ({"LANGUAGE": "zz:xx"}, "xx"),
        ({"LC_ALL": "xx_XX.UTF-8"}, "xx"),
        ({"LC_MESSAGES": "xx"}, "xx"),
        ({"LANG": "xx_XX"}, "xx"),
        ({"LANGUAGE": "en_GB:xx"}, "en"),
        ({"LC_ALL": "C.UTF-8", "LANG": "xx"}, "en"),
        ({"LANG": "zz_ZZ"}, "en"),
        ({}, "en"),
    ],
)
def test_the_system_language_comes_from_the_usual_variables(
    catalogues: Path,
    monkeypatch: pytest.MonkeyPatch,
    variables: dict[str, str],
    expected: str,
) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    for choice in (None, ""):
        i18n.use_language(choice)
        assert i18n.current_language() == expected
        assert shown() == ("Xelax" if expected == "xx" else "Relax")


def test_a_language_without_a_catalogue_is_english(catalogues: Path) -> None:
    i18n.use_language("xx")
    i18n.use_language("zz")
    assert i18n.current_language() == "en"
    assert shown() == "Relax"


def test_pointing_at_another_folder_keeps_the_choice(catalogues: Path, tmp_path: Path) -> None:
    i18n.use_language("xx")
    empty = tmp_path / "empty"
    empty.mkdir()
    i18n.use_catalogue_folder(empty)
    assert shown() == "Relax"
    i18n.use_catalogue_folder(catalogues)
    assert shown() == "Xelax"


def field(key: str) -> Field:
    return next(f for f in settings.SETTINGS_FIELDS if f.key == key)


def test_field_labels_help_and_choices_are_translated_when_shown(catalogues: Path) -> None:
    counting, voice = field("counting"), field("voice")
    i18n.use_language("xx")
    assert counting.shown_label() == "Xount down a hold"
    assert counting.shown_choices()[0] == ("every", "Xvery second")
    assert voice.shown_label() == "Xoice"
    assert voice.shown_help() == "Xid"
    assert field("mute").shown_help() == ""  # not the catalogue's header
    i18n.use_language("en")
    assert counting.shown_label() == "Count down a hold"
    assert counting.shown_choices()[0] == ("every", "Every second")
    assert voice.shown_help().startswith("The voice id")


def test_the_language_setting_offers_the_system_and_every_language() -> None:
    language = field("language")
    assert language.default == ""
    assert [value for value, _label in language.all_choices()] == ["", *i18n.available_languages()]
    assert settings.Settings.default().language is None
    assert settings.Settings.default().replace(language="en").language == "en"
