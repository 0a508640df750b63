"""Qt's own words (Save, Cancel, the print and file dialogs, context menus) in the language in use.

They are not in the program's catalogue: Qt ships its own translations (``qtbase_<code>.qm``
beside the Qt libraries). A translator for the language in use is installed whenever a
language is applied (``core.i18n.use_language``), and none for English.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from exercise_timer.core.i18n import ENGLISH, current_language, on_language_applied

CATALOGUE = "qtbase"
"""Qt's catalogue of the widgets' own words (buttons, dialogs, menus)."""


class _Installed:
    """The Qt translator installed now, the language it is for and the application it is in."""

    translator: QTranslator | None = None
    language: str = ENGLISH
    app: QCoreApplication | None = None


def qt_translations_folder() -> str:
    """Where the Qt libraries in use keep their translations."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def apply_qt_language(language: str | None = None) -> bool:
    """Makes Qt's own words ``language`` (default: the program's language in use now).

    The translator of the language before is removed first; English needs none. Widgets
    already shown change their words at once (Qt tells them of the change).

    Returns:
        Whether Qt speaks ``language`` now: False when Qt has no translation for it (then its
        words stay English) or there is no Qt application yet.
    """
    wanted = language or current_language()
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _Installed.app is not app:  # a new application: the old translator went with the old
        _Installed.translator, _Installed.language, _Installed.app = None, ENGLISH, app
    if _Installed.translator is not None and _Installed.language == wanted:
        return True
    if _Installed.translator is not None:
        app.removeTranslator(_Installed.translator)
        _Installed.translator = None
    _Installed.language = ENGLISH
    if wanted == ENGLISH:
        return True
    translator = QTranslator(app)
    if not translator.load(f"{CATALOGUE}_{wanted}", qt_translations_folder()):
        return False
    app.installTranslator(translator)
    _Installed.translator, _Installed.language = translator, wanted
    return True


def qt_language() -> str:
    """The language of Qt's own words now (``"en"`` when no translator is installed)."""
    return _Installed.language


def follow_language() -> Callable[[], None]:
    """Applies the language in use to Qt's words now and every time a language is applied.

    The window calls it once, after the Qt application is made. Returns the function that
    stops following.
    """
    apply_qt_language()
    return on_language_applied(apply_qt_language)
