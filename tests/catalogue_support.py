"""Catalogues for tests: a GNU .mo writer, and every message the program translates."""

from __future__ import annotations

import ast
import struct
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "exercise_timer"

HEADER = "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n"


def write_mo(path: Path, messages: dict[str, str]) -> None:
    """A GNU .mo file (the format msgfmt writes); plural msgids and msgstrs join forms by NUL."""
    entries = sorted({"": HEADER, **messages}.items())
    ids = [key.encode() for key, _value in entries]
    strs = [value.encode() for _key, value in entries]
    count = len(entries)
    table_start = 7 * 4
    data_start = table_start + count * 16
    offsets: list[tuple[int, int]] = []
    blob = b""
    for text in ids + strs:
        offsets.append((len(text), data_start + len(blob)))
        blob += text + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, table_start, table_start + count * 8, 0, 0)
    tables = b"".join(struct.pack("<2I", length, at) for length, at in offsets)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(header + tables + blob)


def program_messages(prefix: str) -> dict[str, str]:
    """Every literal message passed to ``_``, ``N_``, ``ngettext`` or ``(n)pgettext``, each
    translated as itself with ``prefix`` in front (placeholders kept)."""
    messages: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if node.func.id in ("_", "N_") and len(texts) == 1 and isinstance(texts[0], str):
                messages[texts[0]] = prefix + texts[0]
            elif node.func.id == "ngettext" and len(texts) >= 2:
                one, many = str(texts[0]), str(texts[1])
                messages[one + "\0" + many] = prefix + one + "\0" + prefix + many
            elif node.func.id == "pgettext" and len(texts) == 2:
                context, text = str(texts[0]), str(texts[1])
                messages[context + "\x04" + text] = prefix + text
            elif node.func.id == "npgettext" and len(texts) >= 3:
                context, one, many = str(texts[0]), str(texts[1]), str(texts[2])
                messages[f"{context}\x04{one}\0{many}"] = prefix + one + "\0" + prefix + many
    return messages
