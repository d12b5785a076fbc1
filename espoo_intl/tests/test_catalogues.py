"""The committed translation catalogues are complete and compiled.

Reads locale/<lang>/LC_MESSAGES/django.po as committed (nothing is regenerated): every entry
of fi, sv and en has a translation and none is fuzzy, and django.mo holds exactly what the
.po says (a .po edited without `compilemessages` fails here).
"""

import ast
import gettext
from pathlib import Path

import pytest
from django.conf import settings

__all__ = ["read_po"]

LANGUAGES = ("fi", "sv", "en")


def _locale_dir():
    return Path(settings.BASE_DIR) / "locale"


def _unquote(text):
    return ast.literal_eval(text)


def read_po(path):
    """Entries of a .po file as dicts: msgctxt, msgid, msgid_plural, msgstr (list), fuzzy.

    Obsolete (#~) entries and the header are skipped. A small parser on purpose: the test
    needs no third-party library.
    """
    entries = []
    current = None
    key = None

    def finish():
        if current and current.get("msgid"):
            entries.append(current)

    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#~"):
            continue
        if not line:
            finish()
            current, key = None, None
            continue
        if current is None:
            current = {
                "msgctxt": None,
                "msgid": "",
                "msgid_plural": None,
                "msgstr": {},
                "fuzzy": False,
            }
        if line.startswith("#,"):
            current["fuzzy"] = current["fuzzy"] or "fuzzy" in line
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            value = _unquote(line)
            if isinstance(key, int):
                current["msgstr"][key] += value
            else:
                current[key] = (current[key] or "") + value
            continue
        word, _, rest = line.partition(" ")
        if word.startswith("msgstr["):
            key = int(word[len("msgstr[") : -1])
            current["msgstr"][key] = _unquote(rest)
        elif word == "msgstr":
            key = 0
            current["msgstr"][0] = _unquote(rest)
        else:
            key = word
            current[key] = _unquote(rest)
    finish()
    for entry in entries:
        entry["msgstr"] = [entry["msgstr"][i] for i in sorted(entry["msgstr"])]
    return entries


def _label(entry):
    context = f" [{entry['msgctxt']}]" if entry["msgctxt"] else ""
    return f"{entry['msgid']!r}{context}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(language):
    entries = read_po(_locale_dir() / language / "LC_MESSAGES" / "django.po")
    assert len(entries) > 100
    untranslated = [_label(e) for e in entries if not all(e["msgstr"])]
    fuzzy = [_label(e) for e in entries if e["fuzzy"]]
    assert not untranslated, f"{language}: {len(untranslated)} untranslated: " + "; ".join(
        untranslated
    )
    assert not fuzzy, f"{language}: {len(fuzzy)} fuzzy: " + "; ".join(fuzzy)


def test_english_catalogue_repeats_the_source():
    entries = read_po(_locale_dir() / "en" / "LC_MESSAGES" / "django.po")
    different = [_label(e) for e in entries if e["msgstr"][0] != e["msgid"]]
    assert not different, "en msgstr differs from msgid: " + "; ".join(different)


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(language):
    folder = _locale_dir() / language / "LC_MESSAGES"
    with open(folder / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    stale = []
    for entry in read_po(folder / "django.po"):
        msgid = (
            entry["msgid"]
            if entry["msgctxt"] is None
            else f"{entry['msgctxt']}\x04{entry['msgid']}"
        )
        if entry["msgid_plural"] is None:
            if compiled.get(msgid) != entry["msgstr"][0]:
                stale.append(_label(entry))
        elif [compiled.get((msgid, i)) for i in range(len(entry["msgstr"]))] != entry["msgstr"]:
            stale.append(_label(entry))
    assert not stale, (
        f"{language}: django.mo is out of date (run compilemessages) for: " + "; ".join(stale)
    )


def test_the_parser_sees_fuzzy_and_empty_entries(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: fi\\n"\n\n'
        '#, fuzzy\nmsgid "Save"\nmsgstr "Tallenna"\n\n'
        'msgid ""\n"Long "\n"text"\nmsgstr ""\n\n'
        'msgctxt "ctx"\nmsgid "one"\nmsgid_plural "many"\nmsgstr[0] "yksi"\nmsgstr[1] ""\n\n'
        '#~ msgid "old"\n#~ msgstr ""\n',
        encoding="utf-8",
    )
    entries = read_po(po)
    assert [(e["msgid"], e["fuzzy"], e["msgstr"]) for e in entries] == [
        ("Save", True, ["Tallenna"]),
        ("Long text", False, [""]),
        ("one", False, ["yksi", ""]),
    ]
    assert entries[2]["msgctxt"] == "ctx"
