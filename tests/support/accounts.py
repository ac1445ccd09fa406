"""A record made and closed cleanly before kapdesk starts on it, holding staff accounts."""

from __future__ import annotations

from kapdesk.core.clock import FakeClock
from kapdesk.core.staff import Role
from kapdesk.paths import AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.storage.staff import StaffStore

PIN = "4862"  # every account's


def record_with(paths: AppPaths, clock: FakeClock, *accounts: tuple[str, frozenset[Role]]) -> None:
    """The data folder's record, closed cleanly, holding ``accounts`` (the first made by no
    one, the others by it)."""
    storage = open_storage(paths, None)
    staff = StaffStore(storage, clock)
    admin = None
    for name, roles in accounts:
        made = staff.create_account(name, roles, PIN, by=admin)
        admin = admin or made
    storage.engine.dispose()
