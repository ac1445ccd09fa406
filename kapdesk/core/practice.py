"""Practice mode: what sets practice apart from the clinical record, in one place.

``kapdesk --practice`` runs on a record of its own (a ``practice`` folder inside the data
folder), never on the clinic's; its clock can run fast (:class:`kapdesk.core.clock.SpeedClock`)
and every screen and every page it makes says it is practice.
"""

from __future__ import annotations

PRACTICE_FOLDER = "practice"  # inside the data folder: the practice record and its own files
MARK = "PRACTICE — not a clinical record"  # on every printed page and every export
DOCUMENTS_FOLDER = "documents"  # inside the practice folder: where practice PDFs are saved
FILE_PREFIX = "practice-"  # before every PDF name practice suggests: never a real record's
SPEEDS = (1, 5, 10, 30)  # the speeds the trainer can pick on the practice band
WINDOW_TITLE = "kapdesk — Practice"
