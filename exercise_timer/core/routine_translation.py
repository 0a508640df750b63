"""A routine's own texts in another language, from a gettext catalogue beside the routine file.

``routines/<id>.<language>.po`` holds one entry per text a person reads or hears: ``msgctxt``
is the text's place in the routine (``exercises.cat-camel.steps.2``: exercises and variants by
id, lists counted from 1 as steps are), ``msgid`` the English text, ``msgstr`` the translation.
It is applied to the parsed TOML before the routine is read, so every number, id and choice
is the English file's own and the translated routine runs exactly the same session
(docs/decisions/0012-routine-translations.md).

A text whose entry is missing, empty, fuzzy, stale (its ``msgid`` is no longer the English
text) or changes a number stays English; each is a problem ``exercise-timer check`` reports.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exercise_timer.core.i18n import _
from exercise_timer.core.po_file import PoEntry, read_po
from exercise_timer.core.problems import Problem
from exercise_timer.core.toml_lines import LineIndex, PathKey

_ROUTINE_TEXTS = ("title", "description")
_ROUTINE_LISTS = ("safety",)
_ADVICE_TEXTS = ("at_end",)
_ADVICE_LISTS = ("notes",)
_EXERCISE_TEXTS = ("name", "purpose", "start", "instruction")
_EXERCISE_LISTS = ("steps", "both_steps", "tips", "cautions")
_VARIANT_TEXTS = ("name", "advice", "start", "instruction")
_VARIANT_LISTS = ("steps",)
_STAGE_TEXTS = ("name", "instruction")
_SIDES = ("right", "left", "both")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class TextPlace:
    """One text of a routine: its place name (the ``msgctxt``), its TOML path and its English."""

    context: str
    key: PathKey
    english: str


def _texts(
    table: Any, at: PathKey, context: str, texts: tuple[str, ...], lists: tuple[str, ...]
) -> Iterator[TextPlace]:
    if not isinstance(table, Mapping):
        return
    for key in texts:
        value = table.get(key)
        if isinstance(value, str) and value.strip():
            yield TextPlace(f"{context}{key}", (*at, key), value.strip())
    for key in lists:
        values = table.get(key)
        if isinstance(values, list):
            for index, value in enumerate(values):
                if isinstance(value, str) and value.strip():
                    yield TextPlace(f"{context}{key}.{index + 1}", (*at, key, index), value.strip())


def _stages(table: Mapping[str, Any], at: PathKey, context: str) -> Iterator[TextPlace]:
    stages = table.get("stages")
    if isinstance(stages, list):
        for index, stage in enumerate(stages):
            where = f"{context}stages.{index + 1}."
            yield from _texts(stage, (*at, "stages", index), where, _STAGE_TEXTS, ())


def routine_texts(data: Mapping[str, Any]) -> list[TextPlace]:
    """Every text of a parsed routine file a person reads or hears, in the file's order.

    Ids, positions, numbers, the side label (a word the program translates), the source (an
    English document's title) and the notes for whoever edits the file are not among them.
    """
    found = list(_texts(data, (), "", _ROUTINE_TEXTS, _ROUTINE_LISTS))
    found += _texts(data.get("advice"), ("advice",), "advice.", _ADVICE_TEXTS, _ADVICE_LISTS)
    exercises = data.get("exercises")
    for index, exercise in enumerate(exercises if isinstance(exercises, list) else []):
        if not isinstance(exercise, Mapping):
            continue
        at: PathKey = ("exercises", index)
        context = f"exercises.{exercise.get('id', index + 1)}."
        found += _texts(exercise, at, context, _EXERCISE_TEXTS, _EXERCISE_LISTS)
        found += _texts(
            exercise.get("side_names"), (*at, "side_names"), f"{context}side_names.", _SIDES, ()
        )
        found += _stages(exercise, at, context)
        variants = exercise.get("variants")
        for number, variant in enumerate(variants if isinstance(variants, list) else []):
            if not isinstance(variant, Mapping):
                continue
            where: PathKey = (*at, "variants", number)
            own = f"{context}variants.{variant.get('id', number + 1)}."
            found += _texts(variant, where, own, _VARIANT_TEXTS, _VARIANT_LISTS)
            found += _stages(variant, where, own)
    return found


def _numbers(text: str) -> list[str]:
    return sorted(number.replace(",", ".") for number in _NUMBER.findall(text))


@dataclass(frozen=True)
class Translated:
    """The parsed routine with its texts translated, and what could not be."""

    data: dict[str, Any]
    translated: int
    problems: tuple[Problem, ...]


def apply_translation(
    data: Mapping[str, Any],
    po_text: str,
    po_path: Path,
    routine_path: Path | str,
    lines: LineIndex,
) -> Translated:
    """``data`` (a parsed routine file) with each text replaced by its current translation.

    Args:
        data: The routine file as parsed; it is not changed.
        po_text: The translation file's text.
        po_path: The translation file, for the problems.
        routine_path: The routine file, for the problems about its texts.
        lines: The routine file's lines, to name where an untranslated text is.
    """
    entries, problems = read_po(po_text, po_path)
    by_context: dict[str, PoEntry] = {}
    for entry in entries:
        if entry.context is None:
            continue  # the header
        if entry.context in by_context:
            problems.append(
                Problem(
                    po_path,
                    entry.line,
                    _('msgctxt "{place}" is already translated above; keep one entry').format(
                        place=entry.context
                    ),
                )
            )
            continue
        by_context[entry.context] = entry
    result = copy.deepcopy(dict(data))
    places = routine_texts(data)
    count = 0
    for place in places:
        found = by_context.get(place.context)
        problem = _problem(place, found, po_path, routine_path, lines)
        if problem is not None or found is None:
            problems.extend([problem] if problem is not None else [])
            continue
        _put(result, place.key, found.msgstr.strip())
        count += 1
    known = {place.context for place in places}
    for context, unused in by_context.items():
        if context not in known:
            problems.append(
                Problem(
                    po_path,
                    unused.line,
                    _(
                        'the routine has no text at "{place}"; remove this entry, or correct '
                        "its msgctxt to the text's place"
                    ).format(place=context),
                )
            )
    return Translated(result, count, tuple(problems))


def _problem(
    place: TextPlace,
    entry: PoEntry | None,
    po_path: Path,
    routine_path: Path | str,
    lines: LineIndex,
) -> Problem | None:
    if entry is None or not entry.msgstr.strip():
        return Problem(
            routine_path,
            lines.line_of(place.key),
            _(
                '"{place}" has no translation in {file}; add msgctxt "{place}", msgid (this '
                "text) and msgstr (its translation) to it"
            ).format(place=place.context, file=po_path.name),
        )
    if entry.msgid.strip() != place.english:
        return Problem(
            po_path,
            entry.line,
            _(
                'the English of "{place}" has changed since it was translated; translate the '
                'new English "{english}" and make it the msgid'
            ).format(place=place.context, english=place.english),
        )
    if entry.fuzzy:
        return Problem(
            po_path,
            entry.line,
            _('the translation of "{place}" is marked fuzzy; check it and remove the flag').format(
                place=place.context
            ),
        )
    if _numbers(entry.msgstr) != _numbers(place.english):
        return Problem(
            po_path,
            entry.line,
            _(
                'the translation of "{place}" has other numbers than the English; a '
                "translation keeps the routine's numbers, written as digits as in the English"
            ).format(place=place.context),
        )
    return None


def _put(data: dict[str, Any], key: PathKey, value: str) -> None:
    target: Any = data
    for part in key[:-1]:
        target = target[part]
    target[key[-1]] = value
