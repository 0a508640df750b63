"""The small dialogs of the values editor: the clinic's PIN, and the files to import or export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from exercise_timer.core.i18n import _

READ_ONLY = QFileDialog.Option.ReadOnly
"""No deleting, renaming or new folders from inside the file dialogs (the lock file is a file)."""


def ask_pin(parent: QWidget) -> str | None:
    """The PIN typed, or None when the person cancelled."""
    pin, ok = QInputDialog.getText(
        parent, _("Unlock"), _("The clinic's PIN:"), QLineEdit.EchoMode.Password
    )
    return pin if ok else None


def ask_import_file(parent: QWidget) -> Path | None:
    """The prescription file chosen, or None."""
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Import a prescription"),
        "",
        _("Prescriptions (*.toml)"),
        options=READ_ONLY,
    )
    return Path(name) if name else None


def ask_export(parent: QWidget, routine_id: str) -> tuple[Path, str, str] | None:
    """Where to write a prescription, the clinic's name and the patient's label; None to stop."""
    clinic, ok = QInputDialog.getText(parent, _("Export"), _("Clinic name:"))
    if not ok or not clinic.strip():
        return None
    patient, ok = QInputDialog.getText(parent, _("Export"), _("Patient label (optional):"))
    if not ok:
        return None
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        _("Export a prescription"),
        f"{routine_id}-prescription.toml",
        _("Prescriptions (*.toml)"),
        options=READ_ONLY,
    )
    return (Path(name), clinic.strip(), patient.strip()) if name else None
