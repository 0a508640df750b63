"""Generic readers for a person's TOML file: parse it safely, then read typed values with lines.

``parse_toml`` turns whatever text it is given into a table or one ``InputError``: broken
TOML, nesting that would exhaust the stack, numbers with thousands of digits and dotted keys
deep enough to make ``tomllib`` take minutes (the last three checked before parsing, by
``core.toml_guard``). Every TOML file the program reads goes through it (``read_toml_file``).
``TomlReader`` reads values out of the parsed tables (texts, lists, ids, choices, seconds,
whole numbers, tables) and collects one problem per bad value, at its line, with the fix.
"""

from __future__ import annotations

import math
import re
import sys
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.limits import Limit
from exercise_timer.core.model import plain_number
from exercise_timer.core.problems import InputError, Problem
from exercise_timer.core.textfile import read_text_file
from exercise_timer.core.toml_guard import check_toml_shape, long_number_line
from exercise_timer.core.toml_lines import LineIndex, PathKey

MAX_TEXT_CHARS = 2000
MAX_LIST_ITEMS = 50
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]{1,40}")
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def read_toml_file(path: Path, kind: str) -> dict[str, Any]:
    """The parsed TOML of a file: checked as a file (``core.textfile``), then as TOML here.

    Raises:
        InputError: One problem naming the file, the line where known, and the fix.
    """
    return parse_toml(read_text_file(path, kind), path, kind)


def parse_toml(text: str, path: Path | str, kind: str) -> dict[str, Any]:
    """The parsed TOML, or InputError naming the line and the fix.

    Every TOML file the program reads comes through here, so the checks that keep ``tomllib``
    quick (``core.toml_guard``) cannot be missed.

    Args:
        text: The file's text, already decoded.
        path: Only used in messages.
        kind: What the file should be, for the messages ("routine", "prescription").
    """
    check_toml_shape(text, path, kind)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_LINE.search(str(error))
        line = int(found.group(1)) if found else None
        if line is None and "end of document" in str(error):
            line = len(text.rstrip("\n").split("\n"))
        reason = _TOML_LINE.sub("", str(error)).strip()
        raise _one(
            path,
            line,
            _("is not valid TOML ({reason}); check the quotes, brackets and = signs there").format(
                reason=reason
            ),
        ) from None
    except (RecursionError, MemoryError):
        raise _one(
            path,
            None,
            _("nests arrays or tables too deeply to be a {kind}; write them flatter").format(
                kind=kind
            ),
        ) from None
    except ValueError:  # tomllib lets int()'s limit on digits escape as a plain ValueError
        raise _one(
            path,
            long_number_line(text),
            _("holds a number of more than {most} digits; write a number such as 5").format(
                most=sys.get_int_max_str_digits()
            ),
        ) from None


def short_reason(error: InputError) -> str:
    """The first problem without the file's name, for a sentence that names the file itself."""
    first = error.problems[0]
    if first.line is None:
        return first.message
    return _("line {line}: {problem}").format(line=first.line, problem=first.message)


def _one(path: Path | str, line: int | None, message: str) -> InputError:
    return InputError([Problem(path, line, message)])


def describe(value: object) -> str:
    """A short, safe rendering of a bad value for a message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return _("a table")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, int) and value.bit_length() > 128:
        return _("an enormous number")
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def plain(value: float) -> str:
    """5.0 as "5", 0.5 as "0.5"."""
    return str(plain_number(value))


def number(value: object) -> float | None:
    """A finite number from TOML (never a boolean), else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        result = float(value)
    except OverflowError:  # an integer beyond any float
        return None
    return result if math.isfinite(result) else None


class TomlReader:
    """Reads typed values out of one parsed TOML file, collecting every problem with its line.

    Each reader takes the table, the key, the key path of the table (for the line) and a label
    that starts the message (such as ``'exercise "cat": '``); on a bad value it records a
    problem and answers None (or an empty tuple), so one pass finds every problem.
    """

    guide = "routines/README.md"
    """Where the keys are described, for the hint on an unknown key."""

    def __init__(self, path: Path | str, lines: LineIndex) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []

    def problem(self, where: PathKey, message: str) -> None:
        """Records one problem at the line of ``where``."""
        self.problems.append(Problem(self.path, self.lines.line_of(where), message))

    def keys(
        self,
        table: Mapping[str, Any],
        where: PathKey,
        label: str,
        allowed: frozenset[str] | set[str],
    ) -> None:
        """Flags unknown keys, suggesting the nearest known one (typos are the usual cause)."""
        for key in table:
            if key in allowed:
                continue
            import difflib  # only a file with a mistake needs it

            close = difflib.get_close_matches(key, sorted(allowed), n=1)
            hint = (
                _("did you mean {key}?").format(key=close[0])
                if close
                else _("remove it (see {guide} for the keys)").format(guide=self.guide)
            )
            shown = key if _BARE_KEY.fullmatch(key) else describe(key)  # keep it on one line
            self.problem(
                (*where, key),
                _("{label}unknown key {key}; {hint}").format(label=label, key=shown, hint=hint),
            )

    def text(
        self,
        table: Mapping[str, Any],
        key: str,
        where: PathKey,
        label: str,
        *,
        required: bool = False,
    ) -> str | None:
        """A non-empty text value, stripped."""
        value = table.get(key)
        if value is None:
            if required:
                self.problem(
                    where,
                    _('{label}{key} is missing; add {key} = "..."').format(label=label, key=key),
                )
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(
                (*where, key),
                _("{label}{key} must be text in quotes, not {value}").format(
                    label=label, key=key, value=describe(value) if value != "" else _("empty text")
                ),
            )
            return None
        if len(value) > MAX_TEXT_CHARS:
            self.problem(
                (*where, key),
                ngettext(
                    "{label}{key} is {count} character long; keep it under {limit}",
                    "{label}{key} is {count} characters long; keep it under {limit}",
                    len(value),
                ).format(label=label, key=key, count=len(value), limit=MAX_TEXT_CHARS),
            )
            return None
        return value.strip()

    def texts(
        self,
        table: Mapping[str, Any],
        key: str,
        where: PathKey,
        label: str,
        *,
        required: bool = False,
    ) -> tuple[str, ...]:
        """A list of non-empty texts."""
        value = table.get(key)
        if value is None:
            if required:
                self.problem(
                    where,
                    _('{label}{key} is missing; add {key} = ["...", "..."]').format(
                        label=label, key=key
                    ),
                )
            return ()
        if not isinstance(value, list) or not value:
            self.problem(
                (*where, key),
                _('{label}{key} must be a list of texts like ["...", "..."], not {value}').format(
                    label=label, key=key, value=describe(value)
                ),
            )
            return ()
        if len(value) > MAX_LIST_ITEMS:
            self.problem(
                (*where, key),
                ngettext(
                    "{label}{key} has {count} item; keep it under {limit}",
                    "{label}{key} has {count} items; keep it under {limit}",
                    len(value),
                ).format(label=label, key=key, count=len(value), limit=MAX_LIST_ITEMS),
            )
            return ()
        items: list[str] = []
        for position, item in enumerate(value, start=1):
            if not isinstance(item, str) or not item.strip() or len(item) > MAX_TEXT_CHARS:
                self.problem(
                    (*where, key),
                    _(
                        "{label}{key} item {number} must be text in quotes "
                        "(under {limit} characters), not {value}"
                    ).format(
                        label=label,
                        key=key,
                        number=position,
                        limit=MAX_TEXT_CHARS,
                        value=describe(item),
                    ),
                )
                return ()
            items.append(item.strip())
        return tuple(items)

    def ident(self, table: Mapping[str, Any], key: str, where: PathKey, label: str) -> str | None:
        """An id: lower-case letters, digits and dashes."""
        value = self.text(table, key, where, label, required=True)
        if value is not None and not ID_PATTERN.match(value):
            self.problem(
                (*where, key),
                _(
                    "{label}{key} {value} may hold only lower-case letters, digits and -, "
                    'like "pelvic-tilt"'
                ).format(label=label, key=key, value=describe(value)),
            )
            return None
        return value

    def choice(
        self,
        table: Mapping[str, Any],
        key: str,
        where: PathKey,
        label: str,
        parse: Callable[[str], Any],
        options: list[str],
        *,
        required: bool = False,
    ) -> Any:
        """One value of a fixed vocabulary, parsed by ``parse`` (which raises ValueError)."""
        value = table.get(key)
        quoted = ", ".join(f'"{option}"' for option in options)
        if value is None:
            if required:
                self.problem(
                    where,
                    _("{label}{key} is missing; use one of {options}").format(
                        label=label, key=key, options=quoted
                    ),
                )
            return None
        if isinstance(value, str):
            try:
                return parse(value)
            except ValueError:
                pass
        import difflib

        close = difflib.get_close_matches(value, options, n=1) if isinstance(value, str) else []
        if close:
            message = _(
                '{label}{key} {value} is not known; did you mean "{option}"? Use one of {options}'
            ).format(label=label, key=key, value=describe(value), option=close[0], options=quoted)
        else:
            message = _("{label}{key} {value} is not known; use one of {options}").format(
                label=label, key=key, value=describe(value), options=quoted
            )
        self.problem((*where, key), message)
        return None

    def seconds(
        self, table: Mapping[str, Any], key: str, where: PathKey, label: str, limit: Limit
    ) -> float | None:
        """A plain number of seconds within ``limit``; None when absent or bad."""
        value = table.get(key)
        if value is None:
            return None
        found = number(value)
        if found is None or not limit.contains(found):
            self.problem(
                (*where, key),
                _("{label}{key} is {value}; use a number of seconds from {low} to {high}").format(
                    label=label,
                    key=key,
                    value=describe(value),
                    low=plain(limit.low),
                    high=plain(limit.high),
                ),
            )
            return None
        return found

    def whole(
        self, table: Mapping[str, Any], key: str, where: PathKey, label: str, limit: Limit
    ) -> int | None:
        """A whole number within ``limit``; None when absent or bad."""
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not limit.contains(value):
            self.problem(
                (*where, key),
                _("{label}{key} is {value}; use a whole number from {low} to {high}").format(
                    label=label,
                    key=key,
                    value=describe(value),
                    low=plain(limit.low),
                    high=plain(limit.high),
                ),
            )
            return None
        return value

    def table(
        self, value: object, where: PathKey, label: str, how: str
    ) -> Mapping[str, Any] | None:
        """A TOML table, or a problem saying how to write one."""
        if isinstance(value, dict):
            return value
        self.problem(
            where,
            _("{label}must be a table written as {how}, not {value}").format(
                label=label, how=how, value=describe(value)
            ),
        )
        return None

    def tables(
        self, value: object, where: PathKey, label: str, how: str
    ) -> list[Mapping[str, Any]]:
        """An array of tables such as [[exercises]]."""
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.problem(
                where,
                _("{label}must be written as {how} tables, not {value}").format(
                    label=label, how=how, value=describe(value)
                ),
            )
            return []
        return value
