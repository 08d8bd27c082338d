"""Every string a page can show is translated into each language the interface offers.

The catalogues in locale/ are read as they are committed (no untranslated or fuzzy entry, the
placeholders and markup of each translation match its English, the compiled .mo says what the
.po says), and once more after makemessages has gathered the code's present strings into a
copy of them, so a string added or changed in the code without its translations fails here.
"""

import gettext
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(settings.BASE_DIR)
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
# Folders that hold no interface strings of the project's own.
NOT_SOURCE = [".git", ".venv", "var", "node_modules", "staticfiles", "test-artifacts", "locale"]
KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?) (\".*\")$")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|</?[a-zA-Z][^>]*>")


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), body)


def read_catalogue(path: Path) -> list[dict]:
    """The live entries of a .po file: msgid, msgid_plural, msgstr forms and flags."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry: dict = {"flags": set(), "msgstr": {}}
        field = None
        obsolete = False
        for line in block.splitlines():
            if line.startswith("#~"):
                obsolete = True
            elif line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#") or not line.strip():
                continue
            else:
                match = KEYWORD.match(line)
                if match:
                    keyword, index, text = match.groups()
                    field = int(index or 0) if keyword.startswith("msgstr") else keyword
                    line = text
                target = entry["msgstr"] if isinstance(field, int) else entry
                target.setdefault(field, "")
                target[field] += _unquote(line)
        if not obsolete and entry.get("msgid"):
            entries.append(entry)
    return entries


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def _plural_count(path: Path) -> int:
    header = re.search(r"nplurals=(\d+)", path.read_text(encoding="utf-8"))
    return int(header.group(1))


def problems(path: Path) -> list[str]:
    found = []
    for entry in read_catalogue(path):
        msgid = entry["msgid"]
        if "fuzzy" in entry["flags"]:
            found.append(f"fuzzy: {msgid!r}")
        if not entry["msgstr"] or any(not text.strip() for text in entry["msgstr"].values()):
            found.append(f"untranslated: {msgid!r}")
            continue
        if "msgid_plural" in entry:
            if len(entry["msgstr"]) != _plural_count(path):
                found.append(f"wrong number of plural forms: {msgid!r}")
            wanted = set(_placeholders(entry["msgid_plural"]))
            for text in entry["msgstr"].values():
                if set(_placeholders(text)) != wanted:
                    found.append(f"placeholders differ: {msgid!r} -> {text!r}")
        elif _placeholders(entry["msgstr"][0]) != _placeholders(msgid):
            found.append(f"placeholders differ: {msgid!r} -> {entry['msgstr'][0]!r}")
    return found


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_committed_catalogue_is_whole_and_keeps_placeholders(code):
    assert problems(ROOT / "locale" / code / "LC_MESSAGES" / "django.po") == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_compiled_catalogue_says_what_its_source_says(code):
    folder = ROOT / "locale" / code / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    stale = []
    for entry in read_catalogue(folder / "django.po"):
        msgid = entry["msgid"]
        if "msgctxt" in entry:
            msgid = f"{entry['msgctxt']}\x04{msgid}"
        if "msgid_plural" in entry:
            for index, text in entry["msgstr"].items():
                count = next(n for n in [*range(200), 10**6] if catalogue.plural(n) == index)
                if catalogue.ngettext(msgid, entry["msgid_plural"], count) != text:
                    stale.append(msgid)
        elif catalogue.gettext(msgid) != entry["msgstr"][0]:
            stale.append(msgid)
    assert stale == [], "run compilemessages: the .mo lacks or differs on these"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_every_string_in_the_code_is_translated(tmp_path, monkeypatch):
    """makemessages over a copy of the project: nothing new is left untranslated or fuzzy."""
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(*NOT_SOURCE, "__pycache__", "*.pyc", "*.egg-info"),
    )
    shutil.copytree(ROOT / "locale", copy / "locale")
    monkeypatch.chdir(copy)
    monkeypatch.setattr(settings, "LOCALE_PATHS", [copy / "locale"])
    call_command(
        "makemessages",
        locale=LANGUAGES,
        no_location=True,
        ignore_patterns=[*NOT_SOURCE[:-1], "*.egg-info"],
        verbosity=0,
    )
    assert {
        code: problems(copy / "locale" / code / "LC_MESSAGES" / "django.po") for code in LANGUAGES
    } == {code: [] for code in LANGUAGES}
