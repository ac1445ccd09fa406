"""kapdesk's catalogues: find its words, take translations in, compile what ships.

    python packaging/catalogues.py update            # the words marked in kapdesk/ into every .ts
    python packaging/catalogues.py fill es FILE.json # translations ({"Context|English": "..."}) in
                                                     # (counted words: a list of the forms)
    python packaging/catalogues.py release           # every .ts compiled to the .qm kapdesk loads
    python packaging/catalogues.py missing es        # the words still without a translation

The ``.ts`` files in ``kapdesk/i18n`` are the catalogues' source (Qt Linguist edits them too);
the ``.qm`` files are compiled from them and shipped in the package, so a wheel or .deb build
needs no Qt tools. ``tests/ui/test_languages.py`` fails when a ``.qm`` is not the one its
``.ts`` compiles to, or when a word marked in the code lacks its Spanish or French.

Counted words (their English holds ``%n``, see ``kapdesk.core.words.Counted``) are plural
messages: each language gives its own forms (Spanish and French have two). lupdate reads only
the marks in Python, not which words are counted, so ``update`` makes them plural again after
it and keeps the forms already translated.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = ROOT / "kapdesk" / "i18n"
LANGUAGES = ("es", "fr")
FORMS = {"es": 2, "fr": 2}  # how many plural forms Qt gives each language
COUNT = "%n"
BIN = Path(sys.executable).parent


def ts_file(language: str, folder: Path = CATALOGUES) -> Path:
    return folder / f"kapdesk_{language}.ts"


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "kapdesk").rglob("*.py"))


def update(folder: Path = CATALOGUES) -> None:
    """The words marked in the code into ``folder``'s catalogues (new ones unfinished)."""
    folder.mkdir(exist_ok=True)
    targets = [str(ts_file(language, folder)) for language in LANGUAGES]
    kept = {language: plurals(language, folder) for language in LANGUAGES}
    command = [str(BIN / "pyside6-lupdate"), "-locations", "none", "-no-obsolete", "-silent"]
    ran = subprocess.run(
        [*command, *sources(), "-ts", *targets],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    # lupdate drops the forms of what it takes for plain words; they are put back just below.
    said = [line for line in ran.stderr.splitlines() if "plural forms" not in line.lower()]
    said = [line for line in said if "sounds wrong" not in line]
    if said:
        print("\n".join(said), file=sys.stderr)
    for language in LANGUAGES:
        make_plural(language, kept[language], folder)


def plurals(language: str, folder: Path = CATALOGUES) -> dict[str, list[str]]:
    """The forms already given for each counted message (``Context|English``)."""
    if not ts_file(language, folder).exists():
        return {}
    found = {}
    for context, message in messages(language, folder):
        forms = [form.text or "" for form in message.iter("numerusform")]
        if message.get("numerus") == "yes" and any(forms):
            found[f"{context}|{message.findtext('source')}"] = forms
    return found


def make_plural(language: str, kept: dict[str, list[str]], folder: Path = CATALOGUES) -> None:
    """Every counted message of the catalogue plural, with the forms ``kept`` for it."""
    path = ts_file(language, folder)
    tree = ET.parse(path)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if COUNT in source:
                _set_forms(message, kept.get(f"{name}|{source}", []), FORMS[language])
    tree.write(path, encoding="utf-8", xml_declaration=True)


def _set_forms(message: ET.Element, forms: list[str], count: int) -> None:
    message.set("numerus", "yes")
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    translation.clear()
    forms = (forms + [""] * count)[:count]
    for form in forms:
        ET.SubElement(translation, "numerusform").text = form
    if not all(forms):
        translation.set("type", "unfinished")


def release(out: Path = CATALOGUES) -> list[Path]:
    made = []
    for language in LANGUAGES:
        qm = out / f"kapdesk_{language}.qm"
        command = [str(BIN / "pyside6-lrelease"), "-silent", "-nounfinished"]
        subprocess.run([*command, str(ts_file(language)), "-qm", str(qm)], check=True)
        made.append(qm)
    return made


def messages(language: str, folder: Path = CATALOGUES) -> list[tuple[str, ET.Element]]:
    """Each message of the language's catalogue, with its context's name."""
    root = ET.parse(ts_file(language, folder)).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        found += [(name, message) for message in context.iter("message")]
    return found


def missing(language: str, folder: Path = CATALOGUES) -> list[str]:
    """``Context|English`` of every word without a finished translation."""
    lacking = []
    for context, message in messages(language, folder):
        translation = message.find("translation")
        if (
            translation is None
            or translation.get("type") == "unfinished"
            or not "".join(translation.itertext()).strip()
        ):
            lacking.append(f"{context}|{message.findtext('source')}")
    return lacking


def fill(language: str, given: dict[str, str | list[str]]) -> int:
    """Put ``given`` translations in (counted words: their forms); how many were taken."""
    path = ts_file(language)
    tree = ET.parse(path)
    taken = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            words = given.get(f"{name}|{message.findtext('source')}")
            translation = message.find("translation")
            if words is None or translation is None:
                continue
            if message.get("numerus") == "yes":
                if not isinstance(words, list) or len(words) != FORMS[language]:
                    raise ValueError(f"{name}|{message.findtext('source')}: give its forms")
                _set_forms(message, words, FORMS[language])
                taken += 1
                continue
            translation.text = str(words)
            translation.attrib.pop("type", None)
            taken += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return taken


def main(argv: list[str]) -> int:
    match argv:
        case ["update"]:
            update()
        case ["release"]:
            release()
        case ["fill", language, file]:
            given = json.loads(Path(file).read_text(encoding="utf-8"))
            print(f"{fill(language, given)} translations taken in")
        case ["missing", language]:
            print("\n".join(missing(language)))
        case _:
            print(__doc__, file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
