"""Qt enum values by name or number, so the first screen does without PySide6's ``Qt``.

The first use of ``PySide6.QtCore.Qt`` creates all of its Python enums at once (about 90 enums
with 1,200 members, 15-25 ms of start-up on Python 3.11). The widgets of the first screen set
the few values they need through Qt's property system, which takes an enum's key as text, or
pass the number where Qt takes a plain int; the pages shown later use ``Qt`` as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

TOOL_TIP_ROLE = 3
"""``Qt.ItemDataRole.ToolTipRole``: ``QComboBox.setItemData`` takes the role as an int."""

ALIGN_CENTER = 0x84
"""``Qt.AlignmentFlag.AlignCenter``: ``QPainter.drawText`` takes its flags as an int."""


def set_by_name(target: QObject, name: str, keys: str) -> None:
    """Sets the enum or flags property ``name`` of ``target`` to ``keys``, e.g. "AlignCenter".

    Flags combine with "|" ("AlignLeft|AlignBottom"), as in a Qt style sheet.

    Raises:
        ValueError: ``target`` has no such property, or the property has no such key.
    """
    if not target.setProperty(name, keys):
        raise ValueError(f"{type(target).__name__}.{name} cannot be set to {keys!r}")
