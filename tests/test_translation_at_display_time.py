"""Every sentence is translated when it is shown, counts go through ngettext."""

from __future__ import annotations

import ast
from pathlib import Path

from catalogue_support import PACKAGE, program_messages

TRANSLATORS = {"_", "ngettext"}


def translated_at_import(tree: ast.AST) -> list[int]:
    """Lines where ``_()`` or ``ngettext()`` runs when the module is imported.

    That is anywhere outside a function body, including default values of arguments.
    """
    found: list[int] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            for default in [*node.args.defaults, *node.args.kw_defaults]:
                if default is not None:
                    visit(default)
            return
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in TRANSLATORS
        ):
            found.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def test_nothing_is_translated_when_a_module_is_imported() -> None:
    found = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := translated_at_import(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert found == {}


def test_the_check_finds_a_translation_at_import(tmp_path: Path) -> None:
    module = "from x import _\nLABEL = _('Start')\ndef f(text=_('Stop')):\n    return _('ok')\n"
    assert translated_at_import(ast.parse(module)) == [2, 3]


def test_no_message_counts_with_a_bracketed_plural() -> None:
    glued = [message for message in program_messages("") if "(s)" in message]
    assert glued == []
