"""The one translation function every sentence a person reads or hears goes through.

The core stays Qt-free, so this is gettext's ``_()``. Placeholders are named
(``{seconds}``) and filled by the caller with ``str.format`` after translation, so a
translator can move them; sentences are never glued together from fragments.
"""

from __future__ import annotations

import gettext
from pathlib import Path

_DOMAIN = "exercise_timer"
_LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

_translation: gettext.NullTranslations = gettext.translation(
    _DOMAIN, localedir=_LOCALE_DIR, fallback=True
)


def _(message: str) -> str:
    """Translate one whole sentence."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a sentence whose wording depends on a count."""
    return _translation.ngettext(singular, plural, count)
