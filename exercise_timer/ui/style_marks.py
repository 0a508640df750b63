"""Marks that the window's style sheet selects on, such as ``QLabel#caption[paused="true"]``."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def mark(widget: QWidget, name: str, on: bool) -> None:
    """Sets the mark ``name`` of ``widget`` and restyles it, only when the mark changes.

    Qt applies a style sheet's property selectors when a widget is polished, so a changed
    property needs the widget polished again.
    """
    if bool(widget.property(name)) == on:
        return
    widget.setProperty(name, on)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
