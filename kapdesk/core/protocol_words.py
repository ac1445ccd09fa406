"""What is wrong in a protocol file, in the words the set-up page shows: each problem a
template marked for translation (English to the log and ``kapdesk protocol check`` as before).
Field names, key names and values from the file are not words: they fill the templates."""

from __future__ import annotations

from kapdesk.core.words import QT_TRANSLATE_NOOP

# What a value must be.
MINUTES_FROM = QT_TRANSLATE_NOOP("ProtocolFiles", "a number of minutes from {low} to {high}")
WHOLE_POINTS = QT_TRANSLATE_NOOP("ProtocolFiles", "a whole number of points from 1 to 12")
AMOUNT = QT_TRANSLATE_NOOP("ProtocolFiles", "a number above 0 and at most {most}")
MINUTE_FROM = QT_TRANSLATE_NOOP("ProtocolFiles", "a minute from 0 to {most}")
MINUTES_AFTER_DOSING = QT_TRANSLATE_NOOP(
    "ProtocolFiles", "a number of minutes after dosing from 0 to {most}"
)
NUMBER_FROM = QT_TRANSLATE_NOOP("ProtocolFiles", "a number from {low} to {high}")
# Too many of a kind.
MOST_STEPS = QT_TRANSLATE_NOOP("ProtocolFiles", "at most {most} checklist steps; there are {count}")
MOST_QUESTIONS = QT_TRANSLATE_NOOP("ProtocolFiles", "at most {most} questions; there are {count}")
MOST_PHASES = QT_TRANSLATE_NOOP("ProtocolFiles", "at most {most} phases; there are {count}")
MOST_INTERVALS = QT_TRANSLATE_NOOP("ProtocolFiles", "at most {most} intervals; there are {count}")
MOST_CHECKS = QT_TRANSLATE_NOOP("ProtocolFiles", "at most {most} checks; there are {count}")
# [protocol]
HEAD_REQUIRED = QT_TRANSLATE_NOOP(
    "ProtocolFiles", "a [protocol] table with id, name and route is required"
)
BAD_ID = QT_TRANSLATE_NOOP(
    "ProtocolFiles",
    'must be lowercase letters, digits and single hyphens (like "iv-ketamine"); "{id}" is not',
)
# [[preparation.checklist]] and [[discharge.questions]]
BAD_STEP_ID = QT_TRANSLATE_NOOP("ProtocolFiles", 'must be a slug like "ride-home"; "{id}" is not')
STEP_ID_TAKEN = QT_TRANSLATE_NOOP("ProtocolFiles", '"{id}" is already the id of another step')
BAD_QUESTION_ID = QT_TRANSLATE_NOOP(
    "ProtocolFiles", 'must be a slug like "sedation"; "{id}" is not'
)
QUESTION_ID_TAKEN = QT_TRANSLATE_NOOP(
    "ProtocolFiles", '"{id}" is already the id of another question'
)
# [dose]
BOTH_ENDS = QT_TRANSLATE_NOOP("ProtocolFiles", "needs {other} too: the usual range has two ends")
AT_LEAST_KEY = QT_TRANSLATE_NOOP("ProtocolFiles", "must be at least {key} ({amount} {unit})")
WITHIN_USUAL = QT_TRANSLATE_NOOP(
    "ProtocolFiles", "must be within the usual range, {low} to {high} {unit}"
)
AT_MOST_LIMIT = QT_TRANSLATE_NOOP(
    "ProtocolFiles", "must be at most the hard limit ({limit} {unit})"
)
# [[phases]]
NO_PHASES_TABLE = QT_TRANSLATE_NOOP(
    "ProtocolFiles", "at least one phase is required: add a [[phases]] table"
)
NO_PHASES = QT_TRANSLATE_NOOP("ProtocolFiles", "at least one phase is required")
NAME_TAKEN = QT_TRANSLATE_NOOP("ProtocolFiles", '"{name}" is already the name of {other}')
TOO_LONG = QT_TRANSLATE_NOOP(
    "ProtocolFiles",
    "the phases add up to {total} minutes; together they may last at most {most}",
)
# [vitals]
MEASURES = QT_TRANSLATE_NOOP("ProtocolFiles", "must be a non-empty array of: {allowed}")
LISTED_TWICE = QT_TRANSLATE_NOOP("ProtocolFiles", '"{measure}" is listed twice')
AFTER_START = QT_TRANSLATE_NOOP("ProtocolFiles", "must be after from_minute ({start})")
ONE_OF_TWO = QT_TRANSLATE_NOOP("ProtocolFiles", "needs exactly one of at_minute or moment")
NOT_BOTH = QT_TRANSLATE_NOOP("ProtocolFiles", "needs exactly one of at_minute or moment, not both")
# [thresholds]: a threshold against another
ORDER = {
    "below": QT_TRANSLATE_NOOP("ProtocolFiles", "must be below {other} ({value})"),
    "at most": QT_TRANSLATE_NOOP("ProtocolFiles", "must be at most {other} ({value})"),
    "above": QT_TRANSLATE_NOOP("ProtocolFiles", "must be above {other} ({value})"),
    "at least": QT_TRANSLATE_NOOP("ProtocolFiles", "must be at least {other} ({value})"),
}
# The library's folders and files.
NO_FOLDER = QT_TRANSLATE_NOOP("ProtocolFiles", "protocol folder not found")
FOLDER_UNREADABLE = QT_TRANSLATE_NOOP("ProtocolFiles", "cannot read the folder: {error}")
ID_TAKEN = QT_TRANSLATE_NOOP("ProtocolFiles", 'id "{id}" is already used by {file}')
