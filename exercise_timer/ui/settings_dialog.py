"""The settings dialog, built field by field from the declarative schema.

Its type follows the person's text size, and it scrolls rather than grow past a 1024x600
screen. The volume is shown in per cent (the file keeps 0 to 1); the voices offered are those
that speak the language in use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from exercise_timer.core.i18n import N_, _, current_language
from exercise_timer.storage.schema import Field, FieldKind
from exercise_timer.storage.settings import SETTINGS_FIELDS, Settings
from exercise_timer.ui.limit_fields import (
    LIMITED_FIELDS,
    LimitedDoubleSpinBox,
    LimitedSpinBox,
    out_of_limits,
)
from exercise_timer.ui.scaling import scale_dialog
from exercise_timer.ui.screen_fit import available_area
from exercise_timer.ui.voice_list import voices_for_language

TEST_SENTENCE = N_("Hold for 5 seconds. 3, 2, 1. Relax.")
"""Translated when it is spoken."""

PER_CENT = ("volume",)
"""Fields kept as 0 to 1 in the file and shown as 0 to 100 %."""


class SettingsDialog(QDialog):
    """Edits every settings field; ``Test voice`` speaks a sample with the values shown."""

    def __init__(
        self,
        parent: QWidget,
        settings: Settings,
        *,
        voices: Sequence[tuple[str, str]] = (),
        test_voice: Callable[[Settings], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings-dialog")
        self.setWindowTitle(_("Settings"))
        self._settings = settings
        self._test_voice = test_voice
        self.editors: dict[str, QWidget] = {}
        scale_dialog(self, settings.text_scale)
        voices = voices_for_language(voices, current_language(), str(settings["voice"]))
        layout = QVBoxLayout(self)
        inside = QWidget(self)
        form = QFormLayout(inside)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for field in SETTINGS_FIELDS:
            editor = self._editor(field, settings[field.key], voices)
            editor.setObjectName(f"setting-{field.key}")
            editor.setAccessibleName(field.shown_label())
            if field.help:
                editor.setToolTip(field.shown_help())
            self.editors[field.key] = editor
            form.addRow(field.shown_label() if field.kind is not FieldKind.BOOL else "", editor)
            if isinstance(editor, LIMITED_FIELDS):  # says the limits when out of them
                form.addRow(editor.note)
        self.fields_area = QScrollArea(self)
        self.fields_area.setWidgetResizable(True)
        self.fields_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields
        self.fields_area.setWidget(inside)
        layout.addWidget(self.fields_area, 1)
        self.test_button = QPushButton(_("Test voice"), self)
        self.test_button.setAccessibleName(_("Test the voice with these settings"))
        self.test_button.clicked.connect(self._test)
        self.test_button.setEnabled(test_voice is not None)
        layout.addWidget(self.test_button)
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        self._save = buttons.button(QDialogButtonBox.StandardButton.Save)
        for editor in self.editors.values():
            if isinstance(editor, LIMITED_FIELDS):
                editor.valueChanged.connect(self._check_limits)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fit(inside)

    def _fit(self, inside: QWidget) -> None:
        """As large as its fields want, within the window's screen (then it scrolls)."""
        area = available_area(self.parentWidget() or self)
        below = self.test_button.sizeHint().height() + self.buttons.sizeHint().height()
        fields = inside.sizeHint()
        wanted = QSize(fields.width() + 60, fields.height() + below + 70)
        self.resize(wanted.boundedTo(area.size() * 0.95))

    def _editor(self, field: Field, value: object, voices: Sequence[tuple[str, str]]) -> QWidget:
        if field.kind is FieldKind.BOOL:
            box = QCheckBox(field.shown_label(), self)
            box.setChecked(bool(value))
            return box
        if field.key in PER_CENT:
            percent = LimitedSpinBox(self)
            percent.setRange(round(100 * (field.low or 0)), round(100 * (field.high or 0)))
            percent.setSuffix(" %")
            percent.setSingleStep(5)
            percent.setValue(round(100 * float(str(value))))
            return percent
        if field.kind is FieldKind.INT:
            spin = LimitedSpinBox(self)
            spin.setRange(int(field.low or 0), int(field.high or 0))
            spin.setValue(int(str(value)))
            return spin
        if field.kind is FieldKind.FLOAT:
            real = LimitedDoubleSpinBox(self)
            real.setRange(field.low or 0.0, field.high or 0.0)
            real.setSingleStep(0.1)
            real.setDecimals(2)
            real.setValue(float(str(value)))
            return real
        if field.kind is FieldKind.CHOICE or (field.key == "voice" and voices):
            combo = QComboBox(self)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(24)
            options = field.shown_choices() or ((("", _("System default")), *tuple(voices)))
            for choice, label in options:
                combo.addItem(label, choice)
            index = combo.findData(value)
            if index < 0 and field.key == "voice":
                combo.addItem(str(value), value)
                index = combo.count() - 1
            combo.setCurrentIndex(max(index, 0))
            return combo
        line = QLineEdit(str(value), self)
        return line

    def values(self) -> Settings:
        """The settings as the dialog shows them now."""
        changes: dict[str, object] = {}
        for field in SETTINGS_FIELDS:
            editor = self.editors[field.key]
            if isinstance(editor, QCheckBox):
                changes[field.key] = editor.isChecked()
            elif field.key in PER_CENT and isinstance(editor, QSpinBox):
                changes[field.key] = editor.value() / 100
            elif isinstance(editor, QSpinBox | QDoubleSpinBox):
                changes[field.key] = editor.value()
            elif isinstance(editor, QComboBox):
                changes[field.key] = editor.currentData()
            elif isinstance(editor, QLineEdit):
                changes[field.key] = editor.text().strip()
        return self._settings.replace(**changes)

    def _test(self) -> None:
        if self._test_voice is not None:
            self._test_voice(self.values())

    def _check_limits(self) -> None:
        self._save.setEnabled(not out_of_limits(self.editors.values()))

    def accept(self) -> None:
        """Saves, unless a number is out of its limits (the message beside it says them)."""
        wrong = out_of_limits(self.editors.values())
        if wrong:
            wrong[0].setFocus()
            return
        super().accept()
