"""kapdesk's catalogues: find its words, take translations in, compile what ships.

    python packaging/catalogues.py update            # the words marked in kapdesk/ into every .ts
    python packaging/catalogues.py fill es FILE.json # translations ({"Context|English": "..."}) in
    python packaging/catalogues.py release           # every .ts compiled to the .qm kapdesk loads
    python packaging/catalogues.py missing es        # the words still without a translation

The ``.ts`` files in ``kapdesk/i18n`` are the catalogues' source (Qt Linguist edits them too);
the ``.qm`` files are compiled from them and shipped in the package, so a wheel or .deb build
needs no Qt tools. ``tests/ui/test_languages.py`` fails when a ``.qm`` is not the one its
``.ts`` compiles to, or when a word marked in the code lacks its Spanish or French.
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
BIN = Path(sys.executable).parent


def ts_file(language: str, folder: Path = CATALOGUES) -> Path:
    return folder / f"kapdesk_{language}.ts"


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "kapdesk").rglob("*.py"))


def update(folder: Path = CATALOGUES) -> None:
    """The words marked in the code into ``folder``'s catalogues (new ones unfinished)."""
    folder.mkdir(exist_ok=True)
    targets = [str(ts_file(language, folder)) for language in LANGUAGES]
    command = [str(BIN / "pyside6-lupdate"), "-locations", "none", "-no-obsolete", "-silent"]
    subprocess.run([*command, *sources(), "-ts", *targets], cwd=ROOT, check=True)


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


def fill(language: str, given: dict[str, str]) -> int:
    """Put ``given`` translations in; how many were taken."""
    path = ts_file(language)
    tree = ET.parse(path)
    taken = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            words = given.get(f"{name}|{message.findtext('source')}")
            translation = message.find("translation")
            if words is None or translation is None or message.get("numerus") == "yes":
                continue
            translation.text = words
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
