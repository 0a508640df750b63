"""TOML text of a document, for the files the program writes (settings, values, the lock).

``tomli_w`` is imported on the first write, not when these modules are: a start only reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def toml_text(document: Mapping[str, Any]) -> str:
    """``document`` as TOML text."""
    import tomli_w

    return tomli_w.dumps(document)
