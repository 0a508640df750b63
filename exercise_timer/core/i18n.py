"""The one translation function every sentence a person reads or hears goes through.

The core stays Qt-free, so this is gettext. ``_()`` and ``ngettext()`` look up the language in
use when they are called, so text is translated when it is shown and a language chosen later
(``use_language``) changes every label drawn after it. Placeholders are named (``{seconds}``)
and filled by the caller with ``str.format`` after translation, so a translator can move them;
sentences are never glued together from fragments. A constant defined at import is marked
with ``N_()`` and translated with ``_()`` where it is shown. A word that reads differently by
where it is used ("Start" on a button, the start pose of a figure) has a context:
``pgettext("button", "Start")``.

Catalogues are ``locale/<code>/LC_MESSAGES/exercise_timer.mo`` inside the package, found
through ``importlib.resources`` so an installed wheel finds them as a checkout does.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

DOMAIN = "exercise_timer"
ENGLISH = "en"
"""The language the program is written in: no catalogue needed."""

_SYSTEM_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def locale_dir() -> Path:
    """The folder of the bundled catalogues (it may not exist: then only English)."""
    from importlib import resources  # an English start never needs it

    return Path(str(resources.files("exercise_timer").joinpath("locale")))


@dataclass
class _Catalogue:
    """The translation in use, the language it is for, and where catalogues are looked for."""

    folder: Path | None = None
    choice: str | None = None
    language: str = ENGLISH
    translation: gettext.NullTranslations = field(default_factory=gettext.NullTranslations)


_current = _Catalogue()
_listeners: list[Callable[[str], object]] = []


def _folder() -> Path:
    return _current.folder if _current.folder is not None else locale_dir()


def _(message: str) -> str:
    """Translate one whole sentence into the language in use now."""
    return _current.translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a sentence whose wording depends on a count."""
    return _current.translation.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """Translate a sentence whose translation depends on where it is used (``context``)."""
    return _current.translation.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, count: int) -> str:
    """Translate a sentence with a count whose translation depends on where it is used."""
    return _current.translation.npgettext(context, singular, plural, count)


def N_(message: str) -> str:
    """Marks a constant for translation without translating it; call ``_()`` when it is shown."""
    return message


def available_languages() -> list[str]:
    """English, then every language a catalogue is found for, by code."""
    folder = _folder()
    found: list[str] = []
    if folder.is_dir():
        found = sorted(
            entry.name
            for entry in folder.iterdir()
            if (entry / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file() and entry.name != ENGLISH
        )
    return [ENGLISH, *found]


def current_language() -> str:
    """The code of the language text is translated into now (``"en"`` without a catalogue)."""
    return _current.language


def use_language(code: str | None) -> None:
    """Translates from now on into ``code``; None or "" for the system's language.

    The system's language is read as gettext does, from LANGUAGE, LC_ALL, LC_MESSAGES and
    LANG. A language without a catalogue is shown in English.
    """
    _current.choice = code or None
    wanted = [code] if code else _system_languages()
    for language in wanted:
        if _base(language) in ("", "C", "POSIX", ENGLISH):
            break
        found = gettext.find(DOMAIN, str(_folder()), [language])
        if found is not None:
            with open(found, "rb") as catalogue:
                _current.translation = gettext.GNUTranslations(catalogue)
            _current.language = Path(found).parents[1].name
            _tell_listeners()
            return
    _current.translation = gettext.NullTranslations()
    _current.language = ENGLISH
    _tell_listeners()


def on_language_applied(listener: Callable[[str], object]) -> Callable[[], None]:
    """Calls ``listener`` with the language's code each time ``use_language`` applies one.

    For what translates itself outside this catalogue (Qt's own words). Returns the function
    that stops the calls.
    """
    _listeners.append(listener)

    def stop() -> None:
        if listener in _listeners:
            _listeners.remove(listener)

    return stop


def _tell_listeners() -> None:
    for listener in list(_listeners):
        listener(_current.language)


def use_catalogue_folder(folder: Path | None) -> None:
    """Looks for catalogues in ``folder`` (None: the bundled ones) and applies the choice again.

    Tests and a portable install with its own catalogues use it.
    """
    _current.folder = folder
    use_language(_current.choice)


def _base(language: str) -> str:
    """``"es"`` of ``"es_ES.UTF-8@euro"``."""
    return language.split(".")[0].split("@")[0].split("_")[0]


def _system_languages() -> list[str]:
    for variable in _SYSTEM_VARIABLES:
        value = os.environ.get(variable)
        if value:
            return [part for part in value.split(":") if part]
    return []


use_language(None)
