"""The .po reader the program uses at run time (Babel is only there to build and test)."""

from __future__ import annotations

from exercise_timer.core.po_file import PoEntry, read_po

TEXT = r"""# A translator's comment
msgid ""
msgstr ""
"Language: es\n"

#. an extracted comment
#: somewhere.toml:3
msgctxt "exercises.a.steps.1"
msgid ""
"Say \"hold\" "
"and wait."
msgstr "Diga \"mantenga\"\ty espere.\\"

#, fuzzy, python-format
msgctxt "title"
msgid "Title"
msgstr "Título"
#~ msgctxt "old"
#~ msgid "Gone"
#~ msgstr "Ido"
msgid "one"
msgid_plural "many"
msgstr[0] "uno"
"""


def test_entries_keep_their_context_text_flags_and_line() -> None:
    entries, problems = read_po(TEXT, "x.po")
    assert problems == []
    assert entries == [
        PoEntry(None, "", "Language: es\n", 2),
        PoEntry("exercises.a.steps.1", 'Say "hold" and wait.', 'Diga "mantenga"\ty espere.\\', 9),
        PoEntry("title", "Title", "Título", 16, fuzzy=True),
    ]


def test_a_line_that_is_not_po_is_named() -> None:
    entries, problems = read_po('msgctxt "a"\nmsgid "A"\nmsgstr "B"\nnonsense here\n', "x.po")
    assert [(p.line, "msgctxt" in p.message) for p in problems] == [(4, True)]
    assert entries == [PoEntry("a", "A", "B", 2)]
    _, unquoted = read_po('msgid "A"\nmsgstr B\n', "y.po")
    assert [p.line for p in unquoted] == [2]
