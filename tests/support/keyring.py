"""The OS keyring, as kapdesk uses it, in memory (for the encryption and connect tests)."""

from __future__ import annotations


class MemoryKeyring:
    """``get_password`` and ``set_password``, kept in a dict by (service, account)."""

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, account: str) -> str | None:
        return self.kept.get((service, account))

    def set_password(self, service: str, account: str, password: str) -> None:
        self.kept[(service, account)] = password
