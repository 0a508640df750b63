"""``--lang CODE``: the language of every command's text, chosen before anything is printed.

It is read from the command line before the parser is built, so the help is in that language
too, and it is accepted before or after the command. Without it the settings' language (in the
window) or the system's is used, as before.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from exercise_timer.core.i18n import N_, _, available_languages, use_language

LANG_HELP = N_(
    "the language of the text and the routines, such as es; default: the system's "
    "(the window: the one in Settings)"
)

OPTION = "--lang"


def language_asked(arguments: Sequence[str]) -> str | None:
    """The code given with ``--lang CODE`` or ``--lang=CODE`` (the last one), else None.

    Nothing after ``--`` is an option.
    """
    asked = None
    for index, argument in enumerate(arguments):
        if argument == "--":
            break
        if argument == OPTION and index + 1 < len(arguments):
            asked = arguments[index + 1]
        elif argument.startswith(OPTION + "="):
            asked = argument[len(OPTION) + 1 :]
    return asked


def _base(code: str) -> str:
    return code.replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()


def apply_language_option(arguments: Sequence[str]) -> bool:
    """Uses the language of ``--lang`` from now on; False (after saying why) for an unknown one."""
    asked = language_asked(arguments)
    if asked is None:
        return True
    known = available_languages()
    if _base(asked) not in known:
        print(
            _(
                "exercise-timer: error: there is no language {code!r}; "
                "use --lang with one of {known}"
            ).format(code=asked, known=", ".join(known)),
            file=sys.stderr,
        )
        return False
    use_language(_base(asked))
    return True
