"""The contact sheet of a routine's figures: one HTML page showing every exercise's still.

``exercise-timer figures ROUTINE --out DIR`` writes it as ``index.html`` beside the PNG files
(``png_name``), so a physiotherapist can look over every pose against the document's words:
each exercise's number, name and version, its still with each panel named (the start, then
each stage), the starting position and the steps. The page needs nothing but the PNG files.
"""

from __future__ import annotations

import html

from exercise_timer.core.figures.book import FigureBook
from exercise_timer.core.i18n import _, ngettext, pgettext
from exercise_timer.core.model import Exercise, Routine, Sides, Stage, Variant

STYLE = """
body { font-family: system-ui, sans-serif; color: #1f2a44; max-width: 1180px; margin: 0 auto;
       padding: 16px 24px; line-height: 1.4; }
header { border-bottom: 2px solid #3d6a99; margin-bottom: 12px; }
h1 { margin: 0 0 4px; }
.about { margin: 4px 0 10px; color: #44506a; }
.key { display: inline-block; width: 1em; height: 1em; background: #e07a1f;
       vertical-align: -2px; border-radius: 3px; }
section { border-bottom: 1px solid #ccd3dd; padding: 14px 0; break-inside: avoid; }
h2 { margin: 0 0 6px; font-size: 1.3em; }
h2 .number { color: #3d6a99; }
.version { font-weight: normal; color: #44506a; }
table.still { border-collapse: collapse; max-width: 100%; }
table.still td { padding: 0; }
table.still img { max-width: 100%; height: auto; display: block; border: 1px solid #e3e7ed; }
.panels td { text-align: center; font-size: 0.95em; color: #44506a; padding-top: 2px; }
.side { font-style: italic; color: #44506a; margin: 6px 0 0; }
.start { margin: 8px 0 4px; }
ol { margin: 4px 0 0; padding-left: 1.6em; }
@media print { body { max-width: none; } section { page-break-inside: avoid; } }
"""


def png_name(exercise: str, variant: str | None) -> str:
    """The file name of an exercise's still."""
    return f"{exercise}.png" if variant is None else f"{exercise}--{variant}.png"


def shown_versions(exercise: Exercise) -> tuple[Variant | None, ...]:
    """The versions the sheet shows: each variant, or the exercise itself when it has none."""
    return tuple(exercise.variants) or (None,)


def _stages(exercise: Exercise, variant: Variant | None) -> tuple[Stage, ...]:
    return variant.stages if variant is not None and variant.stages else exercise.stages


def _panel_names(exercise: Exercise, variant: Variant | None, panels: int) -> list[str]:
    names = [pgettext("figure panel", "Start")] + [
        stage.name for stage in _stages(exercise, variant)
    ]
    return (names + [""] * panels)[:panels]


def _still(source: str, alt: str, names: list[str], arrow_share: float) -> str:
    """The still with each panel's name under it, as wide as the panel (arrows between).

    A table, not CSS layout, so mail readers and simple HTML viewers line the names up too.
    """
    e = html.escape
    count = len(names)
    whole = count + arrow_share * (count - 1)
    panel, arrow = 100 / whole, 100 * arrow_share / whole
    cells = []
    for index, name in enumerate(names):
        if index:
            cells.append(f'<td style="width:{arrow:.1f}%"></td>')
        cells.append(f'<td style="width:{panel:.1f}%">{e(name)}</td>')
    return (
        f'<table class="still" role="presentation"><tr><td colspan="{2 * count - 1}">'
        f'<img src="{e(source)}" alt="{e(alt)}"></td></tr>'
        f'<tr class="panels">{"".join(cells)}</tr></table>'
    )


def _side_note(exercise: Exercise, variant: Variant | None) -> str:
    sides = variant.sides if variant is not None and variant.sides else exercise.sides
    if sides is Sides.NONE:
        return ""
    return _("Drawn for the right side; the left side is its mirror image.")


def _section(
    number: int, exercise: Exercise, variant: Variant | None, book: FigureBook, arrow_share: float
) -> str:
    e = html.escape
    figure = book.find(exercise.id, variant.id if variant is not None else None)
    start = (variant.start if variant is not None else None) or exercise.start
    steps = (variant.steps if variant is not None else ()) or exercise.steps
    version = f' <span class="version">({e(variant.name)})</span>' if variant is not None else ""
    parts = [f'<h2><span class="number">{number}.</span> {e(exercise.name)}{version}</h2>']
    if figure is not None:
        names = _panel_names(exercise, variant, 1 + len(figure.stages))
        source = png_name(exercise.id, variant.id if variant is not None else None)
        alt = _("{name}: {panels}").format(name=exercise.name, panels=" → ".join(names))
        parts.append(_still(source, alt, names, arrow_share))
    side = _side_note(exercise, variant)
    if side:
        parts.append(f'<p class="side">{e(side)}</p>')
    parts.append(f'<p class="start"><b>{e(_("Starting position:"))}</b> {e(start)}</p>')
    parts.append("<ol>" + "".join(f"<li>{e(step)}</li>" for step in steps) + "</ol>")
    return "<section>" + "".join(parts) + "</section>"


def contact_sheet(routine: Routine, book: FigureBook, arrow_share: float) -> str:
    """The HTML page of every exercise's still, with its starting position and steps.

    Args:
        routine: The routine, for its words and order.
        book: Its figures.
        arrow_share: How wide a still's arrow is beside a panel, to name the panels under it.
    """
    e = html.escape
    sections = [
        _section(number, exercise, variant, book, arrow_share)
        for number, exercise in enumerate(routine.exercises, start=1)
        for variant in shown_versions(exercise)
    ]
    count = len(routine.exercises)
    about = ngettext(
        "{count} exercise, in the order of the routine. Each picture shows the starting "
        "position, then the position of each stage.",
        "{count} exercises, in the order of the routine. Each picture shows the starting "
        "position, then the position of each stage.",
        count,
    ).format(count=count)
    key = _("Orange: what is held, worked or stretched.")
    source = (
        _("From: {title}, {publisher}").format(
            title=routine.source.title, publisher=routine.source.publisher
        )
        if routine.source.publisher
        else _("From: {title}").format(title=routine.source.title)
    )
    heading = _("Figures: {routine}").format(routine=routine.title)
    return (
        f'<!DOCTYPE html>\n<html lang="{e(routine.language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(heading)}</title><style>{STYLE}</style></head><body>\n"
        f"<header><h1>{e(routine.title)}</h1>"
        f'<p class="about">{e(source)}</p><p class="about">{e(about)}</p>'
        f'<p class="about"><span class="key"></span> {e(key)}</p></header>\n'
        + "\n".join(sections)
        + "\n</body></html>\n"
    )
