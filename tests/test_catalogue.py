"""The translation sources: every sentence of the program is in every locale/*.po, translated.

The program's sentences are extracted with Babel exactly as tools/catalogue does (the mapping
of locale/babel.cfg, the keywords ``_``, ``N_``, ``ngettext`` and, with their context,
``pgettext`` and ``npgettext``), so a sentence added to the code and not to a catalogue fails
here, before anyone sees English in a Spanish window. A word with a context is its own entry:
"Start" on a button and "Start" under a figure are translated apart.
"""

from __future__ import annotations

import gettext
import io
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "locale"
DOMAIN = "exercise_timer"
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}
"""The keywords of tools/catalogue (``-k _ -k N_ -k ngettext:1,2 -k pgettext:1c,2
-k npgettext:1c,2,3``, which Babel's own keywords already are for the last two)."""

PO_FILES = sorted(LOCALE.glob("*.po"))
PERCENT_FIELD = re.compile(r"%\(\w+\)[sdfr]")
"""argparse's ``%(default)s`` in a help text."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of the program: its msgid (a pair for ngettext), where it is, its context."""

    msgid: str | tuple[str, str]
    where: str
    context: str | None = None

    @property
    def key(self) -> str:
        """What a catalogue is indexed by: the singular."""
        return self.msgid[0] if isinstance(self.msgid, tuple) else self.msgid


def extract_sentences(root: Path) -> list[Sentence]:
    """Every sentence the program translates, with Babel's extractor and locale/babel.cfg."""
    with (root / "locale" / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = []
    for filename, line, message, _comments, context in extract_from_dir(
        root, method_map, options_map, keywords=KEYWORDS
    ):
        parts = message if isinstance(message, tuple) else (message,)
        if not all(parts):
            continue  # a call with a variable, not a literal: nothing to translate
        msgid = (parts[0], parts[1]) if len(parts) == 2 else parts[0]
        found.append(Sentence(msgid, f"{filename}:{line}", context))
    return found


def read_catalogue(po: Path) -> Catalog:
    """A .po file as Babel reads it."""
    with po.open("rb") as handle:
        return read_po(handle, locale=po.stem, domain=DOMAIN)


def entries(catalogue: Catalog) -> Iterator[Message]:
    """Every message of a catalogue but its header."""
    return (message for message in catalogue if message.id)


def translated(message: Message) -> bool:
    """Whether every form of a message has a translation that is not marked fuzzy."""
    forms = message.string if isinstance(message.id, tuple) else (message.string,)
    return not message.fuzzy and all(forms)


def fields(text: str) -> set[str]:
    """The placeholders of a text: ``{name}``, ``{low:g}``, ``{text!r}``, ``%(default)s``."""
    found = set(PERCENT_FIELD.findall(text))
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            converted = f"!{conversion}" if conversion else ""
            formatted = f":{spec}" if spec else ""
            found.add(f"{{{name}{converted}{formatted}}}")
    return found


def placeholder_problems(message: Message) -> list[str]:
    """How a translation's placeholders differ from its msgid's; empty when they agree.

    A plural form may leave out only what the English singular leaves out too ("after every
    completed session" has no {every}), and may add nothing the English forms do not have.
    """
    if isinstance(message.id, tuple):
        one, many = fields(message.id[0]), fields(message.id[1])
        needed, allowed = one & many, one | many
        forms = list(message.string)
    else:
        needed = allowed = fields(message.id)
        forms = [message.string]
    problems = []
    for number, form in enumerate(forms):
        if not form:
            continue  # untranslated: said by the test of translations
        try:
            have = fields(form)
        except ValueError as error:  # a lone { or }: str.format would fail when it is shown
            problems.append(f"{message.id!r} form {number}: {error}")
            continue
        if not needed <= have <= allowed:
            problems.append(
                f"{message.id!r} form {number}: missing {sorted(needed - have)}, "
                f"unknown {sorted(have - allowed)}"
            )
    return problems


def plural_form_numbers(po: Path) -> list[tuple[str, list[int]]]:
    """Each plural entry's msgid and the msgstr[N] numbers written in the file for it."""
    blocks = po.read_text(encoding="utf-8").split("\n\n")
    found = []
    for block in blocks:
        if "\nmsgid_plural " not in block:
            continue
        msgid = re.search(r'^msgid "(.*)"$', block, re.MULTILINE)
        numbers = [int(n) for n in re.findall(r"^msgstr\[(\d+)\] ", block, re.MULTILINE)]
        found.append((msgid.group(1) if msgid else block, numbers))
    return found


def missing_from(catalogue: Catalog, sentences: list[Sentence]) -> list[str]:
    """The sentences a catalogue has no entry for (a plural must have the same pair), located.

    A sentence with a context needs the entry of that context.
    """
    missing = []
    for sentence in sentences:
        message = catalogue.get(sentence.key, context=sentence.context)
        if message is None or message.id != sentence.msgid:
            where = f" (context {sentence.context!r})" if sentence.context else ""
            missing.append(f"{sentence.where}: {sentence.msgid!r}{where}")
    return missing


@pytest.fixture(scope="module")
def sentences() -> list[Sentence]:
    """The program's sentences, extracted once for the module."""
    return extract_sentences(ROOT)


def test_the_spanish_catalogue_is_there() -> None:
    assert "es" in [po.stem for po in PO_FILES]


def test_extraction_finds_the_program_sentences(sentences: list[Sentence]) -> None:
    keys = {sentence.key for sentence in sentences}
    assert "Relax." in keys  # a _() of core/cue_forms.py
    assert "numbness" in keys  # an N_() constant of cli/kiosk.py
    contexts = {(sentence.context, sentence.key) for sentence in sentences}
    assert {("button", "Start"), ("figure panel", "Start")} <= contexts
    assert {("session outcome", "completed"), ("sessions counted", "completed")} <= contexts
    assert ("Hold for {seconds} second.", "Hold for {seconds} seconds.") in {
        sentence.msgid for sentence in sentences
    }


@pytest.mark.parametrize("po", PO_FILES, ids=lambda po: po.stem)
def test_every_sentence_of_the_program_is_in_the_catalogue(
    po: Path, sentences: list[Sentence]
) -> None:
    missing = missing_from(read_catalogue(po), sentences)
    assert not missing, f"not in {po.name} (run bash tools/catalogue, then translate):\n" + (
        "\n".join(missing)
    )


@pytest.mark.parametrize("po", PO_FILES, ids=lambda po: po.stem)
def test_every_entry_is_translated_and_none_is_fuzzy(po: Path) -> None:
    catalogue = read_catalogue(po)
    untranslated = [repr(message.id) for message in entries(catalogue) if not translated(message)]
    assert not catalogue.fuzzy, f"{po.name}: the header is marked fuzzy"
    assert not untranslated, f"{po.name}: untranslated or fuzzy:\n" + "\n".join(untranslated)


@pytest.mark.parametrize("po", PO_FILES, ids=lambda po: po.stem)
def test_every_translation_keeps_the_placeholders_of_its_msgid(po: Path) -> None:
    problems = [
        problem
        for message in entries(read_catalogue(po))
        for problem in placeholder_problems(message)
    ]
    assert not problems, f"{po.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("po", PO_FILES, ids=lambda po: po.stem)
def test_every_plural_entry_has_the_forms_its_header_asks_for(po: Path) -> None:
    wanted = list(range(read_catalogue(po).num_plurals))
    plurals = plural_form_numbers(po)
    wrong = [f"{msgid!r}: msgstr{numbers}" for msgid, numbers in plurals if numbers != wanted]
    assert plurals, f"{po.name} has no plural entries: the program has ngettext sentences"
    assert not wrong, f"{po.name} wants msgstr{wanted}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("po", PO_FILES, ids=lambda po: po.stem)
def test_the_catalogue_compiles_and_gettext_reads_it_back(po: Path) -> None:
    catalogue = read_catalogue(po)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=False)
    compiled.seek(0)
    translation = gettext.GNUTranslations(compiled)
    wrong = []
    for message in filter(translated, entries(catalogue)):
        context = message.context
        if isinstance(message.id, tuple):
            for count in (1, 2, 5, 1_000_000):
                got = (
                    translation.ngettext(message.id[0], message.id[1], count)
                    if context is None
                    else translation.npgettext(context, message.id[0], message.id[1], count)
                )
                if got != message.string[translation.plural(count)]:
                    wrong.append(f"{message.id!r} for {count}: {got!r}")
        else:
            got = (
                translation.gettext(message.id)
                if context is None
                else translation.pgettext(context, message.id)
            )
            if got != message.string:
                wrong.append(f"{message.id!r} (context {context!r}): {got!r}")
    assert translation.info()["language"] == po.stem
    assert not wrong, f"{po.name} read back differently:\n" + "\n".join(wrong)


def test_a_sentence_missing_from_the_catalogue_is_found(tmp_path: Path) -> None:
    (tmp_path / "exercise_timer").mkdir()
    (tmp_path / "locale").mkdir()
    (tmp_path / "locale" / "babel.cfg").write_text((LOCALE / "babel.cfg").read_text())
    (tmp_path / "exercise_timer" / "page.py").write_text(
        'from exercise_timer.core.i18n import N_, _, ngettext, pgettext\nHINT = N_("Breathe")\n'
        'def show(n):\n    return _("Rest now."), ngettext("{n} day", "{n} days", n)\n'
        'def button():\n    return pgettext("button", "Breathe"), pgettext("figure", "Go")\n'
    )
    sentences = extract_sentences(tmp_path)
    catalogue = Catalog(locale="es", domain=DOMAIN)
    catalogue.add("Breathe", "Respire")
    catalogue.add("Go", "Vaya")
    catalogue.add("Go", "Vamos", context="button")
    catalogue.add("Breathe", "Respirar", context="button")
    catalogue.add(("{n} day", "{n} dayz"), ("{n} día", "{n} días", "{n} días"))
    assert {(sentence.context, sentence.msgid) for sentence in sentences} == {
        (None, "Breathe"),
        (None, "Rest now."),
        (None, ("{n} day", "{n} days")),
        ("button", "Breathe"),
        ("figure", "Go"),
    }
    assert missing_from(catalogue, sentences) == [
        "exercise_timer/page.py:4: 'Rest now.'",
        "exercise_timer/page.py:4: ('{n} day', '{n} days')",
        "exercise_timer/page.py:6: 'Go' (context 'figure')",
    ]


def test_placeholders_that_differ_are_reported() -> None:
    kept = Message("Hold for {seconds:g} s", "Mantenga {seconds:g} s")
    lost = Message("Hold for {seconds:g} s", "Mantenga {segundos:g} s")
    spec = Message("between {low:g} and {high:g}", "entre {low} y {high:g}")
    argparse = Message("default: %(default)s", "por defecto")
    brace = Message("Hold {seconds} s", "Mantenga {seconds s")
    assert placeholder_problems(kept) == []
    assert len(placeholder_problems(lost)) == 1
    assert len(placeholder_problems(spec)) == 1
    assert len(placeholder_problems(argparse)) == 1
    assert len(placeholder_problems(brace)) == 1


def test_a_plural_form_may_leave_out_only_what_the_english_singular_leaves_out() -> None:
    msgid = ("after every session", "after every {every} sessions")
    fine = Message(msgid, ("tras cada sesión", "tras cada {every} sesiones", "cada {every}"))
    count_lost = Message(("{count} day", "{count} days"), ("{count} día", "días", "{count} días"))
    invented = Message(msgid, ("tras {every} sesión", "tras {every} {x}", "tras {every}"))
    assert placeholder_problems(fine) == []
    assert len(placeholder_problems(count_lost)) == 1
    assert len(placeholder_problems(invented)) == 1
