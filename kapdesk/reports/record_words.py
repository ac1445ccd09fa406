"""The printed session record's words, marked for translation.

The record is for the clinic's chart: it is printed in the staff's language, the one whose
translators are installed in the application (the window's, or the clinic's when the command
line prints), through :func:`kapdesk.translation.said_through`. The patient's handout has
its own translator (:mod:`kapdesk.reports.handout_words`). English, with no translator
installed, is the record's words as they always were.
"""

from __future__ import annotations

from kapdesk.core.words import QT_TRANSLATE_NOOP

SESSION_RECORD = QT_TRANSLATE_NOOP("SessionRecord", "Session record")
TITLE = QT_TRANSLATE_NOOP("SessionRecord", "Session record · {code}")
DOCUMENT = QT_TRANSLATE_NOOP("SessionRecord", "Session {session}")
PDF_TITLE = QT_TRANSLATE_NOOP("SessionRecord", "Session {session} · {code}")
PRINTED = QT_TRANSLATE_NOOP(
    "SessionRecord",
    "Printed {moment} by kapdesk {version}. "
    "Corrections are shown with the original; nothing in the record is overwritten.",
)
INTEGRATION_PLAN = QT_TRANSLATE_NOOP("SessionRecord", "Integration plan")
# The facts at the top.
PATIENT = QT_TRANSLATE_NOOP("SessionRecord", "Patient (clinic code)")
SESSION = QT_TRANSLATE_NOOP("SessionRecord", "Session")
SESSION_IN_COURSE = QT_TRANSLATE_NOOP("SessionRecord", "{session} · {course}")
PROTOCOL = QT_TRANSLATE_NOOP("SessionRecord", "Protocol")
SITTER = QT_TRANSLATE_NOOP("SessionRecord", "Sitter")
STAFF = QT_TRANSLATE_NOOP("SessionRecord", "Staff in the record")
OPENED = QT_TRANSLATE_NOOP("SessionRecord", "Opened")
DOSED = QT_TRANSLATE_NOOP("SessionRecord", "Dosed")
CLOSED = QT_TRANSLATE_NOOP("SessionRecord", "Closed")
CLOSED_EARLY = QT_TRANSLATE_NOOP("SessionRecord", "Closed early")
WHY_EARLY = QT_TRANSLATE_NOOP("SessionRecord", "Why closed early")
EARLY_BY = QT_TRANSLATE_NOOP("SessionRecord", "Early close decided by")
CLOSED_BECAUSE = QT_TRANSLATE_NOOP("SessionRecord", "Closed because")
# Signatures.
SIGNED = QT_TRANSLATE_NOOP("SessionRecord", "Signed")
SIGNS = QT_TRANSLATE_NOOP(
    "SessionRecord", "The clinician responsible for this session signs the printed record."
)
SIGNS_SITTER = QT_TRANSLATE_NOOP(
    "SessionRecord",
    "The clinician responsible for this session signs the printed record. "
    "Sitter in the record: {sitter}.",
)
CLINICIAN = QT_TRANSLATE_NOOP("SessionRecord", "Clinician (name)")
ROLE = QT_TRANSLATE_NOOP("SessionRecord", "Role")
SIGNATURE = QT_TRANSLATE_NOOP("SessionRecord", "Signature")
DATE = QT_TRANSLATE_NOOP("SessionRecord", "Date")
# Preparation.
PREPARATION = QT_TRANSLATE_NOOP("SessionRecord", "Preparation")
DONE = QT_TRANSLATE_NOOP("SessionRecord", "done")
NOT_DONE = QT_TRANSLATE_NOOP("SessionRecord", "not done")
NOT_RECORDED = QT_TRANSLATE_NOOP("SessionRecord", "(not recorded)")
INTENTION = QT_TRANSLATE_NOOP(
    "SessionRecord", "<b>Intention</b> (the patient's words): {intention}"
)
BASELINE = QT_TRANSLATE_NOOP("SessionRecord", "<b>Baseline vital signs:</b> {reading}")
HIGH_BASELINE = QT_TRANSLATE_NOOP("SessionRecord", "Dosed after a high baseline because: {reason}")
BREATHWORK = QT_TRANSLATE_NOOP("SessionRecord", "Breathwork: {minutes} min")
CHECKLIST_STEP = QT_TRANSLATE_NOOP("SessionRecord", "Checklist step")
# Table headers.
TIME = QT_TRANSLATE_NOOP("SessionRecord", "Time")
JOURNEY = QT_TRANSLATE_NOOP("SessionRecord", "Journey")
BY = QT_TRANSLATE_NOOP("SessionRecord", "By")
WHAT = QT_TRANSLATE_NOOP("SessionRecord", "What")
# Doses.
DOSES = QT_TRANSLATE_NOOP("SessionRecord", "Doses")
NO_DOSE = QT_TRANSLATE_NOOP("SessionRecord", "No dose was recorded.")
OUTSIDE = QT_TRANSLATE_NOOP("SessionRecord", "Outside the usual range: {why}")
OUTSIDE_GIVEN = QT_TRANSLATE_NOOP(
    "SessionRecord", "Outside the usual range: {why}; given because: {reason}"
)
AMOUNT = QT_TRANSLATE_NOOP("SessionRecord", "Amount")
WEIGHT = QT_TRANSLATE_NOOP("SessionRecord", "Weight")
TOTAL = QT_TRANSLATE_NOOP("SessionRecord", "Total")
ROUTE = QT_TRANSLATE_NOOP("SessionRecord", "Route")
LOT = QT_TRANSLATE_NOOP("SessionRecord", "Lot")
GIVEN_BY = QT_TRANSLATE_NOOP("SessionRecord", "Given by")
# Phases.
PHASES = QT_TRANSLATE_NOOP("SessionRecord", "Phases")
ENDED_EARLY = QT_TRANSLATE_NOOP("SessionRecord", "ended early by hand")
PHASE = QT_TRANSLATE_NOOP("SessionRecord", "Phase")
PLANNED = QT_TRANSLATE_NOOP("SessionRecord", "Planned")
ACTUAL = QT_TRANSLATE_NOOP("SessionRecord", "Actual")
STARTED_AT = QT_TRANSLATE_NOOP("SessionRecord", "Started at")
# A correction's history.
ORIGINAL = QT_TRANSLATE_NOOP("SessionRecord", "Original ({when}): {text}")
ORIGINAL_BY = QT_TRANSLATE_NOOP("SessionRecord", "Original ({when} by {by}): {text}")
CORRECTED = QT_TRANSLATE_NOOP("SessionRecord", "Corrected {when}, because “{reason}”: {text}")
CORRECTED_BY = QT_TRANSLATE_NOOP(
    "SessionRecord", "Corrected {when} by {by}, because “{reason}”: {text}"
)
# Vital signs.
VITAL_SIGNS = QT_TRANSLATE_NOOP("SessionRecord", "Vital signs")
NO_VITALS = QT_TRANSLATE_NOOP("SessionRecord", "No vital signs were recorded.")
BEFORE_DOSE = QT_TRANSLATE_NOOP("SessionRecord", "before dose")
CHART_KEY = QT_TRANSLATE_NOOP(  # said under the chart, in words anyone can read back
    "SessionRecord",
    "Left axis: blood pressure (mmHg) and heart rate (/min). Right axis: SpO2 (%). "
    "Shaded strip: baseline, before dosing. Red rings: flagged readings.",
)
READING = QT_TRANSLATE_NOOP("SessionRecord", "Reading")
FLAGGED = QT_TRANSLATE_NOOP("SessionRecord", "Flagged")
# Notes, sound.
NOTES = QT_TRANSLATE_NOOP("SessionRecord", "Notes and ratings")
NONE = QT_TRANSLATE_NOOP("SessionRecord", "None.")
ENTRY = QT_TRANSLATE_NOOP("SessionRecord", "Entry")
MUSIC = QT_TRANSLATE_NOOP("SessionRecord", "Music and sound")
NO_SOUND = QT_TRANSLATE_NOOP("SessionRecord", "No sound was played.")
# Discharge.
DISCHARGE = QT_TRANSLATE_NOOP("SessionRecord", "Discharge")
READY = QT_TRANSLATE_NOOP("SessionRecord", "<b>Ready to leave:</b> {moment}")
READY_AFTER = QT_TRANSLATE_NOOP(
    "SessionRecord", "<b>Ready to leave:</b> {moment} ({journey} after dosing)"
)
READY_FROM = QT_TRANSLATE_NOOP(
    "SessionRecord", "<b>Ready to leave:</b> {moment}; may leave from {time}"
)
READY_AFTER_FROM = QT_TRANSLATE_NOOP(
    "SessionRecord",
    "<b>Ready to leave:</b> {moment} ({journey} after dosing); may leave from {time}",
)
NEVER_READY = QT_TRANSLATE_NOOP(
    "SessionRecord", "No discharge check found the patient ready to leave."
)
MONITORING = QT_TRANSLATE_NOOP(
    "SessionRecord", "<b>Total monitoring time</b> (dose to close): {time}"
)
SCORE_OF = QT_TRANSLATE_NOOP("SessionRecord", "{total} of {most}")
ITEM_SCORE = QT_TRANSLATE_NOOP("SessionRecord", "{item} {score} ({words})")
SCORE = QT_TRANSLATE_NOOP("SessionRecord", "Score")
ITEMS = QT_TRANSLATE_NOOP("SessionRecord", "Items")
WHY_NOT_READY = QT_TRANSLATE_NOOP("SessionRecord", "Why not ready")
# The timeline and the plan.
TIMELINE = QT_TRANSLATE_NOOP("SessionRecord", "Timeline")
ITEM = QT_TRANSLATE_NOOP("SessionRecord", "Item")
WHEN = QT_TRANSLATE_NOOP("SessionRecord", "When")
WITH = QT_TRANSLATE_NOOP("SessionRecord", "With")
NOTES_HEADER = QT_TRANSLATE_NOOP("SessionRecord", "Notes")
# The vital-signs chart's words.
SYSTOLIC = QT_TRANSLATE_NOOP("SessionRecord", "Systolic")
DIASTOLIC = QT_TRANSLATE_NOOP("SessionRecord", "Diastolic")
HEART_RATE = QT_TRANSLATE_NOOP("SessionRecord", "Heart rate")
BASELINE_STRIP = QT_TRANSLATE_NOOP("SessionRecord", "Baseline")
MINUTES_SINCE_DOSING = QT_TRANSLATE_NOOP("SessionRecord", "minutes since dosing")
