"""Finds the bundled routines/ and assets/ folders, whatever kind of install this is.

An installed wheel carries them inside the package (``exercise_timer/_bundled/``, see
pyproject.toml); a checkout or an editable install has them at the top of the repository.
Everything else asks this module, so no other code knows the difference. The translation
catalogues live inside the package in every install; ``core.i18n`` finds them itself (the core
imports nothing outside it) and ``locale_dir`` here is the same folder.
"""

from __future__ import annotations

from pathlib import Path

from exercise_timer.core.i18n import locale_dir

__all__ = ["asset", "assets_dir", "locale_dir", "routines_dir"]

_PACKAGE_ROOT = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # What importlib.resources.files() finds for a package on disk, without its import
    # (~3 ms of the window's start); a zipped package could not be used as a Path anyway.
    packaged = _PACKAGE_ROOT / "_bundled" / name
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE_ROOT.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"the bundled {name}/ folder is missing from this installation")


def routines_dir() -> Path:
    """The folder of bundled routine files."""
    return _bundled("routines")


def assets_dir() -> Path:
    """The folder of bundled assets (pictograms, icon, sounds)."""
    return _bundled("assets")


def asset(*parts: str) -> Path:
    """One bundled asset file."""
    return assets_dir().joinpath(*parts)
