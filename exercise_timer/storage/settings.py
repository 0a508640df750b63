"""The person's own settings (voice, counting, "wait for me"), in one TOML file.

The fields are declared once in ``SETTINGS_FIELDS``; defaults, validation and the settings
dialog all come from there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from exercise_timer.core import limits
from exercise_timer.core.countdown import Countdown
from exercise_timer.core.i18n import N_, _, available_languages
from exercise_timer.core.problems import InputError
from exercise_timer.core.toml_reader import read_toml_file
from exercise_timer.storage.atomic import keep_aside, write_text_atomic
from exercise_timer.storage.schema import Field, FieldKind, defaults, shown_value, validate
from exercise_timer.storage.toml_text import toml_text

SETTINGS_FORMAT_VERSION = 1

TEXT_SIZES = ("100", "125", "150", "200")
"""The text sizes offered, in per cent of the standard type."""
TEXT_SIZE_LABELS = (N_("100 %"), N_("125 %"), N_("150 %"), N_("200 %"))

STANDARD_THEME = "standard"
HIGH_CONTRAST_THEME = "high-contrast"

LANGUAGE_NAMES = {"en": "English", "es": "Español"}
"""Each language by its own name, so a person finds theirs whatever language is shown."""


def _language_choices() -> tuple[tuple[str, str], ...]:
    return (
        ("", N_("The system's language")),
        *((code, LANGUAGE_NAMES.get(code, code)) for code in available_languages()),
    )


SETTINGS_FIELDS: tuple[Field, ...] = (
    Field(
        "voice",
        N_("Voice"),
        FieldKind.TEXT,
        "",
        help=N_("The voice id from `exercise-timer voices`; empty for the system's default"),
    ),
    Field(
        "rate",
        N_("Speaking rate (words per minute)"),
        FieldKind.INT,
        160,
        low=limits.SPEAKING_RATE.low,
        high=limits.SPEAKING_RATE.high,
    ),
    Field(
        "volume",
        N_("Volume"),
        FieldKind.FLOAT,
        1.0,
        low=limits.VOLUME.low,
        high=limits.VOLUME.high,
    ),
    Field("mute", N_("Mute the voice (captions only)"), FieldKind.BOOL, False),
    Field(
        "counting",
        N_("Count down a hold"),
        FieldKind.CHOICE,
        Countdown.LAST_THREE.value,
        choices=(
            (Countdown.EVERY.value, N_("Every second")),
            (Countdown.LAST_THREE.value, N_("The last three seconds")),
            (Countdown.NONE.value, N_("Not at all")),
        ),
    ),
    Field("wait_for_me", N_("Wait for me before each exercise"), FieldKind.BOOL, False),
    Field(
        "reduce_motion",
        N_("Reduce motion (still pictures instead of moving figures)"),
        FieldKind.BOOL,
        False,
        help=N_("For anyone whom movement on screen makes dizzy or bothers"),
    ),
    Field(
        "text_size",
        N_("Text size"),
        FieldKind.CHOICE,
        TEXT_SIZES[0],
        choices=tuple(zip(TEXT_SIZES, TEXT_SIZE_LABELS, strict=True)),
        help=N_("Makes every text of the window larger"),
    ),
    Field(
        "theme",
        N_("Colours"),
        FieldKind.CHOICE,
        STANDARD_THEME,
        choices=(
            (STANDARD_THEME, N_("Standard")),
            (HIGH_CONTRAST_THEME, N_("High contrast (black, white and yellow)")),
        ),
    ),
    Field(
        "language",
        N_("Language"),
        FieldKind.CHOICE,
        "",
        choices_now=_language_choices,
        help=N_("The language of the program's text; the system's language by default"),
    ),
)


@dataclass(frozen=True)
class Settings:
    """Validated settings; read values with ``settings["rate"]`` or the typed helpers."""

    values: Mapping[str, object]

    @classmethod
    def default(cls) -> Settings:
        """The settings of a new installation."""
        return cls(defaults(SETTINGS_FIELDS))

    def __getitem__(self, key: str) -> object:
        return self.values[key]

    def replace(self, **changes: object) -> Settings:
        """A copy with some values changed (validated like a file)."""
        values, problems = validate(SETTINGS_FIELDS, {**self.values, **changes})
        if problems:
            raise ValueError("; ".join(problems))
        return Settings(values)

    @property
    def countdown(self) -> Countdown:
        """How a hold is counted down."""
        return Countdown(str(self.values["counting"]))

    @property
    def language(self) -> str | None:
        """The language code chosen, or None for the system's language."""
        return str(self.values["language"]) or None

    @property
    def wait_for_me(self) -> bool:
        """Whether each exercise waits for the person."""
        return bool(self.values["wait_for_me"])

    @property
    def text_scale(self) -> float:
        """How much larger than standard every text is drawn (1.0 to 2.0)."""
        return int(str(self.values["text_size"])) / 100

    @property
    def high_contrast(self) -> bool:
        """Whether the window is drawn in black, white and yellow with strong focus frames."""
        return self.values["theme"] == HIGH_CONTRAST_THEME

    @property
    def reduce_motion(self) -> bool:
        """Whether figures are shown as still pictures, never animated."""
        return bool(self.values["reduce_motion"])


@dataclass(frozen=True)
class LoadedSettings:
    """Settings as read, and a plain message when the file could not be used."""

    settings: Settings
    problem: str | None = None


def load_settings(path: Path, now: Callable[[], datetime] = datetime.now) -> LoadedSettings:
    """Reads the settings; a file that cannot be used is kept aside and the defaults are used."""
    if not path.exists():
        return LoadedSettings(Settings.default())
    try:
        data = read_toml_file(path, _("settings file"))
        version = data.pop("format_version", None)
        values, problems = validate(SETTINGS_FIELDS, data)
        if version != SETTINGS_FORMAT_VERSION:
            problems.insert(
                0,
                _("format_version is {value}, expected {known}").format(
                    value=shown_value(version), known=SETTINGS_FORMAT_VERSION
                ),
            )
    except InputError as error:
        values, problems = defaults(SETTINGS_FIELDS), [str(error.problems[0])]
    if not problems:
        return LoadedSettings(Settings(values))
    try:
        kept = keep_aside(path, now())
    except OSError:
        kept = path
    return LoadedSettings(
        Settings.default(),
        _(
            "Your settings file could not be used ({reason}). It was kept as {kept} and the "
            "default settings are in use."
        ).format(reason=problems[0], kept=kept),
    )


def save_settings(path: Path, settings: Settings) -> None:
    """Writes the settings atomically (never half a file)."""
    document = {"format_version": SETTINGS_FORMAT_VERSION, **settings.values}
    write_text_atomic(path, toml_text(document))


def chosen_language(path: Path) -> str | None:
    """The language chosen in the settings file, read before anything else is loaded.

    None for the system's language, and for a file that cannot be used: it is left where it
    is, for ``load_settings`` to keep aside and say so in the window.
    """
    try:
        data = read_toml_file(path, _("settings file"))
    except (InputError, OSError):
        return None
    language = data.get("language")
    field = next(f for f in SETTINGS_FIELDS if f.key == "language")
    return language if isinstance(language, str) and field.check(language) is None else None
