"""A session's integration plan in the database: drafted once when the session closes, then
ticked, assigned, booked and noted by staff, every change appended with who and when."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kapdesk.core.clock import Clock
from kapdesk.core.integration import ItemKind, PlannedItem
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.storage.db import Storage
from kapdesk.storage.failures import plainly
from kapdesk.storage.models import IntegrationItem, IntegrationUpdate, JourneySession, Patient


@dataclass(frozen=True)
class Change:
    """One update of an item, as recorded."""

    at: datetime
    by: str
    done: bool | None
    assigned_to: str | None
    booked_on: date | None
    note: str


@dataclass(frozen=True)
class ItemState:
    """An integration item as its updates leave it."""

    id: int
    session_id: int
    kind: ItemKind
    key: str
    text: str
    due_from: date | None
    due_by: date | None
    done: bool = False
    assigned_to: str = ""
    booked_on: date | None = None
    notes: tuple[str, ...] = ()
    history: tuple[Change, ...] = field(default=())

    @property
    def booking(self) -> str:
        """What staff wrote with the booking ("10:00 with Lee, room 2"): the note saved in the
        same change as the date it is booked on; "" when not booked or booked without one."""
        for change in reversed(self.history):
            if change.booked_on is not None:
                return change.note if change.booked_on == self.booked_on else ""
        return ""

    @property
    def done_by(self) -> str:
        for change in reversed(self.history):
            if change.done is not None:
                return change.by if change.done else ""
        return ""


@dataclass(frozen=True)
class OpenItem:
    """An item not done yet, with the session and patient it belongs to (for "revisit")."""

    state: ItemState
    patient_code: str
    session_closed_at: datetime | None


class IntegrationStore:
    """Integration plans; each call is one unit of work."""

    def __init__(self, storage: Storage, clock: Clock) -> None:
        self._factory = storage.factory
        self._clock = clock

    def draft(self, session_id: int, plan: Sequence[PlannedItem]) -> list[ItemState]:
        """Save the plan for a session unless it has one already; its items as they stand."""
        now = self._clock.now()
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The integration plan could not be saved")),
            self._factory.begin() as session,
        ):
            count = session.scalar(
                select(func.count())
                .select_from(IntegrationItem)
                .where(IntegrationItem.session_id == session_id)
            )
            if not count:
                for position, planned in enumerate(plan):
                    session.add(
                        IntegrationItem(
                            session_id=session_id,
                            position=position,
                            kind=planned.kind.value,
                            key=planned.key,
                            text=planned.text,
                            due_from=planned.window.earliest if planned.window else None,
                            due_by=planned.window.latest if planned.window else None,
                            created_at=now,
                        )
                    )
        return self.items(session_id)

    def items(self, session_id: int) -> list[ItemState]:
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The integration plan cannot be read")),
            self._factory() as session,
        ):
            rows = session.scalars(
                select(IntegrationItem)
                .where(IntegrationItem.session_id == session_id)
                .order_by(IntegrationItem.position)
            ).all()
            return self._states(session, rows)

    def update(
        self,
        item_id: int,
        by: str,
        *,
        done: bool | None = None,
        assigned_to: str | None = None,
        booked_on: date | None = None,
        note: str = "",
    ) -> ItemState:
        """Append a change to an item; returns the item as it now stands."""
        if done is None and assigned_to is None and booked_on is None and not note.strip():
            raise ValueError("nothing to change")
        now = self._clock.now()
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The change could not be saved")),
            self._factory.begin() as session,
        ):
            if session.get(IntegrationItem, item_id) is None:
                raise LookupError(f"there is no integration item {item_id}")
            session.add(
                IntegrationUpdate(
                    item_id=item_id,
                    at=now,
                    by=by.strip(),
                    done=done,
                    assigned_to=assigned_to.strip() if assigned_to is not None else None,
                    booked_on=booked_on,
                    note=note.strip(),
                )
            )
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The integration plan cannot be read")),
            self._factory() as session,
        ):
            row = session.get(IntegrationItem, item_id)
            assert row is not None
            return self._states(session, [row])[0]

    def open_items(self, limit: int = 200) -> list[OpenItem]:
        """Items not done yet across sessions, the soonest due first: what to revisit."""
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "Open integration items cannot be read")),
            self._factory() as session,
        ):
            rows = session.execute(
                select(IntegrationItem, Patient.clinic_code, JourneySession.closed_at)
                .join(JourneySession, JourneySession.id == IntegrationItem.session_id)
                .join(Patient, Patient.id == JourneySession.patient_id)
                .order_by(IntegrationItem.id)
            ).all()
            states = self._states(session, [row[0] for row in rows])
        found = [
            OpenItem(state, code, closed_at)
            for state, (_item, code, closed_at) in zip(states, rows, strict=True)
            if not state.done
        ]
        found.sort(key=lambda o: (o.state.due_by or date.max, o.state.id))
        return found[:limit]

    def _states(self, session: Session, rows: Sequence[IntegrationItem]) -> list[ItemState]:
        if not rows:
            return []
        ids = [row.id for row in rows]
        updates = session.scalars(
            select(IntegrationUpdate)
            .where(IntegrationUpdate.item_id.in_(ids))
            .order_by(IntegrationUpdate.at, IntegrationUpdate.id)
        ).all()
        by_item: dict[int, list[IntegrationUpdate]] = {}
        for update in updates:
            by_item.setdefault(update.item_id, []).append(update)
        states = []
        for row in rows:
            done, assigned, booked = False, "", None
            notes: list[str] = []
            history: list[Change] = []
            for update in by_item.get(row.id, []):
                if update.done is not None:
                    done = update.done
                if update.assigned_to is not None:
                    assigned = update.assigned_to
                if update.booked_on is not None:
                    booked = update.booked_on
                if update.note:
                    notes.append(update.note)
                history.append(
                    Change(
                        update.at,
                        update.by,
                        update.done,
                        update.assigned_to,
                        update.booked_on,
                        update.note,
                    )
                )
            states.append(
                ItemState(
                    row.id,
                    row.session_id,
                    ItemKind(row.kind),
                    row.key,
                    row.text,
                    row.due_from,
                    row.due_by,
                    done,
                    assigned,
                    booked,
                    tuple(notes),
                    tuple(history),
                )
            )
        return states
