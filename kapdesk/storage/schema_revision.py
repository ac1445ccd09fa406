"""The schema revisions this kapdesk knows, in a module that imports nothing.

The start's first look at the record (:mod:`kapdesk.storage.first_look`) checks the revision
before the database library is loaded; :mod:`kapdesk.storage.db` upgrades to it.
"""

from __future__ import annotations

# The newest migration's revision. A test checks it against the Alembic scripts.
SCHEMA_HEAD = "0014"
KNOWN_REVISIONS = (
    *("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010"),
    *("0011", "0012", "0013", "0014"),
)
