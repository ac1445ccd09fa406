"""Reading kapdesk's TOML settings files (protocols, the clinic's settings) with every problem
reported at once, each with the line and the field it concerns.

``tomllib`` parses; :func:`field_lines` maps field paths (``phases[2].minutes``) back to the line
where each is written, and :class:`TomlChecker` collects problems instead of stopping at the
first one, so a clinic editing a file hears of everything that needs fixing in one go.
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from kapdesk.core.safe_files import SETTINGS_LIMIT, SafeFileError, read_file
from kapdesk.core.words import QT_TRANSLATE_NOOP, Template, joined

# A problem's place and words, each a template: a language says them in its own order.
AT_LINE_FIELD = QT_TRANSLATE_NOOP("SettingsFiles", "line {line}, {field}: {message}")
AT_LINE = QT_TRANSLATE_NOOP("SettingsFiles", "line {line}: {message}")
AT_FIELD = Template("SettingsFiles", "{field}: {message}")  # no words of its own
SETTINGS_FILE = QT_TRANSLATE_NOOP("SettingsFiles", "settings file")
PROBLEMS = QT_TRANSLATE_NOOP(
    "SettingsFiles",
    "{source}: %n problem|{source}: %n problems",
)
KINDS = {
    "bool": QT_TRANSLATE_NOOP("SettingsFiles", "true/false"),
    "str": QT_TRANSLATE_NOOP("SettingsFiles", "text"),
    "number": QT_TRANSLATE_NOOP("SettingsFiles", "a number"),
    "list": QT_TRANSLATE_NOOP("SettingsFiles", "an array"),
    "dict": QT_TRANSLATE_NOOP("SettingsFiles", "a table"),
    "date": QT_TRANSLATE_NOOP("SettingsFiles", "a date/time"),
}
NOT_A_TABLE = QT_TRANSLATE_NOOP("SettingsFiles", "must be a table, not {kind}")
NOT_TABLES = QT_TRANSLATE_NOOP(
    "SettingsFiles", "must be an array of tables, not {kind}: write {header}"
)
UNKNOWN_KEY = QT_TRANSLATE_NOOP("SettingsFiles", 'unknown key "{key}"')
UNKNOWN_KEY_CLOSE = QT_TRANSLATE_NOOP(
    "SettingsFiles", 'unknown key "{key}" (did you mean "{close}"?)'
)
REQUIRED = QT_TRANSLATE_NOOP("SettingsFiles", "is required")
REQUIRED_AS = QT_TRANSLATE_NOOP("SettingsFiles", "is required: {expected}")
NOT_TEXT = QT_TRANSLATE_NOOP("SettingsFiles", "must be text, not {kind}")
EMPTY = QT_TRANSLATE_NOOP("SettingsFiles", "must not be empty")
MUST_BE = QT_TRANSLATE_NOOP("SettingsFiles", "must be {expected}")
MUST_BE_NOT = QT_TRANSLATE_NOOP("SettingsFiles", "must be {expected}, not {kind}")
NOT_FLAG = QT_TRANSLATE_NOOP("SettingsFiles", "must be true or false, not {kind}")
NOT_ONE_OF = QT_TRANSLATE_NOOP("SettingsFiles", 'must be one of: {allowed}; "{value}" is not')
NOT_ONE_OF_KIND = QT_TRANSLATE_NOOP("SettingsFiles", "must be one of: {allowed}; not {kind}")
AT_THE_END = QT_TRANSLATE_NOOP("SettingsFiles", "{error} at the end of the file")
TOO_DEEP = QT_TRANSLATE_NOOP("SettingsFiles", "values are nested too deeply")
CANNOT_READ = QT_TRANSLATE_NOOP("SettingsFiles", "cannot read the file: {reason}")
NOT_UTF8 = QT_TRANSLATE_NOOP(
    "SettingsFiles", "not UTF-8 text (byte 0x{byte}); save the file with UTF-8 encoding"
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a TOML settings file, located as precisely as the text allows.

    ``field`` is a path into the file such as ``phases[2].minutes`` (array indexes count from
    0); it is empty for problems with the file as a whole (syntax, encoding, reading).
    """

    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        return self.said

    @property
    def said(self) -> str:
        """The problem with its line and field, as kapdesk's words (said in any language)."""
        if self.line is not None:
            if self.field:
                return AT_LINE_FIELD.format(line=self.line, field=self.field, message=self.message)
            return AT_LINE.format(line=self.line, message=self.message)
        if self.field:
            return AT_FIELD.format(field=self.field, message=self.message)
        return self.message


class TomlFileError(Exception):
    """A settings file that cannot be used, with every problem found in it."""

    noun = "file"  # what the file is, for a message without a source

    def __init__(self, problems: Iterable[Problem], source: str = "") -> None:
        self.problems: list[Problem] = list(problems)
        self.source = source
        count = len(self.problems)
        head = PROBLEMS.format(source=source or self.noun, count=count)
        super().__init__(joined([head, *(p.said for p in self.problems)], "\n  "))


# --- locating fields in the TOML text -------------------------------------------------------

_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_DOTTED_KEY = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_ARRAY_HEADER = re.compile(rf"\s*\[\[\s*({_DOTTED_KEY})\s*\]\]")
_TABLE_HEADER = re.compile(rf"\s*\[\s*({_DOTTED_KEY})\s*\]")
_KEY_LINE = re.compile(rf"\s*({_DOTTED_KEY})\s*=(.*)")
_PART = re.compile(_KEY_PART)


def _key_parts(dotted: str) -> list[str]:
    return [p[1:-1] if p[0] in "\"'" else p for p in _PART.findall(dotted)]


def join_path(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def parent_path(path: str) -> str:
    if path.endswith("]"):
        return path[: path.rindex("[")]
    return path.rpartition(".")[0]


def _scan_value(text: str, depth: int, open_string: str | None) -> tuple[int, str | None]:
    """Follow brackets and multi-line strings through one line of a value.

    Returns the bracket depth and the multi-line string delimiter still open at its end, so the
    caller knows whether the next line is still part of the same value.
    """
    i = 0
    while i < len(text):
        if open_string:
            end = text.find(open_string, i)
            if end < 0:
                return depth, open_string
            i, open_string = end + 3, None
            continue
        char = text[i]
        if text.startswith(('"""', "'''"), i):
            open_string, i = text[i : i + 3], i + 3
            continue
        if char == '"':
            i += 1
            while i < len(text) and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif char == "'":
            close = text.find("'", i + 1)
            i = close if close >= 0 else len(text)
        elif char == "#":
            break
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        i += 1
    return depth, open_string


def field_lines(text: str) -> dict[str, int]:
    """Map field paths (``phases[1].minutes``) to the line where each is written.

    Tables map to their header line. Only the first occurrence counts; the text is already known
    to be valid TOML, so a line that starts with ``[`` outside a value is a header.
    """
    lines: dict[str, int] = {}
    array_counts: dict[str, int] = {}
    table = ""
    depth, open_string = 0, None
    for number, line in enumerate(text.split("\n"), start=1):
        if depth > 0 or open_string:
            depth, open_string = _scan_value(line, depth, open_string)
            continue
        if match := _ARRAY_HEADER.match(line) or _TABLE_HEADER.match(line):
            is_array = line.lstrip().startswith("[[")
            *parents, last = _key_parts(match.group(1))
            path = ""
            for part in parents:
                path = join_path(path, part)
                if path in array_counts:
                    path += f"[{array_counts[path] - 1}]"
            path = join_path(path, last)
            if is_array:
                array_counts[path] = array_counts.get(path, 0) + 1
                path += f"[{array_counts[path] - 1}]"
            table = path
            lines.setdefault(table, number)
        elif match := _KEY_LINE.match(line):
            path = table
            for part in _key_parts(match.group(1)):
                path = join_path(path, part)
                lines.setdefault(path, number)
            depth, open_string = _scan_value(match.group(2), 0, None)
    return lines


# --- reading values --------------------------------------------------------------------------

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
E = TypeVar("E", bound=StrEnum)
MISSING = object()


def kind_of(value: object) -> str:
    if isinstance(value, bool):
        return KINDS["bool"]
    if isinstance(value, str):
        return KINDS["str"]
    if isinstance(value, int | float):
        return KINDS["number"]
    if isinstance(value, list):
        return KINDS["list"]
    if isinstance(value, dict):
        return KINDS["dict"]
    return KINDS["date"]


def as_number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def between(low: float, high: float) -> Callable[[float], bool]:
    return lambda x: low <= x <= high


class TomlChecker:
    """Reads parsed TOML into kapdesk's objects, collecting problems instead of stopping.

    Subclasses add the methods for their own file (a protocol, the clinic's settings).
    """

    def __init__(self, text: str) -> None:
        self.problems: list[Problem] = []
        self._lines = field_lines(text)

    def line_of(self, path: str) -> int | None:
        while path:
            if path in self._lines:
                return self._lines[path]
            path = parent_path(path)
        return None

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(self.line_of(path), path, message))

    def section(
        self,
        parent: Mapping[str, object],
        path: str,
        known: Collection[str],
        *,
        required: str = "",
    ) -> dict[str, object]:
        """The table at ``path`` (a key of ``parent``), its unknown keys reported; {} if absent."""
        value = parent.get(path.rpartition(".")[2], MISSING)
        if value is MISSING:
            if required:
                self.add(path, required)
            return {}
        if not isinstance(value, dict):
            self.add(path, NOT_A_TABLE.format(kind=kind_of(value)))
            return {}
        self.unknown_keys(value, path, known)
        return value

    def array_of_tables(
        self, parent: Mapping[str, object], path: str, known: Collection[str]
    ) -> list[tuple[str, dict[str, object]]]:
        value = parent.get(path.rpartition(".")[2], [])
        if not isinstance(value, list):
            header = f"[[{path}]]"
            self.add(path, NOT_TABLES.format(kind=kind_of(value), header=header))
            return []
        items: list[tuple[str, dict[str, object]]] = []
        for index, item in enumerate(value):
            item_path = f"{path}[{index}]"
            if isinstance(item, dict):
                self.unknown_keys(item, item_path, known)
                items.append((item_path, item))
            else:
                self.add(item_path, NOT_A_TABLE.format(kind=kind_of(item)))
        return items

    def unknown_keys(self, table: Mapping[str, object], path: str, known: Collection[str]) -> None:
        for key in table:
            if key in known:
                continue
            close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
            said = (
                UNKNOWN_KEY_CLOSE.format(key=key, close=close[0])
                if close
                else UNKNOWN_KEY.format(key=key)
            )
            self.add(join_path(path, key), said)

    def text(
        self,
        table: Mapping[str, object],
        path: str,
        key: str,
        *,
        default: str = "",
        required: bool = False,
        nonempty: bool = False,
    ) -> str:
        where = join_path(path, key)
        value = table.get(key, MISSING)
        if value is MISSING:
            if required:
                self.add(where, REQUIRED)
            return default
        if not isinstance(value, str):
            self.add(where, NOT_TEXT.format(kind=kind_of(value)))
            return default
        value = value.strip()
        if nonempty and not value:
            self.add(where, EMPTY)
        return value

    def number(
        self,
        table: Mapping[str, object],
        path: str,
        key: str,
        expected: str,
        ok: Callable[[float], bool],
        *,
        required: bool = False,
    ) -> float | None:
        """The number at ``key``, or None if it is absent or wrong (and then reported)."""
        where = join_path(path, key)
        value = table.get(key, MISSING)
        if value is MISSING:
            if required:
                self.add(where, REQUIRED_AS.format(expected=expected))
            return None
        number = as_number(value)
        if number is None or not ok(number):
            is_number = isinstance(value, int | float) and not isinstance(value, bool)
            said = (
                MUST_BE.format(expected=expected)
                if is_number
                else MUST_BE_NOT.format(expected=expected, kind=kind_of(value))
            )
            self.add(where, said)
            return None
        return number

    def flag(
        self, table: Mapping[str, object], path: str, key: str, *, default: bool = False
    ) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            self.add(join_path(path, key), NOT_FLAG.format(kind=kind_of(value)))
            return default
        return value

    def choice(self, value: object, where: str, kind: type[E]) -> E | None:
        """``value`` as a member of ``kind``; None if it is absent or wrong (and then reported)."""
        if value is MISSING:
            return None
        allowed = ", ".join(member.value for member in kind)
        if isinstance(value, str):
            try:
                return kind(value)
            except ValueError:
                self.add(where, NOT_ONE_OF.format(allowed=allowed, value=value))
                return None
        self.add(where, NOT_ONE_OF_KIND.format(allowed=allowed, kind=kind_of(value)))
        return None

    # -- sections --


def syntax_problem(error: tomllib.TOMLDecodeError) -> Problem:
    message = str(error)
    if match := re.search(r"\s*\(at line (\d+), column \d+\)$", message):
        return Problem(int(match.group(1)), "", message[: match.start()])
    message = message.removesuffix(" (at end of document)")
    return Problem(None, "", AT_THE_END.format(error=message))


def parse_toml(text: str, error: type[TomlFileError], source: str = "") -> dict[str, object]:
    """The parsed text, or ``error`` naming the line of the syntax problem."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error([syntax_problem(exc)], source) from None
    except RecursionError:
        raise error([Problem(None, "", TOO_DEEP)], source) from None


def read_toml_text(path: Path, error: type[TomlFileError]) -> str:
    """A settings file's text; ``error`` when it cannot be read or is not UTF-8.

    Only a regular file is read (never a FIFO or a device), and at most
    :data:`~kapdesk.core.safe_files.SETTINGS_LIMIT` bytes of it.
    """
    source = str(path)
    try:
        raw = read_file(path, limit=SETTINGS_LIMIT, what=SETTINGS_FILE)
    except SafeFileError as exc:
        problem = Problem(None, "", CANNOT_READ.format(reason=exc.reason))
        raise error([problem], source) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = NOT_UTF8.format(byte=f"{raw[exc.start]:02x}")
        raise error([Problem(line, "", message)], source) from None


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """In the order of the file; problems with no line last."""
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0))
